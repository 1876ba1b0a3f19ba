"""Realisasi of an SKP in a period (issue 10 §2): what the table shows, who may see and write
it, and the writes (realisasi, kualitatif entries, bukti dukung, umpan balik). One
implementation for every JenisSkp and both models; the table is skp/realisasi_tabel.html.

Who: the owner writes realisasi on an approved SKP in an open period; the SKP's Pejabat Penilai
writes umpan balik; the owner, the Pejabat Penilai and the Atasan Pejabat Penilai (the owner's
Atasan II) see it and its bukti dukung. Everyone else gets 404.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import abort
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from webapp.domain import realisasi as dom
from webapp.extensions import db
from webapp.models import (
    BuktiDukung,
    Evaluasi,
    Indikator,
    Pegawai,
    PenilaianPerilaku,
    Realisasi,
    RencanaHasilKerja,
    Skp,
    UmpanBalik,
)
from webapp.services import bukti_dukung as storage
from webapp.services import penilaian_perilaku
from webapp.services import periode_penilaian as periode_service
from webapp.services.periode_penilaian import Periode
from webapp.services.skp import plan_options

BELUM_DISETUJUI = (
    "SKP ini belum disetujui Pejabat Penilai Kinerja: realisasi dapat diisi setelah SKP disetujui."
)


@dataclass
class DataRealisasi:
    """Everything the realisasi table shows for one SKP and period, loaded in a constant number
    of queries."""

    periode: Periode
    daftar: list[Periode]
    terkunci: str | None = None
    realisasi: dict[int, Realisasi] = field(default_factory=dict)  # indikator_id (kuantitatif)
    entri: dict[int, list[Realisasi]] = field(default_factory=dict)  # rencana_id (kualitatif)
    umpan_indikator: dict[int, UmpanBalik] = field(default_factory=dict)
    umpan_rencana: dict[int, UmpanBalik] = field(default_factory=dict)
    perilaku: dict[int, PenilaianPerilaku] = field(default_factory=dict)  # perilaku_id
    progres: dict[int, str] = field(default_factory=dict)  # indikator_id / rencana_id
    evaluasi: Evaluasi | None = None
    # Where Input Umpan Balik returns without JS (a page that includes the table, e.g. SKP
    # Bawahan, sets it to its own URL; none: the leaders' realisasi page).
    kembali: str | None = None

    @property
    def terbuka(self) -> bool:
        return self.terkunci is None


# --- who may see which SKP ---------------------------------------------------------------------


def skp_penuh(skp_id: int) -> Skp | None:
    """The SKP with its plan and its owner (for the owner's Atasan II)."""
    return db.session.scalar(select(Skp).where(Skp.id == skp_id).options(*plan_options()))


def boleh_lihat(skp: Skp, user: Pegawai) -> bool:
    """The owner, the SKP's Pejabat Penilai and the Atasan Pejabat Penilai (owner's Atasan II)."""
    return user.id in (skp.pegawai_id, skp.penilai_id) or (
        skp.pegawai is not None and skp.pegawai.atasan_ii_id == user.id
    )


def skp_dilihat(skp_id: int, user: Pegawai) -> Skp:
    skp = skp_penuh(skp_id)
    if skp is None or not boleh_lihat(skp, user):
        abort(404)
    return skp


def skp_dinilai(skp_id: int, user: Pegawai) -> Skp:
    """An SKP whose Pejabat Penilai is `user` (404 otherwise)."""
    skp = skp_penuh(skp_id)
    if skp is None or skp.penilai_id is None or skp.penilai_id != user.id:
        abort(404)
    return skp


def indikator_of(skp: Skp, indikator_id: int) -> Indikator:
    for r in skp.rencana:
        for i in r.indikator:
            if i.id == indikator_id:
                return i
    abort(404)


def rencana_of(skp: Skp, rencana_id: int) -> RencanaHasilKerja:
    for r in skp.rencana:
        if r.id == rencana_id:
            return r
    abort(404)


# --- the table's data --------------------------------------------------------------------------


def muat(skp: Skp, periode: Periode, daftar: list[Periode]) -> DataRealisasi:
    """The period's realisasi, umpan balik, 360 feedback and evaluation of the SKP, and each
    indicator's progress in the earlier periods of the year (one query for the whole year)."""
    data = DataRealisasi(periode=periode, daftar=daftar)
    data.terkunci = periode_service.alasan_terkunci(periode, skp.pegawai_id)
    semua = db.session.scalars(
        select(Realisasi)
        .where(Realisasi.skp_id == skp.id)
        .options(selectinload(Realisasi.bukti))
        .order_by(Realisasi.urutan, Realisasi.id)
    ).all()
    sebelum = _sebelumnya(periode, daftar)
    lalu: dict[int, list] = {}  # indikator_id / rencana_id -> [(order, label, nilai, teks)]
    for r in semua:
        if periode.id is not None and r.periode_id == periode.id:
            if r.indikator_id is not None:
                data.realisasi[r.indikator_id] = r
            else:
                data.entri.setdefault(r.rencana_id, []).append(r)
        elif r.periode_id in sebelum:
            order, label = sebelum[r.periode_id]
            key = r.indikator_id or r.rencana_id
            lalu.setdefault(key, []).append((order, label, r.nilai, r.teks))
    indikator = {i.id: i for rr in skp.rencana for i in rr.indikator}
    for key, items in lalu.items():
        items.sort(key=lambda x: x[0])
        if key in indikator and skp.pendekatan == "kuantitatif":
            i = indikator[key]
            rows = [(label, n, t) for _, label, n, t in items]
            data.progres[key] = dom.progres(rows, i.target, i.target_atas, i.satuan)
        else:  # kualitatif: the number of entries per earlier period
            counts: dict[str, int] = {}
            for _, label, _n, _t in items:
                counts[label] = counts.get(label, 0) + 1
            data.progres[key] = " · ".join(f"{lbl} {n} realisasi" for lbl, n in counts.items())
    if periode.id is not None:
        for u in db.session.scalars(
            select(UmpanBalik).where(
                UmpanBalik.skp_id == skp.id, UmpanBalik.periode_id == periode.id
            )
        ):
            if u.indikator_id is not None:
                data.umpan_indikator[u.indikator_id] = u
            else:
                data.umpan_rencana[u.rencana_id] = u
        data.perilaku = penilaian_perilaku.hasil(skp, periode)
        data.evaluasi = db.session.scalar(
            select(Evaluasi).where(Evaluasi.skp_id == skp.id, Evaluasi.periode_id == periode.id)
        )
    return data


def _sebelumnya(periode: Periode, daftar: list[Periode]) -> dict[int, tuple[int, str]]:
    """periode_id -> (order, short label) of the periods before `periode` (for TAHUNAN: every
    other period of the year) that have a row."""
    out = {}
    for n, p in enumerate(daftar):
        if p.kode == periode.kode:
            break
        if p.id is not None and p.jenis != "tahunan":
            out[p.id] = (n, dom.singkatan(p.jenis, p.nomor))
    return out


def realisasi_indikator(skp: Skp, periode: Periode, indikator: Indikator) -> Realisasi | None:
    if periode.id is None:
        return None
    return db.session.scalar(
        select(Realisasi)
        .where(Realisasi.indikator_id == indikator.id, Realisasi.periode_id == periode.id)
        .options(selectinload(Realisasi.bukti))
    )


def entri_rencana(periode: Periode, rencana: RencanaHasilKerja) -> list[Realisasi]:
    if periode.id is None:
        return []
    return list(
        db.session.scalars(
            select(Realisasi)
            .where(Realisasi.rencana_id == rencana.id, Realisasi.periode_id == periode.id)
            .options(selectinload(Realisasi.bukti))
            .order_by(Realisasi.urutan, Realisasi.id)
        )
    )


def umpan_balik(periode: Periode, target: str, target_id: int) -> UmpanBalik | None:
    if periode.id is None:
        return None
    column = UmpanBalik.indikator_id if target == "indikator" else UmpanBalik.rencana_id
    return db.session.scalar(
        select(UmpanBalik).where(column == target_id, UmpanBalik.periode_id == periode.id)
    )


def periode_dari_baris(skp: Skp, periode_id: int) -> tuple[Periode, list[Periode]]:
    """The Periode (with its list) of a stored row's periode_id; 404 if not one of the SKP's."""
    daftar = periode_service.periode_skp(skp)
    for p in daftar:
        if p.id == periode_id:
            return p, daftar
    abort(404)


def entri_milik(realisasi_id: int, user: Pegawai, kode_jenis: str) -> Realisasi:
    """A kualitatif entry of the user's own SKP of that kind (404 otherwise)."""
    r = db.session.scalar(
        select(Realisasi)
        .where(Realisasi.id == realisasi_id)
        .options(joinedload(Realisasi.skp), selectinload(Realisasi.bukti))
    )
    if r is None or r.skp.pegawai_id != user.id or r.skp.jenis != kode_jenis:
        abort(404)
    return r


def bukti_milik(bukti_id: int, user: Pegawai, kode_jenis: str) -> BuktiDukung:
    b = db.session.scalar(
        select(BuktiDukung)
        .where(BuktiDukung.id == bukti_id)
        .options(joinedload(BuktiDukung.realisasi).joinedload(Realisasi.skp))
    )
    if b is None or b.realisasi.skp.pegawai_id != user.id or b.realisasi.skp.jenis != kode_jenis:
        abort(404)
    return b


def bukti_dilihat(bukti_id: int, user: Pegawai) -> BuktiDukung:
    """A stored file the user may download (owner, Pejabat Penilai, Atasan II); 404 else."""
    b = db.session.scalar(
        select(BuktiDukung)
        .where(BuktiDukung.id == bukti_id, BuktiDukung.jenis == "berkas")
        .options(
            joinedload(BuktiDukung.realisasi).joinedload(Realisasi.skp).joinedload(Skp.pegawai)
        )
    )
    if b is None or not boleh_lihat(b.realisasi.skp, user):
        abort(404)
    return b


# --- writes ------------------------------------------------------------------------------------


@dataclass
class Berkas:
    """An uploaded file that passed the checks (webapp.domain.berkas.periksa)."""

    nama: str
    tipe: str
    data: bytes


def tambah_bukti(
    realisasi: Realisasi, tautan: list[str], berkas: list[Berkas], user: Pegawai
) -> list[str]:
    """Attach links and files; the files are written to storage now. Returns their keys: the
    caller commits with `commit_atau_bersihkan(keys)` so a failed commit leaves no orphan."""
    keys: list[str] = []
    try:
        for url in tautan:
            realisasi.bukti.append(BuktiDukung(jenis="tautan", url=url, oleh_id=user.id))
        for b in berkas:
            kunci, sha = storage.simpan(b.data)
            keys.append(kunci)
            realisasi.bukti.append(
                BuktiDukung(
                    jenis="berkas",
                    nama=b.nama[:255],
                    tipe=b.tipe,
                    ukuran=len(b.data),
                    sha256=sha,
                    kunci=kunci,
                    oleh_id=user.id,
                )
            )
    except BaseException:
        storage.hapus(keys)
        raise
    return keys


def commit_atau_bersihkan(keys: list[str]) -> None:
    """Commit; if the commit fails, the files just stored go too (nothing half-saved)."""
    try:
        db.session.commit()
    except BaseException:
        db.session.rollback()
        storage.hapus(keys)
        raise


def hapus_realisasi(realisasi: Realisasi) -> None:
    """Delete an entry with its bukti; the files go after the commit."""
    keys = [b.kunci for b in realisasi.bukti if b.jenis == "berkas"]
    db.session.delete(realisasi)
    db.session.commit()
    storage.hapus(keys)


def hapus_bukti(bukti: BuktiDukung) -> None:
    keys = [bukti.kunci] if bukti.jenis == "berkas" else []
    bukti.realisasi.bukti.remove(bukti)
    db.session.commit()
    storage.hapus(keys)

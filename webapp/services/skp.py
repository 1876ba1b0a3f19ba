"""The SKP engine's rules with the database: creating an SKP, the owner's records (404 for
anyone else), what Salin copies from, and penetapan (Ajukan → Setujui / Kembalikan) with its
history. One implementation for every JenisSkp; the status rules live in domain.status_skp."""

from __future__ import annotations

from datetime import date

from flask import abort
from sqlalchemy import Select, func, select
from sqlalchemy.orm import joinedload, selectinload

from webapp.domain.berakhlak import BERAKHLAK, aspek
from webapp.domain.jenis_skp import BAGIAN, JenisSkp
from webapp.domain.periode import periode_errors
from webapp.domain.status_skp import RencanaRingkas, StatusError, kekurangan, transition
from webapp.extensions import db
from webapp.forms.fields import as_id
from webapp.models import (
    Indikator,
    IndikatorSasaran,
    Pegawai,
    PerilakuKerja,
    PerjanjianKinerja,
    RencanaHasilKerja,
    RiwayatStatus,
    SasaranStrategis,
    Skp,
)
from webapp.services.concurrency import lock_pegawai

__all__ = ["StatusError"]


def _unit(p: Pegawai) -> str:
    return p.unit_kerja.nama if p.unit_kerja else ""


def new_skp(pegawai: Pegawai, jenis: str, pendekatan: str, dari: date, sampai: date) -> Skp:
    """A draft SKP with the snapshot of its owner, Pejabat Penilai and Atasan Pejabat Penilai."""
    skp = Skp(
        pegawai=pegawai,
        jenis=jenis,
        pendekatan=pendekatan,
        dari=dari,
        sampai=sampai,
        tahun=dari.year,
        status="draft",
        pegawai_nama=pegawai.nama,
        pegawai_nip=pegawai.nip,
        pegawai_jabatan=pegawai.jabatan,
        pegawai_unit=_unit(pegawai),
        pegawai_pangkat=pegawai.pangkat_golongan,
    )
    penilai = pegawai.atasan_langsung
    if penilai is not None:
        skp.penilai = penilai
        skp.penilai_nama, skp.penilai_nip = penilai.nama, penilai.nip
        skp.penilai_jabatan, skp.penilai_unit = penilai.jabatan, _unit(penilai)
        skp.penilai_pangkat = penilai.pangkat_golongan
        atasan = penilai.atasan_langsung
        if atasan is not None:
            skp.atasan_penilai_nama, skp.atasan_penilai_nip = atasan.nama, atasan.nip
            skp.atasan_penilai_jabatan, skp.atasan_penilai_unit = atasan.jabatan, _unit(atasan)
            skp.atasan_penilai_pangkat = atasan.pangkat_golongan
    # Every aspect starts with the Atasan Langsung as penilai (the owner changes only the
    # exceptions, not seven dialogs on each new SKP).
    skp.perilaku = [
        PerilakuKerja(aspek=a.nomor, penilai_peran="atasan" if penilai else None, penilai=penilai)
        for a in BERAKHLAK
    ]
    return skp


def plan_options(with_manual: bool = False) -> list:
    """Loader options that render a whole plan in a constant number of queries.

    The indicators ride in the results' query (one round trip less than a selectin of their
    own: issue 9); the perilaku stay a query of their own, as a second collection joined to the
    SKP row would multiply the rows."""
    indikator = selectinload(Skp.rencana).joinedload(RencanaHasilKerja.indikator)
    options = [
        joinedload(Skp.pegawai),
        selectinload(Skp.rencana).joinedload(RencanaHasilKerja.intervensi),
        indikator,
        selectinload(Skp.perilaku).joinedload(PerilakuKerja.penilai),
    ]
    if with_manual:
        options.append(indikator.joinedload(Indikator.manual))
    return options


# --- the owner's records: 404 for anyone else's (ids are not to be guessed) ------------------


def _mine(skp: Skp | None, jenis: JenisSkp, user: Pegawai) -> Skp:
    if skp is None or skp.pegawai_id != user.id or skp.jenis != jenis.kode:
        abort(404)
    return skp


def own_skp(jenis: JenisSkp, skp_id: int, user: Pegawai, full: bool = False) -> Skp:
    stmt = select(Skp).where(Skp.id == skp_id)
    if full:
        stmt = stmt.options(*plan_options())
    return _mine(db.session.scalar(stmt), jenis, user)


def own_rencana(jenis: JenisSkp, rencana_id: int, user: Pegawai) -> RencanaHasilKerja:
    rencana = db.session.scalar(
        select(RencanaHasilKerja)
        .where(RencanaHasilKerja.id == rencana_id)
        .options(joinedload(RencanaHasilKerja.skp), selectinload(RencanaHasilKerja.indikator))
    )
    _mine(rencana.skp if rencana else None, jenis, user)
    return rencana


def own_indikator(jenis: JenisSkp, indikator_id: int, user: Pegawai) -> Indikator:
    indikator = db.session.scalar(
        select(Indikator)
        .where(Indikator.id == indikator_id)
        .options(joinedload(Indikator.rencana).joinedload(RencanaHasilKerja.skp))
    )
    _mine(indikator.rencana.skp if indikator else None, jenis, user)
    return indikator


def own_perilaku(jenis: JenisSkp, perilaku_id: int, user: Pegawai) -> PerilakuKerja:
    perilaku = db.session.scalar(
        select(PerilakuKerja)
        .where(PerilakuKerja.id == perilaku_id)
        .options(joinedload(PerilakuKerja.skp))
    )
    _mine(perilaku.skp if perilaku else None, jenis, user)
    return perilaku


# --- Periode SKP -----------------------------------------------------------------------------


PERIODE_ORDER = (Skp.dari, Skp.id)  # the period list sorts by Dari (then creation, for ties)


def periode_query(jenis: JenisSkp, user: Pegawai) -> Select:
    """The owner's SKP of one kind, by Dari."""
    return (
        select(Skp)
        .where(Skp.pegawai_id == user.id, Skp.jenis == jenis.kode)
        .order_by(*PERIODE_ORDER)
    )


def _periode_ids(skp: Skp) -> list[int]:
    return list(
        db.session.scalars(
            select(Skp.id)
            .where(Skp.pegawai_id == skp.pegawai_id, Skp.jenis == skp.jenis)
            .order_by(*PERIODE_ORDER)
        )
    )


def nomor_periode(skp: Skp) -> int:
    """The row number of an SKP in its owner's list."""
    return _periode_ids(skp).index(skp.id) + 1


def posisi_periode_semua(skp: Skp) -> list[tuple[int, int]]:
    """(id, number) of every SKP in the owner's list."""
    return [(sid, n) for n, sid in enumerate(_periode_ids(skp), start=1)]


def posisi_periode(skp: Skp) -> tuple[int, int | None, list[tuple[int, int]]]:
    """Where an added or moved SKP sits in the list by Dari: its number, the id of the row it
    goes before (None: at the end), and (id, number) of every row from it on."""
    ids = _periode_ids(skp)
    at = ids.index(skp.id)
    following = ids[at + 1] if at + 1 < len(ids) else None
    return at + 1, following, [(sid, n) for n, sid in enumerate(ids, start=1)][at + 1 :]


def periode_problems(user: Pegawai, dari, sampai, pendekatan, skp: Skp | None) -> list:
    """(field, message) pairs: the date rules, no overlap with any other SKP of the owner, and
    no change of pendekatan once the plan holds results."""
    others = db.session.execute(
        select(Skp.dari, Skp.sampai).where(
            Skp.pegawai_id == user.id, Skp.id != (skp.id if skp else -1)
        )
    ).all()
    problems = periode_errors(dari, sampai, [tuple(p) for p in others])
    if skp is not None and pendekatan != skp.pendekatan and skp.rencana:
        problems.append(
            ("pendekatan", "Pendekatan tidak dapat diubah karena Rencana SKP sudah diisi.")
        )
    return problems


def hapus_periode(skp: Skp) -> list[tuple[int, int]]:
    """Delete the SKP; (id, new number) of the periods listed after it."""
    ids = _periode_ids(skp)
    at = ids.index(skp.id)
    db.session.delete(skp)
    db.session.commit()
    return [(sid, at + n) for n, sid in enumerate(ids[at + 1 :], start=1)]


# --- the plan --------------------------------------------------------------------------------


def bagian_of(skp: Skp, bagian: str) -> list[RencanaHasilKerja]:
    return [r for r in skp.rencana if r.bagian == bagian]


def baris(skp: Skp) -> list[tuple]:
    """(bagian, None) heads and (no, rencana) rows in page order: A. UTAMA then B. TAMBAHAN."""
    rows: list[tuple] = []
    for bagian in BAGIAN:
        rows.append((bagian, None))
        rows += list(enumerate(bagian_of(skp, bagian), start=1))
    return rows


def nomor_rencana(rencana: RencanaHasilKerja) -> int:
    same = [r.id for r in bagian_of(rencana.skp, rencana.bagian)]
    return same.index(rencana.id) + 1


def tambah_rencana(skp: Skp, bagian: str) -> RencanaHasilKerja:
    urutan = max((r.urutan for r in bagian_of(skp, bagian)), default=0) + 1
    return RencanaHasilKerja(bagian=bagian, urutan=urutan)


def hapus_rencana(rencana: RencanaHasilKerja) -> list[tuple[int, int]]:
    """Delete the result with its indicators; (id, new number) of the rest of its section."""
    skp = rencana.skp
    rest = [r for r in bagian_of(skp, rencana.bagian) if r.id != rencana.id]
    skp.rencana.remove(rencana)
    db.session.commit()
    return [(r.id, n) for n, r in enumerate(rest, start=1)]


def hapus_indikator(indikator: Indikator) -> list[tuple[int, int]]:
    """Delete the indicator; (id, new number) of the rest of its result's indicators."""
    rencana = indikator.rencana
    rest = [i for i in rencana.indikator if i.id != indikator.id]
    rencana.indikator.remove(indikator)
    db.session.commit()
    return [(i.id, n) for n, i in enumerate(rest, start=1)]


# --- Salin sources: the PK's sasaran (JPT) ---------------------------------------------------


def pk_of(skp: Skp) -> PerjanjianKinerja | None:
    """The owner's Perjanjian Kinerja of the SKP's year, with its sasaran and indicators."""
    return db.session.scalar(
        select(PerjanjianKinerja)
        .where(PerjanjianKinerja.pegawai_id == skp.pegawai_id, PerjanjianKinerja.tahun == skp.tahun)
        .options(selectinload(PerjanjianKinerja.sasaran).selectinload(SasaranStrategis.indikator))
    )


def _as_id(raw) -> int:
    """A form's id, or -1 (matches no row) when it cannot be one (see forms.fields.as_id)."""
    return as_id(raw) or -1


def sasaran_of(skp: Skp, sasaran_id) -> SasaranStrategis | None:
    """A sasaran of the owner's PK of the SKP's year, or None."""
    return db.session.scalar(
        select(SasaranStrategis)
        .join(PerjanjianKinerja)
        .where(
            SasaranStrategis.id == _as_id(sasaran_id),
            PerjanjianKinerja.pegawai_id == skp.pegawai_id,
            PerjanjianKinerja.tahun == skp.tahun,
        )
    )


def indikator_sasaran_of(skp: Skp, indikator_id) -> IndikatorSasaran | None:
    """An indicator of the owner's PK of the SKP's year, or None."""
    return db.session.scalar(
        select(IndikatorSasaran)
        .join(SasaranStrategis)
        .join(PerjanjianKinerja)
        .where(
            IndikatorSasaran.id == _as_id(indikator_id),
            PerjanjianKinerja.pegawai_id == skp.pegawai_id,
            PerjanjianKinerja.tahun == skp.tahun,
        )
    )


def pk_sasaran(rencana: RencanaHasilKerja) -> list[SasaranStrategis] | None:
    """The PK sasaran whose indicators an indicator dialog offers to Salin."""
    pk = pk_of(rencana.skp)
    if pk is None:
        return None
    linked = [s for s in pk.sasaran if s.id == rencana.sasaran_id]
    return linked or pk.sasaran


# --- penetapan: Ajukan, Setujui, Kembalikan, each recorded ----------------------------------


def _record(skp: Skp, aksi: str, oleh: Pegawai, catatan: str = "") -> None:
    """The transition, checked under the owner's lock (a change from another tab that committed
    first is seen), and its history row."""
    lock_pegawai(skp.pegawai_id)
    skp.status = transition(skp.status, aksi)
    skp.riwayat.append(
        RiwayatStatus(aksi=aksi, status=skp.status, oleh=oleh, oleh_nama=oleh.nama, catatan=catatan)
    )


def belum_lengkap(skp: Skp) -> list[str]:
    """Why the owner cannot submit the SKP yet (empty when they can)."""
    problems = kekurangan(
        [RencanaRingkas(r.bagian, r.teks, len(r.indikator)) for r in skp.rencana],
        [aspek(p.aspek).nama for p in skp.perilaku if p.penilai_id is None],
    )
    if skp.penilai_id is None:
        problems.append(
            "Pejabat Penilai Kinerja belum ada: Atasan Langsung kosong saat SKP ini dibuat."
        )
    return problems


def ajukan(skp: Skp, owner: Pegawai) -> list[str]:
    """Submit the SKP to its Pejabat Penilai; what is missing when it cannot be submitted."""
    problems = belum_lengkap(skp)
    if not problems:
        _record(skp, "ajukan", owner)
        db.session.commit()
    return problems


def _check_penilai(skp: Skp, user: Pegawai) -> None:
    if skp.penilai_id is None or skp.penilai_id != user.id:
        raise PermissionError("Hanya Pejabat Penilai SKP ini yang dapat melakukannya.")


def setujui(skp: Skp, penilai: Pegawai) -> None:
    """The Pejabat Penilai sets the SKP; the current return note is cleared (history keeps it)."""
    _check_penilai(skp, penilai)
    _record(skp, "setujui", penilai)
    skp.catatan_status = ""
    db.session.commit()


def kembalikan(skp: Skp, penilai: Pegawai, catatan: str) -> None:
    """Back to the owner with a note saying what to change (the note is required)."""
    _check_penilai(skp, penilai)
    catatan = (catatan or "").strip()
    if not catatan:
        raise ValueError("Catatan wajib diisi.")
    _record(skp, "kembalikan", penilai, catatan)
    skp.catatan_status = catatan
    db.session.commit()


def tanggal_disetujui(skp: Skp):
    """When the SKP was last approved (the printed SKP's date), or None."""
    return db.session.scalar(
        select(func.max(RiwayatStatus.created_at)).where(
            RiwayatStatus.skp_id == skp.id, RiwayatStatus.aksi == "setujui"
        )
    )

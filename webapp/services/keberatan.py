"""Keberatan (issue 10 §6) and the owner's evaluation summary (templates/skp/_evaluasi_ringkas).

Within 14 days after a predikat was set (Evaluasi.predikat_at; webapp.domain.keberatan) the owner
may object once per evaluation, with reasons. The Atasan Pejabat Penilai decides: the owner's
Atasan II when the objection is made, else the Pejabat Penilai's own Atasan Langsung; that person
is kept on the objection (Keberatan.pemutus_id). The decision keeps the predikat (tetap) or
changes it (diubah, with the new predikat) and needs an explanation. Evaluasi.predikat stays the
one derived from the ratings; the predikat in force is the decision's (predikat_akhir).
See docs/decisions/0026-perilaku-360-dan-keberatan.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from flask import abort, current_app
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from webapp.domain import angka_kredit as ak
from webapp.domain.keberatan import batas_keberatan, masih_dapat_keberatan
from webapp.domain.predikat import CAPAIAN_LABEL, PREDIKAT_LABEL, RATING_LABEL
from webapp.domain.tanggal import sekarang, waktu_lokal
from webapp.extensions import db
from webapp.models import Evaluasi, Keberatan, Pegawai, Skp
from webapp.services.concurrency import STALE, lock_pegawai
from webapp.services.penilaian_perilaku import Ditolak

LEWAT = "Batas waktu keberatan (14 hari sejak predikat ditetapkan) telah lewat."
BELUM_ADA_PREDIKAT = (
    "Predikat Kinerja Pegawai belum ditetapkan, sehingga belum dapat diajukan keberatan."
)
SUDAH_DIAJUKAN = (
    "Keberatan atas predikat ini sudah diajukan; keberatan hanya dapat diajukan satu kali."
)
TANPA_PEMUTUS = (
    "Atasan Pejabat Penilai belum diketahui: lengkapi Atasan II pada menu Ubah Profile, "
    "lalu ajukan keberatan kembali."
)
SUDAH_DIPUTUS = "Keberatan ini sudah diputus."


def _zona() -> str:
    return current_app.config["AGENCY_TIMEZONE"]


def pemutus_untuk(skp: Skp) -> Pegawai | None:
    """The Atasan Pejabat Penilai of the SKP's owner, as of now."""
    owner = skp.pegawai
    if owner.atasan_ii is not None:
        return owner.atasan_ii
    if skp.penilai is not None and skp.penilai.atasan_langsung is not None:
        return skp.penilai.atasan_langsung
    return None


def predikat_akhir(evaluasi: Evaluasi | None) -> str | None:
    """The predikat in force: a decision that changed it wins over the ratings' predikat."""
    if evaluasi is None:
        return None
    k = evaluasi.keberatan
    if k is not None and k.keputusan == "diubah" and k.predikat_baru:
        return k.predikat_baru
    return evaluasi.predikat


def boleh_ajukan(evaluasi: Evaluasi | None, kini: datetime | None = None) -> str | None:
    """None while the owner may object; else why not."""
    if evaluasi is None or not evaluasi.predikat:
        return BELUM_ADA_PREDIKAT
    if evaluasi.keberatan is not None:
        return SUDAH_DIAJUKAN
    if not masih_dapat_keberatan(evaluasi.predikat_at, kini or sekarang(), _zona()):
        return LEWAT
    return None


def batas_teks(evaluasi: Evaluasi) -> str:
    if evaluasi.predikat_at is None:
        return ""
    return waktu_lokal(batas_keberatan(evaluasi.predikat_at, _zona()), _zona())


# --- the owner ---------------------------------------------------------------------------------


def evaluasi_milik(evaluasi_id: int, user: Pegawai) -> Evaluasi:
    evaluasi = db.session.scalar(
        select(Evaluasi)
        .where(Evaluasi.id == evaluasi_id)
        .options(joinedload(Evaluasi.skp), joinedload(Evaluasi.periode))
    )
    if evaluasi is None or evaluasi.skp.pegawai_id != user.id:
        abort(404)
    return evaluasi


def ajukan(evaluasi: Evaluasi, alasan: str) -> Keberatan:
    """The owner's objection, checked under the owner's lock (the 14 days, once only)."""
    skp = evaluasi.skp
    lock_pegawai(skp.pegawai_id)
    db.session.refresh(evaluasi)
    alasan_tolak = boleh_ajukan(evaluasi)
    if alasan_tolak:
        raise Ditolak(alasan_tolak)
    pemutus = pemutus_untuk(skp)
    if pemutus is None:
        raise Ditolak(TANPA_PEMUTUS)
    keberatan = Keberatan(
        evaluasi=evaluasi,
        alasan=alasan,
        predikat_semula=evaluasi.predikat,
        pemutus_id=pemutus.id,
        pemutus_nama=pemutus.nama,
    )
    db.session.add(keberatan)
    db.session.commit()
    return keberatan


# --- the Atasan Pejabat Penilai ------------------------------------------------------------------


def daftar_query(user: Pegawai):
    """The objections this pegawai decides: undecided first, newest first."""
    return (
        select(Keberatan)
        .join(Evaluasi, Evaluasi.id == Keberatan.evaluasi_id)
        .join(Skp, Skp.id == Evaluasi.skp_id)
        .where(Keberatan.pemutus_id == user.id)
        .options(joinedload(Keberatan.evaluasi).joinedload(Evaluasi.skp))
        .options(joinedload(Keberatan.evaluasi).joinedload(Evaluasi.periode))
        .order_by(
            Keberatan.keputusan.is_not(None), Keberatan.diajukan_at.desc(), Keberatan.id.desc()
        )
    )


def ada_untuk_diputus_clause(user: Pegawai):
    """Whether the "Keberatan" menu shows: someone objected to this pegawai as decider (an
    EXISTS the menu asks together with its other questions)."""
    return select(Keberatan.id).where(Keberatan.pemutus_id == user.id).exists()


def keberatan_pemutus(keberatan_id: int, user: Pegawai) -> Keberatan:
    keberatan = db.session.scalar(
        select(Keberatan)
        .where(Keberatan.id == keberatan_id)
        .options(joinedload(Keberatan.evaluasi).joinedload(Evaluasi.skp))
        .options(joinedload(Keberatan.evaluasi).joinedload(Evaluasi.periode))
    )
    if keberatan is None or keberatan.pemutus_id != user.id:
        abort(404)
    return keberatan


def putuskan(
    keberatan: Keberatan,
    user: Pegawai,
    keputusan: str,
    predikat_baru: str | None,
    penjelasan: str,
    version: str | None,
) -> None:
    """Decide once, under the owner's lock, on the version the form was opened on."""
    lock_pegawai(keberatan.evaluasi.skp.pegawai_id)
    db.session.refresh(keberatan)
    if keberatan.pemutus_id != user.id:
        abort(404)
    if keberatan.keputusan is not None:
        raise Ditolak(SUDAH_DIPUTUS)
    if str(keberatan.version_id) != (version or "").strip():
        raise Ditolak(STALE, 422)
    keberatan.keputusan = keputusan
    keberatan.predikat_baru = predikat_baru if keputusan == "diubah" else None
    keberatan.penjelasan = penjelasan
    keberatan.diputus_oleh_id, keberatan.diputus_oleh_nama = user.id, user.nama
    keberatan.diputus_at = sekarang()
    db.session.commit()


# --- the summary below the owner's realisasi ------------------------------------------------------


@dataclass
class Ringkasan:
    capaian: str | None
    rating_hasil: str | None
    rating_perilaku: str | None
    predikat: str | None  # the ratings' predikat (label)
    predikat_akhir: str | None  # after a decided objection (label)
    keberatan: Keberatan | None
    semula: str | None  # the predikat objected to (label)
    boleh_keberatan: bool
    batas_keberatan: str
    angka_kredit: Decimal | None
    jenjang: str | None
    bulan: int


def ringkasan(skp: Skp, periode, evaluasi: Evaluasi | None) -> Ringkasan:
    """What _evaluasi_ringkas.html shows; labels, the Keberatan state, and the angka kredit of
    a JF pegawai's TAHUNAN evaluation (nothing when the jenjang is unknown)."""
    ev = evaluasi
    akhir = predikat_akhir(ev)
    jenjang = bulan = None
    nilai = None
    owner = skp.pegawai
    if periode is not None and periode.jenis == "tahunan" and owner.jenis_jabatan == "JF":
        jenjang = ak.jenjang_jf(owner.jenjang, owner.jabatan)
        dari, sampai = max(skp.dari, periode.dari), min(skp.sampai, periode.sampai)
        bulan = ak.bulan_periode(dari, sampai)
        nilai = ak.angka_kredit(akhir, jenjang, bulan)
    return Ringkasan(
        capaian=CAPAIAN_LABEL.get(ev.capaian_organisasi) if ev and ev.capaian_organisasi else None,
        rating_hasil=RATING_LABEL.get(ev.rating_hasil) if ev and ev.rating_hasil else None,
        rating_perilaku=(
            RATING_LABEL.get(ev.rating_perilaku) if ev and ev.rating_perilaku else None
        ),
        predikat=PREDIKAT_LABEL.get(ev.predikat) if ev and ev.predikat else None,
        predikat_akhir=PREDIKAT_LABEL.get(akhir) if akhir else None,
        keberatan=ev.keberatan if ev else None,
        semula=(PREDIKAT_LABEL.get(ev.keberatan.predikat_semula) if ev and ev.keberatan else None),
        boleh_keberatan=ev is not None and boleh_ajukan(ev) is None,
        batas_keberatan=batas_teks(ev) if ev else "",
        angka_kredit=nilai,
        jenjang=jenjang,
        bulan=bulan or 0,
    )


def periode_of(evaluasi: Evaluasi):
    """The evaluation's period as services.periode_penilaian.Periode (name, code, dates)."""
    from webapp.domain.periode_penilaian import PeriodeDef
    from webapp.services.periode_penilaian import Periode

    r = evaluasi.periode
    return Periode(PeriodeDef(r.tahun, r.jenis, r.nomor, r.dari, r.sampai), r)

"""Perilaku SKP (issue 10 §5): the SKP a pegawai was set to rate as a 360 penilai, the aspects
they rate, and their feedback per evaluation period (PenilaianPerilaku).

Who rates an aspect: its PerilakuKerja.penilai_id as Set Penilai stored it; an "Atasan" aspect
without a person (an SKP made before the owner had an Atasan Langsung, or older data) is rated by
the SKP's Pejabat Penilai (Skp.penilai_id). Only an SKP that is disetujui is rated.
See docs/decisions/0026-perilaku-360-dan-keberatan.md.
"""

from __future__ import annotations

from flask import abort
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import joinedload

from webapp.extensions import db
from webapp.models import Pegawai, PenilaianPerilaku, PerilakuKerja, Skp
from webapp.services import periode_penilaian as periode_service
from webapp.services.concurrency import STALE, lock_pegawai

DINILAI = "disetujui"
BELUM_DISETUJUI = "SKP ini belum disetujui Pejabat Penilai Kinerja, sehingga belum dapat dinilai."


class Ditolak(Exception):
    """A save refused with a message for the user (locked period, stale form)."""

    def __init__(self, message: str, status: int = 409):
        super().__init__(message)
        self.message = message
        self.status = status


def _penilai_saya(user_id: int):
    """SQL: this PerilakuKerja (joined with its Skp) is rated by user_id."""
    return or_(
        PerilakuKerja.penilai_id == user_id,
        and_(
            PerilakuKerja.penilai_id.is_(None),
            PerilakuKerja.penilai_peran == "atasan",
            Skp.penilai_id == user_id,
        ),
    )


def penilai_efektif(perilaku: PerilakuKerja, skp: Skp) -> int | None:
    """The id of the pegawai who rates this aspect (see the module's docstring)."""
    if perilaku.penilai_id is not None:
        return perilaku.penilai_id
    if perilaku.penilai_peran == "atasan":
        return skp.penilai_id
    return None


def dinilai_query(user: Pegawai, tahun: int | None = None):
    """Every approved SKP of someone else with at least one aspect this user rates."""
    ada = (
        select(PerilakuKerja.id)
        .where(PerilakuKerja.skp_id == Skp.id, _penilai_saya(user.id))
        .correlate(Skp)
        .exists()
    )
    stmt = (
        select(Skp)
        .where(Skp.status == DINILAI, Skp.pegawai_id != user.id, ada)
        .order_by(Skp.tahun.desc(), Skp.dari.desc(), Skp.pegawai_nama, Skp.id)
    )
    if tahun is not None:
        stmt = stmt.where(Skp.tahun == tahun)
    return stmt


def tahun_dinilai(user: Pegawai) -> list[int]:
    sub = dinilai_query(user).order_by(None).subquery()
    return list(db.session.scalars(select(sub.c.tahun).distinct().order_by(sub.c.tahun.desc())))


def peran_saya(skps: list[Skp], user: Pegawai) -> dict[int, list[str]]:
    """{skp id: the roles (atasan, bawahan, rekan) this user rates it in}, in one query."""
    if not skps:
        return {}
    rows = db.session.execute(
        select(PerilakuKerja.skp_id, PerilakuKerja.penilai_peran)
        .join(Skp, Skp.id == PerilakuKerja.skp_id)
        .where(PerilakuKerja.skp_id.in_([s.id for s in skps]), _penilai_saya(user.id))
        .distinct()
    )
    urut = ("atasan", "bawahan", "rekan")
    peran: dict[int, list[str]] = {}
    for skp_id, p in rows:
        peran.setdefault(skp_id, []).append(p or "atasan")
    return {k: sorted(set(v), key=urut.index) for k, v in peran.items()}


def skp_dinilai(skp_id: int, user: Pegawai) -> tuple[Skp, list[PerilakuKerja]]:
    """The approved SKP and the aspects of it this user rates; 404 if they rate none."""
    skp = db.session.scalar(
        select(Skp)
        .where(Skp.id == skp_id, Skp.status == DINILAI, Skp.pegawai_id != user.id)
        .options(joinedload(Skp.pegawai))
    )
    if skp is None:
        abort(404)
    aspek = list(
        db.session.scalars(
            select(PerilakuKerja)
            .join(Skp, Skp.id == PerilakuKerja.skp_id)
            .where(PerilakuKerja.skp_id == skp.id, _penilai_saya(user.id))
            .order_by(PerilakuKerja.aspek)
        )
    )
    if not aspek:
        abort(404)
    return skp, aspek


def hasil(skp: Skp, periode: periode_service.Periode) -> dict[int, PenilaianPerilaku]:
    """{perilaku id: its feedback in the period} for one SKP (one query; none before the
    period has a row)."""
    if periode.row is None:
        return {}
    rows = db.session.scalars(
        select(PenilaianPerilaku).where(
            PenilaianPerilaku.skp_id == skp.id, PenilaianPerilaku.periode_id == periode.row.id
        )
    )
    return {r.perilaku_id: r for r in rows}


def simpan(
    skp: Skp,
    perilaku: PerilakuKerja,
    periode: periode_service.Periode,
    user: Pegawai,
    teks: str,
    version: str | None,
) -> PenilaianPerilaku:
    """Write this penilai's feedback on one aspect in a period, in one transaction.

    Under the owner's lock: the SKP is still approved, this user still rates the aspect, the
    period is still open for the owner (the admin reopens it per owner), and the form was opened
    on the current version (a new feedback: on none; stale: 422, as in ADR 0017). Raises Ditolak;
    404 for a penilai no more.
    """
    lock_pegawai(skp.pegawai_id)
    db.session.refresh(skp)
    db.session.refresh(perilaku)
    if skp.status != DINILAI:
        raise Ditolak(BELUM_DISETUJUI)
    if penilai_efektif(perilaku, skp) != user.id:
        abort(404)
    alasan = periode_service.alasan_terkunci(periode, skp.pegawai_id)
    if alasan:
        raise Ditolak(alasan, 403)
    row = periode_service.baris(periode)
    record = db.session.scalar(
        select(PenilaianPerilaku).filter_by(perilaku_id=perilaku.id, periode_id=row.id)
    )
    sent = (version or "").strip()
    if (record is None and sent) or (record is not None and sent != str(record.version_id)):
        raise Ditolak(STALE, 422)
    if record is None:
        record = PenilaianPerilaku(skp_id=skp.id, perilaku_id=perilaku.id, periode_id=row.id)
        db.session.add(record)
    record.teks = teks
    record.oleh_id, record.oleh_nama = user.id, user.nama
    record.oleh_peran = perilaku.penilai_peran or "atasan"
    db.session.commit()
    return record

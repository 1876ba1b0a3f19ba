"""The SKP seen by others than its owner: its Pejabat Penilai (SKP Bawahan, Ekspektasi Khusus
Pimpinan) and an operator of its unit tree (Review SKP JPT, review notes).

Setujui and Kembalikan are penetapan and live with Ajukan in webapp.services.skp.
"""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload

from webapp.domain.status_skp import StatusError
from webapp.extensions import db
from webapp.models import CatatanReview, Pegawai, PerilakuKerja, Skp, UnitKerja
from webapp.services.skp import plan_options

__all__ = ["StatusError"]


# --- SKP Bawahan: the Pejabat Penilai's side ---------------------------------------------


def skp_bawahan_query(penilai: Pegawai, tahun: int | None = None) -> Select:
    """Every SKP whose Pejabat Penilai (the snapshot taken at creation) is `penilai`."""
    stmt = (
        select(Skp)
        .join(Skp.pegawai)
        .where(Skp.penilai_id == penilai.id)
        .options(joinedload(Skp.pegawai))
        .order_by(Skp.tahun.desc(), Skp.dari.desc(), Pegawai.nama, Skp.id)
    )
    if tahun:
        stmt = stmt.where(Skp.tahun == tahun)
    return stmt


def tahun_skp_bawahan(penilai: Pegawai) -> list[int]:
    return list(
        db.session.scalars(
            select(Skp.tahun)
            .where(Skp.penilai_id == penilai.id)
            .distinct()
            .order_by(Skp.tahun.desc())
        )
    )


def skp_bawahan(skp_id: int, penilai: Pegawai, with_plan: bool = True) -> Skp | None:
    """The SKP when `penilai` is its Pejabat Penilai; None otherwise (the view answers 404)."""
    stmt = select(Skp).where(Skp.id == skp_id, Skp.penilai_id == penilai.id)
    stmt = stmt.options(*(plan_options() if with_plan else [joinedload(Skp.pegawai)]))
    return db.session.scalar(stmt)


EKSPEKTASI_TERTUTUP = "SKP yang telah disetujui tidak dapat diubah. Kembalikan SKP terlebih dahulu."


def ekspektasi_terbuka(skp: Skp) -> bool:
    """A set SKP is not silently changed: the atasan returns it before changing expectations."""
    return skp.status != "disetujui"


def simpan_ekspektasi(skp: Skp, penilai: Pegawai, aspek: int, teks: str) -> PerilakuKerja:
    if skp.penilai_id != penilai.id:
        raise PermissionError("Hanya Pejabat Penilai SKP ini yang dapat melakukannya.")
    if not ekspektasi_terbuka(skp):
        raise StatusError(EKSPEKTASI_TERTUTUP)
    perilaku = next(p for p in skp.perilaku if p.aspek == aspek)
    perilaku.ekspektasi = (teks or "").strip()
    db.session.commit()
    return perilaku


# --- Review SKP JPT: the Operator Pengelola Kinerja ---------------------------------------


def unit_tree_ids(unit_id: int | None):
    """A subquery of the unit and all its sub-units (one recursive CTE, no query of its own)."""
    if unit_id is None:
        return select(UnitKerja.id).where(UnitKerja.id.is_(None))
    tree = select(UnitKerja.id).where(UnitKerja.id == unit_id).cte("unit_tree", recursive=True)
    tree = tree.union_all(select(UnitKerja.id).where(UnitKerja.parent_id == tree.c.id))
    return select(tree.c.id)


def review_query(operator: Pegawai) -> Select:
    """Every SKP JPT of the operator's unit kerja and its sub-units."""
    return (
        select(Skp)
        .join(Skp.pegawai)
        .where(
            Skp.jenis == "JPT", Pegawai.unit_kerja_id.in_(unit_tree_ids(operator.unit_kelola_id))
        )
        .options(joinedload(Skp.pegawai).joinedload(Pegawai.unit_kerja))
        .order_by(Skp.tahun.desc(), Skp.dari.desc(), Pegawai.nama, Skp.id)
    )


def skp_review(skp_id: int, operator: Pegawai) -> Skp | None:
    """The SKP JPT when it belongs to the operator's unit tree; None otherwise."""
    stmt = review_query(operator).where(Skp.id == skp_id)
    return db.session.scalar(stmt.options(*plan_options(with_manual=True)))


def catatan_review(skp: Skp) -> list[CatatanReview]:
    """The review notes of an SKP, newest first."""
    return list(
        db.session.scalars(
            select(CatatanReview)
            .where(CatatanReview.skp_id == skp.id)
            .options(joinedload(CatatanReview.author))
            .order_by(CatatanReview.created_at.desc(), CatatanReview.id.desc())
        )
    )


def tambah_catatan_review(skp: Skp, author: Pegawai, teks: str) -> CatatanReview:
    teks = (teks or "").strip()
    if not teks:
        raise ValueError("Catatan wajib diisi.")
    catatan = CatatanReview(skp_id=skp.id, author=author, teks=teks)
    db.session.add(catatan)
    db.session.commit()
    return catatan

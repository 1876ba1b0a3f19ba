"""Matrik Peran Hasil: a leader's result divided among bawahan by role, and Uraian Jabatan.

Level 1: the leader's MatrikPeranHasil on one of their RencanaHasilKerja (`rencana_id`).
Level 2: a Ketua Tim splits the role given to them (`induk_id`, the parent PeranHasil) among
Anggota with a matrix of its own. Exactly one of the two is set.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.extensions import db
from webapp.models.org import Pegawai
from webapp.models.skp import RencanaHasilKerja


class MatrikPeranHasil(db.Model):
    __tablename__ = "matrik_peran_hasil"
    __table_args__ = (
        CheckConstraint("(rencana_id IS NULL) <> (induk_id IS NULL)", name="rencana_atau_induk"),
        CheckConstraint("jumlah_kolom BETWEEN 0 AND 20", name="jumlah_kolom"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    rencana_id: Mapped[int | None] = mapped_column(
        ForeignKey("rencana_hasil_kerja.id", ondelete="CASCADE"), unique=True
    )
    induk_id: Mapped[int | None] = mapped_column(
        ForeignKey("peran_hasil.id", ondelete="CASCADE", use_alter=True), unique=True
    )
    jumlah_kolom: Mapped[int] = mapped_column(default=0)
    version_id: Mapped[int] = mapped_column(default=1)

    rencana: Mapped[RencanaHasilKerja | None] = relationship()
    induk: Mapped[PeranHasil | None] = relationship(
        foreign_keys=[induk_id], back_populates="pecahan"
    )
    peran: Mapped[list[PeranHasil]] = relationship(
        back_populates="matrik",
        foreign_keys="PeranHasil.matrik_id",
        order_by="(PeranHasil.kolom, PeranHasil.id)",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    __mapper_args__ = {"version_id_col": version_id}


class PeranHasil(db.Model):
    """One cell of the matrix: the role (teks) of a pegawai in column `kolom` (Peran 1 … N)."""

    __tablename__ = "peran_hasil"
    __table_args__ = (
        CheckConstraint("jabatan_tim IN ('Ketua Tim', 'Anggota Tim')", name="jabatan_tim"),
        CheckConstraint("kolom BETWEEN 1 AND 20", name="kolom"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    matrik_id: Mapped[int] = mapped_column(
        ForeignKey("matrik_peran_hasil.id", ondelete="CASCADE"), index=True
    )
    kolom: Mapped[int]
    pegawai_id: Mapped[int] = mapped_column(
        ForeignKey("pegawai.id", ondelete="CASCADE"), index=True
    )
    jabatan_tim: Mapped[str] = mapped_column(String(12))
    teks: Mapped[str] = mapped_column(Text)
    version_id: Mapped[int] = mapped_column(default=1)

    matrik: Mapped[MatrikPeranHasil] = relationship(
        back_populates="peran", foreign_keys=[matrik_id]
    )
    pegawai: Mapped[Pegawai] = relationship()
    # The Ketua Tim's split of this role (level 2), if any.
    pecahan: Mapped[MatrikPeranHasil | None] = relationship(
        back_populates="induk",
        foreign_keys="MatrikPeranHasil.induk_id",
        cascade="all, delete-orphan",
        passive_deletes=True,
        uselist=False,
    )

    __mapper_args__ = {"version_id_col": version_id}


class UraianJabatan(db.Model):
    """One duty in a pegawai's job description (shown for Salin in Input Data Matrik)."""

    __tablename__ = "uraian_jabatan"

    id: Mapped[int] = mapped_column(primary_key=True)
    pegawai_id: Mapped[int] = mapped_column(
        ForeignKey("pegawai.id", ondelete="CASCADE"), index=True
    )
    urutan: Mapped[int] = mapped_column(default=0)
    teks: Mapped[str] = mapped_column(Text)
    version_id: Mapped[int] = mapped_column(default=1)

    pegawai: Mapped[Pegawai] = relationship()

    __mapper_args__ = {"version_id_col": version_id}

"""Perjanjian Kinerja: a JPT's yearly agreement, its sasaran, indicators and programs."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import ForeignKey, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.extensions import db
from webapp.models.org import Pegawai


class PerjanjianKinerja(db.Model):
    __tablename__ = "perjanjian_kinerja"
    __table_args__ = (UniqueConstraint("pegawai_id", "tahun"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pegawai_id: Mapped[int] = mapped_column(
        ForeignKey("pegawai.id", ondelete="CASCADE"), index=True
    )
    tahun: Mapped[int]

    pegawai: Mapped[Pegawai] = relationship()
    sasaran: Mapped[list[SasaranStrategis]] = relationship(
        back_populates="pk", order_by="SasaranStrategis.urutan", cascade="all, delete-orphan"
    )
    program: Mapped[list[ProgramPK]] = relationship(
        back_populates="pk", order_by="ProgramPK.id", cascade="all, delete-orphan"
    )


class SasaranStrategis(db.Model):
    __tablename__ = "sasaran_strategis"

    id: Mapped[int] = mapped_column(primary_key=True)
    pk_id: Mapped[int] = mapped_column(
        ForeignKey("perjanjian_kinerja.id", ondelete="CASCADE"), index=True
    )
    urutan: Mapped[int] = mapped_column(default=0)
    teks: Mapped[str] = mapped_column(Text)
    version_id: Mapped[int] = mapped_column(default=1)

    pk: Mapped[PerjanjianKinerja] = relationship(back_populates="sasaran")
    indikator: Mapped[list[IndikatorSasaran]] = relationship(
        back_populates="sasaran", order_by="IndikatorSasaran.urutan", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version_id}


class IndikatorSasaran(db.Model):
    __tablename__ = "indikator_sasaran"

    id: Mapped[int] = mapped_column(primary_key=True)
    sasaran_id: Mapped[int] = mapped_column(
        ForeignKey("sasaran_strategis.id", ondelete="CASCADE"), index=True
    )
    urutan: Mapped[int] = mapped_column(default=0)
    teks: Mapped[str] = mapped_column(Text)
    target: Mapped[Decimal] = mapped_column(Numeric(20, 4))
    satuan: Mapped[str] = mapped_column(String(50))
    version_id: Mapped[int] = mapped_column(default=1)

    sasaran: Mapped[SasaranStrategis] = relationship(back_populates="indikator")

    __mapper_args__ = {"version_id_col": version_id}


class ProgramPK(db.Model):
    __tablename__ = "program_pk"

    id: Mapped[int] = mapped_column(primary_key=True)
    pk_id: Mapped[int] = mapped_column(
        ForeignKey("perjanjian_kinerja.id", ondelete="CASCADE"), index=True
    )
    nama: Mapped[str] = mapped_column(Text)
    anggaran: Mapped[Decimal] = mapped_column(Numeric(20, 2))
    version_id: Mapped[int] = mapped_column(default=1)

    pk: Mapped[PerjanjianKinerja] = relationship(back_populates="program")

    __mapper_args__ = {"version_id_col": version_id}

"""The SKP: a pegawai's plan for a period, its results, indicators and behaviour aspects."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.domain.tanggal import sekarang
from webapp.extensions import db
from webapp.models.org import Pegawai
from webapp.models.perjanjian import IndikatorSasaran, SasaranStrategis

if TYPE_CHECKING:  # models/mph.py imports this module
    from webapp.models.mph import PeranHasil


def _one_of(column: str, values: tuple[str, ...], name: str | None = None) -> CheckConstraint:
    """A CHECK that the column holds one of the values (named ck_<table>_<name>)."""
    listed = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f"{column} IN ({listed})", name=name or column)


STATUS = ("draft", "diajukan", "disetujui", "dikembalikan")
PENDEKATAN = ("kuantitatif", "kualitatif")
JENIS = ("JPT", "JAJF")
BAGIAN = ("utama", "tambahan")
AKSI = ("ajukan", "setujui", "kembalikan")


class Skp(db.Model):
    __tablename__ = "skp"
    __table_args__ = (
        _one_of("status", STATUS),
        _one_of("pendekatan", PENDEKATAN),
        _one_of("jenis", JENIS),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # RESTRICT: a pegawai is deactivated, never deleted with their SKP (ADR 0012).
    pegawai_id: Mapped[int] = mapped_column(
        ForeignKey("pegawai.id", ondelete="RESTRICT"), index=True
    )
    jenis: Mapped[str] = mapped_column(String(4))  # "JPT" or "JAJF"
    pendekatan: Mapped[str] = mapped_column(String(12))  # "kuantitatif" or "kualitatif"
    dari: Mapped[date] = mapped_column(Date)
    sampai: Mapped[date] = mapped_column(Date)
    tahun: Mapped[int] = mapped_column(index=True)
    # The current state; every change of it is a RiwayatStatus row (who, when, the note).
    status: Mapped[str] = mapped_column(String(12), default="draft")
    catatan_status: Mapped[str] = mapped_column(Text, default="")  # the latest return note
    # Snapshot at creation: an old SKP prints as it was, whatever changed since.
    pegawai_nama: Mapped[str] = mapped_column(String(200), default="")
    pegawai_nip: Mapped[str] = mapped_column(String(18), default="")
    penilai_id: Mapped[int | None] = mapped_column(
        ForeignKey("pegawai.id", ondelete="SET NULL"), index=True
    )
    pegawai_jabatan: Mapped[str] = mapped_column(String(200), default="")
    pegawai_unit: Mapped[str] = mapped_column(String(200), default="")
    pegawai_pangkat: Mapped[str] = mapped_column(String(10), default="")
    penilai_nama: Mapped[str] = mapped_column(String(200), default="")
    penilai_nip: Mapped[str] = mapped_column(String(18), default="")
    penilai_jabatan: Mapped[str] = mapped_column(String(200), default="")
    penilai_unit: Mapped[str] = mapped_column(String(200), default="")
    penilai_pangkat: Mapped[str] = mapped_column(String(10), default="")
    # The Atasan Pejabat Penilai (the penilai's own atasan), named on the Dokumen Evaluasi.
    atasan_penilai_nama: Mapped[str] = mapped_column(String(200), default="")
    atasan_penilai_nip: Mapped[str] = mapped_column(String(18), default="")
    atasan_penilai_jabatan: Mapped[str] = mapped_column(String(200), default="")
    atasan_penilai_unit: Mapped[str] = mapped_column(String(200), default="")
    atasan_penilai_pangkat: Mapped[str] = mapped_column(String(10), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=sekarang)
    version_id: Mapped[int] = mapped_column(default=1)

    pegawai: Mapped[Pegawai] = relationship(foreign_keys=[pegawai_id])
    penilai: Mapped[Pegawai | None] = relationship(foreign_keys=[penilai_id])
    rencana: Mapped[list[RencanaHasilKerja]] = relationship(
        back_populates="skp",
        order_by="(RencanaHasilKerja.bagian.desc(), RencanaHasilKerja.urutan)",
        cascade="all, delete-orphan",
    )
    perilaku: Mapped[list[PerilakuKerja]] = relationship(
        back_populates="skp", order_by="PerilakuKerja.aspek", cascade="all, delete-orphan"
    )
    riwayat: Mapped[list[RiwayatStatus]] = relationship(
        back_populates="skp",
        order_by="(RiwayatStatus.created_at, RiwayatStatus.id)",
        cascade="all, delete-orphan",
    )

    __mapper_args__ = {"version_id_col": version_id}


class RencanaHasilKerja(db.Model):
    __tablename__ = "rencana_hasil_kerja"
    __table_args__ = (_one_of("bagian", BAGIAN),)

    id: Mapped[int] = mapped_column(primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skp.id", ondelete="CASCADE"), index=True)
    # The section of the plan: "utama" (Kinerja Utama) or "tambahan" (Kinerja Tambahan).
    bagian: Mapped[str] = mapped_column(String(8))
    urutan: Mapped[int] = mapped_column(default=0)
    teks: Mapped[str] = mapped_column(Text)
    # Where it came from: the PK's sasaran (JPT) or the leader's result it intervenes (JA/JF).
    # RESTRICT: a PK sasaran an SKP points to is not deleted behind its back (ADR 0012).
    sasaran_id: Mapped[int | None] = mapped_column(
        ForeignKey("sasaran_strategis.id", ondelete="RESTRICT"), index=True
    )
    # RESTRICT: a leader's result another SKP intervenes is not deleted behind its back.
    intervensi_id: Mapped[int | None] = mapped_column(
        ForeignKey("rencana_hasil_kerja.id", ondelete="RESTRICT"), index=True
    )
    # JA/JF: the role of the Matrik Peran Hasil it was copied from with Salin (kept as a record;
    # the role may be deleted later). use_alter: the matrix hangs on a rencana (a cycle).
    peran_id: Mapped[int | None] = mapped_column(
        ForeignKey("peran_hasil.id", ondelete="SET NULL", use_alter=True), index=True
    )
    version_id: Mapped[int] = mapped_column(default=1)

    skp: Mapped[Skp] = relationship(back_populates="rencana")
    sasaran: Mapped[SasaranStrategis | None] = relationship()
    intervensi: Mapped[RencanaHasilKerja | None] = relationship(remote_side=[id])
    peran: Mapped[PeranHasil | None] = relationship(post_update=True)
    indikator: Mapped[list[Indikator]] = relationship(
        back_populates="rencana", order_by="Indikator.urutan", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version_id}


class Indikator(db.Model):
    __tablename__ = "indikator"

    id: Mapped[int] = mapped_column(primary_key=True)
    rencana_id: Mapped[int] = mapped_column(
        ForeignKey("rencana_hasil_kerja.id", ondelete="CASCADE"), index=True
    )
    urutan: Mapped[int] = mapped_column(default=0)
    teks: Mapped[str] = mapped_column(Text)
    aspek: Mapped[str | None] = mapped_column(String(20))  # JA/JF: Kuantitas, Kualitas …
    perspektif: Mapped[str | None] = mapped_column(String(40))  # JPT
    # A single target, or a range [target, target_atas]; none in the kualitatif model.
    target: Mapped[Decimal | None] = mapped_column(Numeric(20, 4))
    target_atas: Mapped[Decimal | None] = mapped_column(Numeric(20, 4))
    satuan: Mapped[str | None] = mapped_column(String(50))
    indikator_sasaran_id: Mapped[int | None] = mapped_column(
        ForeignKey("indikator_sasaran.id", ondelete="SET NULL"), index=True
    )
    version_id: Mapped[int] = mapped_column(default=1)

    rencana: Mapped[RencanaHasilKerja] = relationship(back_populates="indikator")
    indikator_sasaran: Mapped[IndikatorSasaran | None] = relationship()
    manual: Mapped[ManualIndikator | None] = relationship(
        back_populates="indikator", cascade="all, delete-orphan", uselist=False
    )

    __mapper_args__ = {"version_id_col": version_id}


class ManualIndikator(db.Model):
    __tablename__ = "manual_indikator"

    id: Mapped[int] = mapped_column(primary_key=True)
    indikator_id: Mapped[int] = mapped_column(
        ForeignKey("indikator.id", ondelete="CASCADE"), unique=True
    )
    deskripsi_rencana: Mapped[str] = mapped_column(Text, default="")
    indikator_kinerja_utama: Mapped[str] = mapped_column(Text, default="")
    definisi: Mapped[str] = mapped_column(Text, default="")
    formula: Mapped[str] = mapped_column(Text, default="")
    tujuan: Mapped[str] = mapped_column(Text, default="")
    satuan_pengukuran: Mapped[str] = mapped_column(String(100), default="")
    jenis_iku: Mapped[str] = mapped_column(String(40), default="")
    penanggung_jawab: Mapped[str] = mapped_column(String(200), default="")
    penyedia_data: Mapped[str] = mapped_column(String(200), default="")
    sumber_data: Mapped[str] = mapped_column(String(200), default="")
    periode_pelaporan: Mapped[str] = mapped_column(String(20), default="")
    version_id: Mapped[int] = mapped_column(default=1)

    indikator: Mapped[Indikator] = relationship(back_populates="manual")

    __mapper_args__ = {"version_id_col": version_id}


class PerilakuKerja(db.Model):
    """One BerAKHLAK aspect of an SKP: the leader's expectation and who assesses it."""

    __tablename__ = "perilaku_kerja"
    __table_args__ = (UniqueConstraint("skp_id", "aspek"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skp.id", ondelete="CASCADE"), index=True)
    aspek: Mapped[int]  # 1…7, see webapp.domain.berakhlak
    ekspektasi: Mapped[str] = mapped_column(Text, default="")
    penilai_peran: Mapped[str | None] = mapped_column(String(8))  # atasan, bawahan, rekan
    penilai_id: Mapped[int | None] = mapped_column(
        ForeignKey("pegawai.id", ondelete="SET NULL"), index=True
    )
    version_id: Mapped[int] = mapped_column(default=1)

    skp: Mapped[Skp] = relationship(back_populates="perilaku")
    penilai: Mapped[Pegawai | None] = relationship()

    __mapper_args__ = {"version_id_col": version_id}


class CatatanReview(db.Model):
    """A review note the Operator Pengelola Kinerja leaves on an SKP JPT."""

    __tablename__ = "catatan_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skp.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("pegawai.id", ondelete="SET NULL"), index=True
    )
    teks: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=sekarang)

    author: Mapped[Pegawai | None] = relationship()


class RiwayatStatus(db.Model):
    """One step of penetapan: who submitted, approved or returned the SKP, when, and the note."""

    __tablename__ = "riwayat_status"
    __table_args__ = (_one_of("aksi", AKSI), _one_of("status", STATUS))

    id: Mapped[int] = mapped_column(primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skp.id", ondelete="CASCADE"), index=True)
    aksi: Mapped[str] = mapped_column(String(12))  # ajukan, setujui, kembalikan
    status: Mapped[str] = mapped_column(String(12))  # the status it led to
    oleh_id: Mapped[int | None] = mapped_column(
        ForeignKey("pegawai.id", ondelete="SET NULL"), index=True
    )
    oleh_nama: Mapped[str] = mapped_column(String(200), default="")  # kept if the pegawai goes
    catatan: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=sekarang)

    skp: Mapped[Skp] = relationship(back_populates="riwayat")
    oleh: Mapped[Pegawai | None] = relationship()

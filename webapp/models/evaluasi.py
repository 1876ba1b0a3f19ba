"""Evaluation: everything keyed by an SKP and a PeriodePenilaian (spec/model.md, issue 10).

PeriodePenilaian    the agency's evaluation periods of a year (triwulan or months, and the year),
                    each with its batas pengisian; BukaKembali reopens one for one pegawai.
Realisasi           the owner's realisasi: per indikator (kuantitatif, one per period) or a list
                    of entries per rencana (kualitatif); BuktiDukung hangs on it (links, files).
UmpanBalik          the Pejabat Penilai's feedback on an indikator or a rencana, per period.
PenilaianPerilaku   a 360 penilai's feedback on one BerAKHLAK aspect of an SKP, per period.
CapaianOrganisasi   the Capaian Kinerja Organisasi a leader sets for their unit in a period.
Evaluasi            ratings of an SKP in a period; the predikat is derived, never typed.
Keberatan           the owner's objection to a predikat and the Atasan II's decision.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

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
from webapp.models.skp import Indikator, PerilakuKerja, RencanaHasilKerja, Skp, _one_of

JENIS_PERIODE = ("triwulan", "bulanan", "tahunan")
FREKUENSI = ("triwulan", "bulanan")
CAPAIAN = ("istimewa", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
RATING = ("diatas", "sesuai", "dibawah")
PREDIKAT = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
JENIS_BUKTI = ("tautan", "berkas")
KEPUTUSAN = ("tetap", "diubah")


class Pengaturan(db.Model):
    """The agency's evaluation settings: one row (id 1), edited by the admin."""

    __tablename__ = "pengaturan"
    __table_args__ = (_one_of("frekuensi_evaluasi", FREKUENSI),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Periodic evaluation every triwulan (the default) or every month (PermenPAN-RB 6/2022).
    frekuensi_evaluasi: Mapped[str] = mapped_column(String(8), default="triwulan")
    version_id: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version_id}


class PeriodePenilaian(db.Model):
    """TRIWULAN I … IV-AKHIR, a month, or the annual evaluation (nomor 0) of a year."""

    __tablename__ = "periode_penilaian"
    __table_args__ = (
        _one_of("jenis", JENIS_PERIODE),
        UniqueConstraint("tahun", "jenis", "nomor"),
        CheckConstraint("dari <= sampai", name="urut"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tahun: Mapped[int] = mapped_column(index=True)
    jenis: Mapped[str] = mapped_column(String(8))  # triwulan, bulanan, tahunan
    nomor: Mapped[int] = mapped_column(default=0)  # 1…4, 1…12, 0 for tahunan
    dari: Mapped[date] = mapped_column(Date)
    sampai: Mapped[date] = mapped_column(Date)
    # The last moment entries are accepted (timezone-aware; shown in the agency's zone).
    batas_pengisian: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version_id: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version_id}


class BukaKembali(db.Model):
    """The admin reopens a closed period for one pegawai until a new deadline."""

    __tablename__ = "buka_kembali"
    __table_args__ = (UniqueConstraint("periode_id", "pegawai_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    periode_id: Mapped[int] = mapped_column(
        ForeignKey("periode_penilaian.id", ondelete="CASCADE"), index=True
    )
    pegawai_id: Mapped[int] = mapped_column(
        ForeignKey("pegawai.id", ondelete="CASCADE"), index=True
    )
    sampai: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    oleh_id: Mapped[int | None] = mapped_column(
        ForeignKey("pegawai.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=sekarang)
    version_id: Mapped[int] = mapped_column(default=1)

    periode: Mapped[PeriodePenilaian] = relationship()
    pegawai: Mapped[Pegawai] = relationship(foreign_keys=[pegawai_id])

    __mapper_args__ = {"version_id_col": version_id}


class Realisasi(db.Model):
    """Kuantitatif: the realisasi of an indikator in a period (one row, nilai or teks).

    Kualitatif: one entry of the list under a rencana (several rows per period, teks).
    """

    __tablename__ = "realisasi"
    __table_args__ = (
        UniqueConstraint("indikator_id", "periode_id"),
        CheckConstraint(
            "(indikator_id IS NULL) <> (rencana_id IS NULL)", name="indikator_atau_rencana"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skp.id", ondelete="CASCADE"), index=True)
    periode_id: Mapped[int] = mapped_column(
        ForeignKey("periode_penilaian.id", ondelete="RESTRICT"), index=True
    )
    indikator_id: Mapped[int | None] = mapped_column(
        ForeignKey("indikator.id", ondelete="CASCADE"), index=True
    )
    rencana_id: Mapped[int | None] = mapped_column(
        ForeignKey("rencana_hasil_kerja.id", ondelete="CASCADE"), index=True
    )
    nilai: Mapped[Decimal | None] = mapped_column(Numeric(20, 4))  # in the indikator's satuan
    teks: Mapped[str] = mapped_column(Text, default="")
    keterangan: Mapped[str] = mapped_column(Text, default="")  # Keterangan Tambahan
    urutan: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=sekarang)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=sekarang, onupdate=sekarang
    )
    version_id: Mapped[int] = mapped_column(default=1)

    skp: Mapped[Skp] = relationship()
    periode: Mapped[PeriodePenilaian] = relationship()
    indikator: Mapped[Indikator | None] = relationship()
    rencana: Mapped[RencanaHasilKerja | None] = relationship()
    bukti: Mapped[list[BuktiDukung]] = relationship(
        back_populates="realisasi", order_by="BuktiDukung.id", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version_id}


class BuktiDukung(db.Model):
    """A link, or a file stored outside the web root under a random key (never its name)."""

    __tablename__ = "bukti_dukung"
    __table_args__ = (_one_of("jenis", JENIS_BUKTI),)

    id: Mapped[int] = mapped_column(primary_key=True)
    realisasi_id: Mapped[int] = mapped_column(
        ForeignKey("realisasi.id", ondelete="CASCADE"), index=True
    )
    jenis: Mapped[str] = mapped_column(String(6))  # tautan, berkas
    url: Mapped[str] = mapped_column(Text, default="")  # tautan
    nama: Mapped[str] = mapped_column(String(255), default="")  # the name as uploaded
    tipe: Mapped[str] = mapped_column(String(100), default="")  # MIME type found by content
    ukuran: Mapped[int] = mapped_column(default=0)  # bytes
    sha256: Mapped[str] = mapped_column(String(64), default="")
    kunci: Mapped[str] = mapped_column(String(64), default="")  # the stored file's name
    oleh_id: Mapped[int | None] = mapped_column(
        ForeignKey("pegawai.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=sekarang)

    realisasi: Mapped[Realisasi] = relationship(back_populates="bukti")


class UmpanBalik(db.Model):
    """ "Pimpinan : …" — the Pejabat Penilai's feedback on an indikator (kuantitatif) or a
    rencana (kualitatif) in a period."""

    __tablename__ = "umpan_balik"
    __table_args__ = (
        UniqueConstraint("indikator_id", "periode_id"),
        UniqueConstraint("rencana_id", "periode_id"),
        CheckConstraint(
            "(indikator_id IS NULL) <> (rencana_id IS NULL)", name="indikator_atau_rencana"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skp.id", ondelete="CASCADE"), index=True)
    periode_id: Mapped[int] = mapped_column(
        ForeignKey("periode_penilaian.id", ondelete="RESTRICT"), index=True
    )
    indikator_id: Mapped[int | None] = mapped_column(
        ForeignKey("indikator.id", ondelete="CASCADE"), index=True
    )
    rencana_id: Mapped[int | None] = mapped_column(
        ForeignKey("rencana_hasil_kerja.id", ondelete="CASCADE"), index=True
    )
    teks: Mapped[str] = mapped_column(Text, default="")
    oleh_id: Mapped[int | None] = mapped_column(
        ForeignKey("pegawai.id", ondelete="SET NULL"), index=True
    )
    oleh_nama: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=sekarang, onupdate=sekarang
    )
    version_id: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version_id}


class PenilaianPerilaku(db.Model):
    """The feedback a 360 penilai writes on one BerAKHLAK aspect of an SKP in a period."""

    __tablename__ = "penilaian_perilaku"
    __table_args__ = (UniqueConstraint("perilaku_id", "periode_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skp.id", ondelete="CASCADE"), index=True)
    perilaku_id: Mapped[int] = mapped_column(
        ForeignKey("perilaku_kerja.id", ondelete="CASCADE"), index=True
    )
    periode_id: Mapped[int] = mapped_column(
        ForeignKey("periode_penilaian.id", ondelete="RESTRICT"), index=True
    )
    teks: Mapped[str] = mapped_column(Text, default="")
    # Who wrote it and as what (Atasan / Bawahan / Rekan Kerja), kept if the aspect's penilai
    # is changed later.
    oleh_id: Mapped[int | None] = mapped_column(
        ForeignKey("pegawai.id", ondelete="SET NULL"), index=True
    )
    oleh_nama: Mapped[str] = mapped_column(String(200), default="")
    oleh_peran: Mapped[str] = mapped_column(String(8), default="")
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=sekarang, onupdate=sekarang
    )
    version_id: Mapped[int] = mapped_column(default=1)

    perilaku: Mapped[PerilakuKerja] = relationship()

    __mapper_args__ = {"version_id_col": version_id}


class CapaianOrganisasi(db.Model):
    """The Capaian Kinerja Organisasi a leader sets for their organisation in a period; it
    picks the distribution curve for the predikat of everyone that leader rates."""

    __tablename__ = "capaian_organisasi"
    __table_args__ = (
        UniqueConstraint("pimpinan_id", "periode_id"),
        _one_of("capaian", CAPAIAN),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pimpinan_id: Mapped[int] = mapped_column(
        ForeignKey("pegawai.id", ondelete="CASCADE"), index=True
    )
    periode_id: Mapped[int] = mapped_column(
        ForeignKey("periode_penilaian.id", ondelete="RESTRICT"), index=True
    )
    capaian: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=sekarang, onupdate=sekarang
    )
    version_id: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version_id}


class Evaluasi(db.Model):
    """The Pejabat Penilai's ratings of an SKP in a period and the predikat derived from them
    (webapp.domain.predikat) on every save; capaian_organisasi is the value in force when it
    was saved, as the evaluation form prints it."""

    __tablename__ = "evaluasi"
    __table_args__ = (
        UniqueConstraint("skp_id", "periode_id"),
        _one_of("rating_hasil", RATING),
        _one_of("rating_perilaku", RATING),
        _one_of("predikat", PREDIKAT),
        _one_of("capaian_organisasi", CAPAIAN),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skp.id", ondelete="CASCADE"), index=True)
    periode_id: Mapped[int] = mapped_column(
        ForeignKey("periode_penilaian.id", ondelete="RESTRICT"), index=True
    )
    capaian_organisasi: Mapped[str | None] = mapped_column(String(16))
    rating_hasil: Mapped[str | None] = mapped_column(String(8))
    rating_perilaku: Mapped[str | None] = mapped_column(String(8))
    predikat: Mapped[str | None] = mapped_column(String(16))
    # When the predikat was last set (the 14 days of Keberatan run from it).
    predikat_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    catatan: Mapped[str] = mapped_column(Text, default="")  # CATATAN/REKOMENDASI
    oleh_id: Mapped[int | None] = mapped_column(
        ForeignKey("pegawai.id", ondelete="SET NULL"), index=True
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=sekarang, onupdate=sekarang
    )
    version_id: Mapped[int] = mapped_column(default=1)

    skp: Mapped[Skp] = relationship()
    periode: Mapped[PeriodePenilaian] = relationship()
    keberatan: Mapped[Keberatan | None] = relationship(
        back_populates="evaluasi", uselist=False, cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version_id}


class Keberatan(db.Model):
    """The owner objects to a predikat within 14 days; the Atasan Pejabat Penilai decides.
    Both the predikat objected to and the decision are kept."""

    __tablename__ = "keberatan"
    __table_args__ = (
        _one_of("keputusan", KEPUTUSAN),
        _one_of("predikat_semula", PREDIKAT),
        _one_of("predikat_baru", PREDIKAT),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluasi_id: Mapped[int] = mapped_column(
        ForeignKey("evaluasi.id", ondelete="CASCADE"), unique=True
    )
    alasan: Mapped[str] = mapped_column(Text)
    predikat_semula: Mapped[str] = mapped_column(String(16))
    diajukan_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=sekarang)
    keputusan: Mapped[str | None] = mapped_column(String(8))  # tetap, diubah
    predikat_baru: Mapped[str | None] = mapped_column(String(16))
    penjelasan: Mapped[str] = mapped_column(Text, default="")
    diputus_oleh_id: Mapped[int | None] = mapped_column(
        ForeignKey("pegawai.id", ondelete="SET NULL"), index=True
    )
    diputus_oleh_nama: Mapped[str] = mapped_column(String(200), default="")
    diputus_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Who decides: the owner's Atasan Pejabat Penilai (Atasan II) when the objection was made
    # (kept, so a later change of profile does not move a pending objection).
    pemutus_id: Mapped[int | None] = mapped_column(
        ForeignKey("pegawai.id", ondelete="SET NULL"), index=True
    )
    pemutus_nama: Mapped[str] = mapped_column(String(200), default="")
    version_id: Mapped[int] = mapped_column(default=1)

    evaluasi: Mapped[Evaluasi] = relationship(back_populates="keberatan")

    __mapper_args__ = {"version_id_col": version_id}

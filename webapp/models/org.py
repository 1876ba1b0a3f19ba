"""Organisation and people: unit kerja (a tree) and pegawai (the login user)."""

from __future__ import annotations

import secrets
from datetime import datetime

from flask import current_app
from flask_login import UserMixin
from sqlalchemy import Boolean, Column, DateTime, ForeignKey, String, Table, select
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from webapp.domain.tanggal import sekarang
from webapp.extensions import db

rekan_kerja = Table(
    "rekan_kerja",
    db.metadata,
    Column("pegawai_id", ForeignKey("pegawai.id", ondelete="CASCADE"), primary_key=True),
    Column("rekan_id", ForeignKey("pegawai.id", ondelete="CASCADE"), primary_key=True, index=True),
)

# Bawahan a pegawai adds in Ubah Profile beyond those who name them as Atasan Langsung.
bawahan_tambahan = Table(
    "bawahan_tambahan",
    db.metadata,
    Column("pegawai_id", ForeignKey("pegawai.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "bawahan_id", ForeignKey("pegawai.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)


def new_session_token() -> str:
    return secrets.token_hex(16)


_dummy_hashes: dict[str, str] = {}


def check_dummy_password(password: str) -> bool:
    """Verify against a hash of the configured method, so an unknown NIP, an inactive account
    and a wrong password take the same time. Always False."""
    method = current_app.config.get("PASSWORD_HASH_METHOD", "scrypt")
    if method not in _dummy_hashes:
        _dummy_hashes[method] = generate_password_hash(secrets.token_hex(16), method=method)
    check_password_hash(_dummy_hashes[method], password)
    return False


class UnitKerja(db.Model):
    __tablename__ = "unit_kerja"

    id: Mapped[int] = mapped_column(primary_key=True)
    nama: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit_kerja.id", ondelete="RESTRICT"), index=True
    )
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    parent: Mapped[UnitKerja | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[UnitKerja]] = relationship(back_populates="parent")

    def __repr__(self) -> str:
        return f"<UnitKerja {self.nama}>"


class Pegawai(UserMixin, db.Model):
    __tablename__ = "pegawai"

    id: Mapped[int] = mapped_column(primary_key=True)
    nip: Mapped[str] = mapped_column(String(18), unique=True)
    nama: Mapped[str] = mapped_column(String(200))
    jabatan: Mapped[str] = mapped_column(String(200), default="")
    # JPT, JA or JF; jenjang refines it ("JPT Pratama", "Ahli Pertama" …).
    jenis_jabatan: Mapped[str] = mapped_column(String(3))
    jenjang: Mapped[str] = mapped_column(String(50), default="")
    pangkat_golongan: Mapped[str] = mapped_column(String(10), default="")
    unit_kerja_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit_kerja.id", ondelete="SET NULL"), index=True
    )
    # The unit tree an operator manages: set by the admin, never by the operator's own profile.
    unit_kelola_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit_kerja.id", ondelete="SET NULL"), index=True
    )
    atasan_langsung_id: Mapped[int | None] = mapped_column(
        ForeignKey("pegawai.id", ondelete="SET NULL"), index=True
    )
    atasan_ii_id: Mapped[int | None] = mapped_column(
        ForeignKey("pegawai.id", ondelete="SET NULL"), index=True
    )
    atasan_iii_id: Mapped[int | None] = mapped_column(
        ForeignKey("pegawai.id", ondelete="SET NULL"), index=True
    )
    password_hash: Mapped[str] = mapped_column(String(256), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    is_operator: Mapped[bool] = mapped_column(Boolean, default=False)
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    version_id: Mapped[int] = mapped_column(default=1)
    # Part of the login id kept in the session cookie (get_id); a new one ends every session
    # opened before it (ADR 0010).
    session_token: Mapped[str] = mapped_column(String(32), default=new_session_token)

    unit_kerja: Mapped[UnitKerja | None] = relationship(foreign_keys=[unit_kerja_id])
    unit_kelola: Mapped[UnitKerja | None] = relationship(foreign_keys=[unit_kelola_id])
    atasan_langsung: Mapped[Pegawai | None] = relationship(
        foreign_keys=[atasan_langsung_id], remote_side=[id]
    )
    atasan_ii: Mapped[Pegawai | None] = relationship(foreign_keys=[atasan_ii_id], remote_side=[id])
    atasan_iii: Mapped[Pegawai | None] = relationship(
        foreign_keys=[atasan_iii_id], remote_side=[id]
    )
    rekan: Mapped[list[Pegawai]] = relationship(
        secondary=rekan_kerja,
        primaryjoin=id == rekan_kerja.c.pegawai_id,
        secondaryjoin=id == rekan_kerja.c.rekan_id,
        order_by="Pegawai.nama",
    )
    bawahan_lain: Mapped[list[Pegawai]] = relationship(
        secondary=bawahan_tambahan,
        primaryjoin=id == bawahan_tambahan.c.pegawai_id,
        secondaryjoin=id == bawahan_tambahan.c.bawahan_id,
        order_by="Pegawai.nama",
    )

    __mapper_args__ = {"version_id_col": version_id}

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        return self.active

    @property
    def is_jpt(self) -> bool:
        return self.jenis_jabatan == "JPT"

    def get_id(self) -> str:
        """The id Flask-Login keeps in the session: it stops working when the token changes."""
        return f"{self.id}:{self.session_token}"

    def end_sessions(self) -> None:
        """Every session (and remember-me cookie) opened before now ends at its next request."""
        self.session_token = new_session_token()

    def set_password(self, password: str) -> None:
        method = current_app.config.get("PASSWORD_HASH_METHOD", "scrypt")
        self.password_hash = generate_password_hash(password, method=method)
        self.end_sessions()

    def check_password(self, password: str) -> bool:
        if not self.password_hash:  # an account without a password: as slow as any other
            check_dummy_password(password)
            return False
        return check_password_hash(self.password_hash, password)

    def bawahan(self) -> list[Pegawai]:
        """Those who name this pegawai as Atasan Langsung, plus those added in the profile."""
        langsung = db.session.scalars(
            select(Pegawai)
            .where(Pegawai.atasan_langsung_id == self.id, Pegawai.active.is_(True))
            .order_by(Pegawai.nama)
        ).all()
        extra = [p for p in self.bawahan_lain if p not in langsung]
        return list(langsung) + extra

    def __repr__(self) -> str:
        return f"<Pegawai {self.nip}>"


class PermintaanAtasan(db.Model):
    """A pegawai's own change of Atasan Langsung / II / III, waiting for the named atasan (or an
    operator of the pegawai's unit tree) to confirm it; the old relation stays until then."""

    __tablename__ = "permintaan_atasan"

    id: Mapped[int] = mapped_column(primary_key=True)
    pegawai_id: Mapped[int] = mapped_column(
        ForeignKey("pegawai.id", ondelete="CASCADE"), index=True
    )
    tingkat: Mapped[str] = mapped_column(String(8))  # "langsung", "ii" or "iii"
    atasan_id: Mapped[int] = mapped_column(ForeignKey("pegawai.id", ondelete="CASCADE"), index=True)
    # menunggu → disetujui / ditolak, or dibatalkan when the pegawai or an admin changes it again
    status: Mapped[str] = mapped_column(String(10), default="menunggu", index=True)
    diminta_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=sekarang)
    diputuskan_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    diputuskan_oleh_id: Mapped[int | None] = mapped_column(
        ForeignKey("pegawai.id", ondelete="SET NULL"), index=True
    )

    pegawai: Mapped[Pegawai] = relationship(foreign_keys=[pegawai_id])
    atasan: Mapped[Pegawai] = relationship(foreign_keys=[atasan_id])
    diputuskan_oleh: Mapped[Pegawai | None] = relationship(foreign_keys=[diputuskan_oleh_id])

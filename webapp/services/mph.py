"""Matrik Peran Hasil: who may edit which matrix, what it holds, and the roles a pegawai got.

A matrix is edited by its owner: the leader on one of their own results (level 1), or a Ketua Tim
on the role the leader gave them (level 2). Everything else answers 404. The SKP engine reads the
roles through `peran_untuk` and checks a Salin with `may_salin`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from flask import abort, url_for
from sqlalchemy import exists, func, or_, select, true
from sqlalchemy.orm import aliased, joinedload, selectinload

from webapp.domain import mph as rules
from webapp.extensions import db
from webapp.models import (
    MatrikPeranHasil,
    Pegawai,
    PeranHasil,
    RencanaHasilKerja,
    Skp,
    UraianJabatan,
)
from webapp.models.org import bawahan_tambahan


def bagian(rencana: RencanaHasilKerja) -> str:
    """ "utama" or "tambahan": the one place that reads this field of the SKP's model."""
    return rencana.bagian


# --- the matrix being edited -----------------------------------------------------------------


@dataclass
class Wadah:
    """A matrix and what it hangs on: the leader's result, and for level 2 the Ketua Tim's role."""

    rencana: RencanaHasilKerja  # the leader's result (level 2: the one the parent role is on)
    pemilik: Pegawai  # who edits it: the leader, or the Ketua Tim
    matrik: MatrikPeranHasil | None  # None until Input Jumlah Kolom is saved once
    induk: PeranHasil | None = None  # level 2: the Ketua Tim's role being split
    # Level 1: how many Anggota roles each Ketua Tim role was split into (peran id → count).
    terbagi: dict[int, int] = field(default_factory=dict)

    @property
    def tingkat(self) -> int:
        return 1 if self.induk is None else 2

    @property
    def jumlah_kolom(self) -> int:
        return self.matrik.jumlah_kolom if self.matrik else 0

    @property
    def peran(self) -> list[PeranHasil]:
        return list(self.matrik.peran) if self.matrik else []

    @property
    def kunci(self) -> dict[str, int]:
        """The URL arguments of this matrix's routes."""
        if self.induk is None:
            return {"rencana_id": self.rencana.id}
        return {"induk_id": self.induk.id}

    def url(self, name: str, **args) -> str:
        """mph.<name> for level 1, mph.bagi_<name> for level 2."""
        prefix = "mph." if self.induk is None else "mph.bagi_"
        return url_for(prefix + name, **self.kunci, **args)

    def baris(self) -> list[rules.Baris]:
        return rules.baris_matrik(self.peran, self.jumlah_kolom)


def _peran_options():
    return selectinload(MatrikPeranHasil.peran).joinedload(PeranHasil.pegawai)


def wadah_rencana(user: Pegawai, rencana_id: int) -> Wadah:
    """The leader's matrix on their own result; 404 for anyone else's result."""
    rencana = db.session.scalar(
        select(RencanaHasilKerja)
        .where(RencanaHasilKerja.id == rencana_id)
        .options(joinedload(RencanaHasilKerja.skp).joinedload(Skp.pegawai))
    )
    if rencana is None or rencana.skp.pegawai_id != user.id:
        abort(404)
    matrik = db.session.scalar(
        select(MatrikPeranHasil)
        .where(MatrikPeranHasil.rencana_id == rencana.id)
        .options(_peran_options())
    )
    terbagi = {}
    if matrik is not None:
        sub = aliased(PeranHasil)
        terbagi = dict(
            db.session.execute(
                select(MatrikPeranHasil.induk_id, func.count(sub.id))
                .join(sub, sub.matrik_id == MatrikPeranHasil.id)
                .join(PeranHasil, MatrikPeranHasil.induk_id == PeranHasil.id)
                .where(PeranHasil.matrik_id == matrik.id)
                .group_by(MatrikPeranHasil.induk_id)
            ).all()
        )
    return Wadah(rencana=rencana, pemilik=rencana.skp.pegawai, matrik=matrik, terbagi=terbagi)


def wadah_induk(user: Pegawai, induk_id: int) -> Wadah:
    """A Ketua Tim's split of the role the leader gave them; 404 unless it is theirs."""
    induk = db.session.scalar(
        select(PeranHasil)
        .where(PeranHasil.id == induk_id)
        .options(
            joinedload(PeranHasil.matrik)
            .joinedload(MatrikPeranHasil.rencana)
            .joinedload(RencanaHasilKerja.skp)
            .joinedload(Skp.pegawai),
            joinedload(PeranHasil.pegawai),
        )
    )
    if (
        induk is None
        or induk.pegawai_id != user.id
        or induk.jabatan_tim != rules.KETUA
        or induk.matrik.rencana is None  # a level-2 role is not split again
    ):
        abort(404)
    matrik = db.session.scalar(
        select(MatrikPeranHasil)
        .where(MatrikPeranHasil.induk_id == induk.id)
        .options(_peran_options())
    )
    return Wadah(rencana=induk.matrik.rencana, pemilik=induk.pegawai, matrik=matrik, induk=induk)


def peran_milik(user: Pegawai, peran_id: int) -> tuple[PeranHasil, Wadah]:
    """A role in a matrix the user edits, with its matrix; 404 otherwise."""
    peran = db.session.get(PeranHasil, peran_id)
    if peran is None:
        abort(404)
    matrik = peran.matrik
    if matrik.rencana_id is not None:
        wadah = wadah_rencana(user, matrik.rencana_id)
    else:
        wadah = wadah_induk(user, matrik.induk_id)
    return peran, wadah


# --- who may be given a role -------------------------------------------------------------------


def calon_pegawai(wadah: Wadah) -> list[Pegawai]:
    """The pegawai this matrix may give a role to (domain.mph.calon_ids), by name."""
    bawahan = {p.id: p for p in wadah.pemilik.bawahan()}
    anggota: dict[int, Pegawai] = {}
    if wadah.tingkat == 2:
        anggota = {
            p.pegawai_id: p.pegawai
            for p in wadah.induk.matrik.peran
            if p.jabatan_tim == rules.ANGGOTA and p.pegawai.active
        }
    ids = rules.calon_ids(wadah.tingkat, set(bawahan), set(anggota), wadah.pemilik.id)
    people = {**anggota, **bawahan}
    return sorted((people[i] for i in ids), key=lambda p: p.nama)


def uraian_of(pegawai: Pegawai) -> list[UraianJabatan]:
    return db.session.scalars(
        select(UraianJabatan)
        .where(UraianJabatan.pegawai_id == pegawai.id)
        .order_by(UraianJabatan.urutan, UraianJabatan.id)
    ).all()


# --- changes ----------------------------------------------------------------------------------


def simpan_kolom(wadah: Wadah, jumlah: int) -> list[PeranHasil]:
    """Set the number of Peran columns; the roles beyond it are deleted (and returned)."""
    if wadah.matrik is None:
        wadah.matrik = MatrikPeranHasil(
            rencana=wadah.rencana if wadah.induk is None else None, induk=wadah.induk
        )
        db.session.add(wadah.matrik)
    hilang = rules.kolom_terhapus(wadah.peran, jumlah)
    for p in hilang:
        wadah.matrik.peran.remove(p)
    wadah.matrik.jumlah_kolom = jumlah
    return hilang


def jumlah_pecahan(peran: list[PeranHasil]) -> int:
    """How many Anggota roles were split from these Ketua Tim roles (deleted with them)."""
    ids = [p.id for p in peran if p.id is not None]
    if not ids:
        return 0
    return db.session.scalar(
        select(func.count(PeranHasil.id))
        .join(MatrikPeranHasil, PeranHasil.matrik_id == MatrikPeranHasil.id)
        .where(MatrikPeranHasil.induk_id.in_(ids))
    )


# --- what the SKP engine reads ------------------------------------------------------------------


class PeranUntuk(NamedTuple):
    """A role given to a pegawai: the leader and their result, the column, the role's text."""

    leader: Pegawai  # the owner of the SKP the result belongs to
    rencana: RencanaHasilKerja  # the leader's result (the one the pegawai's result intervenes)
    kolom: int  # Produk: Peran 1 … N
    teks: str
    peran_id: int
    pemberi: Pegawai  # who gave it: the leader, or (level 2) the Ketua Tim
    jabatan_tim: str


def peran_untuk(
    pegawai: Pegawai, dari: date | None = None, sampai: date | None = None
) -> list[PeranUntuk]:
    """The roles given to `pegawai` in matrices on results of SKPs whose period overlaps
    [dari, sampai] (all periods when none is given), by period, section and column."""
    ketua = aliased(PeranHasil)
    ketua_matrik = aliased(MatrikPeranHasil)
    rencana_id = func.coalesce(MatrikPeranHasil.rencana_id, ketua_matrik.rencana_id)
    stmt = (
        select(PeranHasil, RencanaHasilKerja, ketua)
        .join(MatrikPeranHasil, PeranHasil.matrik_id == MatrikPeranHasil.id)
        .outerjoin(ketua, MatrikPeranHasil.induk_id == ketua.id)
        .outerjoin(ketua_matrik, ketua.matrik_id == ketua_matrik.id)
        .join(RencanaHasilKerja, RencanaHasilKerja.id == rencana_id)
        .join(Skp, RencanaHasilKerja.skp_id == Skp.id)
        .where(PeranHasil.pegawai_id == pegawai.id)
        .options(
            joinedload(RencanaHasilKerja.skp).joinedload(Skp.pegawai),
            joinedload(ketua.pegawai),
        )
        .order_by(
            Skp.dari,
            Skp.id,
            RencanaHasilKerja.bagian.desc(),
            RencanaHasilKerja.urutan,
            PeranHasil.kolom,
            PeranHasil.id,
        )
    )
    if dari is not None:
        stmt = stmt.where(Skp.sampai >= dari)
    if sampai is not None:
        stmt = stmt.where(Skp.dari <= sampai)
    result = []
    for peran, rencana, induk in db.session.execute(stmt).unique():
        leader = rencana.skp.pegawai
        result.append(
            PeranUntuk(
                leader=leader,
                rencana=rencana,
                kolom=peran.kolom,
                teks=peran.teks,
                peran_id=peran.id,
                pemberi=induk.pegawai if induk is not None else leader,
                jabatan_tim=peran.jabatan_tim,
            )
        )
    return result


def may_salin(pegawai: Pegawai, peran_id: int) -> bool:
    """Salin of a role into one's own result: only a role given to oneself."""
    peran = db.session.get(PeranHasil, peran_id)
    return peran is not None and peran.pegawai_id == pegawai.id


def ketua_peran(pegawai: Pegawai) -> list[PeranHasil]:
    """The level-1 roles where the pegawai is Ketua Tim (each may be split among Anggota)."""
    return db.session.scalars(
        select(PeranHasil)
        .join(MatrikPeranHasil, PeranHasil.matrik_id == MatrikPeranHasil.id)
        .where(
            PeranHasil.pegawai_id == pegawai.id,
            PeranHasil.jabatan_tim == rules.KETUA,
            MatrikPeranHasil.rencana_id.is_not(None),
        )
        .options(
            joinedload(PeranHasil.matrik)
            .joinedload(MatrikPeranHasil.rencana)
            .joinedload(RencanaHasilKerja.skp)
            .joinedload(Skp.pegawai)
        )
        .order_by(PeranHasil.id)
    ).all()


def sees_matrik_clause(user: Pegawai):
    """sees_matrik as one SQL condition, so the menu asks it with its other questions in one
    statement (issue 9: round trips)."""
    if user.jenis_jabatan == "JPT":
        return true()
    return or_(
        exists().where(Pegawai.atasan_langsung_id == user.id, Pegawai.active.is_(True)),
        exists().where(bawahan_tambahan.c.pegawai_id == user.id),
        exists().where(PeranHasil.pegawai_id == user.id, PeranHasil.jabatan_tim == rules.KETUA),
    )


def sees_matrik(user: Pegawai) -> bool:
    """The menu entry: a JPT, anyone with bawahan, and a Ketua Tim (to split their role)."""
    if user.jenis_jabatan == "JPT":
        return True
    return bool(db.session.scalar(select(sees_matrik_clause(user))))

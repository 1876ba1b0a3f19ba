"""Who is whose atasan: a pegawai's own change waits for the named atasan (ADR 0012).

In Ubah Profile a pegawai may name a new Atasan Langsung / II / III, but that person then approves
and rates their SKP; so the change is a `PermintaanAtasan` until the named atasan, or an operator
whose managed unit tree holds the pegawai, confirms it. Until then the old relation stays.
Changes made in the admin Pegawai screen and imports apply at once.
"""

from __future__ import annotations

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import joinedload

from webapp.domain.pohon import membentuk_siklus
from webapp.domain.tanggal import sekarang
from webapp.extensions import db
from webapp.models import Pegawai, PermintaanAtasan
from webapp.services.access import unit_tree_ids

# tingkat → (label as the manual prints it, attribute of Pegawai)
TINGKAT = {
    "langsung": ("Atasan Langsung", "atasan_langsung"),
    "ii": ("Atasan II", "atasan_ii"),
    "iii": ("Atasan III", "atasan_iii"),
}


class PermintaanError(ValueError):
    """A request that can no longer be approved as it stands (the message says why)."""


def atasan_membentuk_siklus(pegawai_id: int, atasan_id: int | None) -> bool:
    """True when `atasan_id` is already below `pegawai_id` in the chain of Atasan Langsung."""
    if atasan_id is None:
        return False
    pairs = db.session.execute(select(Pegawai.id, Pegawai.atasan_langsung_id)).all()
    return membentuk_siklus(pegawai_id, atasan_id, dict(pairs))


def menunggu(pegawai: Pegawai) -> dict[str, PermintaanAtasan]:
    """The pegawai's pending requests by tingkat."""
    rows = db.session.scalars(
        select(PermintaanAtasan)
        .where(PermintaanAtasan.pegawai_id == pegawai.id, PermintaanAtasan.status == "menunggu")
        .options(joinedload(PermintaanAtasan.atasan))
        .order_by(PermintaanAtasan.id)
    )
    return {r.tingkat: r for r in rows}


def _tutup(permintaan: PermintaanAtasan, status: str, oleh: Pegawai | None) -> None:
    permintaan.status = status
    permintaan.diputuskan_at = sekarang()
    permintaan.diputuskan_oleh = oleh


def ubah_sendiri(pegawai: Pegawai, tingkat: str, baru: Pegawai | None) -> PermintaanAtasan | None:
    """The pegawai's own choice in Ubah Profile (already validated): clearing applies at once,
    going back to the current atasan withdraws the request, anyone else becomes a request.
    Returns the new request, if one was made. The caller commits."""
    attr = TINGKAT[tingkat][1]
    lama = getattr(pegawai, attr)
    pending = menunggu(pegawai).get(tingkat)
    if pending is not None and baru is not None and pending.atasan_id == baru.id:
        return None  # the same request, still waiting
    if pending is not None:
        _tutup(pending, "dibatalkan", pegawai)
    if baru is None:
        setattr(pegawai, attr, None)  # naming nobody gives nobody power over the pegawai
        return None
    if lama is not None and lama.id == baru.id:
        return None
    permintaan = PermintaanAtasan(pegawai=pegawai, tingkat=tingkat, atasan=baru)
    db.session.add(permintaan)
    return permintaan


def batalkan_oleh_admin(pegawai: Pegawai, tingkat: str, oleh: Pegawai) -> None:
    """An admin or operator set this tingkat directly: a pending request for it is void."""
    pending = menunggu(pegawai).get(tingkat)
    if pending is not None:
        _tutup(pending, "dibatalkan", oleh)


def _boleh_memutuskan(user: Pegawai):
    """The SQL condition: `user` is the named atasan, or an operator whose managed unit tree
    holds the pegawai; never the pegawai who asked."""
    cond = PermintaanAtasan.atasan_id == user.id
    if user.is_operator and user.unit_kelola_id is not None:
        cond = or_(cond, Pegawai.unit_kerja_id.in_(unit_tree_ids(user.unit_kelola_id)))
    return cond & (PermintaanAtasan.pegawai_id != user.id)


def untuk_diputuskan(user: Pegawai) -> Select:
    """Pending requests `user` may decide, oldest first."""
    return (
        select(PermintaanAtasan)
        .join(PermintaanAtasan.pegawai)
        .where(PermintaanAtasan.status == "menunggu", _boleh_memutuskan(user))
        .options(
            joinedload(PermintaanAtasan.pegawai).joinedload(Pegawai.unit_kerja),
            joinedload(PermintaanAtasan.pegawai).joinedload(Pegawai.atasan_langsung),
            joinedload(PermintaanAtasan.pegawai).joinedload(Pegawai.atasan_ii),
            joinedload(PermintaanAtasan.pegawai).joinedload(Pegawai.atasan_iii),
            joinedload(PermintaanAtasan.atasan),
        )
        .order_by(PermintaanAtasan.diminta_at, PermintaanAtasan.id)
    )


def ada_untuk_diputuskan_clause(user: Pegawai):
    """ada_untuk_diputuskan as one SQL condition (the menu asks it with its other questions)."""
    return (
        select(PermintaanAtasan.id)
        .join(PermintaanAtasan.pegawai)
        .where(PermintaanAtasan.status == "menunggu", _boleh_memutuskan(user))
        .exists()
    )


def ada_untuk_diputuskan(user: Pegawai) -> bool:
    return bool(db.session.scalar(select(ada_untuk_diputuskan_clause(user))))


def permintaan_untuk(permintaan_id: int, user: Pegawai, lock: bool = False):
    """The pending request when `user` may decide it; None otherwise (the view answers 404).
    With `lock` the row is locked for the decision (SELECT … FOR UPDATE on PostgreSQL)."""
    stmt = untuk_diputuskan(user).where(PermintaanAtasan.id == permintaan_id)
    if lock:
        stmt = stmt.with_for_update(of=PermintaanAtasan)
    return db.session.scalar(stmt)


def setujui(permintaan: PermintaanAtasan, oleh: Pegawai) -> None:
    """The change takes effect, after checking it still holds (people move meanwhile)."""
    pegawai, atasan = permintaan.pegawai, permintaan.atasan
    label, attr = TINGKAT[permintaan.tingkat]
    if not atasan.active:
        raise PermintaanError(f"{atasan.nama} tidak aktif lagi: tolak permintaan ini.")
    lain = [getattr(pegawai, a) for t, (_, a) in TINGKAT.items() if t != permintaan.tingkat]
    if any(p is not None and p.id == atasan.id for p in lain):
        raise PermintaanError(f"{atasan.nama} sudah menjadi atasan lain {pegawai.nama}.")
    if permintaan.tingkat == "langsung" and atasan_membentuk_siklus(pegawai.id, atasan.id):
        raise PermintaanError(
            f"{atasan.nama} berada di bawah {pegawai.nama} dalam rantai atasan: tolak permintaan ini."
        )
    setattr(pegawai, attr, atasan)
    _tutup(permintaan, "disetujui", oleh)
    db.session.commit()


def tolak(permintaan: PermintaanAtasan, oleh: Pegawai) -> None:
    _tutup(permintaan, "ditolak", oleh)
    db.session.commit()

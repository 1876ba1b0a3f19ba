"""Perjanjian Kinerja records that an SKP points to are not deleted behind its back.

An SKP JPT's rencana keeps a link to the PK sasaran it was copied from (the FK is RESTRICT, so the
database refuses too); a Hapus of that sasaran, or of its PK year, is refused with a message that
names the SKP. The check runs in the delete's own transaction, after locking the sasaran rows
(SELECT … FOR UPDATE on PostgreSQL: a concurrent Salin waits, then sees them gone).
"""

from __future__ import annotations

from sqlalchemy import select

from webapp.domain.tanggal import periode_pendek
from webapp.extensions import db
from webapp.models import RencanaHasilKerja, SasaranStrategis, Skp

JENIS_LABEL = {"JPT": "SKP JPT", "JAJF": "SKP JA/JF"}


def _skp_pemakai(sasaran_ids: list[int]) -> list[Skp]:
    if not sasaran_ids:
        return []
    db.session.execute(
        select(SasaranStrategis.id).where(SasaranStrategis.id.in_(sasaran_ids)).with_for_update()
    ).all()
    return list(
        db.session.scalars(
            select(Skp)
            .where(
                Skp.id.in_(
                    select(RencanaHasilKerja.skp_id).where(
                        RencanaHasilKerja.sasaran_id.in_(sasaran_ids)
                    )
                )
            )
            .order_by(Skp.dari, Skp.id)
        )
    )


def alasan_tidak_dihapus(subjek: str, sasaran_ids: list[int]) -> str | None:
    """Why `subjek` ("Sasaran ini", "Perjanjian Kinerja tahun 2022") cannot go, or None."""
    skp = _skp_pemakai(sasaran_ids)
    if not skp:
        return None
    daftar = ", ".join(
        f"{JENIS_LABEL.get(s.jenis, 'SKP')} periode {periode_pendek(s.dari, s.sampai)}" for s in skp
    )
    itu = "SKP itu" if len(skp) == 1 else "SKP tersebut"
    return f"{subjek} dipakai oleh {daftar}; hapus atau ubah rencana di {itu} terlebih dahulu."

"""A leader's result that others build on is not deleted behind their back (issue 7 §2).

Another SKP's rencana may intervene it (`intervensi_id`, RESTRICT in the database) and the
leader's Matrik Peran Hasil may give roles on it; a Hapus of the result, or of its whole SKP,
is refused with a message naming who depends on it.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from webapp.domain.tanggal import periode_pendek
from webapp.extensions import db
from webapp.models import MatrikPeranHasil, Pegawai, PeranHasil, RencanaHasilKerja, Skp
from webapp.services.perjanjian import JENIS_LABEL


def alasan_rencana_tetap(rencana_ids: list[int], subjek: str = "Rencana ini") -> str | None:
    """Why these results (a leader's) cannot be deleted, or None: another SKP's rencana
    intervenes one of them, or the Matrik Peran Hasil gives roles on one. Checked in the
    delete's transaction after locking the rows (FOR UPDATE on PostgreSQL: a Salin that links
    one waits); the RESTRICT foreign key on intervensi_id catches anything that slips past."""
    if not rencana_ids:
        return None
    db.session.execute(
        select(RencanaHasilKerja.id).where(RencanaHasilKerja.id.in_(rencana_ids)).with_for_update()
    ).all()
    pemakai = db.session.scalars(
        select(Skp)
        .where(
            Skp.id.in_(
                select(RencanaHasilKerja.skp_id).where(
                    RencanaHasilKerja.intervensi_id.in_(rencana_ids)
                )
            )
        )
        .options(joinedload(Skp.pegawai))
        .order_by(Skp.dari, Skp.id)
    ).all()
    if pemakai:
        daftar = ", ".join(
            f"{JENIS_LABEL.get(s.jenis, 'SKP')} {s.pegawai_nama or s.pegawai.nama} "
            f"periode {periode_pendek(s.dari, s.sampai)}"
            for s in pemakai
        )
        itu = "SKP itu" if len(pemakai) == 1 else "SKP tersebut"
        return (
            f"{subjek} diintervensi oleh {daftar}; hapus atau ubah rencana di {itu} "
            "terlebih dahulu."
        )
    nama = db.session.scalars(
        select(Pegawai.nama)
        .join(PeranHasil, PeranHasil.pegawai_id == Pegawai.id)
        .join(MatrikPeranHasil, PeranHasil.matrik_id == MatrikPeranHasil.id)
        .where(MatrikPeranHasil.rencana_id.in_(rencana_ids))
        .distinct()
        .order_by(Pegawai.nama)
    ).all()
    if nama:
        return (
            f"{subjek} memiliki peran pada Matrik Peran Hasil ({', '.join(nama)}); "
            "hapus peran tersebut di Matrik Peran Hasil terlebih dahulu."
        )
    return None

"""What a JA/JF result may intervene, and Salin from the Matrik Peran Hasil (issue 7 §3.3).

The leader's results offered under "Rencana Kinerja Atasan" are those of the pegawai's atasan
(Atasan Langsung today, or the SKP's Pejabat Penilai snapshot) on an SKP of any jenis whose
period shares a day with this SKP's. The same query checks a posted choice, so a foreign id is
refused the same way it is hidden. The rules are plain functions in domain.intervensi.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import contains_eager

from webapp.domain.intervensi import atasan_ids, may_intervensi
from webapp.domain.tanggal import periode_pendek
from webapp.extensions import db
from webapp.forms.fields import as_id
from webapp.models import RencanaHasilKerja, Skp
from webapp.services.mph import PeranUntuk, may_salin, peran_untuk

TIDAK_DITEMUKAN = "Rencana kinerja atasan tidak ditemukan."
PERAN_TIDAK_DITEMUKAN = "Peran tidak ditemukan pada Matrik Peran Hasil Anda."


def _atasan(skp: Skp) -> set[int]:
    return atasan_ids(skp.pegawai.atasan_langsung_id, skp.penilai_id)


def rencana_atasan(skp: Skp) -> list[RencanaHasilKerja]:
    """The atasan's results this SKP may intervene, by period, section and number."""
    atasan = _atasan(skp)
    if not atasan:
        return []
    stmt = (
        select(RencanaHasilKerja)
        .join(Skp, RencanaHasilKerja.skp_id == Skp.id)
        .where(
            Skp.pegawai_id.in_(atasan),
            Skp.dari <= skp.sampai,
            Skp.sampai >= skp.dari,
        )
        .options(contains_eager(RencanaHasilKerja.skp))
        .order_by(Skp.dari, Skp.id, RencanaHasilKerja.bagian.desc(), RencanaHasilKerja.urutan)
    )
    return list(db.session.scalars(stmt).unique())


def pilihan_atasan(skp: Skp) -> list[tuple[str, str]]:
    """(value, label) of the select "Rencana Kinerja Atasan"; the period is named only when
    the atasan has more than one SKP in it."""
    daftar = rencana_atasan(skp)
    several = len({r.skp_id for r in daftar}) > 1

    def label(r: RencanaHasilKerja) -> str:
        return f"{r.teks} ({periode_pendek(r.skp.dari, r.skp.sampai)})" if several else r.teks

    return [("", "— Pilih Rencana Kinerja Atasan —")] + [(str(r.id), label(r)) for r in daftar]


def intervensi_of(skp: Skp, raw) -> RencanaHasilKerja | None:
    """The posted "Rencana Kinerja Atasan", or None when it is not one this SKP may intervene."""
    rencana_id = as_id(raw)
    rencana = db.session.get(RencanaHasilKerja, rencana_id) if rencana_id else None
    if rencana is None:
        return None
    leader = rencana.skp
    ok = may_intervensi(
        _atasan(skp), skp.dari, skp.sampai, leader.pegawai_id, leader.dari, leader.sampai
    )
    return rencana if ok else None


def peran_skp(skp: Skp) -> list[PeranUntuk]:
    """The table "Matrik Peran Hasil JPT": the roles given to the owner in the SKP's period."""
    return peran_untuk(skp.pegawai, skp.dari, skp.sampai)


def peran_of(skp: Skp, raw) -> PeranUntuk | None:
    """A role given to the SKP's owner in its period (Salin), or None for anyone else's."""
    peran_id = as_id(raw)
    if peran_id is None or not may_salin(skp.pegawai, peran_id):
        return None
    return next((p for p in peran_skp(skp) if p.peran_id == peran_id), None)

"""The cascade of JA/JF results (rules.md §7): a result intervenes a result of the pegawai's
atasan whose SKP shares a day with its own; an indicator's target labels follow its aspek."""

from __future__ import annotations

from datetime import date

from webapp.domain.periode import tumpang_tindih
from webapp.domain.pilihan import ASPEK


def atasan_ids(atasan_langsung_id: int | None, penilai_id: int | None) -> set[int]:
    """Whose results a pegawai may intervene: the Atasan Langsung today, or the Pejabat
    Penilai the SKP was made with (its snapshot)."""
    return {i for i in (atasan_langsung_id, penilai_id) if i is not None}


def may_intervensi(
    atasan: set[int], dari: date, sampai: date, owner_id: int, owner_dari: date, owner_sampai: date
) -> bool:
    """A leader's result (on an SKP of `owner_id` for owner_dari–owner_sampai) may be the one an
    SKP for dari–sampai intervenes."""
    return owner_id in atasan and tumpang_tindih(dari, sampai, owner_dari, owner_sampai)


def label_target(aspek: str | None) -> tuple[str, str]:
    """The labels of an indicator's target and satuan: "Target Kuantitas", "Satuan Kuantitas"."""
    if aspek not in ASPEK:
        aspek = ASPEK[0]
    return f"Target {aspek}", f"Satuan {aspek}"

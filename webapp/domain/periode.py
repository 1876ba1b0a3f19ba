"""The period of an SKP: Dari before Sampai, inside one calendar year, no overlap (issue 3)."""

from collections.abc import Iterable
from datetime import date

from webapp.domain.tanggal import periode_pendek


def tumpang_tindih(dari: date, sampai: date, lain_dari: date, lain_sampai: date) -> bool:
    """Two periods share at least one day (both ends count)."""
    return dari <= lain_sampai and lain_dari <= sampai


def periode_errors(
    dari: date, sampai: date, periode_lain: Iterable[tuple[date, date]]
) -> list[tuple[str, str]]:
    """Why a period cannot be used, as (field, message) pairs; empty when it can.

    periode_lain: the (dari, sampai) of the pegawai's other SKP of the same kind.
    """
    if sampai < dari:
        return [("sampai", "Sampai Tanggal tidak boleh sebelum Dari Tanggal.")]
    if dari.year != sampai.year:
        return [
            (
                "sampai",
                "Periode SKP harus berada dalam satu tahun kalender "
                f"(Dari dan Sampai sama-sama tahun {dari.year}).",
            )
        ]
    bentrok = sorted(p for p in periode_lain if tumpang_tindih(dari, sampai, *p))
    if bentrok:
        daftar = ", ".join(periode_pendek(*p) for p in bentrok)
        return [("dari", f"Periode bertumpang tindih dengan SKP lain: {daftar}.")]
    return []

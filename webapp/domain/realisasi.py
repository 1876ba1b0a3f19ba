"""Realisasi as plain functions: short period labels and the progress across a year's periods
("TW I 2 · TW II 5 / 8 Dokumen", issue 10 §3), no Flask."""

from __future__ import annotations

from decimal import Decimal

from webapp.domain.angka import format_angka

ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}
BULAN = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


def singkatan(jenis: str, nomor: int) -> str:
    """ "TW I" … "TW IV", "Jan" … "Des", "Tahunan"."""
    if jenis == "triwulan":
        return f"TW {ROMAWI[nomor]}"
    if jenis == "bulanan":
        return BULAN[nomor - 1]
    return "Tahunan"


def nilai_teks(nilai: Decimal | None, teks: str, satuan: str | None) -> str:
    """A realisasi as shown: "8 Dokumen" for a number, else its text."""
    if nilai is not None:
        return f"{format_angka(nilai)} {satuan or ''}".strip()
    return teks or ""


def progres(
    sebelumnya: list[tuple[str, Decimal | None, str]],
    target: Decimal | None,
    target_atas: Decimal | None,
    satuan: str | None,
) -> str:
    """The realisasi of the earlier periods against the target: [(label, nilai, teks), …] in
    period order → "TW I 2 · TW II 5 / 8 Dokumen"; "" when nothing was entered before."""
    bagian = [
        f"{label} {_ringkas(nilai_teks(n, t, None))}"
        for label, n, t in sebelumnya
        if n is not None or (t or "").strip()
    ]
    if not bagian:
        return ""
    teks = " · ".join(bagian)
    if target is None:
        return teks
    sasaran = format_angka(target)
    if target_atas is not None:
        sasaran += f" - {format_angka(target_atas)}"
    return f"{teks} / {sasaran} {satuan or ''}".strip()


def _ringkas(teks: str, n: int = 40) -> str:
    teks = " ".join(teks.split())
    return teks if len(teks) <= n else teks[: n - 1] + "…"

"""Matrik Peran Hasil: the rules of dividing a leader's result among bawahan by role.

Plain functions over plain values (no Flask, no database): the columns (Peran 1 … N), what
shrinking them removes, who may be given a role, and how roles are drawn as matrix rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

KOLOM_MIN = 1
KOLOM_MAKS = 20
PERAN_MAKS = 2000  # characters of one role's text
KETUA = "Ketua Tim"
ANGGOTA = "Anggota Tim"
JABATAN_TIM = (KETUA, ANGGOTA)


def jumlah_kolom_error(nilai: str | int | None) -> str | None:
    """Why a typed Jumlah Kolom cannot be used; None when it can (a whole number 1 … 20)."""
    teks = str(nilai if nilai is not None else "").strip()
    if not teks:
        return "Wajib diisi."
    if not teks.isdigit():
        return f"Jumlah Kolom harus bilangan bulat {KOLOM_MIN} sampai {KOLOM_MAKS}."
    n = int(teks)
    if n < KOLOM_MIN or n > KOLOM_MAKS:
        return f"Jumlah Kolom paling sedikit {KOLOM_MIN} dan paling banyak {KOLOM_MAKS}."
    return None


def kolom_terhapus(peran: Iterable[Any], jumlah_baru: int, kolom=lambda p: p.kolom) -> list:
    """The roles that shrinking the matrix to `jumlah_baru` columns removes (those beyond it)."""
    return [p for p in peran if kolom(p) > jumlah_baru]


def label_kolom(kolom: int) -> str:
    """The heading of a column, and what the Produk field offers: "Peran 2"."""
    return f"Peran {kolom}"


def jabatan_pilihan(tingkat: int) -> tuple[str, ...]:
    """Jabatan Tim Kerja on offer: the leader names Ketua and Anggota; a Ketua Tim splits their
    own role among Anggota only (there is no third level)."""
    return JABATAN_TIM if tingkat == 1 else (ANGGOTA,)


def calon_ids(tingkat: int, bawahan: set[int], anggota_tim: set[int], pemilik: int) -> set[int]:
    """Who may be given a role in a matrix.

    Level 1 (the leader's result): the leader's bawahan. Level 2 (a Ketua Tim's role): the Ketua
    Tim's own bawahan and the Anggota Tim the leader put on the same result. Never oneself.
    """
    ids = set(bawahan) if tingkat == 1 else set(bawahan) | set(anggota_tim)
    ids.discard(pemilik)
    return ids


def sel_terisi(
    peran: Iterable[Any], pegawai_id: int, kolom: int, kecuali: int | None = None
) -> bool:
    """A pegawai holds at most one role per column of one matrix (edit it instead)."""
    return any(p.pegawai_id == pegawai_id and p.kolom == kolom and p.id != kecuali for p in peran)


def kunci_baris(jabatan_tim: str, pegawai_id: int) -> str:
    """The row a role is drawn in: one row per Jabatan Tim Kerja and pegawai ("k-12", "a-7")."""
    return ("k" if jabatan_tim == KETUA else "a") + f"-{pegawai_id}"


@dataclass
class Baris:
    """One row of the matrix: a pegawai in a Jabatan Tim Kerja, and their roles per column."""

    kunci: str
    jabatan_tim: str
    pegawai: Any
    nama: str
    sel: list[list[Any]] = field(default_factory=list)  # sel[k - 1]: roles in column k


def baris_matrik(
    peran: Iterable[Any], jumlah_kolom: int, nama: Callable[[Any], str] = lambda p: p.pegawai.nama
) -> list[Baris]:
    """Roles drawn as the manual's matrix: Ketua Tim rows first, then Anggota Tim, by name."""
    rows: dict[str, Baris] = {}
    for p in peran:
        if p.kolom > jumlah_kolom:
            continue
        kunci = kunci_baris(p.jabatan_tim, p.pegawai_id)
        if kunci not in rows:
            sel = [[] for _ in range(jumlah_kolom)]
            rows[kunci] = Baris(kunci, p.jabatan_tim, p.pegawai, nama(p), sel)
        rows[kunci].sel[p.kolom - 1].append(p)
    return sorted(rows.values(), key=lambda b: (JABATAN_TIM.index(b.jabatan_tim), b.nama))

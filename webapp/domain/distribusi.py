"""Pola distribusi (rules.md §2, SE MenPAN-RB 3/2023): count the predikat a leader gave and
name every limit of the chosen curve that the counts break. Pure functions, no Flask.

The limits themselves are data (`POLA_DISTRIBUSI` in webapp/config.py), passed in as `aturan`:
{capaian: [(jenis, predikat codes, value), ...]} with jenis one of
  "paling_banyak"        the codes together hold at most value % of the pegawai rated,
  "paling_sedikit"       … at least value %,
  "paling_sedikit_orang" … at least value pegawai.

Small teams cannot hold exact shares, so a share becomes a whole number of pegawai by the rule
in PEMBULATAN (shown on screen; the reasons are in docs/decisions/0023):
- a maximum is rounded down (4 of 5 breaks "at most 70%": 70% of 5 is 3.5, so 3), but always
  allows one pegawai unless it is 0% — otherwise a leader of one or two could never give the
  curve's own peak (Istimewa, 1 pegawai: Sangat Baik allowed);
- a minimum is rounded to the nearest whole pegawai, half up (60% of 2 is 1.2: 1; 10% of 4 is
  0.4: nobody yet; 10% of 5 is 0.5: 1), so the minimums of one curve never ask for more pegawai
  than were rated and a team of 1–4 is not pushed into a low predikat by a 10% share;
- a minimum in pegawai (Baik: at least one Butuh Perbaikan and/or Kurang) applies from 2 rated:
  a single pegawai of a unit rated Baik need not be rated below Baik.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from webapp.domain.predikat import CAPAIAN_LABEL, PREDIKAT_LABEL

# The predikat from lowest to highest: the x axis of the curve and the rows of the count table.
URUTAN = ("sangat_kurang", "kurang", "butuh_perbaikan", "baik", "sangat_baik")

PEMBULATAN = (
    "Pembulatan untuk tim kecil: batas paling banyak dibulatkan ke bawah menjadi jumlah pegawai "
    "utuh, tetapi selalu membolehkan 1 pegawai kecuali batasnya 0%; batas paling sedikit "
    "dibulatkan ke jumlah pegawai terdekat (setengah ke atas), misalnya 60% dari 2 pegawai "
    "menjadi 1 dan 10% baru meminta 1 pegawai bila 5 pegawai atau lebih dinilai; syarat paling "
    "sedikit 1 pegawai berlaku bila 2 pegawai atau lebih dinilai. Pegawai yang belum dinilai "
    "tidak dihitung."
)

JENIS_BATAS = ("paling_banyak", "paling_sedikit", "paling_sedikit_orang")
MIN_ORANG_BERLAKU = 2  # a minimum in pegawai applies from this many rated


def hitung(predikat: Iterable[str | None]) -> dict[str, int]:
    """The number of each predikat (all five codes); None (not rated yet) is not counted."""
    jumlah = dict.fromkeys(PREDIKAT_LABEL, 0)
    for p in predikat:
        if p is None:
            continue
        if p not in jumlah:
            raise ValueError(f"unknown predikat {p!r}")
        jumlah[p] += 1
    return jumlah


def maks_orang(persen: Decimal, n: int) -> int:
    """How many of n pegawai a maximum share allows (rounded down, at least 1 unless 0%)."""
    if n <= 0 or persen <= 0:
        return 0
    exact = (persen * n / 100).to_integral_value(rounding=ROUND_FLOOR)
    return min(n, max(1, int(exact)))


def min_orang(persen: Decimal, n: int) -> int:
    """How many of n pegawai a minimum share asks for (nearest whole pegawai, half up)."""
    if n <= 0 or persen <= 0:
        return 0
    return min(n, int((persen * n / 100).to_integral_value(rounding=ROUND_HALF_UP)))


def persen(bagian: int, n: int) -> str:
    """A share in Indonesian: "80%", "66,7%"; "0%" of nobody."""
    if n <= 0:
        return "0%"
    value = (Decimal(bagian) * 100 / n).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    text = format(value, "f").removesuffix(".0").replace(".", ",")
    return f"{text}%"


def nama_predikat(codes: Sequence[str]) -> str:
    """ "Sangat Baik", "Butuh Perbaikan dan/atau Kurang" (plain words, not capitals)."""
    return " dan/atau ".join(PREDIKAT_LABEL[c].title() for c in codes)


def nama_capaian(capaian: str) -> str:
    return CAPAIAN_LABEL[capaian].title()


def _angka(value) -> Decimal:
    return Decimal(str(value))


def _persen_batas(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", ",") + "%"


def batas(capaian: str | None, aturan: Mapping) -> list[tuple[str, tuple[str, ...], Decimal]]:
    """The limits of a capaian's curve as (jenis, codes, value); none for no or unknown capaian."""
    if not capaian or capaian not in aturan:
        return []
    hasil = []
    for jenis, codes, value in aturan[capaian]:
        if jenis not in JENIS_BATAS:
            raise ValueError(f"unknown limit {jenis!r} in POLA_DISTRIBUSI[{capaian!r}]")
        hasil.append((jenis, tuple(codes), _angka(value)))
    return hasil


def uraian_batas(capaian: str | None, aturan: Mapping) -> list[str]:
    """The curve's limits in words, for the screen: "Sangat Baik paling banyak 70%"."""
    teks = []
    for jenis, codes, value in batas(capaian, aturan):
        nama = nama_predikat(codes)
        if jenis == "paling_banyak" and value == 0:
            teks.append(f"tidak ada {nama}")
        elif jenis == "paling_banyak":
            teks.append(f"{nama} paling banyak {_persen_batas(value)}")
        elif jenis == "paling_sedikit":
            teks.append(f"{nama} paling sedikit {_persen_batas(value)}")
        else:
            teks.append(f"paling sedikit {int(value)} pegawai {nama}")
    return teks


def pelanggaran(capaian: str | None, jumlah: Mapping[str, int], aturan: Mapping) -> list[str]:
    """Every limit of the capaian's curve that the counts break, in plain Indonesian, e.g.
    "Sangat Baik 4 dari 5 pegawai (80%) melebihi batas 70% untuk capaian Istimewa
    (paling banyak 3 pegawai)". Nothing when no capaian is set or nobody is rated."""
    n = sum(jumlah.get(c, 0) for c in PREDIKAT_LABEL)
    if n == 0:
        return []
    hasil = []
    for jenis, codes, value in batas(capaian, aturan):
        c = sum(jumlah.get(code, 0) for code in codes)
        nama = nama_predikat(codes)
        kepada = f"untuk capaian {nama_capaian(capaian)}"
        bagian = f"{nama} {c} dari {n} pegawai ({persen(c, n)})"
        if jenis == "paling_banyak":
            boleh = maks_orang(value, n)
            if c <= boleh:
                continue
            if value == 0:
                hasil.append(f"{bagian} melebihi batas 0% {kepada}: tidak boleh ada {nama}")
            else:
                hasil.append(
                    f"{bagian} melebihi batas {_persen_batas(value)} {kepada} "
                    f"(paling banyak {boleh} pegawai)"
                )
        elif jenis == "paling_sedikit":
            perlu = min_orang(value, n)
            if c < perlu:
                hasil.append(
                    f"{bagian} kurang dari batas paling sedikit {_persen_batas(value)} {kepada} "
                    f"(paling sedikit {perlu} pegawai)"
                )
        else:
            perlu = min(int(value), n)
            if n >= MIN_ORANG_BERLAKU and c < perlu:
                hasil.append(
                    f"{nama} {c} dari {n} pegawai: {kepada} paling sedikit {perlu} pegawai "
                    f"mendapat predikat {nama}"
                )
    return hasil

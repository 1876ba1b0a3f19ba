"""Pola distribusi (rules.md §2): every limit of every capaian, edge shares, small teams."""

from decimal import Decimal

import pytest

from webapp.config import POLA_DISTRIBUSI as ATURAN
from webapp.domain.distribusi import (
    PEMBULATAN,
    batas,
    hitung,
    maks_orang,
    min_orang,
    pelanggaran,
    persen,
    uraian_batas,
)


def j(sb=0, b=0, bp=0, k=0, sk=0):
    return {"sangat_baik": sb, "baik": b, "butuh_perbaikan": bp, "kurang": k, "sangat_kurang": sk}


def test_hitung_counts_each_code_and_skips_the_unrated():
    got = hitung(["baik", "baik", None, "sangat_baik", "kurang", None])
    assert got == j(sb=1, b=2, k=1)
    assert hitung([]) == j()
    assert list(hitung([])) == ["sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"]


def test_hitung_refuses_an_unknown_code():
    with pytest.raises(ValueError):
        hitung(["luar_biasa"])


@pytest.mark.parametrize(
    ("limit", "n", "allowed"),
    [
        ("70", 0, 0),
        ("70", 1, 1),  # 0.7: rounded down is 0, but one pegawai is always allowed
        ("70", 2, 1),  # 1.4
        ("70", 3, 2),  # 2.1
        ("70", 5, 3),  # 3.5
        ("70", 10, 7),  # exactly 70%
        ("10", 1, 1),
        ("10", 9, 1),
        ("10", 10, 1),  # exactly 10%
        ("10", 20, 2),
        ("0", 5, 0),
    ],
)
def test_maks_orang(limit, n, allowed):
    assert maks_orang(Decimal(limit), n) == allowed


@pytest.mark.parametrize(
    ("limit", "n", "needed"),
    [
        ("60", 0, 0),
        ("60", 1, 1),  # 0.6 → 1
        ("60", 2, 1),  # 1.2 → 1
        ("60", 3, 2),  # 1.8 → 2
        ("60", 5, 3),  # exactly 60%
        ("10", 1, 0),
        ("10", 4, 0),  # 0.4 → 0
        ("10", 5, 1),  # 0.5 → 1 (half up)
        ("10", 10, 1),  # exactly 10%
        ("10", 15, 2),  # 1.5 → 2
    ],
)
def test_min_orang(limit, n, needed):
    assert min_orang(Decimal(limit), n) == needed


def test_persen():
    assert persen(4, 5) == "80%"
    assert persen(2, 3) == "66,7%"
    assert persen(1, 3) == "33,3%"
    assert persen(0, 0) == "0%"


def test_the_example_of_the_issue():
    assert pelanggaran("istimewa", j(sb=4, b=1), ATURAN) == [
        "Sangat Baik 4 dari 5 pegawai (80%) melebihi batas 70% untuk capaian Istimewa "
        "(paling banyak 3 pegawai)"
    ]


# --- Istimewa: Sangat Baik ≤ 70% -------------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "broken"),
    [
        (j(sb=7, b=3), False),  # exactly 70%
        (j(sb=8, b=2), True),
        (j(sb=1), False),  # team of 1: the peak is allowed
        (j(sb=2), True),  # team of 2: 1 allowed
        (j(sb=1, b=1), False),
        (j(sb=2, b=1), False),  # team of 3: 2 allowed
        (j(sb=3), True),
        (j(b=3, k=2), False),  # no minimum for Istimewa
    ],
)
def test_istimewa(counts, broken):
    found = pelanggaran("istimewa", counts, ATURAN)
    assert bool(found) == broken, found
    assert all("Sangat Baik" in f and "Istimewa" in f for f in found)


# --- Baik: Baik ≤ 70%; at least one Butuh Perbaikan and/or Kurang -------------------------------


def test_baik_exactly_70_percent_with_one_below():
    assert pelanggaran("baik", j(b=7, sb=2, bp=1), ATURAN) == []


def test_baik_more_than_70_percent():
    [found] = pelanggaran("baik", j(b=8, sb=1, k=1), ATURAN)
    assert found.startswith("Baik 8 dari 10 pegawai (80%) melebihi batas 70% untuk capaian Baik")


def test_baik_without_anyone_below():
    [found] = pelanggaran("baik", j(b=5, sb=5), ATURAN)
    assert found == (
        "Butuh Perbaikan dan/atau Kurang 0 dari 10 pegawai: untuk capaian Baik paling sedikit "
        "1 pegawai mendapat predikat Butuh Perbaikan dan/atau Kurang"
    )


def test_baik_kurang_alone_satisfies_the_minimum():
    assert pelanggaran("baik", j(b=3, sb=1, k=1), ATURAN) == []


def test_baik_both_limits_broken():
    assert len(pelanggaran("baik", j(b=5), ATURAN)) == 2


def test_baik_team_of_one():
    # The single pegawai may be Baik: a minimum in pegawai applies from 2 rated.
    assert pelanggaran("baik", j(b=1), ATURAN) == []
    assert pelanggaran("baik", j(sb=1), ATURAN) == []


def test_baik_teams_of_two_and_three():
    assert pelanggaran("baik", j(b=1, bp=1), ATURAN) == []
    assert len(pelanggaran("baik", j(b=1, sb=1), ATURAN)) == 1  # nobody below
    assert len(pelanggaran("baik", j(b=2), ATURAN)) == 2  # 2 of 2 Baik; nobody below
    assert pelanggaran("baik", j(b=2, k=1), ATURAN) == []  # 2 of 3 allowed


# --- Butuh Perbaikan: Butuh Perbaikan ≥ 60%; Sangat Baik ≤ 10% -----------------------------------


def test_butuh_perbaikan_exact_shares():
    assert pelanggaran("butuh_perbaikan", j(bp=6, b=3, sb=1), ATURAN) == []


def test_butuh_perbaikan_too_few():
    [found] = pelanggaran("butuh_perbaikan", j(bp=5, b=5), ATURAN)
    assert found == (
        "Butuh Perbaikan 5 dari 10 pegawai (50%) kurang dari batas paling sedikit 60% untuk "
        "capaian Butuh Perbaikan (paling sedikit 6 pegawai)"
    )


def test_butuh_perbaikan_too_many_sangat_baik():
    [found] = pelanggaran("butuh_perbaikan", j(bp=6, b=2, sb=2), ATURAN)
    assert found.startswith("Sangat Baik 2 dari 10 pegawai (20%) melebihi batas 10%")


def test_butuh_perbaikan_small_teams():
    assert pelanggaran("butuh_perbaikan", j(bp=1), ATURAN) == []
    assert len(pelanggaran("butuh_perbaikan", j(b=1), ATURAN)) == 1  # 60% of 1 is 1
    assert pelanggaran("butuh_perbaikan", j(bp=1, sb=1), ATURAN) == []  # 1 of 2; 1 SB allowed
    assert pelanggaran("butuh_perbaikan", j(bp=2, b=1), ATURAN) == []  # 2 of 3
    assert len(pelanggaran("butuh_perbaikan", j(bp=1, b=2), ATURAN)) == 1


# --- Kurang: Kurang ≥ 60%; Butuh Perbaikan ≥ 10%; Sangat Baik ≤ 10% ------------------------------


def test_kurang_exact_shares():
    assert pelanggaran("kurang", j(k=6, bp=1, b=2, sb=1), ATURAN) == []


def test_kurang_every_limit_broken():
    found = pelanggaran("kurang", j(k=5, b=3, sb=2), ATURAN)
    assert [f.split(" ")[0] for f in found] == ["Kurang", "Butuh", "Sangat"]
    assert "Butuh Perbaikan 0 dari 10 pegawai (0%) kurang dari batas paling sedikit 10%" in found[1]


def test_kurang_small_teams_can_meet_every_limit():
    assert pelanggaran("kurang", j(k=1), ATURAN) == []  # 10% of 1 asks nobody
    assert pelanggaran("kurang", j(k=1, bp=1), ATURAN) == []
    assert pelanggaran("kurang", j(k=2, b=1), ATURAN) == []
    assert len(pelanggaran("kurang", j(k=4, b=1), ATURAN)) == 1  # 10% of 5 asks one BP


# --- Sangat Kurang: Sangat Kurang ≥ 60%; Kurang + Butuh Perbaikan ≥ 10%; no Sangat Baik ----------


def test_sangat_kurang_exact_shares():
    assert pelanggaran("sangat_kurang", j(sk=6, k=1, b=3), ATURAN) == []


def test_sangat_kurang_no_sangat_baik_at_all():
    [found] = pelanggaran("sangat_kurang", j(sk=6, bp=1, b=2, sb=1), ATURAN)
    assert found == (
        "Sangat Baik 1 dari 10 pegawai (10%) melebihi batas 0% untuk capaian Sangat Kurang: "
        "tidak boleh ada Sangat Baik"
    )


def test_sangat_kurang_group_minimum():
    [found] = pelanggaran("sangat_kurang", j(sk=7, b=3), ATURAN)
    assert found.startswith("Kurang dan/atau Butuh Perbaikan 0 dari 10 pegawai (0%)")
    assert pelanggaran("sangat_kurang", j(sk=7, bp=1, b=2), ATURAN) == []


def test_sangat_kurang_small_teams():
    assert pelanggaran("sangat_kurang", j(sk=1), ATURAN) == []
    assert len(pelanggaran("sangat_kurang", j(sb=1), ATURAN)) == 2  # SB, and no SK
    assert pelanggaran("sangat_kurang", j(sk=2, k=1), ATURAN) == []


# --- Nothing to check --------------------------------------------------------------------------


@pytest.mark.parametrize("capaian", [*ATURAN, None, "tidak_dikenal"])
def test_nobody_rated_breaks_nothing(capaian):
    assert pelanggaran(capaian, j(), ATURAN) == []


def test_no_capaian_breaks_nothing():
    assert pelanggaran(None, j(sb=5), ATURAN) == []


def test_limits_in_words():
    assert uraian_batas("istimewa", ATURAN) == ["Sangat Baik paling banyak 70%"]
    assert uraian_batas("sangat_kurang", ATURAN) == [
        "Sangat Kurang paling sedikit 60%",
        "Kurang dan/atau Butuh Perbaikan paling sedikit 10%",
        "tidak ada Sangat Baik",
    ]
    assert (
        uraian_batas("baik", ATURAN)[1]
        == "paling sedikit 1 pegawai Butuh Perbaikan dan/atau Kurang"
    )
    assert uraian_batas(None, ATURAN) == []


def test_rules_from_configuration_not_code():
    aturan = {"istimewa": [["paling_banyak", ["sangat_baik"], "50"]]}  # JSON from the environment
    assert batas("istimewa", aturan) == [("paling_banyak", ("sangat_baik",), Decimal(50))]
    assert len(pelanggaran("istimewa", j(sb=2, b=1), aturan)) == 1
    with pytest.raises(ValueError):
        batas("istimewa", {"istimewa": [("kira_kira", ("baik",), "1")]})


def test_the_rounding_is_stated():
    assert "dibulatkan ke bawah" in PEMBULATAN
    assert "terdekat" in PEMBULATAN


def _komposisi(n: int, parts: int = 5):
    if parts == 1:
        yield (n,)
        return
    for first in range(n + 1):
        for rest in _komposisi(n - first, parts - 1):
            yield (first, *rest)


@pytest.mark.parametrize("capaian", list(ATURAN))
@pytest.mark.parametrize("n", range(1, 13))
def test_every_curve_can_be_met_by_every_team_size(capaian, n):
    """The rounding never asks the impossible: some ratings of n pegawai break nothing."""
    codes = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
    assert any(
        not pelanggaran(capaian, dict(zip(codes, counts, strict=True)), ATURAN)
        for counts in _komposisi(n)
    )


@pytest.mark.parametrize("capaian", list(ATURAN))
def test_a_breach_is_always_a_share_on_the_wrong_side(capaian):
    """A message never claims e.g. "50% kurang dari batas 10%": each breach's share is past
    its limit in the plain arithmetic too."""
    checked = 0
    for n in range(1, 11):
        for counts in _komposisi(n):
            for teks in pelanggaran(capaian, dict(zip(ATURAN_CODES, counts, strict=True)), ATURAN):
                if "(" not in teks.split(" pegawai")[1][:3]:
                    continue  # the people-count rule names no share
                share = Decimal(teks.split("(")[1].split("%")[0].replace(",", "."))
                limit = Decimal(teks.split("batas ")[1].split("%")[0].split()[-1].replace(",", "."))
                if "melebihi" in teks:
                    assert share > limit, teks
                else:
                    assert share < limit, teks
                checked += 1
    assert checked > 20


ATURAN_CODES = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")

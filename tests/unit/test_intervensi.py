"""The cascade rules of a JA/JF result (domain.intervensi)."""

from datetime import date

from webapp.domain.intervensi import atasan_ids, label_target, may_intervensi

MAR = (date(2022, 3, 1), date(2022, 3, 31))


def test_atasan_are_the_atasan_langsung_and_the_penilai_snapshot():
    assert atasan_ids(1, 2) == {1, 2}
    assert atasan_ids(None, 2) == {2}
    assert atasan_ids(3, 3) == {3}
    assert atasan_ids(None, None) == set()


def test_only_the_atasans_result_of_an_overlapping_period():
    assert may_intervensi({7}, *MAR, 7, *MAR)
    # One shared day is enough, at either end.
    assert may_intervensi({7}, *MAR, 7, date(2022, 1, 1), date(2022, 3, 1))
    assert may_intervensi({7}, *MAR, 7, date(2022, 3, 31), date(2022, 12, 31))
    # The day before / after is not.
    assert not may_intervensi({7}, *MAR, 7, date(2022, 1, 1), date(2022, 2, 28))
    assert not may_intervensi({7}, *MAR, 7, date(2022, 4, 1), date(2022, 4, 30))
    # Anyone else's result, or no atasan at all.
    assert not may_intervensi({7}, *MAR, 8, *MAR)
    assert not may_intervensi(set(), *MAR, 7, *MAR)


def test_target_labels_follow_the_aspek():
    assert label_target("Kuantitas") == ("Target Kuantitas", "Satuan Kuantitas")
    assert label_target("Waktu") == ("Target Waktu", "Satuan Waktu")
    assert label_target("Biaya") == ("Target Biaya", "Satuan Biaya")
    # No or an unknown aspek: the default one (the form refuses the unknown value itself).
    assert label_target(None) == ("Target Kuantitas", "Satuan Kuantitas")
    assert label_target("<b>") == ("Target Kuantitas", "Satuan Kuantitas")

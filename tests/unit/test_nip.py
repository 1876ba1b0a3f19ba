import pytest

from webapp.domain.nip import nip_error


@pytest.mark.parametrize("nip", ["197202281999121001", "199009062014022001", "198806142010122003"])
def test_valid_nip(nip):
    assert nip_error(nip) is None


@pytest.mark.parametrize(
    ("nip", "reason"),
    [
        ("19720228199912100", "18 digit"),
        ("1972022819991210011", "18 digit"),
        ("19720228199912100a", "18 digit"),
        ("197202301999121001", "tanggal lahir"),  # 30 February
        ("197213281999121001", "tanggal lahir"),  # month 13
        ("197202281999131001", "bulan TMT"),
        ("197202281999001001", "bulan TMT"),
        ("197202281999123001", "jenis kelamin"),
    ],
)
def test_invalid_nip_says_why(nip, reason):
    assert reason in nip_error(nip)

"""The rules for a new password and for the login slow-down, without Flask."""

import pytest

from webapp.domain.login import delay_seconds
from webapp.domain.password import password_error


def test_the_wait_is_none_then_doubles_up_to_the_maximum():
    waits = [delay_seconds(n, free=5, maximum=60) for n in range(13)]
    assert waits == [0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60]
    assert delay_seconds(10**6, free=5, maximum=60) == 60  # no overflow for huge counts


@pytest.mark.parametrize(
    ("password", "error"),
    [
        ("", "Password tidak boleh kosong atau hanya berisi spasi."),
        ("          ", "Password tidak boleh kosong atau hanya berisi spasi."),
        ("\t \u00a0 \n    ", "Password tidak boleh kosong atau hanya berisi spasi."),
        ("pendek", "Password minimal 8 karakter."),
        ("x" * 201, "Password paling banyak 200 karakter."),
        ("sandi kuat 1", None),
        ("x" * 200, None),
    ],
)
def test_password_rule(password, error):
    assert password_error(password) == error

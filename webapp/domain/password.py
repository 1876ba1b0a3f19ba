"""The one rule for a new password, used by every place that sets one (forms, import, CLI)."""

PASSWORD_MIN = 8
PASSWORD_MAX = 200


def password_error(password: str) -> str | None:
    """The reason a new password is refused, or None when it is acceptable."""
    if not password.strip():
        return "Password tidak boleh kosong atau hanya berisi spasi."
    if len(password) < PASSWORD_MIN:
        return f"Password minimal {PASSWORD_MIN} karakter."
    if len(password) > PASSWORD_MAX:
        return f"Password paling banyak {PASSWORD_MAX} karakter."
    return None

"""Flask-WTF forms, one per dialog or editable row."""

from flask_wtf import FlaskForm


class EmptyForm(FlaskForm):
    """A button-only POST (Hapus, Ajukan …): carries just the CSRF token."""

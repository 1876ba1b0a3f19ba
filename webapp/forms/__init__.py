"""Flask-WTF forms, one per dialog or editable row."""

from webapp.forms.fields import Form


class EmptyForm(Form):
    """A button-only POST (Hapus, Ajukan …): carries just the CSRF token."""

from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, InputRequired, Length

from webapp.forms.fields import WAJIB, Form, aturan_password, maks


class LoginForm(Form):
    nip = StringField("NIP", validators=[DataRequired(WAJIB), Length(max=18)])
    password = PasswordField("Password", validators=[DataRequired(WAJIB), Length(max=200)])


class UbahPasswordForm(Form):
    """Self-service: the same rule for the new password as the admin's form."""

    password_lama = PasswordField("Password Lama", validators=[InputRequired(WAJIB), maks(200)])
    password_baru = PasswordField(
        "Password Baru", validators=[InputRequired(WAJIB), aturan_password]
    )
    konfirmasi_password_baru = PasswordField(
        "Konfirmasi Password Baru",
        validators=[
            InputRequired(WAJIB),
            EqualTo("password_baru", message="Tidak sama dengan Password Baru."),
        ],
    )

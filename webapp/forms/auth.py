from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from webapp.forms.fields import WAJIB, Form


class LoginForm(Form):
    nip = StringField("NIP", validators=[DataRequired(WAJIB), Length(max=18)])
    password = PasswordField("Password", validators=[DataRequired(WAJIB), Length(max=200)])

from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from webapp.forms.fields import WAJIB


class LoginForm(FlaskForm):
    nip = StringField("NIP", validators=[DataRequired(WAJIB), Length(max=18)])
    password = PasswordField("Password", validators=[DataRequired(WAJIB), Length(max=200)])

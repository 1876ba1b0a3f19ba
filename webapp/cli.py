"""Command-line tasks for the IT person: demo data, the first admin."""

import getpass

import click
from flask import Flask
from sqlalchemy import func, select

from webapp.domain.nip import nip_error
from webapp.domain.password import password_error
from webapp.extensions import db
from webapp.models import Pegawai


def init_app(app: Flask) -> None:
    @app.cli.command("demo-data")
    def demo_data():
        """Load the demo agency, only into an empty database."""
        if db.session.scalar(select(func.count()).select_from(Pegawai)):
            click.echo("Database sudah berisi data: data demo tidak dimuat.")
            return
        from webapp.demo import load_demo

        load_demo()
        click.echo("Data demo dimuat. Masuk dengan NIP 197202281999121001 / kinerja2022.")

    @app.cli.command("create-admin")
    @click.option("--nip", prompt="NIP")
    @click.option("--nama", prompt="Nama")
    @click.option("--password", default=None, help="Omit to be asked without echo.")
    def create_admin(nip: str, nama: str, password: str | None):
        """Create the first admin account of a production install."""
        error = nip_error(nip)
        if error:
            raise click.BadParameter(error, param_hint="--nip")
        if db.session.scalar(select(Pegawai).where(Pegawai.nip == nip)):
            raise click.ClickException(f"NIP {nip} sudah terdaftar.")
        if password is None:
            password = getpass.getpass("Password: ")
        error = password_error(password)
        if error:
            raise click.ClickException(error)
        admin = Pegawai(nip=nip, nama=nama, jenis_jabatan="JA", is_admin=True, is_operator=True)
        admin.set_password(password)
        db.session.add(admin)
        db.session.commit()
        click.echo(f"Admin {nama} ({nip}) dibuat.")

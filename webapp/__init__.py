"""Toolkit Kinerja: the application factory."""

import os
import secrets
from pathlib import Path

from flask import Flask
from jinja2 import ChoiceLoader, FileSystemLoader
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.middleware.proxy_fix import ProxyFix

from webapp import db_connections  # noqa: F401  (pool checkout check)
from webapp.extensions import compress, csrf, db, limiter, login_manager, migrate


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    app.config.from_object("webapp.config")
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///" + os.path.join(
        app.instance_path, "kinerja.sqlite3"
    )
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        if os.environ.get("DATABASE_URL"):
            app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
        app.config.from_prefixed_env("KINERJA")
    else:
        app.config.update(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(app.instance_path)

    if app.config["TRUSTED_PROXIES"]:
        # Behind a reverse proxy: the client's address (rate limits) comes from X-Forwarded-For.
        n = int(app.config["TRUSTED_PROXIES"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)

    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(os.path.join(app.root_path, "templates")),
            FileSystemLoader(os.path.join(app.root_path, "partials")),
        ]
    )

    db.init_app(app)
    migrate.init_app(app, db, render_as_batch=True, compare_type=True)
    login_manager.init_app(app)
    csrf.init_app(app)
    compress.init_app(app)
    from webapp.services import db_limits  # noqa: F401  (registers the database:// storage)

    limiter.init_app(app)

    from webapp import web

    web.init_app(app)
    from webapp import headers

    headers.init_app(app)
    from webapp import static_files

    static_files.init_app(app)

    from webapp.blueprints import admin, auth, dashboard, perjanjian, profile
    from webapp.blueprints.skp import skp_blueprint
    from webapp.domain.jenis_skp import JAJF, JPT

    app.register_blueprint(auth.bp)
    app.register_blueprint(dashboard.bp)
    app.register_blueprint(perjanjian.bp)
    app.register_blueprint(profile.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(skp_blueprint(JPT))
    app.register_blueprint(skp_blueprint(JAJF))
    from webapp.blueprints import review, skp_bawahan

    app.register_blueprint(skp_bawahan.bp)
    app.register_blueprint(review.bp)
    from webapp.blueprints import persetujuan

    app.register_blueprint(persetujuan.bp)

    from webapp.blueprints import mph, uraian

    app.register_blueprint(mph.bp)
    app.register_blueprint(uraian.bp)
    from webapp.blueprints import keberatan, perilaku_skp

    app.register_blueprint(perilaku_skp.bp)
    app.register_blueprint(keberatan.bp)

    from webapp.blueprints import distribusi, periode_admin

    app.register_blueprint(distribusi.bp)
    app.register_blueprint(periode_admin.bp)

    from webapp.blueprints import umpan_balik
    from webapp.blueprints.realisasi import realisasi_blueprint

    app.register_blueprint(realisasi_blueprint(JPT))
    app.register_blueprint(realisasi_blueprint(JAJF))
    app.register_blueprint(umpan_balik.bp)

    from webapp import cli

    cli.init_app(app)
    return app


def _instance_secret(instance_path: str) -> str:
    """A SECRET_KEY generated once into instance/ and kept there (mode 600)."""
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record):
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

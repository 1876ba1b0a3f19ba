"""Bad input never gives a 500 (issue 6 §9, issue 7 §4): a 422 by the field, a 404 for an id that
cannot exist, a 413 in Indonesian; error handlers roll the session back before rendering.

Run on PostgreSQL too (TEST_DB_URI): the NUL and 2^31 cases are the ones SQLite lets through.
"""

import io

import pytest
from flask import abort
from flask_login import current_user, login_required
from sqlalchemy import func, select

from tests.conftest import Actor
from tests.views.test_safe_methods import snapshot
from webapp import create_app
from webapp.extensions import db
from webapp.forms.fields import ADA_NUL, as_id
from webapp.models import IndikatorSasaran, ProgramPK, SasaranStrategis, UnitKerja

P = "/perjanjian-kinerja"
BIG = 2**31


def text(response) -> str:
    return response.get_data(as_text=True)


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def owner(world, login):
    return login(world.owner)


# --- NUL characters ---------------------------------------------------------------------------


@pytest.mark.parametrize("hx", [False, True])
def test_nul_in_a_text_field_is_refused_by_the_field(world, owner, hx):
    before = snapshot()
    post = owner.hx_post if hx else owner.post
    r = post(f"{P}/{world.pk.id}/sasaran/tambah", data={"teks": "Sasaran\x00 baru"})
    assert r.status_code == 422
    body = text(r)
    assert ADA_NUL in body and "Sasaran baru" in body  # the rest of the input is kept
    assert snapshot() == before


def test_nul_in_every_kind_of_field_is_refused(world, owner, login):
    cases = [
        (owner, f"{P}/program/{world.program.id}/edit", {"nama": "P\x00", "anggaran": "1"}),
        (owner, f"{P}/{world.pk.id}/edit", {"tahun": "2024\x00"}),
        (owner, f"{P}/sasaran/{world.sasaran.id}/indikator", {"indikator": "I", "target": "1\x00"}),
        (owner, f"/skp-jpt/rencana/{world.rencana.id}/edit", {"teks": "R\x00"}),
        (owner, "/profil", {"atasan_langsung": world.atasan.nip + "\x00"}),
        (login(world.admin), "/admin/unit-kerja/tambah", {"nama": "Unit\x00"}),
        (login(world.admin), "/admin/pegawai/tambah", {"nip": "1\x00", "nama": "X\x00"}),
        (login(None), "/login", {"nip": world.owner.nip + "\x00", "password": "x\x00"}),
    ]
    before = snapshot()
    for actor, url, data in cases:
        r = actor.post(url, data=data)
        assert r.status_code == 422, (url, r.status_code)
        assert ADA_NUL in text(r), url
    assert snapshot() == before


def test_nul_in_a_query_string_is_refused_in_indonesian(world, login):
    admin = login(world.admin)
    for url in ("/admin/pegawai?q=%00", "/pegawai/cari?q=ab%00c", f"{P}/?q=a&q=%00x"):
        r = admin.get(url)
        assert r.status_code == 400 and "Alamat berisi karakter yang tidak sah." in text(r), url


# --- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "target, message",
    [
        ("1e999999999999999999", "Angka terlalu besar"),
        ("1e9999999999999999999", "Harus berupa angka"),
        ("NaN", "Harus berupa angka"),
        ("Infinity", "Harus berupa angka"),
        ("-sNaN", "Harus berupa angka"),
        ("1000000000000000", "Angka terlalu besar"),
        ("1e-999999999999999999", "Paling banyak 4 angka di belakang koma."),
        ("0,00001", "Paling banyak 4 angka di belakang koma."),
    ],
)
def test_a_target_beyond_the_column_is_refused(world, owner, target, message):
    before = snapshot()
    r = owner.post(
        f"{P}/sasaran/{world.sasaran.id}/indikator",
        data={"indikator": "Indikator baru", "target": target, "satuan": "Persen (%)"},
    )
    assert r.status_code == 422 and message in text(r)
    assert "Indikator baru" in text(r)
    assert snapshot() == before


def test_the_largest_target_and_anggaran_the_columns_hold_are_saved(world, owner):
    r = owner.post(
        f"{P}/sasaran/{world.sasaran.id}/indikator",
        data={"indikator": "Besar", "target": "999.999.999.999.999,9999", "satuan": "Persen (%)"},
    )
    assert r.status_code == 302
    r = owner.post(f"{P}/{world.pk.id}/program/tambah", data={"nama": "P", "anggaran": "1,255"})
    assert r.status_code == 422 and "Paling banyak 2 angka di belakang koma." in text(r)
    r = owner.post(
        f"{P}/{world.pk.id}/program/tambah",
        data={"nama": "P", "anggaran": "999.999.999.999.999,99"},
    )
    assert r.status_code == 302
    db.session.expire_all()
    if db.engine.dialect.name == "postgresql":  # SQLite keeps Numeric as a float (ADR 0004)
        assert str(db.session.scalar(select(func.max(ProgramPK.anggaran)))) == "999999999999999.99"
        target = db.session.scalar(select(func.max(IndikatorSasaran.target)))
        assert str(target) == "999999999999999.9999"


def test_a_skp_target_overflow_is_refused(world, owner):
    r = owner.post(
        f"/skp-jpt/rencana/{world.rencana.id}/indikator/tambah",
        data={"teks": "I", "target": "1e999999999999999999", "satuan": "Dokumen"},
    )
    assert r.status_code == 422 and "Angka terlalu besar" in text(r)


# --- ids past PostgreSQL's integer ------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        f"{P}/{BIG}",
        f"{P}/{BIG}/edit",
        f"{P}/99999999999999999999999",
        f"/skp-jpt/{BIG}/hapus",
        f"/admin/pegawai/{BIG}/ubah",
    ],
)
def test_an_id_past_2_31_in_the_url_is_a_404(world, login, url):
    actor = login(world.admin if url.startswith("/admin") else world.owner)
    answers = [actor.get(url), actor.hx_get(url)]
    if url.endswith(("edit", "hapus", "ubah")):
        answers.append(actor.post(url))
    for r in answers:
        assert r.status_code == 404, (url, r.status_code)
        assert "Halaman atau data yang dicari tidak ada." in text(r)


def test_the_largest_id_is_an_ordinary_miss(world, owner):
    assert owner.get(f"{P}/{BIG - 1}").status_code == 404


def test_an_id_past_2_31_in_a_hidden_field_is_refused(world, owner):
    before = snapshot()
    url = f"/skp-jpt/{world.skp.id}/rencana/tambah/utama"
    r = owner.post(url, data={"teks": "Rencana", "sasaran_id": str(BIG)})
    assert r.status_code == 422 and "Sasaran Strategis tidak ada" in text(r)
    r = owner.post(url, data={"salin": str(BIG * 10**9)})  # no-JS Salin: the form again
    assert r.status_code == 200 and "Sasaran Strategis" in text(r)
    r = owner.post(
        f"/skp-jpt/rencana/{world.rencana.id}/indikator/tambah",
        data={"teks": "I", "target": "1", "satuan": "Dokumen", "salin": str(BIG)},
    )
    assert r.status_code < 500
    r = owner.post(
        "/profil", data={"unit_kerja": str(BIG), "rekan_kerja": str(BIG), "bawahan": "9" * 30}
    )
    assert r.status_code == 422
    assert snapshot() == before


def test_as_id():
    assert as_id("12") == 12 and as_id(" 7 ") == 7 and as_id(2**31 - 1) == 2**31 - 1
    for bad in (None, "", "0", "-1", "1.5", "٣", str(BIG), "9" * 40, "1e3", "x"):
        assert as_id(bad) is None, bad


# --- long text --------------------------------------------------------------------------------


def test_long_text_is_refused_with_its_limit_and_kept(world, owner):
    r = owner.post(f"{P}/{world.pk.id}/sasaran/tambah", data={"teks": "x" * 5000})
    body = text(r)
    assert r.status_code == 422
    assert "Paling banyak 1000 karakter. Isian ini 5000 karakter." in body
    assert "x" * 5000 in body  # nothing lost: the user can shorten it
    assert count(SasaranStrategis) == 1


def test_the_limit_shows_beside_the_field_without_a_maxlength(world, owner, login):
    pages = [
        (owner, f"{P}/{world.pk.id}/sasaran/tambah", 1000),
        (owner, f"/skp-jpt/{world.skp.id}/rencana/tambah/utama", 2000),
        (login(world.admin), "/admin/unit-kerja/tambah", 200),
    ]
    for actor, url, n in pages:
        for r in (actor.get(url), actor.hx_get(url)):
            body = text(r)
            assert f"maks. {n} karakter" in body, url
            assert "maxlength" not in body, url  # the browser would cut a paste silently
            assert f'-maks">maks. {n} karakter' in body and 'aria-describedby="' in body


# --- uploads ----------------------------------------------------------------------------------


@pytest.mark.parametrize("hx", [False, True])
def test_a_20_mb_upload_gets_an_indonesian_413(world, login, hx):
    admin = login(world.admin)
    post = admin.hx_post if hx else admin.post
    berkas = (io.BytesIO(b"x" * (20 * 1024 * 1024)), "pegawai.csv")
    r = post("/admin/pegawai/impor", data={"berkas": berkas})
    assert r.status_code == 413
    body = text(r)
    assert "paling besar 10 MB" in body
    assert ("<html" in body) is not hx


@pytest.mark.parametrize(
    "content, message",
    [
        (b"NIP;Nama\n1;" + b"x" * 140_000 + b"\n", "sel yang terlalu panjang"),
        (b"NIP;Nama\n" + bytes(range(256)) * 40, "bukan teks"),
        (b"\x00\x01\x02PK\x03\x04" * 1000, "bukan teks"),
    ],
)
def test_a_broken_csv_is_refused_with_a_message(world, login, content, message):
    before = snapshot()
    r = login(world.admin).post(
        "/admin/pegawai/impor", data={"berkas": (io.BytesIO(content), "pegawai.csv")}
    )
    assert r.status_code == 422 and message in text(r)
    assert snapshot() == before


# --- error handlers ---------------------------------------------------------------------------


@pytest.fixture
def error_app(app):
    """A second app on the same database, with routes that fail the way a bug would."""
    other = create_app({**app.config, "TESTING": True})

    @other.route("/_rusak")
    @login_required
    def rusak():
        db.session.add(UnitKerja(nama=None))  # NOT NULL: the flush fails, the session is broken
        user = current_user._get_current_object()
        db.session.expire(user)  # as if the page needed a lazy load afterwards
        db.session.flush()

    @other.route("/_gone")
    def gone():
        abort(410)

    return other


def test_a_server_error_rolls_back_and_renders_the_indonesian_page(world, error_app):
    actor = Actor(error_app, world.owner)
    for hx in (False, True):
        r = actor._request("GET", "/_rusak", hx=hx)
        assert r.status_code == 500
        body = text(r)
        assert "Terjadi kesalahan pada server." in body
        if not hx:  # the whole page, with the user's name: the session worked again
            assert "<html" in body and world.owner.nama in body
    assert actor.get("/").status_code == 200


def test_even_a_failing_error_page_answers_in_indonesian(world, error_app, monkeypatch):
    from webapp import web

    def broken(*args, **kwargs):
        raise RuntimeError("template gone")

    monkeypatch.setattr(web, "error_page", broken)
    r = Actor(error_app, world.owner).get("/_rusak")
    assert r.status_code == 500 and "Terjadi kesalahan pada server." in text(r)


def test_an_http_error_without_its_own_handler_keeps_its_status(error_app):
    r = error_app.test_client().get("/_gone")
    assert r.status_code == 410 and "Permintaan tidak dapat dilayani" in text(r)


def test_every_form_derives_from_the_base_form():
    """The NUL refusal lives in one base class: a new form that skips it is caught here."""
    import importlib
    import inspect
    import pkgutil

    from flask_wtf import FlaskForm

    import webapp.forms
    from webapp.forms.fields import Form

    forms = set()
    for module in pkgutil.iter_modules(webapp.forms.__path__):
        mod = importlib.import_module(f"webapp.forms.{module.name}")
        forms |= {
            c for _, c in inspect.getmembers(mod, inspect.isclass) if issubclass(c, FlaskForm)
        }
    forms.discard(FlaskForm)
    assert len(forms) > 10
    assert sorted(f.__name__ for f in forms if not issubclass(f, Form)) == []

"""HEAD, OPTIONS and GET never change data: only a POST with its CSRF token does (issue 6 §1).

Flask answers HEAD on every GET route and Flask-WTF checks the token only on POST/PUT/PATCH/
DELETE, so a view that treats "not GET" as the confirmed action deletes on `curl -I`. This walks
the URL map and sends the safe methods to every route that accepts POST, as each role the access
table lets POST there, with and without htmx, and with the POST's form data in the query string.
"""

import hashlib

import pytest
from sqlalchemy import select

from tests.access_rules import RULES
from webapp.extensions import db


def snapshot() -> dict[str, tuple[int, str]]:
    """Per table: the row count and a hash of every row (ordered by primary key). Not the login
    limits' counters (`rate_limit`, ADR 0021): a refused login counts there by design, as it did
    in memory before they moved to the database."""
    result = {}
    for table in db.metadata.sorted_tables:
        if table.name == "rate_limit":
            continue
        rows = db.session.execute(select(table).order_by(*table.primary_key.columns)).all()
        digest = hashlib.sha256(repr([tuple(r) for r in rows]).encode()).hexdigest()
        result[table.name] = (len(rows), digest)
    return result


def _post_endpoints(app):
    return sorted({r.endpoint for r in app.url_map.iter_rules() if "POST" in r.methods})


def test_snapshot_sees_a_change(world):
    before = snapshot()
    world.other.nama = "Nama Lain"
    db.session.commit()
    assert snapshot() != before


def test_safe_methods_change_nothing_on_any_changing_route(app, world, login):
    endpoints = _post_endpoints(app)
    assert "admin.pegawai_nonaktifkan" in endpoints and "auth.logout" in endpoints
    # Everyone logs in first: a route that wrongly deactivates someone must not hide behind a
    # failed login.
    actors = {
        role: login(None if role == "anonymous" else getattr(world, role))
        for role in ("anonymous", "other", "atasan", "operator", "admin", "owner")
    }
    # URLs and data up front: a wrongful delete must show up as a change, not as a broken fixture.
    targets = {e: (RULES[e].url(world), RULES[e].data(world)) for e in endpoints}
    changed, answered = [], {}
    for endpoint in endpoints:
        url, data = targets[endpoint]
        roles = [r for r, s in RULES[endpoint].post.items() if s not in (403, 404)]
        for role in roles:
            actor = actors[role]
            before = snapshot()
            for method in ("HEAD", "OPTIONS", "GET"):
                for hx in (False, True):
                    response = actor._request(method, url, hx=hx, query_string=data)
                    answered[(endpoint, role, method, hx)] = response.status_code
                    if snapshot() != before:
                        changed.append((endpoint, role, method, "htmx" if hx else "page"))
                        before = snapshot()
    assert changed == []
    # Never a server error either; and the walk did reach the routes (not only 405s).
    assert all(status < 500 for status in answered.values()), answered
    assert answered[("admin.pegawai_nonaktifkan", "admin", "HEAD", False)] == 200
    assert answered[("admin.pegawai_nonaktifkan", "admin", "GET", False)] == 200


@pytest.mark.parametrize(
    "url_of",
    [
        lambda w: f"/admin/pegawai/{w.other.id}/nonaktifkan",
        lambda w: f"/admin/unit-kerja/{w.unit.id}/nonaktifkan",
    ],
)
def test_head_on_nonaktifkan_keeps_the_record_active(world, login, url_of):
    admin = login(world.admin)
    response = admin._request("HEAD", url_of(world))
    assert response.status_code == 200
    assert world.other.active and world.unit.active


def test_head_on_hapus_keeps_the_pk(world, login):
    owner = login(world.owner)
    response = owner._request("HEAD", f"/perjanjian-kinerja/{world.pk.id}/hapus")
    assert response.status_code == 200
    assert db.session.get(type(world.pk), world.pk.id) is not None

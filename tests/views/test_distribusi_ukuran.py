"""Budgets of the new screens: constant queries and a small first visit (gzip)."""

import gzip

from tests import factories
from tests.views.test_distribusi import tim
from webapp.extensions import db


def test_distribusi_with_many_bawahan_is_small(login, count_queries):
    pimpinan = factories.make_pegawai("PIMPINAN", jenis="JPT")
    db.session.commit()
    tim(pimpinan, ["baik"] * 40 + ["sangat_baik"] * 20, capaian="istimewa")
    actor = login(pimpinan)
    with count_queries() as q:
        r = actor.get("/skp-bawahan/distribusi/2022/tw1", headers={"Accept-Encoding": "gzip"})
    body = r.get_data()
    size = len(body) if r.headers.get("Content-Encoding") == "gzip" else len(gzip.compress(body))
    print(f"distribusi: {len(q)} queries, {size} bytes gzipped")
    assert size < 14 * 1024
    assert len(q) <= 14  # 6 of them are the menu's


def test_periode_admin_is_small(login, count_queries):
    admin = factories.make_pegawai("ADMIN", is_admin=True)
    db.session.commit()
    actor = login(admin)
    with count_queries() as q:
        r = actor.get("/admin/periode-penilaian/2022", headers={"Accept-Encoding": "gzip"})
    body = r.get_data()
    size = len(body) if r.headers.get("Content-Encoding") == "gzip" else len(gzip.compress(body))
    print(f"periode admin: {len(q)} queries, {size} bytes gzipped")
    assert size < 14 * 1024
    assert len(q) <= 14  # 6 of them are the menu's

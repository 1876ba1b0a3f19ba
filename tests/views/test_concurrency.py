"""Two people at once: a stale edit is refused, and rules hold under simultaneous requests.

The races run real threads against the test database (file SQLite, or PostgreSQL with
TEST_DATABASE_URL), each request in its own app context and transaction, as under waitress.
"""

import threading

from sqlalchemy import func, select

from tests import factories
from webapp.extensions import db
from webapp.models import IndikatorSasaran, PerjanjianKinerja, ProgramPK, SasaranStrategis
from webapp.services.concurrency import STALE

P = "/perjanjian-kinerja"


def text(response) -> str:
    return response.get_data(as_text=True)


def simultaneously(actor, n: int, url: str, data: dict) -> list[int]:
    """n POSTs of the same form released at once; their status codes."""
    db.session.commit()
    db.session.close()
    barrier = threading.Barrier(n)
    statuses: list[int] = []
    clients = [actor.app.test_client() for _ in range(n)]
    cookie = actor.client.get_cookie("session")
    for c in clients:
        c.set_cookie("session", cookie.value)

    def post(client):
        barrier.wait()
        statuses.append(client.post(url, data=data).status_code)

    threads = [threading.Thread(target=post, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return statuses


def test_a_stale_pk_indikator_save_is_refused_and_nothing_overwritten(login):
    jpt = factories.make_pegawai("JPT", jenis="JPT")
    pk = factories.make_pk(jpt)
    db.session.commit()
    me = login(jpt)
    ind = pk.sasaran[0].indikator[0]
    version = ind.version_id
    first = {"ubah-indikator": "Tab satu", "ubah-target": "5", "ubah-satuan": "Nilai"}
    second = {"ubah-indikator": "Tab dua", "ubah-target": "7", "ubah-satuan": "Nilai"}
    assert (
        me.hx_post(
            f"{P}/indikator/{ind.id}/edit", data=first | {"ubah-version": version}
        ).status_code
        == 200
    )
    late = me.hx_post(f"{P}/indikator/{ind.id}/edit", data=second | {"ubah-version": version})
    assert late.status_code == 422 and STALE in text(late)
    assert 'value="Tab dua"' in text(late)  # what the user typed is kept
    assert db.session.get(IndikatorSasaran, ind.id).teks == "Tab satu"
    plain = me.post(f"{P}/indikator/{ind.id}/edit", data=second | {"ubah-version": version})
    assert plain.status_code == 422 and "<html" in text(plain)


def test_a_stale_program_save_is_refused(login):
    jpt = factories.make_pegawai("JPT", jenis="JPT")
    pk = factories.make_pk(jpt)
    db.session.commit()
    me = login(jpt)
    program = pk.program[0]
    version = program.version_id
    ok = me.hx_post(
        f"{P}/program/{program.id}/edit", data={"nama": "A", "anggaran": "1", "version": version}
    )
    assert ok.status_code == 200
    late = me.hx_post(
        f"{P}/program/{program.id}/edit", data={"nama": "B", "anggaran": "2", "version": version}
    )
    assert late.status_code == 422 and STALE in text(late)
    assert db.session.get(ProgramPK, program.id).nama == "A"


def test_twenty_simultaneous_tambah_of_one_pk_year_make_one(login):
    jpt = factories.make_pegawai("JPT", jenis="JPT")
    db.session.commit()
    me = login(jpt)
    statuses = simultaneously(me, 20, f"{P}/tambah", {"tahun": "2030"})
    assert sorted(statuses) == [302] + [422] * 19
    count = db.session.scalar(
        select(func.count()).select_from(PerjanjianKinerja).where(PerjanjianKinerja.tahun == 2030)
    )
    assert count == 1


def test_twenty_simultaneous_tambah_sasaran_number_uniquely(login):
    jpt = factories.make_pegawai("JPT", jenis="JPT")
    pk = factories.make_pk(jpt, sasaran=0)
    db.session.commit()
    me, pk_id = login(jpt), pk.id
    statuses = simultaneously(me, 20, f"{P}/{pk_id}/sasaran/tambah", {"teks": "Sasaran"})
    assert statuses == [302] * 20
    urutan = db.session.scalars(
        select(SasaranStrategis.urutan).where(SasaranStrategis.pk_id == pk_id)
    ).all()
    assert sorted(urutan) == list(range(1, 21))


def test_twenty_simultaneous_tambah_of_one_skp_period_make_one(login):
    from webapp.models import Skp

    atasan = factories.make_pegawai("ATASAN", jenis="JPT")
    jpt = factories.make_pegawai("JPT", jenis="JPT", atasan=atasan)
    db.session.commit()
    me, jpt_id = login(jpt), jpt.id
    data = {"dari": "2022-05-01", "sampai": "2022-05-31", "pendekatan": "kuantitatif"}
    statuses = simultaneously(me, 20, "/skp-jpt/tambah", data)
    assert sorted(statuses) == [302] + [422] * 19
    count = db.session.scalar(select(func.count()).select_from(Skp).where(Skp.pegawai_id == jpt_id))
    assert count == 1

"""The demo agency of shared/spec/demo-cast.md, loaded by `flask demo-data`."""

from sqlalchemy import func, select

from webapp.extensions import db
from webapp.models import Pegawai, Skp

JPT = "197202281999121001"


def test_demo_data_loads_once_into_an_empty_database(app, login):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["demo-data"])
    assert "Data demo dimuat" in result.output
    assert db.session.scalar(select(func.count()).select_from(Pegawai)) == 6
    again = runner.invoke(args=["demo-data"])
    assert "tidak dimuat" in again.output
    assert db.session.scalar(select(func.count()).select_from(Pegawai)) == 6


def test_demo_jpt_sees_the_manuals_pk_2021(app):
    app.test_cli_runner().invoke(args=["demo-data"])
    client = app.test_client()
    with app.app_context():
        r = client.post("/login", data={"nip": JPT, "password": "kinerja2022"})
        assert r.status_code == 302
    with app.app_context():
        years = client.get("/perjanjian-kinerja/").get_data(as_text=True)
    assert ">2021<" in years and ">2022<" in years
    with app.app_context():
        pk_id = db.session.execute(
            db.text("select id from perjanjian_kinerja where tahun = 2021")
        ).scalar()
        body = client.get(f"/perjanjian-kinerja/{pk_id}").get_data(as_text=True)
    assert "PERJANJIAN KINERJA TAHUN 2021" in body
    for shown in ("4.3 Nilai", "4.29 Nilai", "3.27 Nilai", "4.54 Nilai", "12.67 Nilai"):
        assert shown in body
    assert "4.58 Nilai" in body and "86 Persen (%)" in body
    assert "Terselenggaranya Layanan Internal Biro SDM, Organisasi dan Hukum" in body


def test_demo_skp_snapshot_their_penilai(app):
    app.test_cli_runner().invoke(args=["demo-data"])
    skps = db.session.scalars(select(Skp).order_by(Skp.id)).all()
    assert [(s.jenis, s.pendekatan) for s in skps] == [
        ("JPT", "kuantitatif"),
        ("JPT", "kualitatif"),
        ("JAJF", "kuantitatif"),
        ("JAJF", "kualitatif"),
    ]
    assert skps[0].penilai_nama == "Drs. HARYOMO DWI PUTRANTO, S.Pd., M.Hum."
    assert skps[2].penilai_nip == JPT
    assert [p.penilai.nama.split()[0] for p in skps[0].perilaku] == ["Drs."] * 5 + [
        "FITRIANI",
        "ZAHARA,",
    ]

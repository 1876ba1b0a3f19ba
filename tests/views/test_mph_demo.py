"""The demo agency's Matrik Peran Hasil, as demo-cast.md describes it."""

from datetime import date

from sqlalchemy import select

from webapp.extensions import db
from webapp.models import MatrikPeranHasil, Pegawai, UraianJabatan
from webapp.services.mph import peran_untuk

JPT = "197202281999121001"
IRDIAN = "199111232019031005"
FITRIANI = "199009062014022001"


def _pegawai(nip):
    return db.session.scalar(select(Pegawai).where(Pegawai.nip == nip))


def test_demo_matrix_of_strategis_1(app, login):
    app.test_cli_runner().invoke(args=["demo-data"])
    matrik = db.session.scalar(select(MatrikPeranHasil))
    assert matrik.rencana.teks == "Strategis 1" and matrik.jumlah_kolom == 3
    assert matrik.rencana.skp.pendekatan == "kuantitatif"
    cells = [(p.pegawai.nama.split()[0], p.jabatan_tim, p.kolom, p.teks) for p in matrik.peran]
    assert cells == [
        ("FITRIANI", "Ketua Tim", 1, "peran 1 fitri"),
        ("IRDIAN", "Anggota Tim", 1, "Peran 1 aja"),
        ("FITRIANI", "Ketua Tim", 2, "Peran 2 fitri"),
        ("IRDIAN", "Anggota Tim", 2, "Peran 2 aja"),
        ("FITRIANI", "Ketua Tim", 3, "Peran 3 fitri"),
    ]
    irdian = _pegawai(IRDIAN)
    roles = peran_untuk(irdian, date(2022, 3, 1), date(2022, 3, 31))
    assert [(r.leader.nip, r.rencana.teks, r.teks) for r in roles] == [
        (JPT, "Strategis 1", "Peran 1 aja"),
        (JPT, "Strategis 1", "Peran 2 aja"),
    ]
    for nip in (IRDIAN, FITRIANI):
        assert db.session.scalars(
            select(UraianJabatan).where(UraianJabatan.pegawai_id == _pegawai(nip).id)
        ).all()


def test_demo_jpt_sees_the_manuals_matrix(app):
    app.test_cli_runner().invoke(args=["demo-data"])
    rencana_id = db.session.scalar(select(MatrikPeranHasil.rencana_id))
    client = app.test_client()
    with app.app_context():
        client.post("/login", data={"nip": JPT, "password": "kinerja2022"})
    with app.app_context():
        body = client.get(f"/matrik-peran-hasil/rencana/{rencana_id}").get_data(as_text=True)
    assert 'Peran 1</th><th scope="col">Peran 2</th><th scope="col">Peran 3' in body
    assert "FITRIANI PANJAITAN, A.Md<br><small>199009062014022001</small>" in body
    for teks in ("peran 1 fitri", "Peran 2 fitri", "Peran 3 fitri", "Peran 1 aja", "Peran 2 aja"):
        assert teks in body
    assert body.index("Ketua Tim") < body.index("Anggota Tim</td>")

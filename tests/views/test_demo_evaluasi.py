"""The demo agency's evaluation under way (demo-cast.md, issue 10 §8): IRDIAN's realisasi and
ACHMAD's feedback, 360 penilai for ZAHARA and FITRIANI, nothing rated yet."""

from decimal import Decimal

from sqlalchemy import func, select

from webapp.demo import DEMO_PASSWORD
from webapp.extensions import db
from webapp.models import (
    Evaluasi,
    PenilaianPerilaku,
    PeriodePenilaian,
    Realisasi,
    Skp,
)

ZAHARA = "198806142010122003"
FITRIANI = "199009062014022001"
HARYOMO = "196805171994031002"


def _demo(app):
    app.test_cli_runner().invoke(args=["demo-data"])


def _get(app, nip, url):
    client = app.test_client()
    with app.app_context():
        assert (
            client.post("/login", data={"nip": nip, "password": DEMO_PASSWORD}).status_code == 302
        )
    with app.app_context():
        return client.get(url).get_data(as_text=True)


def test_the_skp_under_evaluation_are_approved(app):
    _demo(app)
    skps = db.session.scalars(select(Skp).order_by(Skp.id)).all()
    assert [s.status for s in skps] == ["draft", "disetujui", "disetujui", "draft"]
    assert [r.aksi for r in skps[2].riwayat] == ["ajukan", "setujui"]
    assert skps[2].riwayat[1].oleh_nama.startswith("Dr. ACHMAD")


def test_irdians_realisasi_and_achmads_feedback_in_triwulan_i(app):
    _demo(app)
    tw1 = db.session.scalars(select(PeriodePenilaian)).one()
    assert (tw1.tahun, tw1.jenis, tw1.nomor, tw1.batas_pengisian) == (2022, "triwulan", 1, None)
    rows = db.session.scalars(select(Realisasi).order_by(Realisasi.id)).all()
    assert [(r.indikator.teks, r.nilai, r.keterangan) for r in rows] == [
        ("Indikator 1111", Decimal(8), "dari penilaian atasan"),
        ("Indikator 2", Decimal(2), "dari penilaian atasan"),
    ]
    feedback = db.session.scalars(select(PenilaianPerilaku)).one()
    assert (feedback.teks, feedback.oleh_peran, feedback.perilaku.aspek) == (
        "Orientasi udah oke",
        "atasan",
        1,
    )
    assert feedback.oleh_nama == "Dr. ACHMAD SLAMET HIDAYAT, S.Pd., M.Si."
    assert db.session.get(Skp, feedback.skp_id).pegawai.nip == "199111232019031005"
    assert db.session.scalar(select(func.count()).select_from(Evaluasi)) == 0


def test_zahara_and_fitriani_have_an_aspect_to_rate(app):
    _demo(app)
    zahara = _get(app, ZAHARA, "/perilaku-skp/")
    assert "Dr. ACHMAD SLAMET HIDAYAT, S.Pd., M.Si." in zahara
    assert "02 Feb - 28 Feb 2022" in zahara and ">Bawahan<" in zahara
    assert "JPT KUALITATIF" in zahara
    fitriani = _get(app, FITRIANI, "/perilaku-skp/")
    assert "Rekan Kerja" in fitriani and "JPT KUALITATIF" in fitriani
    haryomo = _get(app, HARYOMO, "/perilaku-skp/")
    assert ">Atasan<" in haryomo
    kual = db.session.scalars(select(Skp).where(Skp.pendekatan == "kualitatif")).first()
    dialog = _get(app, ZAHARA, f"/perilaku-skp/{kual.id}")
    assert "KOLABORATIF" in dialog and "ADAPTIF" not in dialog and "Belum dinilai" in dialog

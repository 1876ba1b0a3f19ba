"""IRDIAN's two SKP JA/JF in the demo agency, as demo-cast.md and the manual show them."""

from datetime import date

from sqlalchemy import select

from webapp.demo import DEMO_PASSWORD
from webapp.extensions import db
from webapp.models import Pegawai, Skp

IRDIAN = "199111232019031005"


def _plan(skp):
    return [
        (
            r.bagian,
            r.teks,
            r.intervensi.teks if r.intervensi else None,
            r.peran.teks if r.peran else None,
            [(i.teks, i.aspek, i.target and int(i.target), i.satuan) for i in r.indikator],
        )
        for r in sorted(skp.rencana, key=lambda r: (r.bagian != "utama", r.urutan))
    ]


def test_irdians_two_skp(app):
    app.test_cli_runner().invoke(args=["demo-data"])
    irdian = db.session.scalar(select(Pegawai).where(Pegawai.nip == IRDIAN))
    skps = db.session.scalars(
        select(Skp).where(Skp.pegawai_id == irdian.id).order_by(Skp.dari.desc())
    ).all()
    assert [(s.jenis, s.pendekatan, s.dari, s.sampai) for s in skps] == [
        ("JAJF", "kuantitatif", date(2022, 3, 1), date(2022, 3, 31)),
        ("JAJF", "kualitatif", date(2022, 2, 1), date(2022, 2, 28)),
    ]
    kuan, kual = skps
    assert _plan(kuan) == [
        (
            "utama",
            "Peran 1 aja",
            "Strategis 1",
            "Peran 1 aja",
            [
                ("Indikator 1111", "Kuantitas", 8, "Dokumen"),
                ("Indikator 2", "Kuantitas", 3, "Dokumen"),
            ],
        ),
        (
            "utama",
            "Peran 2 aja",
            "Strategis 1",
            "Peran 2 aja",
            [("Indikator 3", "Kuantitas", 5, "Dokumen")],
        ),
        # The manual's plan shows no intervened result for a Kinerja Tambahan.
        (
            "tambahan",
            "Tambahan 1",
            None,
            None,
            [("Indikator Tambahan", "Kuantitas", 21, "Dokumen")],
        ),
    ]
    assert _plan(kual) == [
        (
            "utama",
            "Hasil kerja 1",
            "Strategis 1",
            None,
            [("Indikator 11", None, None, None), ("Indikator 12", None, None, None)],
        ),
        ("utama", "Hasil kerja 2", "Strategis 1", None, [("Indikator 13", None, None, None)]),
    ]
    # His Input Kinerja Utama offers ACHMAD's roles and results. The demo's SKP is approved
    # (its realisasi is under way): returned to draft here, as after Kembalikan.
    assert kuan.status == "disetujui"
    kuan.status = "draft"
    db.session.commit()
    client = app.test_client()
    with app.app_context():
        client.post("/login", data={"nip": IRDIAN, "password": DEMO_PASSWORD})
    with app.app_context():
        url = f"/skp-jajf/{kuan.id}/rencana/tambah/utama"
        html = client.get(url, headers={"HX-Request": "true"}).get_data(as_text=True)
        page = client.get(f"/skp-jajf/{kuan.id}").get_data(as_text=True)
    assert "Dr. ACHMAD SLAMET HIDAYAT, S.Pd., M.Si." in html
    assert "Peran 1 aja" in html and "Peran 2 aja" in html and ">Strategis 1</option>" in html
    assert page.count("<td>Strategis 1</td>") == 2

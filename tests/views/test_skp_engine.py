"""The SKP engine's schema and services: approval history, snapshots, CHECK constraints, and
edits refused when another user saved first (optimistic versions)."""

from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from tests import factories
from webapp.domain.jenis_skp import JAJF, JPT
from webapp.extensions import db
from webapp.models import RencanaHasilKerja, RiwayatStatus, Skp
from webapp.services import skp as service
from webapp.services.concurrency import STALE

P = "/skp-jpt"


def test_history_keeps_every_step_and_note(world, login):
    skp = world.skp
    for p in skp.perilaku:
        p.penilai_peran, p.penilai = "atasan", world.atasan
    db.session.commit()
    owner, atasan = login(world.owner), login(world.atasan)
    assert owner.post(f"{P}/{skp.id}/ajukan").status_code == 302
    catatan = {"catatan": "Perbaiki target."}
    assert atasan.post(f"/skp-bawahan/{skp.id}/kembalikan", data=catatan).status_code == 302
    assert owner.post(f"{P}/{skp.id}/ajukan").status_code == 302
    assert atasan.post(f"/skp-bawahan/{skp.id}/setujui").status_code == 302
    skp = db.session.get(Skp, skp.id)
    steps = [(r.aksi, r.status, r.oleh_nama, r.catatan) for r in skp.riwayat]
    assert steps == [
        ("ajukan", "diajukan", "PEMILIK", ""),
        ("kembalikan", "dikembalikan", "ATASAN", "Perbaiki target."),
        ("ajukan", "diajukan", "PEMILIK", ""),
        ("setujui", "disetujui", "ATASAN", ""),
    ]
    # The current state stays on the SKP; the return note lives on in the history.
    assert skp.status == "disetujui" and skp.catatan_status == ""
    assert service.tanggal_disetujui(skp) == skp.riwayat[-1].created_at


def test_refused_ajukan_records_nothing(world, login):
    assert login(world.owner).post(f"{P}/{world.skp.id}/ajukan").status_code == 422
    assert db.session.query(RiwayatStatus).count() == 0


def test_snapshot_of_owner_penilai_and_atasan_penilai():
    kepala = factories.make_pegawai("KEPALA", jenis="JPT", jabatan="Kepala Badan")
    atasan = factories.make_pegawai("DIREKTUR", jenis="JPT", atasan=kepala)
    owner = factories.make_pegawai("ANALIS", jenis="JF", atasan=atasan)
    skp = factories.make_skp(owner, jenis="JAJF")
    db.session.commit()
    nip = owner.nip
    owner.nama, kepala.nama, kepala.jabatan = "GANTI", "KEPALA BARU", "Plt."
    db.session.commit()
    skp = db.session.get(Skp, skp.id)
    assert (skp.pegawai_nama, skp.pegawai_nip) == ("ANALIS", nip)
    assert (skp.penilai_nama, skp.penilai_nip) == ("DIREKTUR", atasan.nip)
    assert (skp.atasan_penilai_nama, skp.atasan_penilai_nip) == ("KEPALA", kepala.nip)
    assert skp.atasan_penilai_jabatan == "Kepala Badan"


@pytest.mark.parametrize(
    "column, value",
    [("status", "selesai"), ("pendekatan", "campuran"), ("jenis", "JX")],
)
def test_check_constraints_on_skp(world, column, value):
    setattr(world.skp, column, value)
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_check_constraint_on_bagian(world):
    world.skp.rencana.append(RencanaHasilKerja(bagian="lain", urutan=9, teks="X"))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def _stale_cases(w):
    return [
        (f"{P}/{w.skp.id}/edit", w.skp, {"dari": "2022-03-01", "sampai": "2022-03-31"}),
        (f"{P}/rencana/{w.rencana.id}/edit", w.rencana, {"teks": "Baru"}),
        (
            f"{P}/indikator/{w.indikator.id}/edit",
            w.indikator,
            {"teks": "X", "target": "2", "satuan": "Dokumen", "perspektif": "Anggaran"},
        ),
        (f"{P}/perilaku/{w.skp.perilaku[0].id}/penilai", w.skp.perilaku[0], {"peran": "atasan"}),
    ]


@pytest.mark.parametrize("case", range(4))
def test_an_edit_opened_on_an_older_version_is_refused(world, login, case):
    url, record, data = _stale_cases(world)[case]
    data = {"pendekatan": "kuantitatif", **data, "version": record.version_id - 1}
    before = record.version_id
    r = login(world.owner).hx_post(url, data=data)
    assert r.status_code == 422 and STALE in r.get_data(as_text=True)
    db.session.expire_all()
    assert record.version_id == before  # nothing written


def test_stale_manual_indikator_is_refused(world, login):
    me = login(world.owner)
    url = f"{P}/indikator/{world.indikator.id}/manual/edit"
    data = {"jenis_iku": "Outcome", "periode_pelaporan": "Bulanan", "definisi": "A"}
    assert me.post(url, data=data).status_code == 302  # the first Manual needs no version
    manual = world.indikator.manual
    r = me.hx_post(url, data={**data, "definisi": "B", "version": manual.version_id - 1})
    assert r.status_code == 422 and STALE in r.get_data(as_text=True)


def test_an_edit_after_ajukan_is_refused(world, login):
    """The status is read again under the owner's lock: a tab opened before Ajukan cannot save."""
    me = login(world.owner)
    world.skp.status = "diajukan"
    db.session.commit()
    data = {"teks": "Baru", "version": world.rencana.version_id}
    r = me.hx_post(f"{P}/rencana/{world.rencana.id}/edit", data=data)
    assert r.status_code == 403
    assert db.session.get(RencanaHasilKerja, world.rencana.id).teks == "Rencana 1"


def test_jenis_skp_columns_follow_the_manual():
    assert JPT.kolom("kuantitatif", "atasan") == (
        "NO",
        "RENCANA KINERJA",
        "INDIKATOR KINERJA INDIVIDU",
        "TARGET",
        "PERSPEKTIF",
    )
    assert JAJF.kolom("kuantitatif", "owner")[1:4] == (
        "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
        "RENCANA HASIL KERJA",
        "ASPEK",
    )
    assert JPT.kolom("kualitatif", "owner") == (
        "NO",
        "HASIL KERJA",
        "EDIT / HAPUS",
        "MANUAL INDIKATOR",
    )
    assert JAJF.aspek_on("utama") and not JPT.aspek_on("utama") and JPT.aspek_on("tambahan")


def test_period_overlap_is_checked_across_jenis(world):
    problems = service.periode_problems(
        world.owner, date(2022, 3, 10), date(2022, 3, 20), "kuantitatif", None
    )
    assert problems and problems[0][0] == "dari"

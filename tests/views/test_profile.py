"""Ubah Profile: who assesses whom, guarded by the current password; the pegawai search."""

import gzip

from tests import factories
from webapp.extensions import db
from webapp.models import Pegawai
from webapp.services import atasan as atasan_svc

PW = factories.PASSWORD


def _reload(p):
    db.session.expire_all()
    return db.session.get(Pegawai, p.id)


def test_page_shows_the_manual_fields_and_current_relations(world, login):
    factories.make_pegawai("IRDIAN NOVA", atasan=world.owner)
    rekan = factories.make_pegawai("FITRIANI")
    world.owner.rekan.append(rekan)
    db.session.commit()
    r = login(world.owner).get("/profil")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "<html" in html
    for label in (
        "Ubah Profile",
        "Konfirmasi Password",
        "Rekan Kerja",
        "Bawahan",
        "Atasan Langsung",
        "Atasan II",
        "Atasan III",
        "Unit Kerja",
        "Jabatan",
        "Simpan",
    ):
        assert label in html
    assert "IRDIAN NOVA" in html and "menyebut Anda sebagai Atasan Langsung" in html
    assert f'value="{rekan.id}"' in html and "FITRIANI" in html
    assert f'value="{world.atasan.nip}"' in html  # Atasan Langsung prefilled by NIP
    assert 'hx-post="/profil"' not in html  # the full page is a plain form


def test_dialog_fragment_under_htmx(world, login):
    r = login(world.owner).hx_get("/profil")
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert "<dialog" in html and "<html" not in html and 'hx-post="/profil"' in html
    assert "/pegawai/cari?untuk=atasan_ii" in html
    assert len(gzip.compress(r.data)) < 2048


def test_save_by_nip_without_javascript(world, login):
    atasan2 = factories.make_pegawai("ATASAN DUA", jenis="JPT")
    rekan1 = factories.make_pegawai("REKAN SATU")
    rekan2 = factories.make_pegawai("REKAN DUA")
    lain = factories.make_pegawai("BAWAHAN LAIN")
    unit = factories.make_unit("Direktorat Baru")
    db.session.commit()
    version = world.owner.version_id
    data = factories.profil_data(
        world.owner,
        atasan_ii=atasan2.nip,
        rekan_kerja_tambah=f"{rekan1.nip}, {rekan2.nip}",
        bawahan_tambah=lain.nip,
        unit_kerja=str(unit.id),
        jabatan="Direktur Kinerja ASN",
    )
    r = login(world.owner).post("/profil", data=data)
    assert r.status_code == 302 and r.headers["Location"].endswith("/profil")
    owner = _reload(world.owner)
    # Issue 6: a pegawai's own new Atasan II waits for that person's approval (the old relation
    # stays); before the issue this asserted atasan_ii_id == atasan2.id.
    assert owner.atasan_ii_id is None
    assert atasan_svc.menunggu(owner)["ii"].atasan_id == atasan2.id
    assert owner.atasan_langsung_id == world.atasan.id
    assert {p.id for p in owner.rekan} == {rekan1.id, rekan2.id}
    assert [p.id for p in owner.bawahan_lain] == [lain.id]
    assert owner.unit_kerja_id == unit.id and owner.jabatan == "Direktur Kinerja ASN"
    assert owner.version_id == version + 1


def test_unticking_removes_and_empty_atasan_clears(world, login):
    rekan = factories.make_pegawai("REKAN")
    world.owner.rekan.append(rekan)
    db.session.commit()
    data = factories.profil_data(world.owner, rekan_kerja=[], atasan_langsung="")
    r = login(world.owner).post("/profil", data=data)
    assert r.status_code == 302
    owner = _reload(world.owner)
    assert owner.rekan == [] and owner.atasan_langsung_id is None


def test_htmx_save_closes_the_dialog_with_a_flash(world, login):
    r = login(world.owner).hx_post(
        "/profil", data=factories.profil_data(world.owner, jabatan="Direktur")
    )
    assert r.status_code == 200
    assert r.headers["HX-Trigger"] == "closeModal"
    assert "Profil disimpan." in r.get_data(as_text=True)
    assert _reload(world.owner).jabatan == "Direktur"


def test_wrong_or_missing_password_saves_nothing(world, login):
    actor = login(world.owner)
    r = actor.post(
        "/profil", data=factories.profil_data(world.owner, konfirmasi_password="salah", jabatan="X")
    )
    assert r.status_code == 422 and "Password salah." in r.get_data(as_text=True)
    r = actor.hx_post(
        "/profil", data=factories.profil_data(world.owner, konfirmasi_password="", jabatan="X")
    )
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "Wajib diisi." in html and "<dialog" in html
    assert _reload(world.owner).jabatan == "Analis"


def test_unknown_or_malformed_nip_is_refused_by_the_field(world, login):
    actor = login(world.owner)
    r = actor.post(
        "/profil",
        data=factories.profil_data(world.owner, atasan_ii="199001012015011999", jabatan="X"),
    )
    html = r.get_data(as_text=True)
    assert r.status_code == 422
    assert "Pegawai dengan NIP 199001012015011999 tidak ditemukan." in html
    assert 'id="atasan_ii-err"' in html
    r = actor.post(
        "/profil", data=factories.profil_data(world.owner, rekan_kerja_tambah="fitriani")
    )
    assert "“fitriani” bukan NIP" in r.get_data(as_text=True)
    assert _reload(world.owner).jabatan == "Analis"


def test_inactive_pegawai_cannot_be_chosen(world, login):
    gone = factories.make_pegawai("PENSIUN", active=False)
    db.session.commit()
    r = login(world.owner).post(
        "/profil", data=factories.profil_data(world.owner, atasan_iii=gone.nip)
    )
    assert r.status_code == 422 and "tidak aktif" in r.get_data(as_text=True)


def test_yourself_is_refused(world, login):
    actor = login(world.owner)
    for field, label in (
        ("atasan_langsung", "Atasan Langsung"),
        ("rekan_kerja_tambah", "Rekan Kerja"),
        ("bawahan_tambah", "Bawahan"),
    ):
        r = actor.post(
            "/profil", data=factories.profil_data(world.owner, **{field: world.owner.nip})
        )
        assert r.status_code == 422
        assert f"Anda tidak dapat memilih diri sendiri sebagai {label}." in r.get_data(as_text=True)


def test_the_same_person_twice_is_refused(world, login):
    x = factories.make_pegawai("ORANG X")
    db.session.commit()
    actor = login(world.owner)
    r = actor.post("/profil", data=factories.profil_data(world.owner, atasan_ii=world.atasan.nip))
    assert "sudah dipilih sebagai Atasan Langsung" in r.get_data(as_text=True)
    r = actor.post(
        "/profil", data=factories.profil_data(world.owner, rekan_kerja_tambah=f"{x.nip}, {x.nip}")
    )
    assert "ORANG X sudah dipilih sebagai Rekan Kerja" in r.get_data(as_text=True)
    r = actor.post(
        "/profil",
        data=factories.profil_data(world.owner, rekan_kerja_tambah=x.nip, bawahan_tambah=x.nip),
    )
    assert r.status_code == 422 and "ORANG X sudah dipilih sebagai Rekan Kerja" in r.get_data(
        as_text=True
    )
    assert _reload(world.owner).rekan == []


def test_a_bawahan_langsung_cannot_be_chosen_again_nor_be_atasan(world, login):
    bawahan = factories.make_pegawai("BAWAHAN", atasan=world.owner)
    cucu = factories.make_pegawai("CUCU", atasan=bawahan)
    db.session.commit()
    actor = login(world.owner)
    r = actor.post("/profil", data=factories.profil_data(world.owner, bawahan_tambah=bawahan.nip))
    assert "sudah menjadi Bawahan Anda" in r.get_data(as_text=True)
    r = actor.post("/profil", data=factories.profil_data(world.owner, atasan_langsung=cucu.nip))
    assert r.status_code == 422 and "rantai atasan" in r.get_data(as_text=True)


def test_only_active_unit_kerja_are_offered(world, login):
    tutup = factories.make_unit("Unit Ditutup")
    tutup.active = False
    db.session.commit()
    actor = login(world.owner)
    assert "Unit Ditutup" not in actor.get("/profil").get_data(as_text=True)
    r = actor.post("/profil", data=factories.profil_data(world.owner, unit_kerja=str(tutup.id)))
    assert r.status_code == 422 and "Pilihan tidak sah." in r.get_data(as_text=True)


def test_a_stale_form_is_refused(world, login):
    data = factories.profil_data(world.owner, jabatan="Versi lama")
    world.owner.jabatan = "Diubah admin"
    db.session.commit()
    r = login(world.owner).post("/profil", data=data)
    assert r.status_code == 409
    assert _reload(world.owner).jabatan == "Diubah admin"


def test_search_by_name_and_nip_prefix_only_active_at_most_ten(world, login):
    for i in range(12):
        factories.make_pegawai(f"SUGIONO {i:02d}")
    factories.make_pegawai("SUGIONO NONAKTIF", active=False)
    db.session.commit()
    actor = login(world.owner)
    r = actor.hx_get("/pegawai/cari?untuk=atasan_ii&atasan_ii=sugi")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "<html" not in html
    assert html.count("data-salin=") == 10 and "NONAKTIF" not in html
    assert 'data-salin-to="atasan_ii"' in html
    assert len(gzip.compress(r.data)) < 2048
    r = actor.hx_get(f"/pegawai/cari?q={world.atasan.nip[:14]}")
    assert "ATASAN" in r.get_data(as_text=True)
    r = actor.hx_get("/pegawai/cari?q=s")
    assert "data-salin" not in r.get_data(as_text=True)


def test_search_for_several_keeps_the_nips_already_typed(world, login):
    url = f"/pegawai/cari?untuk=rekan_kerja_tambah&banyak=1&rekan_kerja_tambah={world.other.nip},+ATAS"
    html = login(world.owner).hx_get(url).get_data(as_text=True)
    assert f'data-salin="{world.other.nip}, {world.atasan.nip}, "' in html


def test_search_page_without_javascript(world, login):
    r = login(world.owner).get("/pegawai/cari?q=LAIN")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "<html" in html and "Cari Pegawai" in html
    assert world.other.nip in html and "<td>" in html


def test_search_needs_a_login(login):
    r = login(None).hx_get("/pegawai/cari?q=AT")
    assert "/login" in r.headers["HX-Redirect"]


def test_a_wrong_password_shows_with_the_other_messages(world, login):
    data = factories.profil_data(
        world.owner, konfirmasi_password="salah", atasan_ii="199001012015011999"
    )
    html = login(world.owner).post("/profil", data=data).get_data(as_text=True)
    assert "Password salah." in html and "tidak ditemukan" in html


def test_a_bawahan_langsung_may_be_rekan_kerja_but_not_atasan(world, login):
    """The manual's own profile: FITRIANI is his Rekan Kerja and names him as Atasan Langsung."""
    fitriani = factories.make_pegawai("FITRIANI", atasan=world.owner)
    db.session.commit()
    me = login(world.owner)
    ok = me.post(
        "/profil", data=factories.profil_data(world.owner, rekan_kerja_tambah=fitriani.nip)
    )
    assert ok.status_code == 302
    assert [p.nama for p in _reload(world.owner).rekan] == ["FITRIANI"]
    refused = me.post(
        "/profil", data=factories.profil_data(_reload(world.owner), atasan_ii=fitriani.nip)
    )
    assert refused.status_code == 422
    assert "sudah menjadi Bawahan Anda" in refused.get_data(as_text=True)
    assert _reload(world.owner).atasan_ii is None


def test_profile_names_the_atasan_above_the_search_box(login, world):
    """Ubah Profile shows the chosen atasan by name and NIP (the manual shows names), not only
    a NIP in a box; Atasan II/III left empty say so."""
    world.atasan.nama = "Drs. HARYOMO DWI PUTRANTO, S.Pd., M.Hum."
    db.session.commit()
    html = login(world.owner).get("/profil").get_data(as_text=True)
    assert f"<strong>{world.atasan.nama}</strong> ({world.atasan.nip})" in html
    assert 'aria-describedby="atasan_langsung-saat-ini atasan_langsung-hint"' in html
    assert "M.Hum.." not in html
    assert html.count('<span class="muted">Belum ada.</span>') >= 2  # Atasan II and III

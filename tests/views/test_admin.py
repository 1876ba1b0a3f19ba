"""Admin: pegawai (list, Tambah, Ubah, Nonaktifkan, Aktifkan, Impor) and the unit kerja tree."""

import gzip
import io

from openpyxl import Workbook
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from tests import factories
from webapp.extensions import db
from webapp.models import Pegawai, UnitKerja

NIP_BARU = "199111232019031005"


def _get(pegawai_id):
    db.session.expire_all()
    return db.session.get(Pegawai, pegawai_id)


def _count():
    return db.session.scalar(select(func.count()).select_from(Pegawai))


def _tambah(unit, **changes):
    data = {
        "nip": NIP_BARU,
        "nama": "IRDIAN NOVA ALEXCANDRA, S.Kom",
        "jabatan": "Pranata Komputer Ahli Pertama",
        "jenis_jabatan": "JF",
        "jenjang": "Ahli Pertama",
        "pangkat_golongan": "III/a",
        "unit_kerja": str(unit.id),
        "atasan_langsung": "",
        "password": "password-awal",
    }
    data.update(changes)
    return data


# --- list --------------------------------------------------------------------------------------


def test_list_page_and_fragment(world, login):
    actor = login(world.admin)
    r = actor.get("/admin/pegawai")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "<html" in html
    for text in ("Pegawai", "Tambah", "Impor", "Show", "Search:", "Showing 1 to 5 of 5 entries"):
        assert text in html
    assert world.other.nip in html and 'aria-label="Ubah"' in html
    assert 'hx-confirm="Nonaktifkan LAIN?' in html
    r = actor.hx_get("/admin/pegawai?q=LAIN")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "<html" not in html
    assert html.lstrip().startswith('<div id="tabel-pegawai">')
    assert "Showing 1 to 1 of 1 entries" in html
    assert len(gzip.compress(r.data)) < 2048


def test_search_by_nip_nama_and_jabatan(world, login):
    factories.make_pegawai("ZAHARA", jabatan="Analis Sumber Daya Manusia")
    db.session.commit()
    actor = login(world.operator)
    assert "ZAHARA" in actor.get("/admin/pegawai?q=sumber daya").get_data(as_text=True)
    html = actor.get(f"/admin/pegawai?q={world.owner.nip}").get_data(as_text=True)
    assert "PEMILIK" in html and "Showing 1 to 1 of 1" in html
    assert "of 1 entries" in actor.get("/admin/pegawai?q=zaha").get_data(as_text=True)


def test_server_paging(world, login):
    for i in range(8):
        factories.make_pegawai(f"ZZ {i}")
    db.session.commit()
    html = login(world.admin).get("/admin/pegawai?page=2").get_data(as_text=True)
    assert "Showing 11 to 13 of 13 entries" in html and "ZZ 7" in html
    assert f"<td>{world.admin.nip}</td>" not in html


def test_list_runs_the_same_number_of_queries_for_3_and_30(login, count_queries):
    admin = factories.make_pegawai("ADMIN", is_admin=True)
    atasan = factories.make_pegawai("ATASAN")
    for _ in range(3):
        factories.make_pegawai(atasan=atasan)
    db.session.commit()
    actor = login(admin)
    with count_queries() as few:
        assert actor.get("/admin/pegawai?per_page=50").status_code == 200
    for _ in range(27):
        factories.make_pegawai(atasan=atasan)
    db.session.commit()
    with count_queries() as many:
        html = actor.get("/admin/pegawai?per_page=50").get_data(as_text=True)
    assert "of 32 entries" in html
    assert len(few) == len(many)


# --- Tambah ------------------------------------------------------------------------------------


def test_tambah_without_javascript_and_the_new_account_logs_in(world, login):
    data = _tambah(world.unit, atasan_langsung=world.owner.nip, is_operator="y")
    r = login(world.admin).post("/admin/pegawai/tambah", data=data)
    assert r.status_code == 302 and NIP_BARU in r.headers["Location"]
    p = db.session.scalar(select(Pegawai).where(Pegawai.nip == NIP_BARU))
    assert p.atasan_langsung_id == world.owner.id and p.unit_kerja_id == world.unit.id
    assert p.is_operator and not p.is_admin and p.pangkat_golongan == "III/a"
    r = login(None).post("/login", data={"nip": NIP_BARU, "password": "password-awal"})
    assert r.status_code == 302


def test_tambah_dialog_and_htmx_insert(world, login):
    actor = login(world.admin)
    r = actor.hx_get("/admin/pegawai/tambah")
    html = r.get_data(as_text=True)
    assert "<dialog" in html and "Tambah Pegawai" in html and "Password awal" in html
    assert "Pembina Utama, IV/e" in html and 'name="is_admin"' in html
    assert len(gzip.compress(r.data)) < 2048
    r = actor.hx_post("/admin/pegawai/tambah", data=_tambah(world.unit))
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and r.headers["HX-Trigger"] == "closeModal"
    assert 'hx-swap-oob="beforeend:#tbody-pegawai"' in html and NIP_BARU in html
    assert "ditambahkan" in html  # the flash rides along
    assert len(gzip.compress(r.data)) < 2048


def test_tambah_refuses_bad_input_by_the_field(world, login):
    actor = login(world.admin)
    cases = [
        (dict(nip="12345"), "NIP harus 18 digit angka."),
        (dict(nip=world.other.nip), "sudah terdaftar"),
        (dict(jenis_jabatan="Eselon"), "Pilihan tidak sah."),
        (dict(pangkat_golongan="V/z"), "Pilihan tidak sah."),
        (dict(password=""), "Wajib diisi."),
        (dict(password="pendek"), "Password minimal 8 karakter."),
        (dict(nama=""), "Wajib diisi."),
        (dict(atasan_langsung="199001012015011999"), "tidak ditemukan"),
    ]
    for changes, message in cases:
        r = actor.hx_post("/admin/pegawai/tambah", data=_tambah(world.unit, **changes))
        html = r.get_data(as_text=True)
        assert r.status_code == 422, changes
        assert message in html and "<dialog" in html, changes
    assert db.session.scalar(select(Pegawai).where(Pegawai.nip == NIP_BARU)) is None


# --- Ubah --------------------------------------------------------------------------------------


def test_ubah_returns_the_changed_row_and_sets_a_password(world, login):
    actor = login(world.admin)
    r = actor.hx_get(f"/admin/pegawai/{world.other.id}/ubah")
    html = r.get_data(as_text=True)
    assert "Ubah Pegawai" in html and f'value="{world.other.nip}"' in html
    assert f'value="{world.atasan.nip}"' in html and "Password baru" in html
    data = factories.ubah_pegawai_data(
        world.other, jabatan="Analis Kinerja", password="password-baru"
    )
    r = actor.hx_post(f"/admin/pegawai/{world.other.id}/ubah", data=data)
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and r.headers["HX-Trigger"] == "closeModal"
    assert f'<tr id="pegawai-{world.other.id}" hx-swap-oob="true">' in html
    assert "Analis Kinerja" in html
    assert len(gzip.compress(r.data)) < 2048
    assert _get(world.other.id).jabatan == "Analis Kinerja"
    r = login(None).post("/login", data={"nip": world.other.nip, "password": "password-baru"})
    assert r.status_code == 302


def test_ubah_without_javascript_redirects(world, login):
    r = login(world.operator).post(
        f"/admin/pegawai/{world.other.id}/ubah",
        data=factories.ubah_pegawai_data(world.other, nama="LAIN, S.E."),
    )
    assert r.status_code == 302
    assert _get(world.other.id).nama == "LAIN, S.E."


def test_ubah_refuses_self_and_a_loop_as_atasan(world, login):
    actor = login(world.admin)
    url = f"/admin/pegawai/{world.atasan.id}/ubah"
    r = actor.post(
        url, data=factories.ubah_pegawai_data(world.atasan, atasan_langsung=world.atasan.nip)
    )
    assert r.status_code == 422 and "pegawai itu sendiri" in r.get_data(as_text=True)
    r = actor.post(
        url, data=factories.ubah_pegawai_data(world.atasan, atasan_langsung=world.owner.nip)
    )
    assert r.status_code == 422 and "rantai atasan" in r.get_data(as_text=True)


def test_a_stale_ubah_is_refused(world, login):
    data = factories.ubah_pegawai_data(world.other, jabatan="Lama")
    world.other.jabatan = "Baru"
    db.session.commit()
    r = login(world.admin).post(f"/admin/pegawai/{world.other.id}/ubah", data=data)
    assert r.status_code == 409 and _get(world.other.id).jabatan == "Baru"


def test_only_an_admin_hands_out_roles_or_manages_admins(world, login):
    actor = login(world.operator)
    html = actor.get(f"/admin/pegawai/{world.other.id}/ubah").get_data(as_text=True)
    assert 'name="is_admin"' not in html
    data = factories.ubah_pegawai_data(world.other, is_admin="y", is_operator="y")
    assert actor.post(f"/admin/pegawai/{world.other.id}/ubah", data=data).status_code == 302
    assert not _get(world.other.id).is_admin
    assert actor.get(f"/admin/pegawai/{world.admin.id}/ubah").status_code == 403
    assert actor.post(f"/admin/pegawai/{world.admin.id}/nonaktifkan").status_code == 403


def test_an_admin_keeps_their_own_admin_role(world, login):
    data = factories.ubah_pegawai_data(world.admin)
    del data["is_admin"]
    r = login(world.admin).post(f"/admin/pegawai/{world.admin.id}/ubah", data=data)
    assert r.status_code == 422 and "peran Admin Anda sendiri" in r.get_data(as_text=True)


# --- Nonaktifkan / Aktifkan --------------------------------------------------------------------


def test_nonaktifkan_confirms_then_the_account_cannot_log_in(world, login):
    victim = login(world.other)
    actor = login(world.admin)
    url = f"/admin/pegawai/{world.other.id}/nonaktifkan"
    page = actor.get(url).get_data(as_text=True)
    assert "Nonaktifkan LAIN" in page and 'method="post"' in page
    r = actor.hx_post(url)
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "<strong>Nonaktif</strong>" in html
    assert 'aria-label="Aktifkan"' in html and "dinonaktifkan" in html
    assert len(gzip.compress(r.data)) < 2048
    assert not _get(world.other.id).active
    r = login(None).post("/login", data={"nip": world.other.nip, "password": factories.PASSWORD})
    assert r.status_code == 422
    assert victim.get("/").status_code == 302  # an open session ends too


def test_nonaktifkan_without_javascript_and_aktifkan(world, login):
    actor = login(world.operator)
    r = actor.post(f"/admin/pegawai/{world.other.id}/nonaktifkan")
    assert r.status_code == 302 and not _get(world.other.id).active
    r = actor.post(f"/admin/pegawai/{world.other.id}/aktifkan")
    assert r.status_code == 302 and _get(world.other.id).active
    world.other.active = False
    db.session.commit()
    r = actor.hx_post(f"/admin/pegawai/{world.other.id}/aktifkan")
    assert "Aktif" in r.get_data(as_text=True) and _get(world.other.id).active


def test_nobody_deactivates_themselves(world, login):
    r = login(world.admin).hx_post(f"/admin/pegawai/{world.admin.id}/nonaktifkan")
    assert "akun Anda sendiri" in r.get_data(as_text=True)
    assert _get(world.admin.id).active


def test_unknown_pegawai_is_404(world, login):
    assert login(world.admin).get("/admin/pegawai/999999/ubah").status_code == 404


# --- Unit kerja --------------------------------------------------------------------------------


def _tree():
    badan = factories.make_unit("Badan Kepegawaian Negara")
    deputi = factories.make_unit("Kedeputian Bidang Pembinaan", parent=badan)
    direktorat = factories.make_unit("Direktorat Kinerja ASN", parent=deputi)
    db.session.commit()
    return badan, deputi, direktorat


def test_unit_list_shows_the_hierarchy(world, login):
    badan, deputi, direktorat = _tree()
    actor = login(world.admin)
    html = actor.get("/admin/unit-kerja").get_data(as_text=True)
    assert "<html" in html and "Unit Kerja" in html and "Tambah" in html
    i, j, k = (html.index(u.nama) for u in (badan, deputi, direktorat))
    assert i < j < k
    assert 'class="depth-1"' in html and 'class="depth-2"' in html  # indented (app.css)
    r = actor.hx_get("/admin/unit-kerja")
    assert r.get_data(as_text=True).lstrip().startswith('<div id="pohon-unit"')
    assert len(gzip.compress(r.data)) < 2048


def test_unit_tambah_and_ubah(world, login):
    badan, deputi, direktorat = _tree()
    actor = login(world.admin)
    assert "<dialog" in actor.hx_get("/admin/unit-kerja/tambah").get_data(as_text=True)
    r = actor.hx_post("/admin/unit-kerja/tambah", data={"nama": "Biro Umum", "parent": badan.id})
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and r.headers["HX-Trigger"] == "closeModal"
    assert 'id="pohon-unit" hx-swap-oob="true"' in html and "Biro Umum" in html
    biro = db.session.scalar(select(UnitKerja).where(UnitKerja.nama == "Biro Umum"))
    assert biro.parent_id == badan.id
    r = actor.post(f"/admin/unit-kerja/{biro.id}/ubah", data={"nama": "Biro SDM", "parent": ""})
    assert r.status_code == 302
    db.session.expire_all()
    assert biro.nama == "Biro SDM" and biro.parent_id is None
    r = actor.post("/admin/unit-kerja/tambah", data={"nama": ""})
    assert r.status_code == 422 and "Wajib diisi." in r.get_data(as_text=True)


def test_unit_parent_loop_is_refused(world, login):
    badan, deputi, direktorat = _tree()
    actor = login(world.admin)
    url = f"/admin/unit-kerja/{badan.id}/ubah"
    r = actor.post(url, data={"nama": badan.nama, "parent": direktorat.id})
    assert r.status_code == 422 and "berada di bawah unit kerja ini" in r.get_data(as_text=True)
    r = actor.post(url, data={"nama": badan.nama, "parent": badan.id})
    assert r.status_code == 422 and "Pilihan tidak sah." in r.get_data(as_text=True)
    db.session.expire_all()
    assert badan.parent_id is None


def test_unit_nonaktifkan(world, login):
    badan, deputi, direktorat = _tree()
    actor = login(world.admin)
    assert "Nonaktifkan unit kerja" in actor.get(
        f"/admin/unit-kerja/{deputi.id}/nonaktifkan"
    ).get_data(as_text=True)
    r = actor.hx_post(f"/admin/unit-kerja/{deputi.id}/nonaktifkan")
    assert "masih punya sub unit aktif" in r.get_data(as_text=True)
    r = actor.hx_post(f"/admin/unit-kerja/{direktorat.id}/nonaktifkan")
    assert r.status_code == 200 and 'aria-label="Aktifkan"' in r.get_data(as_text=True)
    db.session.expire_all()
    assert not direktorat.active
    html = actor.get("/admin/pegawai/tambah").get_data(as_text=True)
    assert "Direktorat Kinerja ASN" not in html  # inactive units are not offered
    assert actor.post(f"/admin/unit-kerja/{direktorat.id}/aktifkan").status_code == 302
    db.session.expire_all()
    assert direktorat.active


# --- Impor -------------------------------------------------------------------------------------

HEADER = "NIP;Nama;Jabatan;Jenis Jabatan;Pangkat/Golongan;Unit Kerja;NIP Atasan"


def _csv(*lines, header=HEADER):
    return (io.BytesIO("\n".join((header, *lines)).encode()), "pegawai.csv")


def test_impor_page_explains_columns_and_passwords(world, login):
    html = login(world.admin).get("/admin/pegawai/impor").get_data(as_text=True)
    assert "NIP, Nama, Jabatan, Jenis Jabatan, Pangkat/Golongan, Unit Kerja, NIP Atasan" in html
    assert "belum dapat dipakai masuk" in html and 'enctype="multipart/form-data"' in html


def test_impor_csv_saves_valid_rows_and_reports_the_others(world, login):
    unit = factories.make_unit("Direktorat Kinerja ASN")
    db.session.commit()
    before = _count()
    berkas = _csv(
        f"{NIP_BARU};IRDIAN;Pranata Komputer;JF;III/a;Direktorat Kinerja ASN;199009062014022001",
        "199009062014022001;FITRIANI;Analis Kinerja;JA;II/c;direktorat kinerja asn;"
        + world.atasan.nip,
        "12345;SALAH;X;JA;III/a;Direktorat Kinerja ASN;",
        f"198806142010122003;ZAHARA;Analis;Eselon;III/a;Dinas Entah;{world.atasan.nip}",
    )
    r = login(world.admin).post("/admin/pegawai/impor", data={"berkas": berkas})
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert "2 pegawai diimpor, 2 baris ditolak." in html
    assert "<td>4</td>" in html and "18 digit" in html
    assert "<td>5</td>" in html and "Eselon" in html and "Dinas Entah" in html
    assert _count() == before + 2
    irdian = db.session.scalar(select(Pegawai).where(Pegawai.nip == NIP_BARU))
    fitri = db.session.scalar(select(Pegawai).where(Pegawai.nip == "199009062014022001"))
    assert irdian.atasan_langsung_id == fitri.id and fitri.atasan_langsung_id == world.atasan.id
    assert irdian.unit_kerja_id == unit.id and fitri.pangkat_golongan == "II/c"
    # no usable password until an admin sets one
    r = login(None).post("/login", data={"nip": NIP_BARU, "password": ""})
    assert r.status_code == 422
    assert not irdian.check_password("") and irdian.password_hash == ""


def test_impor_xlsx_with_a_password_column(world, login):
    wb = Workbook()
    wb.active.append(HEADER.split(";") + ["Password"])
    wb.active.append([NIP_BARU, "IRDIAN", "Pranata", "JF", "III/a", "", "", "sandi-awal-1"])
    buffer = io.BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    r = login(world.operator).post(
        "/admin/pegawai/impor", data={"berkas": (buffer, "pegawai.xlsx")}
    )
    assert r.status_code == 200 and "1 pegawai diimpor" in r.get_data(as_text=True)
    r = login(None).post("/login", data={"nip": NIP_BARU, "password": "sandi-awal-1"})
    assert r.status_code == 302


def test_impor_missing_columns_are_listed(world, login):
    berkas = _csv(f"{NIP_BARU};X", header="NIP;Nama")
    r = login(world.admin).post("/admin/pegawai/impor", data={"berkas": berkas})
    html = r.get_data(as_text=True)
    assert r.status_code == 422
    assert "jabatan, jenis jabatan, pangkat/golongan, unit kerja, nip atasan" in html


def test_impor_without_a_file_or_of_a_wrong_type(world, login):
    actor = login(world.admin)
    r = actor.post("/admin/pegawai/impor", data={})
    assert r.status_code == 422 and "Pilih berkas" in r.get_data(as_text=True)
    r = actor.post("/admin/pegawai/impor", data={"berkas": (io.BytesIO(b"x"), "a.pdf")})
    assert r.status_code == 422 and ".xlsx atau .csv" in r.get_data(as_text=True)


def test_impor_saves_nothing_when_saving_fails(world, login, monkeypatch):
    from webapp.blueprints import admin

    def broken(*args):
        raise IntegrityError("UPDATE", {}, Exception("simulated"))

    monkeypatch.setattr(admin, "_atasan_id", broken)
    before = _count()
    berkas = _csv(
        f"{NIP_BARU};IRDIAN;X;JF;III/a;;",
        "199009062014022001;FITRIANI;X;JA;II/c;;",
    )
    r = login(world.admin).post("/admin/pegawai/impor", data={"berkas": berkas})
    assert r.status_code == 422
    assert "tidak ada pegawai yang disimpan" in r.get_data(as_text=True)
    db.session.expire_all()
    assert _count() == before


def test_roles_show_in_the_list(world, login):
    world.admin.is_operator = True
    db.session.commit()
    html = login(world.admin).get(f"/admin/pegawai?q={world.admin.nip}").get_data(as_text=True)
    assert "<td>Admin, Operator</td>" in html

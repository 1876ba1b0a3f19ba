from tests.access_rules.base import Rule, expect

# Admin and operator manage pegawai and unit kerja; everyone else gets 403. The target is
# `other` and its unit, the operator's managed unit tree (outside it an operator gets 404:
# tests/views/test_operator_scope.py). Empty POSTs are refused by the form (422).


def _admin(ok: int) -> dict[str, int]:
    return expect(403, operator=ok, admin=ok)


RULES = {
    "admin.pegawai": Rule(lambda w: "/admin/pegawai", get=_admin(200)),
    "admin.pegawai_tambah": Rule(
        lambda w: "/admin/pegawai/tambah", get=_admin(200), post=_admin(422)
    ),
    "admin.pegawai_ubah": Rule(
        lambda w: f"/admin/pegawai/{w.other.id}/ubah",
        get=_admin(200),
        post=_admin(422),
        data=lambda w: {"nip": "123", "nama": "X", "jenis_jabatan": "JA"},
    ),
    "admin.pegawai_nonaktifkan": Rule(
        lambda w: f"/admin/pegawai/{w.other.id}/nonaktifkan", get=_admin(200), post=_admin(302)
    ),
    "admin.pegawai_aktifkan": Rule(
        lambda w: f"/admin/pegawai/{w.other.id}/aktifkan", post=_admin(302)
    ),
    "admin.pegawai_impor": Rule(
        lambda w: "/admin/pegawai/impor", get=_admin(200), post=_admin(422)
    ),
    "admin.unit": Rule(lambda w: "/admin/unit-kerja", get=_admin(200)),
    "admin.unit_tambah": Rule(
        lambda w: "/admin/unit-kerja/tambah", get=_admin(200), post=_admin(422)
    ),
    "admin.unit_ubah": Rule(
        lambda w: f"/admin/unit-kerja/{w.unit_kelola.id}/ubah",
        get=_admin(200),
        post=_admin(422),
        data=lambda w: {"nama": ""},
    ),
    "admin.unit_nonaktifkan": Rule(
        lambda w: f"/admin/unit-kerja/{w.unit_kelola.id}/nonaktifkan",
        get=_admin(200),
        post=_admin(302),
    ),
    "admin.unit_aktifkan": Rule(
        lambda w: f"/admin/unit-kerja/{w.unit_kelola.id}/aktifkan", post=_admin(302)
    ),
}

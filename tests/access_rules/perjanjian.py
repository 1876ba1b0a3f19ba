"""Perjanjian Kinerja: JPT only (others 403); a record of another JPT is 404."""

from tests.access_rules.base import Rule, expect

P = "/perjanjian-kinerja"
# JPT roles in the world: owner, other, atasan. operator and admin are JA.
LIST = expect(200, operator=403, admin=403)
FORM_POST = expect(422, operator=403, admin=403)
OWNED = expect(404, owner=200, operator=403, admin=403)
OWNED_POST = expect(404, owner=422, operator=403, admin=403)
OWNED_DELETE = expect(404, owner=302, operator=403, admin=403)

RULES = {
    "perjanjian.index": Rule(lambda w: f"{P}/", get=LIST),
    "perjanjian.tambah": Rule(lambda w: f"{P}/tambah", get=LIST, post=FORM_POST),
    "perjanjian.edit": Rule(lambda w: f"{P}/{w.pk.id}/edit", get=OWNED, post=OWNED_POST),
    "perjanjian.hapus": Rule(lambda w: f"{P}/{w.pk.id}/hapus", get=OWNED, post=OWNED_DELETE),
    "perjanjian.detail": Rule(lambda w: f"{P}/{w.pk.id}", get=OWNED),
    "perjanjian.rkt": Rule(lambda w: f"{P}/{w.pk.id}/rkt", get=OWNED),
    "perjanjian.sasaran_tambah": Rule(
        lambda w: f"{P}/{w.pk.id}/sasaran/tambah", get=OWNED, post=OWNED_POST
    ),
    "perjanjian.sasaran": Rule(lambda w: f"{P}/sasaran/{w.sasaran.id}", get=OWNED, post=OWNED_POST),
    "perjanjian.sasaran_hapus": Rule(
        lambda w: f"{P}/sasaran/{w.sasaran.id}/hapus", get=OWNED, post=OWNED_DELETE
    ),
    "perjanjian.indikator_tambah": Rule(
        lambda w: f"{P}/sasaran/{w.sasaran.id}/indikator", post=OWNED_POST
    ),
    "perjanjian.indikator_edit": Rule(
        lambda w: f"{P}/indikator/{w.indikator_sasaran.id}/edit", get=OWNED, post=OWNED_POST
    ),
    "perjanjian.indikator_hapus": Rule(
        lambda w: f"{P}/indikator/{w.indikator_sasaran.id}/hapus", get=OWNED, post=OWNED_DELETE
    ),
    "perjanjian.program_tambah": Rule(
        lambda w: f"{P}/{w.pk.id}/program/tambah", get=OWNED, post=OWNED_POST
    ),
    "perjanjian.program_edit": Rule(
        lambda w: f"{P}/program/{w.program.id}/edit", get=OWNED, post=OWNED_POST
    ),
    "perjanjian.program_hapus": Rule(
        lambda w: f"{P}/program/{w.program.id}/hapus", get=OWNED, post=OWNED_DELETE
    ),
}

"""Matrik Peran Hasil and Uraian Jabatan.

The shared `world` is extended here, once per test, by `_mph(w)`: the owner (a JPT) leads a
matrix on their result with a role for their bawahan, and is Ketua Tim in the atasan's matrix
(so the owner also opens a level-2 split). Every matrix answers only its owner (404 otherwise).
"""

from types import SimpleNamespace

from tests import factories
from tests.access_rules.base import Rule, expect
from webapp.models import MatrikPeranHasil

M = "/matrik-peran-hasil"
U = "/uraian-jabatan"

OWNED = expect(404, owner=200)
OWNED_POST = expect(404, owner=422)
OWNED_DELETE = expect(404, owner=302)
# Uraian Jabatan of the owner: the owner, and the admin and operator who keep pegawai data.
KEPT = expect(404, owner=200, admin=200, operator=200)
KEPT_POST = expect(404, owner=422, admin=422, operator=422)
# The admin deletes before the owner's turn (roles act in order): the owner then finds nothing.
KEPT_DELETE = expect(404, operator=302, admin=404, owner=404)


def _mph(w) -> SimpleNamespace:
    if not hasattr(w, "mph"):
        bawahan = factories.make_pegawai("BAWAHAN", jenis="JF", atasan=w.owner)
        matrik = factories.make_matrik(w.rencana, jumlah_kolom=2)
        peran = factories.make_peran(matrik, bawahan, kolom=1)
        atasan_skp = factories.make_skp(w.atasan)
        atasan_matrik = factories.make_matrik(atasan_skp.rencana[0], jumlah_kolom=1)
        ketua = factories.make_peran(atasan_matrik, w.owner, kolom=1, jabatan_tim="Ketua Tim")
        factories.db.session.add(MatrikPeranHasil(induk=ketua, jumlah_kolom=1))
        uraian = factories.make_uraian(w.owner)
        # ids, not objects: a route may delete the record between two roles' requests.
        w.mph = SimpleNamespace(
            peran=peran.id, ketua=ketua.id, uraian=uraian.id, bawahan=bawahan.id
        )
    return w.mph


RULES = {
    # Every pegawai opens the menu: the periods show to a leader, the roles given to anyone.
    "mph.index": Rule(lambda w: f"{M}/", get=expect(200)),
    "mph.skp": Rule(lambda w: f"{M}/skp/{w.skp.id}", get=OWNED),
    "mph.matrik": Rule(lambda w: f"{M}/rencana/{w.rencana.id}", get=OWNED),
    "mph.kolom": Rule(lambda w: f"{M}/rencana/{w.rencana.id}/kolom", get=OWNED, post=OWNED_POST),
    "mph.tambah": Rule(lambda w: f"{M}/rencana/{w.rencana.id}/tambah", get=OWNED, post=OWNED_POST),
    "mph.uraian": Rule(lambda w: f"{M}/rencana/{w.rencana.id}/uraian", get=OWNED),
    # Level 2: the owner is Ketua Tim in the atasan's matrix; the atasan (the leader) does not
    # edit the split itself.
    "mph.bagi_matrik": Rule(lambda w: f"{M}/peran/{_mph(w).ketua}/bagi", get=OWNED),
    "mph.bagi_kolom": Rule(
        lambda w: f"{M}/peran/{_mph(w).ketua}/bagi/kolom", get=OWNED, post=OWNED_POST
    ),
    "mph.bagi_tambah": Rule(
        lambda w: f"{M}/peran/{_mph(w).ketua}/bagi/tambah", get=OWNED, post=OWNED_POST
    ),
    "mph.bagi_uraian": Rule(lambda w: f"{M}/peran/{_mph(w).ketua}/bagi/uraian", get=OWNED),
    # A role is edited by the matrix's owner only: not by the pegawai who holds it.
    "mph.peran_edit": Rule(lambda w: f"{M}/peran/{_mph(w).peran}/edit", get=OWNED, post=OWNED_POST),
    "mph.peran_hapus": Rule(
        lambda w: f"{M}/peran/{_mph(w).peran}/hapus", get=OWNED, post=OWNED_DELETE
    ),
    "uraian.index": Rule(lambda w: f"{U}/", get=expect(200)),
    "uraian.pegawai": Rule(lambda w: f"{U}/pegawai/{w.owner.id}", get=KEPT),
    "uraian.tambah": Rule(lambda w: f"{U}/pegawai/{w.owner.id}/tambah", get=KEPT, post=KEPT_POST),
    "uraian.edit": Rule(lambda w: f"{U}/{_mph(w).uraian}/edit", get=KEPT, post=KEPT_POST),
    "uraian.hapus": Rule(lambda w: f"{U}/{_mph(w).uraian}/hapus", get=KEPT, post=KEPT_DELETE),
}

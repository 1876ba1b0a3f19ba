"""Periode Penilaian: agency-wide, the admin's alone (an operator manages a unit tree only,
ADR 0012): everyone else gets 403. Empty POSTs are refused by the form (422); a reopening to
change or delete is made on first use (not in `world`, which other tests count rows of)."""

from datetime import UTC, date, datetime

from tests.access_rules.base import Rule, expect
from webapp.extensions import db
from webapp.models import BukaKembali, PeriodePenilaian


def _admin(ok: int) -> dict[str, int]:
    return expect(403, admin=ok)


def buka_id(w) -> int:
    """A reopening of TRIWULAN I 2022 for the owner, made once per world."""
    if not hasattr(w, "_buka_id"):
        periode = PeriodePenilaian(
            tahun=2022, jenis="triwulan", nomor=1, dari=date(2022, 1, 1), sampai=date(2022, 3, 31)
        )
        buka = BukaKembali(
            periode=periode, pegawai=w.owner, sampai=datetime(2099, 1, 1, tzinfo=UTC)
        )
        db.session.add(buka)
        db.session.commit()
        w._buka_id = buka.id
    return w._buka_id


RULES = {
    "periode_admin.index": Rule(lambda w: "/admin/periode-penilaian/", get=_admin(200)),
    "periode_admin.tahun": Rule(lambda w: "/admin/periode-penilaian/2022", get=_admin(200)),
    "periode_admin.frekuensi": Rule(
        lambda w: "/admin/periode-penilaian/frekuensi", post=_admin(422)
    ),
    "periode_admin.batas": Rule(
        lambda w: "/admin/periode-penilaian/2022/tw2/batas",
        get=_admin(200),
        post=_admin(422),
        data=lambda w: {"tanggal": "bukan tanggal"},
    ),
    "periode_admin.buka_tambah": Rule(
        lambda w: "/admin/periode-penilaian/2022/buka-kembali", get=_admin(200), post=_admin(422)
    ),
    "periode_admin.buka_ubah": Rule(
        lambda w: f"/admin/periode-penilaian/buka-kembali/{buka_id(w)}/ubah",
        get=_admin(200),
        post=_admin(422),
    ),
    "periode_admin.buka_hapus": Rule(
        lambda w: f"/admin/periode-penilaian/buka-kembali/{buka_id(w)}/hapus",
        get=_admin(200),
        post=_admin(302),
    ),
}

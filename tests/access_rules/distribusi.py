"""Distribusi Predikat: every logged-in pegawai may open it; it shows only the SKPs whose
Pejabat Penilai they are (w.atasan is the world SKP's), so the others see the empty state.
A period code the year does not have is a 404."""

from tests.access_rules.base import Rule, expect

RULES = {
    "distribusi.index": Rule(lambda w: "/skp-bawahan/distribusi/", get=expect(200)),
    "distribusi.periode": Rule(lambda w: "/skp-bawahan/distribusi/2022/tw1", get=expect(200)),
}

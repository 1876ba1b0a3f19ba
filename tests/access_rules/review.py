"""Review SKP JPT: operators and admins only (403 for other pegawai). In `world` the operator and
the admin work in other units than the owner, so the owner's SKP is not theirs to see: 404.
tests/views/test_review.py covers an operator of the owner's unit tree."""

from tests.access_rules.base import Rule, expect

RULES = {
    "review.index": Rule(lambda w: "/review-skp-jpt/", get=expect(403, operator=200, admin=200)),
    "review.skp": Rule(
        lambda w: f"/review-skp-jpt/{w.skp.id}", get=expect(403, operator=404, admin=404)
    ),
    "review.catatan": Rule(
        lambda w: f"/review-skp-jpt/{w.skp.id}/catatan",
        post=expect(403, operator=404, admin=404),
        data=lambda w: {"teks": "Periksa formula indikator."},
    ),
}

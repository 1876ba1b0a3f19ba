"""SKP Bawahan: only the SKP's Pejabat Penilai (w.atasan) sees it; everyone else gets 404.

`world.skp` is a draft, so the atasan's Setujui and Kembalikan answer 409 (a clear message, nothing
changed); tests/views/test_skp_bawahan.py walks the successful paths.
"""

from tests.access_rules.base import Rule, expect

RULES = {
    "skp_bawahan.index": Rule(lambda w: "/skp-bawahan/", get=expect(200)),
    "skp_bawahan.target": Rule(lambda w: f"/skp-bawahan/{w.skp.id}", get=expect(404, atasan=200)),
    "skp_bawahan.setujui": Rule(
        lambda w: f"/skp-bawahan/{w.skp.id}/setujui",
        get=expect(404, atasan=409),
        post=expect(404, atasan=409),
    ),
    "skp_bawahan.kembalikan": Rule(
        lambda w: f"/skp-bawahan/{w.skp.id}/kembalikan",
        get=expect(404, atasan=200),
        post=expect(404, atasan=409),
        data=lambda w: {"catatan": "Perbaiki target."},
    ),
    "skp_bawahan.ekspektasi": Rule(
        lambda w: f"/skp-bawahan/{w.skp.id}/perilaku/1/ekspektasi",
        get=expect(404, atasan=200),
        post=expect(404, atasan=302),
        data=lambda w: {"ekspektasi": "Melayani dengan cepat."},
    ),
    "skp_bawahan.realisasi": Rule(
        lambda w: f"/skp-bawahan/{w.skp.id}/realisasi",
        get=expect(404, atasan=200),
    ),
    # world.skp is a draft: the dialog answers 409 (SKP belum disetujui), nothing written. No
    # ?periode= here: test_safe_methods sends the data as the query string (the current period).
    "skp_bawahan.data_realisasi": Rule(
        lambda w: f"/skp-bawahan/{w.skp.id}/realisasi/data",
        get=expect(404, atasan=409),
        post=expect(404, atasan=409),
        data=lambda w: {"capaian": "baik", "rating_hasil": "sesuai", "rating_perilaku": "sesuai"},
    ),
    "skp_bawahan.pola_distribusi": Rule(
        lambda w: "/skp-bawahan/pola-distribusi?capaian=baik", get=expect(200)
    ),
}

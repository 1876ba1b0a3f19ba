"""Perilaku SKP and Keberatan. The world's SKP is a draft whose aspects have no penilai and it
has no evaluation: every record route is a 404 for everyone (nobody rates a draft, nobody may
object to or decide an evaluation that is not theirs). tests/views/test_perilaku_skp.py and
tests/views/test_keberatan.py walk the allowed paths with approved SKP."""

from tests.access_rules.base import Rule, expect

RULES = {
    "perilaku.index": Rule(lambda w: "/perilaku-skp/", get=expect(200)),
    "perilaku.penilaian": Rule(lambda w: f"/perilaku-skp/{w.skp.id}", get=expect(404)),
    "perilaku.input_penilaian": Rule(
        lambda w: f"/perilaku-skp/{w.skp.id}/aspek/{w.skp.perilaku[0].id}",
        get=expect(404),
        post=expect(404),
        data=lambda w: {"teks": "Sangat cepat menyesuaikan diri", "version": ""},
    ),
    "keberatan.index": Rule(lambda w: "/keberatan/", get=expect(200)),
    "keberatan.ajukan": Rule(
        lambda w: "/keberatan/ajukan/1",
        get=expect(404),
        post=expect(404),
        data=lambda w: {"alasan": "Bukti dukung belum dipertimbangkan."},
    ),
    "keberatan.putuskan": Rule(
        lambda w: "/keberatan/1/putuskan",
        get=expect(404),
        post=expect(404),
        data=lambda w: {"keputusan": "tetap", "penjelasan": "Sesuai bukti.", "version": "1"},
    ),
}

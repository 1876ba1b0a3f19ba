"""One icon per action, everywhere (issue 7 §4): templates name the action, never the glyph.

`ikon("edit")` in a template (a Jinja global); an unknown action is an error, not a blank
button. Every icon control keeps the manual's label as its accessible name (aria-label and
title), so the glyph is decoration only.
"""

IKON = {
    "buka": "➜",  # Buka: open a record's own page (a PK year)
    "target": "▤",  # Target SKP / Target / Rencana SKP
    "realisasi": "✓",  # Realisasi
    "review": "⌕",  # Review (the operator's reading of an SKP)
    "tambah": "+",  # Tambah Indikator
    "edit": "✎",  # Edit, Input Ekspektasi Khusus Pimpinan
    "hapus": "✖",  # Hapus
    "manual": "ℹ",  # Manual Indikator
    "penilai": "⚙",  # Set Penilai
    "nonaktifkan": "⊘",  # Nonaktifkan
    "aktifkan": "↺",  # Aktifkan
    "tutup": "✕",  # Tutup (a dialog)
}


def ikon(aksi: str) -> str:
    return IKON[aksi]

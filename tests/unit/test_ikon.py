"""One icon per action (issue 7 §4): the glyphs live in webapp/ikon.py only."""

import re
from pathlib import Path

import pytest

from webapp.ikon import IKON, ikon

TEMPLATES = Path(__file__).parents[2] / "webapp"
FILES = sorted(TEMPLATES.glob("templates/**/*.html")) + sorted(TEMPLATES.glob("partials/*.html"))


def test_each_action_has_its_own_icon():
    assert len(set(IKON.values())) == len(IKON)
    assert ikon("target") != ikon("realisasi") != ikon("buka")
    with pytest.raises(KeyError):
        ikon("tidak ada")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_templates_name_the_action_not_the_glyph(path):
    source = path.read_text()
    for aksi, glyph in IKON.items():
        if glyph != "+":  # "+" is also plain text; its one use goes through ikon("tambah")
            assert glyph not in source, f"{path.name}: {glyph} literal, use ikon({aksi!r})"
    # Every icon control keeps a label as its accessible name.
    for tag in re.findall(r"<(?:a|button)\b[^>]*class=\"icon[^\"]*\"[^>]*>", source):
        if "Salin" in tag or "data-salin" in tag:
            continue  # text buttons styled small (Salin, a name): their text is the name
        assert "aria-label=" in tag and "title=" in tag, f"{path.name}: {tag}"

"""The distribution curve as an inline SVG (rules.md §2)."""

import gzip
import re
import xml.etree.ElementTree as ET

import pytest

from webapp.domain.kurva import PUNCAK, URUTAN, X0, kurva_svg, titik

NS = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize("capaian", list(PUNCAK))
def test_valid_svg_named_by_its_title(capaian):
    svg = kurva_svg(capaian)
    root = ET.fromstring(svg)  # well-formed
    assert root.tag == f"{NS}svg"
    assert root.get("role") == "img"
    title = root.find(f"{NS}title").text
    label = capaian.replace("_", " ").upper()
    assert (
        title
        == f"KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI {label}"
    )
    texts = " ".join("".join(t.itertext()) for t in root.iter(f"{NS}text"))
    for word in ("SANGAT", "KURANG/", "MISCONDUCT", "BUTUH", "PERBAIKAN", "BAIK"):
        assert word in texts
    assert "Jumlah pegawai" in svg and "PREDIKAT KINERJA PEGAWAI" in svg


@pytest.mark.parametrize("capaian", list(PUNCAK))
def test_no_inline_style_and_small(capaian):
    svg = kurva_svg(capaian)
    assert "style=" not in svg and "<script" not in svg
    assert len(svg) < 1500
    assert len(gzip.compress(svg.encode())) < 700


@pytest.mark.parametrize(("capaian", "puncak"), list(PUNCAK.items()))
def test_the_curve_peaks_over_the_capaians_peak(capaian, puncak):
    points = titik(capaian)[1:-1]  # one over each predikat, SANGAT KURANG first
    assert len(points) == len(URUTAN)
    highest = min(range(len(points)), key=lambda i: points[i][1])  # SVG y grows downward
    assert URUTAN[highest] == puncak
    assert points[0][0] > X0


def test_peaks_differ():
    assert len({kurva_svg(c) for c in PUNCAK}) == len(PUNCAK)


def test_unknown_capaian_is_an_error():
    with pytest.raises(ValueError):
        kurva_svg("luar_biasa")


def test_path_has_only_numbers_and_commands():
    d = re.search(r'<path d="([^"]+)"', kurva_svg("baik")).group(1)
    assert re.fullmatch(r"[MLCZ0-9 .\-]+", d)

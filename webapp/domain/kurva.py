"""The distribution curve of a Capaian Kinerja Organisasi (rules.md §2) as a small inline SVG.

Five predikat on the x axis, SANGAT KURANG … SANGAT BAIK; the curve peaks over the capaian's
peak (Istimewa → Sangat Baik, every other capaian → the predikat of the same name). Colours and
sizes are presentation attributes, never style="" (the CSP blocks inline styles); every text is
escaped. A few hundred bytes, so it is drawn on the server for every screen that shows it.
"""

from __future__ import annotations

import math
from html import escape

from webapp.domain.predikat import CAPAIAN_LABEL, PREDIKAT_LABEL_KURVA

URUTAN = ("sangat_kurang", "kurang", "butuh_perbaikan", "baik", "sangat_baik")
PUNCAK = {
    "istimewa": "sangat_baik",
    "baik": "baik",
    "butuh_perbaikan": "butuh_perbaikan",
    "kurang": "kurang",
    "sangat_kurang": "sangat_kurang",
}
JUDUL = "KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI"

# Geometry (viewBox units): plot from X0 to X1, baseline at Y0, peak TINGGI above it.
X0, X1, Y0, TINGGI = 36, 336, 112, 92
LEBAR = (X1 - X0) / len(URUTAN)


def judul(capaian: str) -> str:
    return f"{JUDUL} {CAPAIAN_LABEL[capaian]}"


def _tinggi(jarak: float) -> float:
    """A bell: the share drawn at `jarak` slots from the peak."""
    return TINGGI * math.exp(-(jarak**2) / 2.4)


def titik(capaian: str) -> list[tuple[int, int]]:
    """The curve's points: the two ends of the axis and one over each predikat."""
    puncak = URUTAN.index(PUNCAK[capaian])
    xs = [X0] + [X0 + LEBAR * (i + 0.5) for i in range(len(URUTAN))] + [X1]
    hasil = []
    for x in xs:
        jarak = abs((x - X0) / LEBAR - 0.5 - puncak)
        hasil.append((round(x), round(Y0 - _tinggi(jarak))))
    return hasil


def _path(p: list[tuple[int, int]]) -> str:
    """A smooth path through the points (Catmull-Rom as cubic Béziers), closed to the axis."""
    d = [f"M{X0} {Y0}L{p[0][0]} {p[0][1]}"]
    for i in range(len(p) - 1):
        a, b = p[max(i - 1, 0)], p[i]
        c, e = p[i + 1], p[min(i + 2, len(p) - 1)]
        c1 = (round(b[0] + (c[0] - a[0]) / 6), round(b[1] + (c[1] - a[1]) / 6))
        c2 = (round(c[0] - (e[0] - b[0]) / 6), round(c[1] - (e[1] - b[1]) / 6))
        d.append(f"C{c1[0]} {c1[1]} {c2[0]} {c2[1]} {c[0]} {c[1]}")
    d.append(f"L{X1} {Y0}Z")
    return "".join(d)


def _label(i: int, code: str) -> str:
    x = round(X0 + LEBAR * (i + 0.5))
    words = PREDIKAT_LABEL_KURVA[code].replace("/", "/ ").split()
    lines = escape(words[0]) + "".join(
        f'<tspan x="{x}" dy="10">{escape(w)}</tspan>' for w in words[1:]
    )
    return f'<text x="{x}" y="{Y0 + 13}">{lines}</text>'


def kurva_svg(capaian: str) -> str:
    """The curve of a capaian as an <svg> element (role img, named by its <title>)."""
    if capaian not in PUNCAK:
        raise ValueError(f"unknown capaian {capaian!r}")
    labels = "".join(_label(i, code) for i, code in enumerate(URUTAN))
    mid_y = (Y0 - TINGGI + Y0) // 2
    return (
        f'<svg class="kurva" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 344 150" '
        f'role="img"><title>{escape(judul(capaian))}</title>'
        f'<path d="{_path(titik(capaian))}" fill="#dbe7f3" stroke="#1d4f91" stroke-width="2"/>'
        f'<path d="M{X0} {Y0 - TINGGI - 8}V{Y0}H{X1}" fill="none" stroke="#444"/>'
        f'<g font-family="sans-serif" font-size="8.5" fill="#222" text-anchor="middle">'
        f"{labels}"
        f'<text transform="rotate(-90)" x="-{mid_y}" y="14">Jumlah pegawai</text>'
        f'<text x="{(X0 + X1) // 2}" y="146">PREDIKAT KINERJA PEGAWAI</text></g></svg>'
    )

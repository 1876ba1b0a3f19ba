"""Bounds of an XLSX upload, checked before openpyxl opens it (issue 6, point 10; ADR 0012).

An XLSX is a zip: 77 KB can unpack to 20 million empty cells, and openpyxl needs minutes for one
row of millions of cells. So the archive's unpacked size is read from its directory (zipfile never
unpacks a member past its declared size), and the first sheet's XML is streamed, counting rows and
cells per row, stopping at the first excess. No Flask here.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree

# 5000 rows of pegawai take about 4 MB unpacked.
MAKS_TERURAI = 16 * 1024 * 1024
MAKS_ANGGOTA_ZIP = 500
# Cells per row: the import template has 9 columns.
MAKS_KOLOM = 50


class BatasError(ValueError):
    """The file is over a bound (the message says which, in Indonesian)."""


def periksa_batas(data: bytes, maks_baris: int) -> None:
    """BatasError unless the archive and its first sheet (at most `maks_baris` rows, header
    included) are within bounds."""
    arsip = _periksa_zip(data)
    for path in _lembar(arsip):
        _periksa_lembar(arsip, path, maks_baris)


def _periksa_zip(data: bytes) -> zipfile.ZipFile:
    """The archive, when its unpacked size is within bounds (the sizes zipfile reads back are
    also the most it will unpack: it stops at each member's declared size)."""
    try:
        arsip = zipfile.ZipFile(io.BytesIO(data))
        anggota = arsip.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as e:
        raise BatasError("Berkas XLSX tidak dapat dibaca.") from e
    terurai = sum(i.file_size for i in anggota)
    if len(anggota) > MAKS_ANGGOTA_ZIP or terurai > MAKS_TERURAI:
        raise BatasError(
            f"Isi berkas XLSX terlalu besar setelah dibuka ({terurai // (1024 * 1024)} MB; "
            f"paling besar {MAKS_TERURAI // (1024 * 1024)} MB). Salin data pegawai saja ke "
            "lembar kerja baru, tanpa baris dan kolom kosong berlebih, lalu simpan ulang."
        )
    return arsip


def _periksa_lembar(arsip: zipfile.ZipFile, path: str, maks_baris: int) -> None:
    """Count rows and cells of the sheet's XML as it streams; stop at the first excess."""
    baris = sel = 0
    try:
        with arsip.open(path) as f:
            for event, el in ElementTree.iterparse(f, events=("start", "end")):
                tag = el.tag.rsplit("}", 1)[-1]
                if event == "end":
                    if tag == "row":
                        el.clear()
                elif tag == "row":
                    baris, sel = baris + 1, 0
                    if baris > maks_baris:
                        raise BatasError(
                            f"Lembar kerja berisi lebih dari {maks_baris - 1} baris data (baris "
                            "kosong yang berformat ikut terhitung). Paling banyak "
                            f"{maks_baris - 1} baris per impor."
                        )
                elif tag == "c":
                    sel += 1
                    if sel > MAKS_KOLOM:
                        raise BatasError(
                            f"Baris {baris} lembar kerja berisi lebih dari {MAKS_KOLOM} kolom. "
                            "Hapus kolom kosong di kanan data, lalu simpan ulang."
                        )
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError) as e:
        raise BatasError("Berkas XLSX tidak dapat dibaca.") from e


_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _lembar(arsip: zipfile.ZipFile) -> list[str]:
    """The first sheet's path inside the archive (what openpyxl reads as worksheets[0]); every
    worksheet's path when the workbook does not say."""
    try:
        workbook = ElementTree.fromstring(arsip.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(arsip.read("xl/_rels/workbook.xml.rels"))
        targets = {el.get("Id"): el.get("Target") for el in rels}
        ordered = [targets.get(el.get(_REL)) for el in workbook.iter() if el.tag.endswith("}sheet")]
        target = next(t for t in ordered if t and "worksheets/" in t)  # not a chartsheet
        return [target[1:] if target.startswith("/") else "xl/" + target]
    except (KeyError, StopIteration, TypeError, ElementTree.ParseError):
        return [n for n in arsip.namelist() if re.fullmatch(r"xl/worksheets/[^/]+\.xml", n)]

"""Bukti dukung files: the kind is found by content, and must match the name's extension."""

import pytest

from tests.factories import PDF, PNG, ole2, ooxml
from webapp.domain.berkas import TIPE, ekstensi, jenis_isi, periksa

MB = 1024 * 1024
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 16
GIF = b"GIF89a" + b"\x00" * 16
WEBP = b"RIFF\x10\x00\x00\x00WEBPVP8 " + b"\x00" * 8


@pytest.mark.parametrize(
    "data, kind",
    [
        (PDF, "pdf"),
        (PNG, "png"),
        (JPEG, "jpeg"),
        (GIF, "gif"),
        (WEBP, "webp"),
        (ooxml("word/"), "docx"),
        (ooxml("xl/"), "xlsx"),
        (ooxml("ppt/"), "pptx"),
        (ole2("WordDocument"), "doc"),
        (ole2("Workbook"), "xls"),
        (ole2("PowerPoint Document"), "ppt"),
        (b"MZ\x90\x00", None),  # a Windows program
        (b"<html><script>alert(1)</script>", None),
        (b"PK\x03\x04not really a zip", None),
        (ooxml("other/"), None),  # a zip, but no Office part
        (ole2("Something"), None),
        (b"", None),
    ],
)
def test_kind_by_content(data, kind):
    assert jenis_isi(data) == kind


def test_a_plain_zip_without_content_types_is_not_office():
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<doc/>")
    assert jenis_isi(buf.getvalue()) is None


@pytest.mark.parametrize(
    "nama, ext",
    [("a.pdf", "pdf"), ("Laporan.Final.PDF", "pdf"), ("tanpa", ""), (".pdf", ""), ("a.", "")],
)
def test_extension(nama, ext):
    assert ekstensi(nama) == ext


@pytest.mark.parametrize(
    "nama, data, tipe",
    [
        ("laporan.pdf", PDF, "application/pdf"),
        ("foto.JPG", JPEG, "image/jpeg"),
        ("foto.jpeg", JPEG, "image/jpeg"),
        ("gambar.png", PNG, "image/png"),
        ("surat.docx", ooxml("word/"), TIPE["docx"]),
        ("data.xls", ole2("Workbook"), "application/vnd.ms-excel"),
    ],
)
def test_accepted(nama, data, tipe):
    assert periksa(nama, data, 5 * MB) == (tipe, None)


@pytest.mark.parametrize(
    "nama, data, pesan",
    [
        ("laporan.pdf", PNG, "tidak sesuai dengan namanya"),  # content and name disagree
        ("surat.docx", ooxml("xl/"), "tidak sesuai dengan namanya"),
        ("surat.doc", ole2("Workbook"), "tidak sesuai dengan namanya"),
        ("program.exe", b"MZ\x90\x00", "tidak diterima"),  # a forbidden type
        ("halaman.html", b"<html>", "tidak diterima"),
        ("palsu.pdf", b"<html>", "tidak dikenali"),  # a name that lies about the content
        ("tanpa-ekstensi", PDF, "tidak diterima"),
        ("kosong.pdf", b"", "kosong"),
    ],
)
def test_refused_with_a_message(nama, data, pesan):
    tipe, problem = periksa(nama, data, 5 * MB)
    assert tipe is None and pesan in problem and nama in problem


def test_size_limit_is_inclusive():
    data = PDF + b"\x00" * (MB - len(PDF))
    assert periksa("a.pdf", data, MB)[0] == "application/pdf"
    tipe, problem = periksa("a.pdf", data + b"\x00", MB)
    assert tipe is None and "paling besar 1 MB" in problem

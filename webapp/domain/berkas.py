"""Bukti dukung files: which kinds are accepted, found by their content (magic bytes), never by
their name alone; the name's extension must agree with what the content is (issue 10 §2).

Pure functions on bytes, no Flask. Accepted: PDF, images (PNG, JPEG, GIF, WebP), Office documents
(OOXML .docx/.xlsx/.pptx: a zip holding [Content_Types].xml and word/, xl/ or ppt/; legacy OLE2
.doc/.xls/.ppt: a compound file whose directory names the Word, Excel or PowerPoint stream).
"""

from __future__ import annotations

import io
import zipfile

# extension -> the MIME type stored and served for it
TIPE = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "ppt": "application/vnd.ms-powerpoint",
}
DITERIMA = "PDF, gambar (PNG, JPG, GIF, WebP) atau dokumen Office (DOC, DOCX, XLS, XLSX, PPT, PPTX)"

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Stream names in an OLE2 directory (UTF-16LE), per legacy Office kind.
OLE2_STREAM = {
    "doc": ("WordDocument",),
    "xls": ("Workbook", "Book"),
    "ppt": ("PowerPoint Document",),
}
OOXML_DIR = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}


def ekstensi(nama: str) -> str:
    """ "Laporan.Final.PDF" -> "pdf"; "" when the name has none."""
    base = nama.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base.strip(".") else ""


def _ooxml(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = z.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    for ext, folder in OOXML_DIR.items():
        if any(n.startswith(folder) for n in names):
            return ext
    return None


def _ole2(data: bytes) -> str | None:
    for ext, streams in OLE2_STREAM.items():
        if any(s.encode("utf-16-le") in data for s in streams):
            return ext
    return None


def jenis_isi(data: bytes) -> str | None:
    """The kind the content is ("pdf", "png", "jpeg", "docx", "doc" …), or None when it is none
    of the accepted kinds."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data.startswith(b"PK\x03\x04"):
        return _ooxml(data)
    if data.startswith(OLE2):
        return _ole2(data)
    return None


def periksa(nama: str, data: bytes, maks_byte: int) -> tuple[str | None, str | None]:
    """(MIME type, None) for an acceptable file; (None, the Indonesian message) otherwise."""
    ext = ekstensi(nama)
    if not data:
        return None, f"Berkas {nama} kosong."
    if len(data) > maks_byte:
        mb = f"{maks_byte / (1024 * 1024):g}".replace(".", ",")
        return None, f"Berkas {nama} terlalu besar ({_mb(len(data))} MB): paling besar {mb} MB."
    if ext not in TIPE:
        return None, f"Jenis berkas {nama} tidak diterima: unggah {DITERIMA}."
    isi = jenis_isi(data)
    if isi is None:
        return None, f"Isi berkas {nama} tidak dikenali sebagai {DITERIMA}."
    if isi != ("jpeg" if ext == "jpg" else ext):
        return None, (
            f"Isi berkas {nama} tidak sesuai dengan namanya: isinya {isi.upper()}, namanya .{ext}."
        )
    return TIPE[ext], None


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}".replace(".", ",")

"""Import of pegawai from a spreadsheet (XLSX or CSV): reading and row validation, no Flask.

The screen (admin.pegawai_impor) reads the upload with `baca_berkas`, asks the database which NIPs
already exist and which unit kerja are active, then calls `periksa`. Saving is the screen's job,
all valid rows in one transaction.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from webapp.domain.nip import nip_error
from webapp.domain.password import password_error
from webapp.domain.pilihan import JENIS_JABATAN, PANGKAT_GOLONGAN
from webapp.domain.pohon import membentuk_siklus
from webapp.services import xlsx
from webapp.services.xlsx import MAKS_KOLOM

MAKS_BARIS = 5000
MAKS_BYTE = 5 * 1024 * 1024

# Column key → the header names accepted for it (compared after `_kunci`).
KOLOM_WAJIB = {
    "nip": ("nip",),
    "nama": ("nama",),
    "jabatan": ("jabatan",),
    "jenis jabatan": ("jenis jabatan",),
    "pangkat/golongan": ("pangkat/golongan", "pangkat golongan", "golongan", "pangkat/gol"),
    "unit kerja": ("unit kerja",),
    "nip atasan": ("nip atasan", "nip atasan langsung"),
}
KOLOM_PILIHAN = {
    "jenjang": ("jenjang",),
    "password": ("password", "kata sandi"),
}


class BerkasError(ValueError):
    """The file as a whole cannot be read (wrong type, broken, too big, missing columns)."""


@dataclass
class BarisImpor:
    baris: int  # row number as the spreadsheet shows it (the header is row 1)
    nip: str
    nama: str
    jabatan: str
    jenis_jabatan: str
    jenjang: str
    pangkat_golongan: str
    unit_kerja_id: int | None
    nip_atasan: str
    password: str = ""


@dataclass
class GalatBaris:
    baris: int
    nip: str
    alasan: list[str]


@dataclass
class HasilPeriksa:
    valid: list[BarisImpor] = field(default_factory=list)
    galat: list[GalatBaris] = field(default_factory=list)


def _kunci(teks: str) -> str:
    return re.sub(r"\s+", " ", str(teks or "").replace("_", " ")).strip().lower()


def _sel(nilai) -> str:
    """A cell as text; an integer-valued number keeps all its digits."""
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        return str(nilai)
    if isinstance(nilai, int):
        return str(nilai)
    if isinstance(nilai, float):
        if nilai.is_integer() and abs(nilai) < 1e15:
            return str(int(nilai))
        return repr(nilai)  # an 18-digit NIP stored as a number has lost digits: refused later
    return str(nilai).strip()


def baca_berkas(nama_berkas: str, data: bytes) -> list[list[str]]:
    """The rows of an .xlsx or .csv file as lists of text, the header first."""
    if len(data) > MAKS_BYTE:
        raise BerkasError("Berkas terlalu besar (paling besar 5 MB).")
    akhiran = nama_berkas.lower().rsplit(".", 1)[-1] if "." in nama_berkas else ""
    if akhiran == "xlsx":
        rows = _baca_xlsx(data)
    elif akhiran == "csv":
        rows = _baca_csv(data)
    else:
        raise BerkasError("Jenis berkas harus .xlsx atau .csv.")
    if not rows:
        raise BerkasError("Berkas kosong.")
    if len(rows) - 1 > MAKS_BARIS:
        raise BerkasError(f"Paling banyak {MAKS_BARIS} baris per impor.")
    return rows


def _baca_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:  # before openpyxl, which parses a whole sheet to size it
        xlsx.periksa_batas(data, MAKS_BARIS + 1)
    except xlsx.BatasError as e:
        raise BerkasError(str(e)) from e
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for a broken file
        raise BerkasError("Berkas XLSX tidak dapat dibaca.") from e
    try:
        if not wb.worksheets:
            raise BerkasError("Berkas XLSX tidak berisi lembar kerja.")
        sheet = wb.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True, max_col=MAKS_KOLOM, max_row=MAKS_BARIS + 2):
            rows.append([_sel(v) for v in row])
        return rows
    finally:
        wb.close()


def _baca_csv(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if "\x00" in text:  # a binary file named .csv (PostgreSQL cannot store a NUL either)
        raise BerkasError("Berkas CSV tidak dapat dibaca: isinya bukan teks (berkas biner?).")
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    try:
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        return [[c.strip() for c in row] for row in reader]
    except csv.Error as e:  # a cell over the csv module's field limit (131,072 characters)
        raise BerkasError(
            f"Berkas CSV tidak dapat dibaca di baris {reader.line_num}: "
            "ada sel yang terlalu panjang atau tanda kutip yang tidak ditutup."
        ) from e


def petakan_kolom(header: list[str]) -> dict[str, int]:
    """Column key → index; BerkasError listing every required column that is missing."""
    posisi = {_kunci(h): i for i, h in reversed(list(enumerate(header)))}
    peta: dict[str, int] = {}
    for kunci, nama in (KOLOM_WAJIB | KOLOM_PILIHAN).items():
        for n in nama:
            if n in posisi:
                peta[kunci] = posisi[n]
                break
    hilang = [k for k in KOLOM_WAJIB if k not in peta]
    if hilang:
        raise BerkasError(
            "Kolom berikut tidak ada di baris judul: "
            + ", ".join(hilang)
            + ". Baris pertama harus berisi: "
            + ", ".join(KOLOM_WAJIB)
            + "."
        )
    return peta


def normal_golongan(teks: str) -> str | None:
    """ "iii/A", "Penata Muda, III/a" → "III/a"; None when it is no known golongan."""
    kode = teks.rsplit(",", 1)[-1].strip().replace(" ", "")
    if "/" not in kode:
        return None
    romawi, huruf = kode.split("/", 1)
    kode = f"{romawi.upper()}/{huruf.lower()}"
    return kode if kode in PANGKAT_GOLONGAN else None


def normal_jenis(teks: str) -> tuple[str, str] | None:
    """ "JA" → ("JA", ""); "JPT Pratama" → ("JPT", "JPT Pratama"); None when unknown."""
    t = re.sub(r"\s+", " ", teks).strip()
    kepala = t.split(" ", 1)[0].upper()
    if kepala not in JENIS_JABATAN:
        return None
    if t.upper() == kepala:
        return kepala, ""
    if kepala == "JPT":
        return "JPT", "JPT " + t.split(" ", 1)[1].strip().title()
    return None


def periksa(rows: list[list[str]], nip_di_db: set[str], unit: dict[str, list[int]]) -> HasilPeriksa:
    """Validate every data row.

    rows: the header then data rows; nip_di_db: NIPs that already exist (among those named in the
    file); unit: active unit kerja by `_kunci(nama)` → ids (two ids: the name is ambiguous).
    """
    peta = petakan_kolom(rows[0])

    def ambil(row: list[str], kunci: str) -> str:
        i = peta.get(kunci)
        return row[i].strip() if i is not None and i < len(row) else ""

    kandidat: list[tuple[BarisImpor, list[str]]] = []
    nomor_nip: dict[str, int] = {}
    semua_nomor: dict[str, list[int]] = {}
    for nomor, row in enumerate(rows[1:], start=2):
        semua_nomor.setdefault(ambil(row, "nip").replace(" ", ""), []).append(nomor)
    for nomor, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        alasan: list[str] = []
        nip = ambil(row, "nip").replace(" ", "")
        err = nip_error(nip) if nip else "NIP wajib diisi."
        if err:
            if "e+" in nip.lower():
                err += " Format kolom NIP di Excel sebagai Teks agar digitnya tidak berubah."
            alasan.append(err)
        elif nip in nip_di_db:
            alasan.append(f"NIP {nip} sudah terdaftar.")
        else:
            nomor_nip.setdefault(nip, nomor)
            if len(semua_nomor[nip]) > 1:
                daftar = ", ".join(str(n) for n in semua_nomor[nip])
                alasan.append(f"NIP {nip} muncul lebih dari sekali di berkas (baris {daftar}).")

        nama = ambil(row, "nama")
        if not nama:
            alasan.append("Nama wajib diisi.")
        elif len(nama) > 200:
            alasan.append("Nama paling banyak 200 karakter.")
        jabatan = ambil(row, "jabatan")
        if len(jabatan) > 200:
            alasan.append("Jabatan paling banyak 200 karakter.")

        jenis_teks = ambil(row, "jenis jabatan")
        jenis = normal_jenis(jenis_teks) if jenis_teks else None
        if jenis is None:
            alasan.append(
                f"Jenis jabatan “{jenis_teks}” tidak dikenal (JPT, JA atau JF)."
                if jenis_teks
                else "Jenis jabatan wajib diisi (JPT, JA atau JF)."
            )
        jenjang = ambil(row, "jenjang") or (jenis[1] if jenis else "")
        if len(jenjang) > 50:
            alasan.append("Jenjang paling banyak 50 karakter.")

        gol_teks = ambil(row, "pangkat/golongan")
        golongan = ""
        if gol_teks:
            golongan = normal_golongan(gol_teks) or ""
            if not golongan:
                alasan.append(f"Pangkat/golongan “{gol_teks}” tidak dikenal (contoh: III/a).")

        unit_teks = ambil(row, "unit kerja")
        unit_id = None
        if unit_teks:
            ids = unit.get(_kunci(unit_teks), [])
            if not ids:
                alasan.append(f"Unit kerja “{unit_teks}” tidak ditemukan.")
            elif len(ids) > 1:
                alasan.append(f"Nama unit kerja “{unit_teks}” dipakai lebih dari satu unit.")
            else:
                unit_id = ids[0]

        nip_atasan = ambil(row, "nip atasan").replace(" ", "")
        if nip_atasan and nip_atasan == nip:
            alasan.append("NIP atasan tidak boleh NIP pegawai itu sendiri.")

        password = ambil(row, "password")
        sel = peta.get("password")
        if sel is not None and sel < len(row) and row[sel]:  # only spaces: refused, not "none"
            alasan.extend(filter(None, [password_error(password)]))

        data = BarisImpor(
            baris=nomor,
            nip=nip,
            nama=nama,
            jabatan=jabatan,
            jenis_jabatan=jenis[0] if jenis else "",
            jenjang=jenjang,
            pangkat_golongan=golongan,
            unit_kerja_id=unit_id,
            nip_atasan=nip_atasan,
            password=password,
        )
        kandidat.append((data, alasan))

    # An atasan must exist in the database or be a valid row of this file; a row whose atasan
    # row is refused is refused too; no row may close a loop of atasan (the forms' rule, row by
    # row in file order). Repeat until nothing changes.
    while True:
        sah = {d.nip for d, a in kandidat if not a}
        berubah = False
        for d, a in kandidat:
            if a or not d.nip_atasan or d.nip_atasan in nip_di_db or d.nip_atasan in sah:
                continue
            if d.nip_atasan in nomor_nip:
                a.append(
                    f"NIP atasan {d.nip_atasan} ada di baris {nomor_nip[d.nip_atasan]} "
                    "yang tidak dapat diimpor."
                )
            else:
                a.append(f"NIP atasan {d.nip_atasan} tidak ditemukan di database maupun di berkas.")
            berubah = True
        berubah = _tolak_lingkaran(kandidat) or berubah
        if not berubah:
            break

    hasil = HasilPeriksa()
    for d, a in kandidat:
        if a:
            hasil.galat.append(GalatBaris(d.baris, d.nip, a))
        else:
            hasil.valid.append(d)
    return hasil


def _tolak_lingkaran(kandidat: list[tuple[BarisImpor, list[str]]]) -> bool:
    """Refuse each row whose atasan closes a loop with the rows accepted before it.

    Only rows of the file can form a loop: a row's NIP is never in the database (it is refused
    as "sudah terdaftar"), so no pegawai of the database names one of them as atasan.
    """
    atasan_of: dict[str, str | None] = {}
    berubah = False
    for d, a in kandidat:
        if a or not d.nip_atasan:
            continue
        if membentuk_siklus(d.nip, d.nip_atasan, atasan_of):
            rantai, n = [d.nip, d.nip_atasan], d.nip_atasan
            while n != d.nip and n in atasan_of and len(rantai) <= len(atasan_of) + 1:
                n = atasan_of[n]
                rantai.append(n)
            a.append(
                f"NIP atasan {d.nip_atasan} membentuk lingkaran atasan ("
                + " → ".join(rantai)
                + "): pilih atasan lain."
            )
            berubah = True
        else:
            atasan_of[d.nip] = d.nip_atasan
    return berubah


def nip_disebut(rows: list[list[str]]) -> set[str]:
    """Every NIP and NIP atasan the file names (to ask the database which exist)."""
    peta = petakan_kolom(rows[0])
    nips = set()
    for row in rows[1:]:
        for kunci in ("nip", "nip atasan"):
            i = peta[kunci]
            if i < len(row) and row[i].strip():
                nips.add(row[i].strip().replace(" ", ""))
    return nips


def kunci_unit(nama: str) -> str:
    return _kunci(nama)

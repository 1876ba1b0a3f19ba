"""Import of pegawai: reading XLSX/CSV and validating every row, without Flask."""

import io

import pytest
from openpyxl import Workbook

from webapp.services.impor import (
    BerkasError,
    baca_berkas,
    nip_disebut,
    normal_golongan,
    normal_jenis,
    periksa,
)

HEADER = ["NIP", "Nama", "Jabatan", "Jenis Jabatan", "Pangkat/Golongan", "Unit Kerja", "NIP Atasan"]
ATASAN = "197202281999121001"
A = "199111232019031005"
B = "199009062014022001"
UNIT = {"direktorat kinerja asn": [7], "biro umum": [3, 4]}


def row(
    nip=A,
    nama="IRDIAN",
    jabatan="Pranata Komputer",
    jenis="JF",
    gol="III/a",
    unit="Direktorat Kinerja ASN",
    atasan=ATASAN,
):
    return [nip, nama, jabatan, jenis, gol, unit, atasan]


def test_valid_rows_are_returned_with_normalised_values():
    hasil = periksa(
        [HEADER, row(gol="iii/A"), row(nip=B, jenis="ja", gol="", atasan="")], {ATASAN}, UNIT
    )
    assert hasil.galat == []
    assert [
        (v.baris, v.nip, v.jenis_jabatan, v.pangkat_golongan, v.unit_kerja_id) for v in hasil.valid
    ] == [
        (2, A, "JF", "III/a", 7),
        (3, B, "JA", "", 7),
    ]
    assert hasil.valid[0].nip_atasan == ATASAN and hasil.valid[1].nip_atasan == ""


def test_headers_are_case_insensitive_and_in_any_order():
    header = ["unit kerja", "NAMA", "nip", "JABATAN", "jenis_jabatan", "golongan", "Nip Atasan"]
    hasil = periksa(
        [header, ["Direktorat Kinerja ASN", "X", A, "Analis", "JA", "II/b", ""]], set(), UNIT
    )
    assert (
        hasil.galat == []
        and hasil.valid[0].nama == "X"
        and hasil.valid[0].pangkat_golongan == "II/b"
    )


def test_missing_columns_are_listed():
    with pytest.raises(BerkasError) as e:
        periksa([["NIP", "Nama", "Jabatan"], [A, "X", "Y"]], set(), UNIT)
    message = str(e.value)
    for kolom in ("jenis jabatan", "pangkat/golongan", "unit kerja", "nip atasan"):
        assert kolom in message
    assert "Kolom berikut tidak ada" in message


def test_each_error_is_reported_by_row_number_with_its_reason():
    rows = [
        HEADER,
        row(nip="12345"),  # 2: format
        row(nip=ATASAN),  # 3: already in the database
        row(jenis="Eselon"),  # 4: unknown jenis jabatan
        row(nip=B, gol="V/z"),  # 5: unknown golongan
        row(nip="198806142010122003", unit="Dinas Entah"),  # 6: unknown unit
        row(nip="198511302009011004", atasan="196805171994031002"),  # 7: atasan nowhere
        row(nip="196805171994031099", unit="Biro Umum"),  # 8: ambiguous unit name
        ["", "", "", "", "", "", ""],  # empty rows are skipped
        row(nip="198511302009011005", nama=""),  # 10: nama required
    ]
    hasil = periksa(rows, {ATASAN}, UNIT)
    assert hasil.valid == []
    by_row = {g.baris: " ".join(g.alasan) for g in hasil.galat}
    assert sorted(by_row) == [2, 3, 4, 5, 6, 7, 8, 10]
    assert "18 digit" in by_row[2]
    assert "sudah terdaftar" in by_row[3]
    assert "Jenis jabatan “Eselon” tidak dikenal" in by_row[4]
    assert "Pangkat/golongan “V/z” tidak dikenal" in by_row[5]
    assert "Unit kerja “Dinas Entah” tidak ditemukan" in by_row[6]
    assert "tidak ditemukan di database maupun di berkas" in by_row[7]
    assert "lebih dari satu unit" in by_row[8]
    assert "Nama wajib diisi" in by_row[10]


def test_duplicate_nip_in_file_refuses_every_copy():
    hasil = periksa([HEADER, row(), row(nama="LAIN"), row(nip=B)], {ATASAN}, UNIT)
    assert [v.nip for v in hasil.valid] == [B]
    assert [g.baris for g in hasil.galat] == [2, 3]
    assert "muncul lebih dari sekali di berkas (baris 2, 3)" in hasil.galat[0].alasan[0]


def test_atasan_may_be_a_row_of_the_same_file():
    rows = [HEADER, row(nip=A, atasan=B), row(nip=B, jenis="JPT Pratama", atasan="")]
    hasil = periksa(rows, set(), UNIT)
    assert hasil.galat == []
    assert hasil.valid[1].jenis_jabatan == "JPT" and hasil.valid[1].jenjang == "JPT Pratama"


def test_a_row_whose_atasan_row_is_refused_is_refused_too():
    rows = [HEADER, row(nip=A, atasan=B), row(nip=B, gol="X/x", atasan="")]
    hasil = periksa(rows, set(), UNIT)
    assert hasil.valid == []
    alasan = {g.baris: " ".join(g.alasan) for g in hasil.galat}
    assert "ada di baris 3 yang tidak dapat diimpor" in alasan[2]


def test_self_as_atasan_and_short_password_are_refused():
    header = HEADER + ["Password"]
    hasil = periksa([header, row(atasan=A) + ["pendek"]], set(), UNIT)
    assert "NIP atasan tidak boleh NIP pegawai itu sendiri." in hasil.galat[0].alasan
    assert "Password minimal 8 karakter." in hasil.galat[0].alasan


def test_password_column_is_optional_and_carried():
    hasil = periksa([HEADER + ["password"], row() + ["rahasia-123"]], {ATASAN}, UNIT)
    assert hasil.valid[0].password == "rahasia-123"


def test_normalisers():
    assert normal_golongan("Penata Muda, III/a") == "III/a"
    assert normal_golongan("iv/E") == "IV/e"
    assert normal_golongan("III") is None
    assert normal_jenis("jf") == ("JF", "")
    assert normal_jenis("JPT Madya") == ("JPT", "JPT Madya")
    assert normal_jenis("JA Lain") is None
    assert normal_jenis("Eselon II") is None


def _xlsx(rows) -> bytes:
    wb = Workbook()
    for r in rows:
        wb.active.append(r)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_reads_xlsx_cells_as_text():
    rows = baca_berkas("pegawai.XLSX", _xlsx([HEADER, [A, "IRDIAN", None, "JF", 3, "", ""]]))
    assert rows[1][:5] == [A, "IRDIAN", "", "JF", "3"]


def test_a_nip_stored_as_a_number_is_refused_with_a_hint():
    # Excel keeps numbers as doubles: an 18-digit NIP typed as a number has lost digits.
    rows = baca_berkas("p.xlsx", _xlsx([HEADER, [int(A), "X", "", "JF", "", "", ""]]))
    hasil = periksa(rows, set(), UNIT)
    assert "Format kolom NIP di Excel sebagai Teks" in hasil.galat[0].alasan[0]


def test_reads_csv_with_comma_or_semicolon_and_a_bom():
    data = ("\ufeff" + ";".join(HEADER) + "\n" + ";".join(row()) + "\n").encode("utf-8")
    assert baca_berkas("a.csv", data)[1][0] == A
    data = (",".join(HEADER) + "\r\n" + ",".join(row()) + "\r\n").encode("utf-8")
    assert baca_berkas("a.csv", data)[0] == HEADER


def test_unreadable_files_are_refused():
    with pytest.raises(BerkasError, match="xlsx atau .csv"):
        baca_berkas("a.xls", b"x")
    with pytest.raises(BerkasError, match="tidak dapat dibaca"):
        baca_berkas("a.xlsx", b"not a zip")
    with pytest.raises(BerkasError, match="kosong"):
        baca_berkas("a.csv", b"")


def test_nip_disebut_lists_nips_and_atasan():
    assert nip_disebut([HEADER, row(), row(nip=B, atasan="")]) == {A, B, ATASAN}


# --- issue 6, point 10: cycles of atasan, and XLSX files that unpack to millions of cells -----

C = "198806142010122003"


def test_two_rows_naming_each_other_as_atasan_are_refused():
    hasil = periksa([HEADER, row(nip=A, atasan=B), row(nip=B, atasan=A)], set(), UNIT)
    assert hasil.valid == []
    alasan = {g.baris: " ".join(g.alasan) for g in hasil.galat}
    assert f"NIP atasan {A} membentuk lingkaran atasan ({B} → {A} → {B})" in alasan[3]
    assert f"NIP atasan {B} ada di baris 3 yang tidak dapat diimpor" in alasan[2]


def test_a_longer_loop_and_a_row_hanging_on_it_are_refused():
    rows = [
        HEADER,
        row(nip=A, atasan=B),
        row(nip=B, atasan=C),
        row(nip=C, atasan=A),  # closes A → B → C → A
        row(nip="198511302009011004", atasan=A),  # below the loop
        row(nip="196805171994031002", atasan=ATASAN),  # an ordinary row
    ]
    hasil = periksa(rows, {ATASAN}, UNIT)
    assert [v.nip for v in hasil.valid] == ["196805171994031002"]
    alasan = {g.baris: " ".join(g.alasan) for g in hasil.galat}
    assert f"membentuk lingkaran atasan ({C} → {A} → {B} → {C})" in alasan[4]
    assert sorted(alasan) == [2, 3, 4, 5]


def test_a_chain_through_the_file_and_the_database_is_accepted():
    rows = [HEADER, row(nip=A, atasan=B), row(nip=B, atasan=C), row(nip=C, atasan=ATASAN)]
    hasil = periksa(rows, {ATASAN}, UNIT)
    assert hasil.galat == [] and len(hasil.valid) == 3


def _xlsx_with_sheet(sheet_xml_chunks) -> bytes:
    """A real workbook whose first sheet's XML is replaced by the given chunks (streamed into
    the zip, so a sheet of hundreds of MB is built without holding it in memory)."""
    import zipfile

    base = zipfile.ZipFile(io.BytesIO(_xlsx([HEADER])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for info in base.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                with z.open(info.filename, "w", force_zip64=True) as f:
                    f.write(
                        b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://'
                        b'schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                    )
                    for chunk in sheet_xml_chunks:
                        f.write(chunk)
                    f.write(b"</sheetData></worksheet>")
            else:
                z.writestr(info, base.read(info.filename))
    return out.getvalue()


def test_an_xlsx_of_20_million_empty_cells_is_refused_before_it_is_read():
    import time

    row_xml = b"<row>" + b"<c/>" * 20 + b"</row>"
    chunk = row_xml * 10_000
    data = _xlsx_with_sheet(chunk for _ in range(100))  # 1,000,000 rows × 20 cells
    assert len(data) < 1024 * 1024  # under a megabyte on the wire
    start = time.monotonic()
    with pytest.raises(BerkasError, match="terlalu besar setelah dibuka") as e:
        baca_berkas("bom.xlsx", data)
    assert time.monotonic() - start < 2
    assert "paling besar 16 MB" in str(e.value)


def test_a_row_of_too_many_cells_is_refused_quickly():
    """One row of 100,000 empty cells (400 KB unpacked) would take openpyxl minutes."""
    import time

    data = _xlsx_with_sheet([b"<row>" + b"<c/>" * 100_000 + b"</row>"])
    start = time.monotonic()
    with pytest.raises(BerkasError, match="Baris 1 lembar kerja berisi lebih dari 50 kolom"):
        baca_berkas("lebar.xlsx", data)
    assert time.monotonic() - start < 2


def test_too_many_rows_are_refused_while_streaming():
    data = _xlsx_with_sheet([b"<row><c/></row>" * 6000])
    with pytest.raises(BerkasError, match="lebih dari 5000 baris data"):
        baca_berkas("panjang.xlsx", data)


def test_a_normal_xlsx_with_a_few_empty_columns_still_reads():
    wide = [*HEADER, *[""] * 10, "catatan"]
    rows = baca_berkas("p.xlsx", _xlsx([wide, row()]))
    assert rows[0][:7] == HEADER and rows[1][0] == A

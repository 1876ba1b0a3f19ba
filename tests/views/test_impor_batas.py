"""Import holes (issue 6, point 10) through the screen: a CSV whose rows name each other as atasan
saves none of the loop, and an XLSX that unpacks to millions of cells is refused with a message."""

import io

from sqlalchemy import func, select

from tests.unit.test_impor import _xlsx_with_sheet
from webapp.extensions import db
from webapp.models import Pegawai

HEADER = "NIP;Nama;Jabatan;Jenis Jabatan;Pangkat/Golongan;Unit Kerja;NIP Atasan"
A, B = "199111232019031005", "199009062014022001"


def _count():
    return db.session.scalar(select(func.count()).select_from(Pegawai))


def test_a_csv_where_a_names_b_and_b_names_a_saves_neither(world, login):
    before = _count()
    lines = [HEADER, f"{A};IRDIAN;X;JF;III/a;;{B}", f"{B};FITRIANI;X;JA;II/c;;{A}"]
    berkas = (io.BytesIO("\n".join(lines).encode()), "pegawai.csv")
    r = login(world.admin).post("/admin/pegawai/impor", data={"berkas": berkas})
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "0 pegawai diimpor, 2 baris ditolak." in html
    assert f"membentuk lingkaran atasan ({B} → {A} → {B})" in html
    assert _count() == before


def test_an_xlsx_bomb_is_refused_by_the_field(world, login):
    before = _count()
    data = _xlsx_with_sheet((b"<row>" + b"<c/>" * 20 + b"</row>") * 10_000 for _ in range(100))
    berkas = (io.BytesIO(data), "pegawai.xlsx")
    r = login(world.admin).post("/admin/pegawai/impor", data={"berkas": berkas})
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "Isi berkas XLSX terlalu besar setelah dibuka" in html
    assert _count() == before

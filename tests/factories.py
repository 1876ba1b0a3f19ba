"""Small factories that build what a record needs (owner, unit, atasan) on demand."""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal

from webapp.extensions import db
from webapp.models import (
    Indikator,
    IndikatorSasaran,
    Pegawai,
    PerjanjianKinerja,
    ProgramPK,
    RencanaHasilKerja,
    SasaranStrategis,
    UnitKerja,
)
from webapp.services.skp import new_skp

PASSWORD = "rahasia-123"
_seq = itertools.count(1)


def next_nip(gender: str = "1") -> str:
    """A valid, unique NIP: born 1 Jan 1980, TMT CPNS Jan 2005."""
    return f"19800101200501{gender}{next(_seq) % 1000:03d}"


def make_unit(nama: str = "Direktorat Uji", parent: UnitKerja | None = None) -> UnitKerja:
    unit = UnitKerja(nama=nama, parent=parent)
    db.session.add(unit)
    db.session.flush()
    return unit


def make_pegawai(
    nama: str | None = None,
    jenis: str = "JA",
    atasan: Pegawai | None = None,
    unit: UnitKerja | None = None,
    **fields,
) -> Pegawai:
    nip = fields.pop("nip", None) or next_nip()
    unit = unit or make_unit()
    if fields.get("is_operator"):  # an operator manages their own unit unless told otherwise
        fields.setdefault("unit_kelola", unit)
    p = Pegawai(
        nip=nip,
        nama=nama or f"PEGAWAI {nip[-3:]}",
        jabatan=fields.pop("jabatan", "Analis"),
        jenis_jabatan=jenis,
        pangkat_golongan=fields.pop("pangkat_golongan", "III/a"),
        unit_kerja=unit,
        atasan_langsung=atasan,
        **fields,
    )
    p.set_password(PASSWORD)
    db.session.add(p)
    db.session.flush()
    return p


def make_pk(owner: Pegawai | None = None, tahun: int = 2022, sasaran: int = 1) -> PerjanjianKinerja:
    owner = owner or make_pegawai(jenis="JPT")
    pk = PerjanjianKinerja(pegawai=owner, tahun=tahun)
    for i in range(1, sasaran + 1):
        s = SasaranStrategis(urutan=i, teks=f"Sasaran {i}")
        s.indikator = [
            IndikatorSasaran(
                urutan=1, teks=f"Indikator {i}.1", target=Decimal("4.3"), satuan="Nilai"
            ),
            IndikatorSasaran(
                urutan=2, teks=f"Indikator {i}.2", target=Decimal(86), satuan="Persen (%)"
            ),
        ]
        pk.sasaran.append(s)
    pk.program.append(ProgramPK(nama="Program Uji", anggaran=Decimal("1250000")))
    db.session.add(pk)
    db.session.flush()
    return pk


def make_skp(
    owner: Pegawai | None = None,
    jenis: str = "JPT",
    pendekatan: str = "kuantitatif",
    dari: date = date(2022, 3, 1),
    sampai: date = date(2022, 3, 31),
    rencana: int = 1,
    indikator: int = 1,
):
    owner = owner or make_pegawai(
        jenis="JPT" if jenis == "JPT" else "JF", atasan=make_pegawai(jenis="JPT")
    )
    skp = new_skp(owner, jenis, pendekatan, dari, sampai)
    for i in range(1, rencana + 1):
        r = RencanaHasilKerja(bagian="utama", urutan=i, teks=f"Rencana {i}")
        for j in range(1, indikator + 1):
            fields = {}
            if pendekatan == "kuantitatif" and jenis == "JPT":
                fields = dict(target=Decimal(j), satuan="Dokumen", perspektif="Proses Bisnis")
            elif pendekatan == "kuantitatif":
                fields = dict(target=Decimal(j), satuan="Dokumen", aspek="Kuantitas")
            r.indikator.append(Indikator(urutan=j, teks=f"Indikator {i}.{j}", **fields))
        skp.rencana.append(r)
    db.session.add(skp)
    db.session.flush()
    return skp


def make_matrik(rencana, jumlah_kolom: int = 3):
    """A leader's Matrik Peran Hasil on one of their results (level 1)."""
    from webapp.models import MatrikPeranHasil

    matrik = MatrikPeranHasil(rencana=rencana, jumlah_kolom=jumlah_kolom)
    db.session.add(matrik)
    db.session.flush()
    return matrik


def make_peran(matrik, pegawai, kolom: int = 1, jabatan_tim: str = "Anggota Tim", teks=None):
    from webapp.models import PeranHasil

    peran = PeranHasil(
        matrik=matrik,
        pegawai=pegawai,
        kolom=kolom,
        jabatan_tim=jabatan_tim,
        teks=teks or f"Peran {kolom} {pegawai.nama}",
    )
    db.session.add(peran)
    db.session.flush()
    return peran


def make_uraian(pegawai, teks: str = "Menyusun laporan", urutan: int = 1):
    from webapp.models import UraianJabatan

    uraian = UraianJabatan(pegawai=pegawai, teks=teks, urutan=urutan)
    db.session.add(uraian)
    db.session.flush()
    return uraian


def ubah_pegawai_data(p: Pegawai, **changes) -> dict:
    """The admin's Ubah form as the browser posts it for `p` (roles kept), with `changes`."""
    data = {
        "nip": p.nip,
        "nama": p.nama,
        "jabatan": p.jabatan,
        "jenis_jabatan": p.jenis_jabatan,
        "jenjang": p.jenjang,
        "pangkat_golongan": p.pangkat_golongan,
        "unit_kerja": str(p.unit_kerja_id or ""),
        "atasan_langsung": p.atasan_langsung.nip if p.atasan_langsung else "",
        "version": str(p.version_id),
        "password": "",
    }
    if p.is_admin:
        data["is_admin"] = "y"
    if p.is_operator:
        data["is_operator"] = "y"
    data.update(changes)
    return data


def tanpa_penilai(skp):
    """An SKP whose perilaku aspects have no penilai yet (new_skp starts them with the Atasan
    Langsung; an SKP made while the owner had none, or older data, has this state)."""
    for p in skp.perilaku:
        p.penilai_peran, p.penilai = None, None
    db.session.flush()
    return skp


def profil_data(user: Pegawai, **changes) -> dict:
    """Ubah Profile as the page sends it, unchanged, with the right password, plus `changes`."""
    data = {
        "konfirmasi_password": PASSWORD,
        "rekan_kerja": [str(p.id) for p in user.rekan],
        "bawahan": [str(p.id) for p in user.bawahan_lain],
        "rekan_kerja_tambah": "",
        "bawahan_tambah": "",
        "atasan_langsung": user.atasan_langsung.nip if user.atasan_langsung else "",
        "atasan_ii": user.atasan_ii.nip if user.atasan_ii else "",
        "atasan_iii": user.atasan_iii.nip if user.atasan_iii else "",
        "unit_kerja": str(user.unit_kerja_id or ""),
        "jabatan": user.jabatan,
        "version": str(user.version_id),
    }
    data.update(changes)
    return data


def disetujui(skp):
    """An SKP the Pejabat Penilai approved (realisasi, 360 and evaluation need it)."""
    skp.status = "disetujui"
    db.session.flush()
    return skp


def make_evaluasi(skp, kode: str = "tw1", predikat: str | None = "baik", predikat_at=None, **f):
    """An Evaluasi of the SKP in the period `kode` (its row made as the first write would)."""
    from webapp.domain.predikat import MATRIKS
    from webapp.domain.tanggal import sekarang
    from webapp.models import Evaluasi
    from webapp.services import periode_penilaian

    periode, _ = periode_penilaian.pilih(skp, kode)
    ratings = next((k for k, v in MATRIKS.items() if v == predikat), (None, None))
    evaluasi = Evaluasi(
        skp=skp,
        periode=periode_penilaian.baris(periode),
        capaian_organisasi=f.pop("capaian_organisasi", "baik"),
        rating_hasil=f.pop("rating_hasil", ratings[0]),
        rating_perilaku=f.pop("rating_perilaku", ratings[1]),
        predikat=predikat,
        predikat_at=predikat_at or (sekarang() if predikat else None),
        **f,
    )
    db.session.add(evaluasi)
    db.session.flush()
    return evaluasi


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def ooxml(folder: str = "word/") -> bytes:
    """A minimal OOXML package: [Content_Types].xml and one part under `folder`."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(folder + "document.xml", "<doc/>")
    return buf.getvalue()


def ole2(stream: str = "WordDocument") -> bytes:
    """The start of a legacy Office (OLE2) file whose directory names `stream`."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + stream.encode("utf-16-le")

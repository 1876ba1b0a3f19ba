"""Closed lists of values the forms offer (satuan, perspektif, aspek, pangkat …)."""

SATUAN = (
    "Dokumen",
    "Laporan",
    "Persen (%)",
    "Nilai",
    "Indeks",
    "Kegiatan",
    "Orang",
    "Unit",
    "Hari",
    "Bulan",
    "Rupiah",
    "Paket",
    "Rekomendasi",
    "Aplikasi",
)

PERSPEKTIF = ("Penerima Layanan", "Proses Bisnis", "Penguatan Internal", "Anggaran")

ASPEK = ("Kuantitas", "Kualitas", "Waktu", "Biaya")

JENIS_JABATAN = ("JPT", "JA", "JF")

JENIS_IKU = ("Outcome", "Output kendali rendah", "Output kendali sedang")

PERIODE_PELAPORAN = ("Bulanan", "Triwulan", "Semesteran", "Tahunan")

PANGKAT_GOLONGAN = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}


def pangkat_label(golongan: str) -> str:
    """ "III/a" → "Penata Muda, III/a"; unknown codes are shown as they are."""
    nama = PANGKAT_GOLONGAN.get(golongan)
    return f"{nama}, {golongan}" if nama else golongan

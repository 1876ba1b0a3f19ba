"""The seven BerAKHLAK aspects of Perilaku Kerja with their three guides (rules.md §3)."""

from typing import NamedTuple


class Aspek(NamedTuple):
    nomor: int
    nama: str
    panduan: tuple[str, str, str]


BERAKHLAK = (
    Aspek(
        1,
        "BERORIENTASI PELAYANAN",
        (
            "Memahami dan memenuhi kebutuhan masyarakat",
            "Ramah, cekatan, solutif, dan dapat diandalkan",
            "Melakukan perbaikan tiada henti",
        ),
    ),
    Aspek(
        2,
        "AKUNTABEL",
        (
            "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan "
            "berintegritas tinggi",
            "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, "
            "dan efisien",
            "Tidak menyalahgunakan kewenangan jabatan",
        ),
    ),
    Aspek(
        3,
        "KOMPETEN",
        (
            "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
            "Membantu orang lain belajar",
            "Melaksanakan tugas dengan kualitas terbaik",
        ),
    ),
    Aspek(
        4,
        "HARMONIS",
        (
            "Menghargai setiap orang apapun latar belakangnya",
            "Suka menolong orang lain",
            "Membangun lingkungan kerja yang kondusif",
        ),
    ),
    Aspek(
        5,
        "LOYAL",
        (
            "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia "
            "Tahun 1945, setia kepada Negara Kesatuan Republik Indonesia serta pemerintahan "
            "yang sah",
            "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara",
            "Menjaga rahasia jabatan dan negara",
        ),
    ),
    Aspek(
        6,
        "ADAPTIF",
        (
            "Cepat menyesuaikan diri menghadapi perubahan",
            "Terus berinovasi dan mengembangkan kreativitas",
            "Bertindak proaktif",
        ),
    ),
    Aspek(
        7,
        "KOLABORATIF",
        (
            "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
            "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
            "Menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama",
        ),
    ),
)

PERAN_PENILAI = {"atasan": "Atasan", "bawahan": "Bawahan", "rekan": "Rekan Kerja"}


def aspek(nomor: int) -> Aspek:
    return BERAKHLAK[nomor - 1]

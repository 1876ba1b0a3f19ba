"""The kinds of SKP (JPT, JA/JF) as plain data: one engine reads them, no kind is a code path.

A JenisSkp says who owns the kind, how its menu and plan are titled, which columns its plan has
per pendekatan, where a Kinerja Utama's Salin copies from, and which indicator fields apply.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class JenisSkp:
    kode: str  # Skp.jenis: "JPT" or "JAJF"
    role: str  # the role that owns it (webapp.services.access.has_role)
    endpoint: str  # the blueprint's name
    url_prefix: str
    judul: str  # "JPT", "JA/JF": in titles ("RENCANA SKP JPT …")
    menu: str  # the manual's menu title
    # The plan's columns in the model kuantitatif (the kualitatif model is the same for all).
    kolom_kuantitatif: tuple[str, ...]
    # Section heads per pendekatan: (utama, tambahan).
    bagian_kuantitatif: tuple[str, str]
    # Where Salin of a Kinerja Utama copies from: "pk" (the Perjanjian Kinerja's sasaran) or
    # "mph" (the roles given in the Matrik Peran Hasil and the atasan's results).
    salin_utama: str
    perspektif: bool  # indicators carry a perspektif (JPT)
    aspek_semua: bool  # every indicator carries an aspek (JA/JF); else only Kinerja Tambahan's
    intervensi: bool  # a result names the leader's result it intervenes

    def bagian(self, pendekatan: str) -> tuple[str, str]:
        if pendekatan == "kualitatif":
            return BAGIAN_KUALITATIF
        return self.bagian_kuantitatif

    def kolom(self, pendekatan: str, view: str) -> tuple[str, ...]:
        """The plan's column heads as the manual shows them on the owner's ("owner"), the
        atasan's ("atasan") and the operator's ("review") screen."""
        kuantitatif = pendekatan == "kuantitatif"
        kolom = list(self.kolom_kuantitatif if kuantitatif else KOLOM_KUALITATIF)
        if not kuantitatif and view == "owner":
            kolom.append("EDIT / HAPUS")
        if view == "realisasi":  # the realisasi table (owner, Pejabat Penilai, Atasan II)
            return (*kolom, *KOLOM_REALISASI)
        if view != "atasan":
            kolom.append(
                "Manual Indikator" if kuantitatif and view == "owner" else "MANUAL INDIKATOR"
            )
        return tuple(kolom)

    def aspek_on(self, bagian: str) -> bool:
        """Whether an indicator of this section has an aspek (and a Target Range)."""
        return self.aspek_semua or bagian == "tambahan"


BAGIAN = ("utama", "tambahan")
BAGIAN_KUALITATIF = ("A. UTAMA", "B. TAMBAHAN")
KOLOM_KUALITATIF = ("NO", "HASIL KERJA")
KOLOM_REALISASI = (
    "REALISASI BERDASARKAN BUKTI DUKUNG",
    "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
)

JPT = JenisSkp(
    kode="JPT",
    role="jpt",
    endpoint="skp_jpt",
    url_prefix="/skp-jpt",
    judul="JPT",
    menu="Rencana SKP JPT",
    kolom_kuantitatif=(
        "NO",
        "RENCANA KINERJA",
        "INDIKATOR KINERJA INDIVIDU",
        "TARGET",
        "PERSPEKTIF",
    ),
    bagian_kuantitatif=("A. KINERJA UTAMA", "B. KINERJA TAMBAHAN"),
    salin_utama="pk",
    perspektif=True,
    aspek_semua=False,
    intervensi=False,
)

JAJF = JenisSkp(
    kode="JAJF",
    role="jajf",
    endpoint="skp_jajf",
    url_prefix="/skp-jajf",
    judul="JA/JF",
    menu="Rencana SKP JA/JF",
    kolom_kuantitatif=(
        "NO",
        "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
        "RENCANA HASIL KERJA",
        "ASPEK",
        "INDIKATOR KINERJA INDIVIDU",
        "TARGET",
    ),
    bagian_kuantitatif=("A. UTAMA", "B. KINERJA TAMBAHAN"),
    salin_utama="mph",
    perspektif=False,
    aspek_semua=True,
    intervensi=True,
)

SEMUA = (JPT, JAJF)
BY_KODE = {j.kode: j for j in SEMUA}
BY_ENDPOINT = {j.endpoint: j for j in SEMUA}


def jenis_skp(kode: str) -> JenisSkp:
    return BY_KODE[kode]

"""The demo agency of shared/spec/demo-cast.md, as the manual's screens show it."""

from datetime import date
from decimal import Decimal

from webapp.extensions import db
from webapp.models import (
    Indikator,
    IndikatorSasaran,
    MatrikPeranHasil,
    Pegawai,
    PenilaianPerilaku,
    PeranHasil,
    PeriodePenilaian,
    PerjanjianKinerja,
    Realisasi,
    RencanaHasilKerja,
    RiwayatStatus,
    SasaranStrategis,
    UnitKerja,
    UraianJabatan,
)
from webapp.services.skp import new_skp

DEMO_PASSWORD = "kinerja2022"

PK_2021 = [
    (
        "Meningkatnya pelaksanaan area perubahan manajemen perubahan, penguatan organisasi dan "
        "penataan tata laksana dan kapasitas organisasi Setjen MPR RI",
        [
            ("Nilai manajemen Perubahan", "4.3", "Nilai"),
            ("Nilai Penataan dan Penguatan organisasi", "4.29", "Nilai"),
            ("Nilai penataan tatalaksana", "3.27", "Nilai"),
            ("Nilai Kapasitas Organisasi Setjen MPR RI", "4.54", "Nilai"),
        ],
    ),
    (
        "Meningkatnya pelaksanaan area perubahan penataan Sistem Manajemen SDM",
        [("Nilai penataan Sistem Manajemen SDM", "12.67", "Nilai")],
    ),
    (
        "Meningkatnya Pelaksanaan area perubahan Penataan Peraturan perundang-undangan",
        [("Nilai Penataan Peraturan perundang-undangan", "4.58", "Nilai")],
    ),
    (
        "Terselenggaranya Layanan Internal Biro SDM, Organisasi dan Hukum",
        [
            (
                "Tingkat pemenuhan layanan Internal Biro Administrasi dan pengawasan",
                "86",
                "Persen (%)",
            )
        ],
    ),
]


def _pk(pegawai, tahun, sasaran_list):
    pk = PerjanjianKinerja(pegawai=pegawai, tahun=tahun)
    for i, (teks, indikator) in enumerate(sasaran_list, start=1):
        sasaran = SasaranStrategis(urutan=i, teks=teks)
        for j, (iteks, target, satuan) in enumerate(indikator, start=1):
            sasaran.indikator.append(
                IndikatorSasaran(urutan=j, teks=iteks, target=Decimal(target), satuan=satuan)
            )
        pk.sasaran.append(sasaran)
    db.session.add(pk)
    return pk


def _rencana(skp, bagian, urutan, teks, indikator, **links):
    rencana = RencanaHasilKerja(bagian=bagian, urutan=urutan, teks=teks, **links)
    for i, fields in enumerate(indikator, start=1):
        rencana.indikator.append(Indikator(urutan=i, **fields))
    skp.rencana.append(rencana)
    return rencana


def load_demo() -> None:
    bkn = UnitKerja(nama="Badan Kepegawaian Negara")
    deputi_unit = UnitKerja(nama="Kedeputian Bidang Pembinaan Manajemen Kepegawaian", parent=bkn)
    direktorat = UnitKerja(nama="Direktorat Kinerja Aparatur Sipil Negara", parent=deputi_unit)
    db.session.add_all([bkn, deputi_unit, direktorat])

    def pegawai(nip, nama, jabatan, jenis, jenjang, gol, unit, atasan=None, **roles):
        p = Pegawai(
            nip=nip,
            nama=nama,
            jabatan=jabatan,
            jenis_jabatan=jenis,
            jenjang=jenjang,
            pangkat_golongan=gol,
            unit_kerja=unit,
            atasan_langsung=atasan,
            **roles,
        )
        p.set_password(DEMO_PASSWORD)
        db.session.add(p)
        return p

    haryomo = pegawai(
        "196805171994031002",
        "Drs. HARYOMO DWI PUTRANTO, S.Pd., M.Hum.",
        "Deputi Bidang Pembinaan Manajemen Kepegawaian",
        "JPT",
        "JPT Madya",
        "IV/e",
        deputi_unit,
    )
    achmad = pegawai(
        "197202281999121001",
        "Dr. ACHMAD SLAMET HIDAYAT, S.Pd., M.Si.",
        "Direktur Kinerja Aparatur Sipil Negara",
        "JPT",
        "JPT Pratama",
        "IV/c",
        direktorat,
        haryomo,
    )
    irdian = pegawai(
        "199111232019031005",
        "IRDIAN NOVA ALEXCANDRA, S.Kom",
        "Pranata Komputer Ahli Pertama",
        "JF",
        "Ahli Pertama",
        "III/a",
        direktorat,
        achmad,
    )
    fitriani = pegawai(
        "199009062014022001",
        "FITRIANI PANJAITAN, A.Md",
        "Analis Kinerja",
        "JA",
        "",
        "II/d",
        direktorat,
        achmad,
    )
    zahara = pegawai(
        "198806142010122003",
        "ZAHARA, S.Sos.",
        "Analis Sumber Daya Manusia Aparatur Ahli Muda",
        "JF",
        "Ahli Muda",
        "III/c",
        direktorat,
        achmad,
    )
    pegawai(
        "198511302009011004",
        "OPERATOR KINERJA",
        "Operator Pengelola Kinerja",
        "JA",
        "",
        "III/b",
        direktorat,
        achmad,
        is_operator=True,
        is_admin=True,
        # The agency's Operator Pengelola Kinerja: every unit of the Badan, set by the admin.
        unit_kelola=bkn,
    )
    irdian.atasan_ii = haryomo
    # IRDIAN, FITRIANI and ZAHARA are his bawahan through their own Atasan Langsung.
    achmad.rekan = [fitriani]
    db.session.flush()

    _pk(achmad, 2021, PK_2021)
    pk22 = _pk(
        achmad,
        2022,
        [("Strategis 1", [("Indikator 1", "2", "Dokumen"), ("Indikator 2", "4", "Dokumen")])],
    )
    strategis1 = pk22.sasaran[0]
    ind1, ind2 = strategis1.indikator

    # SKP JPT kuantitatif, 01 Mar 2022 – 31 Mar 2022.
    kuant = new_skp(achmad, "JPT", "kuantitatif", date(2022, 3, 1), date(2022, 3, 31))
    db.session.add(kuant)
    utama = _rencana(
        kuant,
        "utama",
        1,
        "Strategis 1",
        [
            dict(
                teks="Indikator 1",
                target=Decimal(2),
                satuan="Dokumen",
                perspektif="Penerima Layanan",
                indikator_sasaran=ind1,
            ),
            dict(
                teks="Indikator 2",
                target=Decimal(4),
                satuan="Dokumen",
                perspektif="Proses Bisnis",
                indikator_sasaran=ind2,
            ),
        ],
        sasaran=strategis1,
    )
    _rencana(
        kuant,
        "tambahan",
        1,
        "Tambahan 1 JPT",
        [
            dict(
                teks="Indikator tambahan 1",
                aspek="Kuantitas",
                target=Decimal(8),
                satuan="Dokumen",
                perspektif="Penguatan Internal",
            )
        ],
    )
    for perilaku in kuant.perilaku:
        if perilaku.aspek <= 5:
            perilaku.penilai_peran, perilaku.penilai = "atasan", haryomo
        elif perilaku.aspek == 6:
            perilaku.penilai_peran, perilaku.penilai = "rekan", fitriani
        else:
            perilaku.penilai_peran, perilaku.penilai = "bawahan", zahara
    kuant.perilaku[0].ekspektasi = "ekspektasi 1"
    kuant.perilaku[1].ekspektasi = "saya mau baik"

    # SKP JPT kualitatif, 02 Feb 2022 – 28 Feb 2022.
    kual = new_skp(achmad, "JPT", "kualitatif", date(2022, 2, 2), date(2022, 2, 28))
    db.session.add(kual)
    _rencana(
        kual, "utama", 1, "Kinerja Utama", [dict(teks="Indikator 1"), dict(teks="Indikator 2")]
    )
    _rencana(kual, "utama", 2, "Kinerja Utama 2", [dict(teks="Indikator 3")])
    _rencana(kual, "tambahan", 1, "Tambahan", [dict(teks="Indikator Tambahan 1")])
    kual.perilaku[0].ekspektasi = "saya harap kamu baik"
    # The manual's Perilaku SKP screenshot: ZAHARA rates KOLABORATIF of this SKP as Bawahan
    # (and FITRIANI ADAPTIF as Rekan Kerja); approved, so both have something to rate.
    for perilaku in kual.perilaku:
        perilaku.penilai_peran, perilaku.penilai = "atasan", haryomo
    kual.perilaku[5].penilai_peran, kual.perilaku[5].penilai = "rekan", fitriani
    kual.perilaku[6].penilai_peran, kual.perilaku[6].penilai = "bawahan", zahara
    _disetujui(kual, achmad, haryomo)

    # SKP JA/JF of IRDIAN, intervening ACHMAD's "Strategis 1".
    jf = new_skp(irdian, "JAJF", "kuantitatif", date(2022, 3, 1), date(2022, 3, 31))
    db.session.add(jf)
    _rencana(
        jf,
        "utama",
        1,
        "Peran 1 aja",
        [
            dict(teks="Indikator 1111", aspek="Kuantitas", target=Decimal(8), satuan="Dokumen"),
            dict(teks="Indikator 2", aspek="Kuantitas", target=Decimal(3), satuan="Dokumen"),
        ],
        intervensi=utama,
    )
    _rencana(
        jf,
        "utama",
        2,
        "Peran 2 aja",
        [dict(teks="Indikator 3", aspek="Kuantitas", target=Decimal(5), satuan="Dokumen")],
        intervensi=utama,
    )
    _rencana(
        jf,
        "tambahan",
        1,
        "Tambahan 1",
        [dict(teks="Indikator Tambahan", aspek="Kuantitas", target=Decimal(21), satuan="Dokumen")],
    )
    jf.perilaku[0].ekspektasi = "ekspektasi pimpinan ke alex 1"
    _disetujui(jf, irdian, achmad)
    jf_kual = new_skp(irdian, "JAJF", "kualitatif", date(2022, 2, 1), date(2022, 2, 28))
    db.session.add(jf_kual)
    _rencana(
        jf_kual,
        "utama",
        1,
        "Hasil kerja 1",
        [dict(teks="Indikator 11"), dict(teks="Indikator 12")],
        intervensi=utama,
    )
    _rencana(jf_kual, "utama", 2, "Hasil kerja 2", [dict(teks="Indikator 13")], intervensi=utama)
    peran = _matrik_peran_hasil(utama, fitriani=fitriani, irdian=irdian, zahara=zahara)
    # His two Kinerja Utama were copied with Salin from the roles ACHMAD gave him.
    for rencana in jf.rencana:
        rencana.peran = peran.get(rencana.teks)
    db.session.flush()
    _evaluasi_berjalan(jf, achmad)
    db.session.commit()


def _disetujui(skp, owner, penilai) -> None:
    """An SKP that went through Ajukan and Setujui (realisasi and evaluation need it)."""
    skp.status = "disetujui"
    skp.riwayat.append(
        RiwayatStatus(aksi="ajukan", status="diajukan", oleh=owner, oleh_nama=owner.nama)
    )
    skp.riwayat.append(
        RiwayatStatus(aksi="setujui", status="disetujui", oleh=penilai, oleh_nama=penilai.nama)
    )


def _evaluasi_berjalan(jf, achmad) -> None:
    """TRIWULAN I 2022 of IRDIAN's kuantitatif SKP under way (demo-cast.md): her realisasi of the
    first two indicators, ACHMAD's feedback on BERORIENTASI PELAYANAN; nothing rated yet, and
    no batas pengisian, so nothing is locked."""
    tw1 = PeriodePenilaian(
        tahun=2022, jenis="triwulan", nomor=1, dari=date(2022, 1, 1), sampai=date(2022, 3, 31)
    )
    db.session.add(tw1)
    db.session.flush()
    indikator = jf.rencana[0].indikator  # "Peran 1 aja": Indikator 1111, Indikator 2
    for ind, nilai in zip(indikator, (8, 2), strict=True):
        db.session.add(
            Realisasi(
                skp=jf,
                periode=tw1,
                indikator=ind,
                nilai=Decimal(nilai),
                keterangan="dari penilaian atasan",
            )
        )
    orientasi = next(p for p in jf.perilaku if p.aspek == 1)
    db.session.add(
        PenilaianPerilaku(
            skp_id=jf.id,
            perilaku=orientasi,
            periode_id=tw1.id,
            teks="Orientasi udah oke",
            oleh_id=achmad.id,
            oleh_nama=achmad.nama,
            oleh_peran="atasan",
        )
    )
    db.session.flush()


def _matrik_peran_hasil(utama, fitriani, irdian, zahara) -> dict:
    """ACHMAD's Matrik Peran Hasil on "Strategis 1", and Uraian Jabatan to Salin from; IRDIAN's
    roles by their text."""
    matrik = MatrikPeranHasil(rencana=utama, jumlah_kolom=3)
    for kolom, teks in enumerate(("peran 1 fitri", "Peran 2 fitri", "Peran 3 fitri"), start=1):
        matrik.peran.append(
            PeranHasil(kolom=kolom, pegawai=fitriani, jabatan_tim="Ketua Tim", teks=teks)
        )
    peran_irdian = {}
    for kolom, teks in enumerate(("Peran 1 aja", "Peran 2 aja"), start=1):
        peran_irdian[teks] = PeranHasil(
            kolom=kolom, pegawai=irdian, jabatan_tim="Anggota Tim", teks=teks
        )
        matrik.peran.append(peran_irdian[teks])
    db.session.add(matrik)
    uraian = {
        irdian: (
            "Melakukan pemeliharaan aplikasi kinerja",
            "Menyusun laporan pengelolaan data kinerja",
        ),
        fitriani: (
            "Menganalisis capaian kinerja unit kerja",
            "Menyiapkan bahan evaluasi kinerja pegawai",
        ),
        zahara: ("Menyusun rencana kebutuhan pengembangan kompetensi",),
    }
    for pegawai, daftar in uraian.items():
        for urutan, teks in enumerate(daftar, start=1):
            db.session.add(UraianJabatan(pegawai=pegawai, urutan=urutan, teks=teks))
    return peran_irdian

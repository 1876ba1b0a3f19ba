"""What the SKP engine reads from the Matrik Peran Hasil: peran_untuk and may_salin."""

from datetime import date

from tests import factories
from webapp.extensions import db
from webapp.models import MatrikPeranHasil
from webapp.services.mph import may_salin, peran_untuk

MAR = (date(2022, 3, 1), date(2022, 3, 31))


def _setup():
    leader = factories.make_pegawai("PIMPINAN", jenis="JPT")
    maret = factories.make_skp(leader, rencana=2)
    februari = factories.make_skp(leader, dari=date(2022, 2, 1), sampai=date(2022, 2, 28))
    ketua = factories.make_pegawai("KETUA", atasan=leader)
    anggota = factories.make_pegawai("ANGGOTA", jenis="JF", atasan=leader)
    m1 = factories.make_matrik(maret.rencana[1], 3)
    m0 = factories.make_matrik(maret.rencana[0], 2)
    mfeb = factories.make_matrik(februari.rencana[0], 1)
    k = factories.make_peran(m0, ketua, 1, "Ketua Tim", teks="Koordinasi")
    a2 = factories.make_peran(m0, anggota, 2, teks="Peran 2 aja")
    a1 = factories.make_peran(m0, anggota, 1, teks="Peran 1 aja")
    b3 = factories.make_peran(m1, anggota, 3, teks="Di rencana kedua")
    feb = factories.make_peran(mfeb, anggota, 1, teks="Februari")
    split = MatrikPeranHasil(induk=k, jumlah_kolom=1)
    db.session.add(split)
    db.session.flush()
    sub = factories.make_peran(split, anggota, 1, teks="Bagian dari ketua")
    db.session.commit()
    return locals()


def test_roles_of_overlapping_periods_in_order():
    w = _setup()
    got = peran_untuk(w["anggota"], *MAR)
    assert [(p.teks, p.kolom) for p in got] == [
        ("Peran 1 aja", 1),
        ("Bagian dari ketua", 1),
        ("Peran 2 aja", 2),
        ("Di rencana kedua", 3),
    ]
    first = got[0]
    assert first.leader.id == w["leader"].id
    assert first.rencana.id == w["maret"].rencana[0].id
    assert first.peran_id == w["a1"].id
    assert first.pemberi.id == w["leader"].id and first.jabatan_tim == "Anggota Tim"
    # The leader's own fields come first, as the brief's tuple: (leader, result, kolom, teks, id).
    leader, rencana, kolom, teks, peran_id = first[:5]
    assert (kolom, teks, peran_id) == (1, "Peran 1 aja", w["a1"].id)


def test_a_role_split_by_the_ketua_tim_names_the_ketua_as_giver():
    w = _setup()
    sub = next(p for p in peran_untuk(w["anggota"], *MAR) if p.teks == "Bagian dari ketua")
    assert sub.pemberi.id == w["ketua"].id
    assert sub.leader.id == w["leader"].id
    assert sub.rencana.id == w["maret"].rencana[0].id  # the result the parent role is on


def test_period_overlap_bounds():
    w = _setup()
    anggota = w["anggota"]
    assert [p.teks for p in peran_untuk(anggota, date(2022, 2, 15), date(2022, 2, 20))] == [
        "Februari"
    ]
    # One shared day is enough (both ends count).
    touching = peran_untuk(anggota, date(2022, 2, 28), date(2022, 3, 1))
    assert {p.teks for p in touching} >= {"Februari", "Peran 1 aja"}
    assert peran_untuk(anggota, date(2022, 4, 1), date(2022, 4, 30)) == []
    assert len(peran_untuk(anggota)) == 5  # no period: all


def test_only_the_pegawais_own_roles():
    w = _setup()
    assert [p.teks for p in peran_untuk(w["ketua"], *MAR)] == ["Koordinasi"]
    assert peran_untuk(w["leader"], *MAR) == []


def test_may_salin_only_ones_own_role():
    w = _setup()
    assert may_salin(w["anggota"], w["a1"].id)
    assert may_salin(w["anggota"], w["sub"].id)
    assert not may_salin(w["anggota"], w["k"].id)  # the Ketua Tim's role
    assert not may_salin(w["ketua"], w["a1"].id)
    assert not may_salin(w["anggota"], 999_999)


def test_constant_queries(count_queries):
    w = _setup()
    with count_queries() as few:
        peran_untuk(w["anggota"], *MAR)
    for i in range(5):
        factories.make_peran(w["m1"], w["ketua"], 1 + i % 3, "Ketua Tim", teks=f"lagi {i}")
    db.session.commit()
    with count_queries() as many:
        peran_untuk(w["ketua"], *MAR)
    assert len(many) == len(few)

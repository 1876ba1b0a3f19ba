"""The bench's own data, made through the app's models and services (no fixtures, no SQL).

An agency of `leaders` atasan (JPT) and `staff` pegawai (JF), everyone with the password
PASSWORD. Each staff member has a draft SKP JA/JF of `rencana` × `indikator` rows; the first
`diajukan_per_leader` staff of each leader have a second SKP already submitted (Diajukan), for
the leaders to approve in the deadline-day scenario. Two extra pegawai own the SKP of 5 and of
50 indicators that the query counts compare.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal

from werkzeug.security import generate_password_hash

from webapp.extensions import db
from webapp.models import (
    Indikator,
    Pegawai,
    PeriodePenilaian,
    Realisasi,
    RencanaHasilKerja,
    UmpanBalik,
    UnitKerja,
)
from webapp.models.org import new_session_token
from webapp.services.skp import new_skp

PASSWORD = "bench-kinerja-2026"
DARI, SAMPAI = date(2026, 1, 1), date(2026, 12, 31)


@dataclass
class World:
    """What the measurements need to know of the data (ids and NIPs); JSON for Locust."""

    leaders: list[str] = field(default_factory=list)  # NIPs
    staff: list[str] = field(default_factory=list)
    skp_of: dict[str, int] = field(default_factory=dict)  # staff NIP → draft SKP id
    rencana_of: dict[str, int] = field(default_factory=dict)  # staff NIP → a result's id
    indikator_of: dict[str, int] = field(default_factory=dict)  # staff NIP → an indicator id
    diajukan_of: dict[str, list[int]] = field(default_factory=dict)  # leader NIP → SKP ids
    small: dict = field(default_factory=dict)  # {"nip", "skp", "leader"}: 5 indicators
    big: dict = field(default_factory=dict)  # the same with 50 indicators
    # For the evaluation screens: an approved 2025 twin of each measured SKP with a realisasi
    # and an umpan balik on every indicator in TRIWULAN I 2025, by staff NIP / "small" / "big".
    eval_of: dict[str, dict] = field(default_factory=dict)  # {"skp", "indikator"}

    def as_dict(self) -> dict:
        return asdict(self)


def _nip(i: int) -> str:
    """A valid NIP (born 1980, TMT 2005), unique for i < 28,000."""
    day, seq = 1 + i // 1000, i % 1000
    return f"198001{day:02d}200501{1}{seq:03d}"


def _pegawai(i: int, nama: str, jenis: str, unit, atasan, password_hash: str) -> Pegawai:
    p = Pegawai(
        nip=_nip(i),
        nama=nama,
        jabatan="Kepala Biro" if jenis == "JPT" else "Analis Kebijakan Ahli Muda",
        jenis_jabatan=jenis,
        pangkat_golongan="IV/c" if jenis == "JPT" else "III/c",
        unit_kerja=unit,
        atasan_langsung=atasan,
        password_hash=password_hash,
        session_token=new_session_token(),
    )
    db.session.add(p)
    return p


def _plan(owner: Pegawai, rencana: int, indikator: int, status: str = "draft", dari=DARI):
    skp = new_skp(owner, "JAJF", "kuantitatif", dari, SAMPAI)
    skp.status = status
    for i in range(1, rencana + 1):
        r = RencanaHasilKerja(bagian="utama", urutan=i, teks=f"Rencana hasil kerja {i}")
        for j in range(1, indikator + 1):
            r.indikator.append(
                Indikator(
                    urutan=j,
                    teks=f"Jumlah dokumen kebijakan {i}.{j} yang diselesaikan tepat waktu",
                    aspek="Kuantitas",
                    target=Decimal(j + 2),
                    satuan="Dokumen",
                )
            )
        skp.rencana.append(r)
    db.session.add(skp)
    return skp


def _evaluated(owner: Pegawai, rencana: int, indikator: int, tw1: PeriodePenilaian):
    """An approved SKP of 2025 whose every indicator has a realisasi and an umpan balik."""
    skp = _plan(owner, rencana, indikator, status="disetujui", dari=date(2025, 1, 1))
    skp.sampai, skp.tahun = date(2025, 12, 31), 2025
    db.session.flush()
    for r in skp.rencana:
        for i in r.indikator:
            db.session.add(
                Realisasi(skp=skp, periode=tw1, indikator=i, nilai=i.target, keterangan="Selesai")
            )
            db.session.add(
                UmpanBalik(skp_id=skp.id, periode_id=tw1.id, indikator_id=i.id, teks="Pertahankan.")
            )
    return skp


def generate(
    leaders: int = 10,
    staff: int = 100,
    rencana: int = 4,
    indikator: int = 5,
    diajukan_per_leader: int = 3,
    password_method: str = "scrypt",
) -> World:
    """Fill an empty database (inside an app context); returns what the bench needs."""
    password_hash = generate_password_hash(PASSWORD, method=password_method)  # one hash for all
    world = World()
    root = UnitKerja(nama="Badan Bench")
    db.session.add(root)
    heads = []
    for k in range(leaders):
        unit = UnitKerja(nama=f"Biro {k + 1}", parent=root)
        heads.append(_pegawai(k, f"PIMPINAN {k + 1}", "JPT", unit, None, password_hash))
    db.session.flush()
    world.leaders = [h.nip for h in heads]
    members: list[tuple[Pegawai, Pegawai]] = []
    for s in range(staff):
        head = heads[s % leaders]
        p = _pegawai(1000 + s, f"PEGAWAI {s + 1}", "JF", head.unit_kerja, head, password_hash)
        members.append((p, head))
    db.session.flush()
    drafts = []
    for s, (p, head) in enumerate(members):
        drafts.append((p, _plan(p, rencana, indikator)))
        if s // leaders < diajukan_per_leader:
            submitted = _plan(p, 1, 2, status="diajukan", dari=date(2025, 1, 1))
            submitted.sampai = date(2025, 12, 31)
            submitted.tahun = 2025
            world.diajukan_of.setdefault(head.nip, []).append(submitted)
    head = heads[0]
    small_owner = _pegawai(900, "PEGAWAI LIMA", "JF", head.unit_kerja, head, password_hash)
    big_owner = _pegawai(901, "PEGAWAI LIMAPULUH", "JF", head.unit_kerja, head, password_hash)
    small = _plan(small_owner, 1, 5)
    big = _plan(big_owner, 10, 5)
    tw1 = PeriodePenilaian(
        tahun=2025, jenis="triwulan", nomor=1, dari=date(2025, 1, 1), sampai=date(2025, 3, 31)
    )
    db.session.add(tw1)
    db.session.flush()
    evaluated = {
        "small": _evaluated(small_owner, 1, 5, tw1),
        "big": _evaluated(big_owner, 10, 5, tw1),
        members[0][0].nip: _evaluated(members[0][0], rencana, indikator, tw1),
    }
    db.session.commit()
    for p, skp in drafts:
        world.staff.append(p.nip)
        world.skp_of[p.nip] = skp.id
        world.rencana_of[p.nip] = skp.rencana[0].id
        world.indikator_of[p.nip] = skp.rencana[0].indikator[0].id
    world.diajukan_of = {nip: [s.id for s in skps] for nip, skps in world.diajukan_of.items()}
    world.small = {"nip": small_owner.nip, "skp": small.id, "leader": head.nip}
    world.big = {"nip": big_owner.nip, "skp": big.id, "leader": head.nip}
    world.eval_of = {
        key: {"skp": e.id, "indikator": e.rencana[0].indikator[0].id}
        for key, e in evaluated.items()
    }
    return world


def reset_schema() -> None:
    """An empty schema (inside an app context): the bench's database is its own."""
    db.drop_all()
    db.create_all()

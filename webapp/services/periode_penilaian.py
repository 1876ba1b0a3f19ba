"""Evaluation periods with the database: which periods an SKP has, the row behind a period,
and whether a pegawai may still write in it (issue 10 §1).

Periods are computed from the agency's setting (webapp.domain.periode_penilaian); a
PeriodePenilaian row exists once something refers to it or the admin set its batas pengisian.
A page (GET) never creates one: `baris()` does, inside the POST that first writes for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from flask import abort, current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from webapp.domain import periode_penilaian as dom
from webapp.domain.tanggal import sekarang, waktu_lokal
from webapp.extensions import db
from webapp.models import BukaKembali, Pengaturan, PeriodePenilaian, Skp


@dataclass
class Periode:
    """A period of a year: its definition and, when one exists, its row."""

    defn: dom.PeriodeDef
    row: PeriodePenilaian | None

    tahun = property(lambda self: self.defn.tahun)
    jenis = property(lambda self: self.defn.jenis)
    nomor = property(lambda self: self.defn.nomor)
    dari = property(lambda self: self.defn.dari)
    sampai = property(lambda self: self.defn.sampai)
    kode = property(lambda self: self.defn.kode)
    nama = property(lambda self: self.defn.nama)

    @property
    def id(self) -> int | None:
        return self.row.id if self.row else None

    @property
    def batas_pengisian(self) -> datetime | None:
        b = self.row.batas_pengisian if self.row else None
        if b is not None and b.tzinfo is None:  # SQLite returns naive UTC
            b = b.replace(tzinfo=UTC)
        return b

    def batas_teks(self) -> str:
        b = self.batas_pengisian
        return waktu_lokal(b, current_app.config["AGENCY_TIMEZONE"]) if b else "tidak dibatasi"


def frekuensi() -> str:
    row = db.session.get(Pengaturan, 1)
    return row.frekuensi_evaluasi if row else "triwulan"


def periode_tahun(tahun: int) -> list[Periode]:
    """The year's periods by the agency's setting (two queries), with any other rows of that
    year that already hold data (after a change of setting) listed too."""
    rows = {
        (r.jenis, r.nomor): r
        for r in db.session.scalars(select(PeriodePenilaian).where(PeriodePenilaian.tahun == tahun))
    }
    daftar = [
        Periode(d, rows.pop((d.jenis, d.nomor), None))
        for d in dom.periode_tahun(tahun, frekuensi())
    ]
    lain = [
        Periode(dom.PeriodeDef(r.tahun, r.jenis, r.nomor, r.dari, r.sampai), r)
        for r in rows.values()
    ]
    return sorted(lain + daftar, key=lambda p: (p.jenis == "tahunan", p.dari, p.sampai))


def periode_skp(skp: Skp) -> list[Periode]:
    """The periods an SKP is evaluated in, in order, TAHUNAN last."""
    return [p for p in periode_tahun(skp.tahun) if dom.beririsan(p.defn, skp.dari, skp.sampai)]


def pilih(
    skp: Skp, kode: str | None, hari_ini: date | None = None
) -> tuple[Periode, list[Periode]]:
    """The period asked for by its code (404 if the SKP has no such period), or the current one;
    with the SKP's whole list for the period selector."""
    daftar = periode_skp(skp)
    if kode:
        for p in daftar:
            if p.kode == kode:
                return p, daftar
        abort(404)
    if not daftar:
        abort(404)
    hari = hari_ini or sekarang().date()
    kini = dom.periode_kini([p.defn for p in daftar], hari)
    return next(p for p in daftar if p.defn == kini), daftar


def baris(p: Periode) -> PeriodePenilaian:
    """The period's row, created on the first write that needs it (call only inside a POST).
    Two first writes at once: the loser's insert fails on the unique key and it reads the
    winner's row."""
    if p.row is not None:
        return p.row
    found = db.session.scalar(
        select(PeriodePenilaian).filter_by(tahun=p.tahun, jenis=p.jenis, nomor=p.nomor)
    )
    if found is None:
        try:
            with db.session.begin_nested():
                found = PeriodePenilaian(
                    tahun=p.tahun, jenis=p.jenis, nomor=p.nomor, dari=p.dari, sampai=p.sampai
                )
                db.session.add(found)
        except IntegrityError:
            found = db.session.scalar(
                select(PeriodePenilaian).filter_by(tahun=p.tahun, jenis=p.jenis, nomor=p.nomor)
            )
    p.row = found
    return found


def buka_kembali(p: Periode, pegawai_id: int) -> BukaKembali | None:
    if p.row is None:
        return None
    return db.session.scalar(
        select(BukaKembali).filter_by(periode_id=p.row.id, pegawai_id=pegawai_id)
    )


def alasan_terkunci(p: Periode, pegawai_id: int, kini: datetime | None = None) -> str | None:
    """None while the pegawai may write in the period; else the message to show. Call it again
    inside the write's transaction (after lock_pegawai) so a deadline passed meanwhile holds."""
    kini = kini or sekarang()
    batas = p.batas_pengisian
    if batas is None or kini <= batas:
        return None
    buka = buka_kembali(p, pegawai_id)
    sampai = buka.sampai if buka else None
    if sampai is not None and sampai.tzinfo is None:
        sampai = sampai.replace(tzinfo=UTC)
    if dom.terbuka(batas, kini, sampai):
        return None
    return (
        f"Batas pengisian periode {p.nama} telah lewat ({p.batas_teks()}); "
        "hubungi admin untuk membuka kembali."
    )


# --- The admin's Periode Penilaian screen ------------------------------------------------------


def hari_ini() -> date:
    """Today in the agency's zone (a period's day, not the server's)."""
    return sekarang().astimezone(ZoneInfo(current_app.config["AGENCY_TIMEZONE"])).date()


def periode_kode(tahun: int, kode: str) -> Periode | None:
    """The year's period named by its code, or None."""
    return next((p for p in periode_tahun(tahun) if p.kode == kode), None)


def momen(tanggal: date, jam: time | None) -> datetime:
    """A date and time typed in the agency's zone as the UTC moment stored; no time: 23:59."""
    zona = ZoneInfo(current_app.config["AGENCY_TIMEZONE"])
    local = datetime.combine(tanggal, jam or time(23, 59), tzinfo=zona)
    return local.astimezone(UTC)


def lokal(moment: datetime | None) -> tuple[date | None, time | None]:
    """A stored moment as the date and time of the agency's zone (for an edit form)."""
    if moment is None:
        return None, None
    if moment.tzinfo is None:  # SQLite returns naive UTC
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone(ZoneInfo(current_app.config["AGENCY_TIMEZONE"]))
    return local.date(), local.time().replace(second=0, microsecond=0)


def daftar_buka_kembali(tahun: int) -> list[BukaKembali]:
    """The reopenings of a year's periods, oldest first (one query)."""
    return list(
        db.session.scalars(
            select(BukaKembali)
            .join(BukaKembali.periode)
            .where(PeriodePenilaian.tahun == tahun)
            .options(joinedload(BukaKembali.periode), joinedload(BukaKembali.pegawai))
            .order_by(BukaKembali.id)
        )
    )

"""The manual's menu, and which pegawai sees which entry."""

from flask import current_app, has_request_context, request
from sqlalchemy import select

from webapp.extensions import db
from webapp.services.mph import sees_matrik_clause

# (label, endpoint, who sees it). An entry whose screen is not built yet is not shown.
MENU = (
    ("Dashboard", "dashboard.index", "all"),
    ("Perjanjian Kinerja", "perjanjian.index", "jpt"),
    ("Rencana SKP JPT", "skp_jpt.index", "jpt"),
    ("Matrik Peran Hasil", "mph.index", "matrik"),
    ("Rencana SKP JA/JF", "skp_jajf.index", "jajf"),
    ("SKP Bawahan", "skp_bawahan.index", "all"),
    ("Perilaku SKP", "perilaku.index", "all"),
    ("Keberatan", "keberatan.index", "keberatan"),
    ("Review SKP JPT", "review.index", "operator"),
    ("Pegawai", "admin.pegawai", "admin"),
    ("Unit Kerja", "admin.unit", "admin"),
    ("Periode Penilaian", "periode_admin.index", "admin_only"),
    ("Persetujuan Atasan", "persetujuan.index", "persetujuan"),
    ("Ubah Profile", "profile.edit", "all"),
    ("Uraian Jabatan", "uraian.index", "all"),
)

# Screens whose blueprint has no menu entry of its own, and the entry they are reached from:
# Distribusi Predikat and a bawahan's realisasi.
INDUK = {"distribusi": "skp_bawahan", "umpan_balik": "skp_bawahan"}


def _asked(user) -> dict[str, bool]:
    """The entries that depend on data, asked in one statement (one round trip per page):
    Persetujuan Atasan only while someone waits for this user's decision; Keberatan only for an
    Atasan Pejabat Penilai someone objected to; Matrik Peran Hasil for a JPT, anyone with
    bawahan and a Ketua Tim."""
    from webapp.services.atasan import ada_untuk_diputuskan_clause
    from webapp.services.keberatan import ada_untuk_diputus_clause

    row = db.session.execute(
        select(
            sees_matrik_clause(user),
            ada_untuk_diputuskan_clause(user),
            ada_untuk_diputus_clause(user),
        )
    ).one()
    return {"matrik": bool(row[0]), "persetujuan": bool(row[1]), "keberatan": bool(row[2])}


def _sees(user, who: str, asked: dict[str, bool]) -> bool:
    if who in asked:
        return asked[who]
    return {
        "all": True,
        "jpt": user.jenis_jabatan == "JPT",
        "jajf": user.jenis_jabatan in ("JA", "JF"),
        "operator": user.is_operator or user.is_admin,
        "admin": user.is_admin or user.is_operator,
        "admin_only": bool(user.is_admin),  # agency-wide settings (Periode Penilaian)
    }[who]


def menu_for(user) -> list[tuple[str, str]]:
    """The entries `user` sees; worked out once per request (the nav and aria-current both ask,
    and the data-dependent entries cost a query). Kept in the request's environ, not in `g`:
    an app context can outlive one request (tests push one around several)."""
    cache = request.environ.setdefault("kinerja.menu_for", {}) if has_request_context() else {}
    if user.id not in cache:
        endpoints = current_app.view_functions
        asked = _asked(user)
        cache[user.id] = [
            (label, ep) for label, ep, who in MENU if ep in endpoints and _sees(user, who, asked)
        ]
    return cache[user.id]


def menu_current(user, endpoint: str | None) -> str | None:
    """The one menu entry a screen belongs to (aria-current="page").

    A screen belongs to the entry of its blueprint; where one blueprint holds several entries
    (admin: Pegawai and Unit Kerja) the entry whose view name begins the screen's wins
    ("admin.unit_ubah" is Unit Kerja), else the blueprint's first entry.
    """
    if not endpoint:
        return None
    blueprint = endpoint.split(".")[0]
    # Realisasi belongs to its kind's Rencana SKP; the leaders' pages to SKP Bawahan.
    blueprint = INDUK.get(blueprint, blueprint.removesuffix("_realisasi"))
    same = [ep for _label, ep in menu_for(user) if ep.split(".")[0] == blueprint]
    if len(same) <= 1:
        return same[0] if same else None
    prefixed = [ep for ep in same if endpoint.startswith(ep)]
    return max(prefixed, key=len) if prefixed else same[0]

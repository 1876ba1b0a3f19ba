"""The manual's menu, and which pegawai sees which entry."""

from flask import current_app, g

from webapp.services.mph import sees_matrik

# (label, endpoint, who sees it). An entry whose screen is not built yet is not shown.
MENU = (
    ("Dashboard", "dashboard.index", "all"),
    ("Perjanjian Kinerja", "perjanjian.index", "jpt"),
    ("Rencana SKP JPT", "skp_jpt.index", "jpt"),
    ("Matrik Peran Hasil", "mph.index", "matrik"),
    ("Rencana SKP JA/JF", "skp_jajf.index", "jajf"),
    ("SKP Bawahan", "skp_bawahan.index", "all"),
    ("Perilaku SKP", "perilaku.index", "all"),
    ("Review SKP JPT", "review.index", "operator"),
    ("Pegawai", "admin.pegawai", "admin"),
    ("Unit Kerja", "admin.unit", "admin"),
    ("Persetujuan Atasan", "persetujuan.index", "persetujuan"),
    ("Ubah Profile", "profile.edit", "all"),
    ("Uraian Jabatan", "uraian.index", "all"),
)


def _sees(user, who: str) -> bool:
    if who == "persetujuan":  # only while someone waits for this user's decision
        from webapp.services.atasan import ada_untuk_diputuskan

        return ada_untuk_diputuskan(user)
    return {
        "all": True,
        "jpt": user.jenis_jabatan == "JPT",
        "jajf": user.jenis_jabatan in ("JA", "JF"),
        "operator": user.is_operator or user.is_admin,
        "admin": user.is_admin or user.is_operator,
        "matrik": who == "matrik" and sees_matrik(user),
    }[who]


def menu_for(user) -> list[tuple[str, str]]:
    """The entries `user` sees; worked out once per request (the nav and aria-current both ask,
    and the Persetujuan Atasan entry costs a query)."""
    cache = g.setdefault("menu_for", {})
    if user.id not in cache:
        endpoints = current_app.view_functions
        cache[user.id] = [
            (label, ep) for label, ep, who in MENU if ep in endpoints and _sees(user, who)
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
    same = [ep for _label, ep in menu_for(user) if ep.split(".")[0] == blueprint]
    if len(same) <= 1:
        return same[0] if same else None
    prefixed = [ep for ep in same if endpoint.startswith(ep)]
    return max(prefixed, key=len) if prefixed else same[0]

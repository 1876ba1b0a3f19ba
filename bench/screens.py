"""What the bench measures: the main screens and the inline actions, as two tables.

A new screen (e.g. issue 10's Realisasi) is one more `Screen` row; a new inline action one more
`Action` row. Paths take `{skp}`, `{rencana}`, `{indikator}` from the SKP being measured (a draft), and
`{skp_eval}`, `{indikator_eval}` from its approved twin with realisasi (issue 10); `role`
says who opens it: "owner" (the pegawai of the SKP) or "leader" (their Pejabat Penilai).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Screen:
    name: str  # the manual's words
    role: str
    path: str
    per_skp: bool = True  # the screen shows one SKP: measured at 5, 20 and 50 indicators


@dataclass(frozen=True)
class Action:
    """An inline action: open its dialog from `row`, fill it, Simpan; `row` shows the change."""

    name: str
    role: str
    page: str  # the screen it starts from
    dialog: str  # the dialog's URL (GET), for the request-level figures
    row: str  # CSS selector of the row that holds the link and shows the result
    link: str  # accessible name of the link that opens the dialog
    title: str  # the dialog's title
    fill: dict[str, str] = field(default_factory=dict)  # label → value ("{n}": a fresh number)
    expect: str = ""  # text the updated table shows after the save ("{n}" as above)
    submit: str = "Simpan"


SCREENS = [
    Screen("Dashboard", "owner", "/", per_skp=False),
    Screen("Rencana SKP JA/JF (daftar)", "owner", "/skp-jajf/", per_skp=False),
    Screen("Rencana SKP JA/JF (Target SKP)", "owner", "/skp-jajf/{skp}"),
    Screen("SKP Bawahan (daftar)", "leader", "/skp-bawahan/", per_skp=False),
    Screen("SKP Bawahan (target)", "leader", "/skp-bawahan/{skp}"),
    Screen("Realisasi SKP JA/JF", "owner", "/skp-jajf/{skp_eval}/realisasi?periode=tw1"),
    Screen("SKP Bawahan (Realisasi)", "leader", "/skp-bawahan/{skp_eval}/realisasi?periode=tw1"),
    Screen("Perilaku SKP (daftar)", "leader", "/perilaku-skp/", per_skp=False),
    Screen("Distribusi Predikat", "leader", "/skp-bawahan/distribusi/2025/tw1", per_skp=False),
]

ACTIONS = [
    Action(
        "Edit Indikator",
        "owner",
        page="/skp-jajf/{skp}",
        dialog="/skp-jajf/indikator/{indikator}/edit",
        row="#indikator-{indikator}",
        link="Edit",
        title="Edit Indikator",
        fill={"Indikator Kinerja": "Dokumen kebijakan bench {n}"},
        expect="Dokumen kebijakan bench {n}",
    ),
    Action(
        "Tambah Indikator",
        "owner",
        page="/skp-jajf/{skp}",
        dialog="/skp-jajf/rencana/{rencana}/indikator/tambah",
        row="#rencana-row-{rencana}",
        link="Tambah Indikator",
        title="Tambah Indikator",
        fill={"Indikator Kinerja": "Indikator baru bench {n}", "Target Kuantitas": "7"},
        expect="Indikator baru bench {n}",
    ),
    Action(
        "Input Realisasi",
        "owner",
        page="/skp-jajf/{skp_eval}/realisasi?periode=tw1",
        dialog="/skp-jajf/{skp_eval}/realisasi/tw1/indikator/{indikator_eval}",
        row="#indikator-{indikator_eval}",
        link="Input Realisasi",
        title="Input Realisasi",
        fill={"Realisasi": "{n}", "Keterangan Tambahan": "bench {n}"},
        expect="bench {n}",
    ),
]

"""Penetapan SKP: draft → diajukan → disetujui, or back to dikembalikan (rules.md §6)."""

from collections.abc import Iterable
from dataclasses import dataclass

STATUS_LABEL = {
    "draft": "Draf",
    "diajukan": "Diajukan",
    "disetujui": "Disetujui",
    "dikembalikan": "Dikembalikan",
}

# action → (statuses it may start from, status it leads to)
TRANSITIONS = {
    "ajukan": (("draft", "dikembalikan"), "diajukan"),
    "setujui": (("diajukan",), "disetujui"),
    "kembalikan": (("diajukan", "disetujui"), "dikembalikan"),
}


class StatusError(ValueError):
    """A transition the current status does not allow; the message is for the user."""


def can_edit(status: str) -> bool:
    """The owner edits the plan only while it is a draft or has been returned."""
    return status in ("draft", "dikembalikan")


def transition(status: str, action: str) -> str:
    allowed_from, to = TRANSITIONS[action]
    if status not in allowed_from:
        raise StatusError(f"SKP berstatus {STATUS_LABEL[status]} tidak dapat di-{action}.")
    return to


@dataclass(frozen=True)
class RencanaRingkas:
    """What completeness needs to know of a rencana: its section, text and number of indicators."""

    bagian: str
    teks: str
    jumlah_indikator: int


def kekurangan(rencana: Iterable[RencanaRingkas], aspek_tanpa_penilai: Iterable[str]) -> list[str]:
    """Why a plan is not complete enough to be submitted (empty when it is)."""
    rencana = list(rencana)
    problems = []
    if not any(r.bagian == "utama" for r in rencana):
        problems.append("Belum ada Kinerja Utama.")
    problems += [
        f"Rencana \u201c{r.teks}\u201d belum memiliki indikator."
        for r in rencana
        if r.jumlah_indikator == 0
    ]
    problems += [f"Penilai aspek {nama} belum ditentukan." for nama in aspek_tanpa_penilai]
    return problems

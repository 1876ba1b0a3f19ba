import pytest

from webapp.domain.status_skp import (
    RencanaRingkas,
    StatusError,
    can_edit,
    kekurangan,
    transition,
)


@pytest.mark.parametrize(
    ("status", "action", "to"),
    [
        ("draft", "ajukan", "diajukan"),
        ("dikembalikan", "ajukan", "diajukan"),
        ("diajukan", "setujui", "disetujui"),
        ("diajukan", "kembalikan", "dikembalikan"),
        ("disetujui", "kembalikan", "dikembalikan"),
    ],
)
def test_allowed_transitions(status, action, to):
    assert transition(status, action) == to


@pytest.mark.parametrize(
    ("status", "action"),
    [
        ("diajukan", "ajukan"),
        ("disetujui", "ajukan"),
        ("draft", "setujui"),
        ("dikembalikan", "setujui"),
        ("disetujui", "setujui"),
        ("draft", "kembalikan"),
        ("dikembalikan", "kembalikan"),
    ],
)
def test_refused_transitions(status, action):
    with pytest.raises(StatusError, match="tidak dapat"):
        transition(status, action)


def test_only_draft_and_returned_are_editable():
    assert [s for s in ("draft", "diajukan", "disetujui", "dikembalikan") if can_edit(s)] == [
        "draft",
        "dikembalikan",
    ]


def test_completeness():
    assert kekurangan([], []) == ["Belum ada Kinerja Utama."]
    problems = kekurangan(
        [RencanaRingkas("utama", "A", 1), RencanaRingkas("tambahan", "B", 0)], ["LOYAL"]
    )
    assert problems == [
        "Rencana \u201cB\u201d belum memiliki indikator.",
        "Penilai aspek LOYAL belum ditentukan.",
    ]
    assert kekurangan([RencanaRingkas("utama", "A", 2)], []) == []

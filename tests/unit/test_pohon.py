"""Trees: cycles in unit kerja parents and the tree order of the unit list."""

from types import SimpleNamespace as N

from webapp.domain.pohon import membentuk_siklus, urut_pohon

PARENT = {1: None, 2: 1, 3: 2, 4: 1, 5: None}


def test_a_parent_below_the_node_closes_a_loop():
    assert membentuk_siklus(2, 3, PARENT)  # 3 is a child of 2
    assert membentuk_siklus(1, 3, PARENT)  # 3 is a grandchild of 1
    assert membentuk_siklus(2, 2, PARENT)  # itself


def test_other_parents_are_fine():
    assert not membentuk_siklus(3, 4, PARENT)
    assert not membentuk_siklus(1, 5, PARENT)
    assert not membentuk_siklus(2, None, PARENT)


def test_an_existing_loop_does_not_hang():
    assert membentuk_siklus(9, 7, {7: 8, 8: 7})


def test_tree_order_with_depth():
    nodes = [
        N(id=i, parent=p, nama=n)
        for i, p, n in [
            (1, None, "Badan"),
            (2, 1, "Kedeputian B"),
            (3, 2, "Direktorat"),
            (4, 1, "Kedeputian A"),
            (5, None, "Arsip"),
            (6, 99, "Yatim"),
        ]
    ]
    order = urut_pohon(nodes, key=lambda n: n.id, parent=lambda n: n.parent, nama=lambda n: n.nama)
    assert [(n.nama, d) for n, d in order] == [
        ("Arsip", 0),
        ("Badan", 0),
        ("Kedeputian A", 1),
        ("Kedeputian B", 1),
        ("Direktorat", 2),
        ("Yatim", 0),
    ]


def test_nodes_in_a_loop_are_still_listed():
    nodes = [N(id=1, parent=2, nama="a"), N(id=2, parent=1, nama="b")]
    order = urut_pohon(nodes, key=lambda n: n.id, parent=lambda n: n.parent, nama=lambda n: n.nama)
    assert sorted(n.id for n, _ in order) == [1, 2]

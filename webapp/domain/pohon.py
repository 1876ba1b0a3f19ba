"""Trees of the organisation (unit kerja, the chain of atasan), as plain functions."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def membentuk_siklus(
    node_id: int, parent_baru: int | None, parent_of: dict[int, int | None]
) -> bool:
    """True when making `parent_baru` the parent of `node_id` closes a loop.

    parent_of maps every node id to its current parent id (None at a root).
    """
    seen: set[int] = set()
    current = parent_baru
    while current is not None:
        if current == node_id or current in seen:
            return True
        seen.add(current)
        current = parent_of.get(current)
    return False


def urut_pohon(
    nodes: Iterable[T],
    key: Callable[[T], int],
    parent: Callable[[T], int | None],
    nama: Callable[[T], str],
) -> list[tuple[T, int]]:
    """Nodes in tree order (each parent before its children, siblings by name) with their depth.

    A node whose parent is missing is shown as a root; nodes caught in a loop are appended last.
    """
    nodes = list(nodes)
    ids = {key(n) for n in nodes}
    children: dict[int | None, list[T]] = {}
    for n in nodes:
        p = parent(n)
        children.setdefault(p if p in ids else None, []).append(n)
    for group in children.values():
        group.sort(key=lambda n: nama(n).lower())
    out: list[tuple[T, int]] = []
    placed: set[int] = set()
    stack = [(n, 0) for n in reversed(children.get(None, []))]
    while stack:
        n, depth = stack.pop()
        if key(n) in placed:
            continue
        placed.add(key(n))
        out.append((n, depth))
        stack.extend((c, depth + 1) for c in reversed(children.get(key(n), [])))
    out.extend((n, 0) for n in nodes if key(n) not in placed)
    return out

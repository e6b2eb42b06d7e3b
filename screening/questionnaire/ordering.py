"""Dependency order of questions, so each value is computed after the values it reads."""

from __future__ import annotations

from collections.abc import Mapping


class CycleError(ValueError):
    def __init__(self, cycle: list[str]) -> None:
        super().__init__(" → ".join(cycle))
        self.cycle = cycle


def dependency_order(items: list[str], needs: Mapping[str, set[str]]) -> list[str]:
    """Order ``items`` so every item comes after what it needs; ties keep the given order.

    Raises :class:`CycleError` naming one cycle, starting and ending with the same item.
    """
    done: set[str] = set()
    order: list[str] = []
    for start in items:
        if start in done:
            continue
        # iterative depth-first search: forms are small but expressions may chain deeply
        path: list[str] = []
        on_path: set[str] = set()
        stack: list[tuple[str, list[str]]] = [(start, sorted(needs.get(start, ()),
                                                             key=items.index))]
        path.append(start)
        on_path.add(start)
        while stack:
            node, pending = stack[-1]
            if pending:
                nxt = pending.pop(0)
                if nxt in done:
                    continue
                if nxt in on_path:
                    raise CycleError([*path[path.index(nxt):], nxt])
                stack.append((nxt, sorted(needs.get(nxt, ()), key=items.index)))
                path.append(nxt)
                on_path.add(nxt)
                continue
            stack.pop()
            path.pop()
            on_path.discard(node)
            done.add(node)
            order.append(node)
    return order

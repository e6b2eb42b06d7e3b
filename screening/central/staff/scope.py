"""Need-to-know: the checkpoints a staff account is limited to, and the conditions the queries
of everything a checkpoint's people leave at central add for it (cases, batches, workstations,
referrals, repeat-victim matches, notices, statistics).

An account with no checkpoint sees every one (``EVERYWHERE``: the Responsible Authority's
national staff, and every account older than the limit). A limited account's request for
another checkpoint's record is answered as for a record that does not exist: the queries
never return it, so a page cannot tell "not yours" from "not there". The checkpoint that
counts is the one the workstation was enrolled for (``interviews.checkpoint``, which central
checks every record against at ingest), never a field of the answers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, select, true

from screening.central.schema import devices, interviews


@dataclass(frozen=True)
class Scope:
    checkpoints: frozenset[str] | None = None  # None: every checkpoint

    @property
    def limited(self) -> bool:
        return self.checkpoints is not None

    def allows(self, checkpoint: object) -> bool:
        return self.checkpoints is None or checkpoint in self.checkpoints

    def only(self) -> str | None:
        """The one checkpoint of an account limited to exactly one, else None."""
        if self.checkpoints is not None and len(self.checkpoints) == 1:
            return next(iter(self.checkpoints))
        return None

    def first(self) -> str | None:
        """The checkpoint a limited account's statistics show when none is asked for: a report
        is one checkpoint's (or the nation's) at a time, the shapes disclosure control audits
        together, never one over a part of the checkpoints."""
        return min(self.checkpoints) if self.checkpoints else None

    def on_checkpoint(self, column: Any) -> ColumnElement[bool]:
        """A checkpoint code column within the scope."""
        if self.checkpoints is None:
            return true()
        return column.in_(sorted(self.checkpoints))

    def on_interview(self, column: Any) -> ColumnElement[bool]:
        """An interview id column naming an interview of the scope's checkpoints."""
        if self.checkpoints is None:
            return true()
        return column.in_(select(interviews.c.id).where(
            interviews.c.checkpoint.in_(sorted(self.checkpoints))))

    def on_device(self, column: Any) -> ColumnElement[bool]:
        """A device id column naming a workstation enrolled for one of the checkpoints."""
        if self.checkpoints is None:
            return true()
        return column.in_(select(devices.c.id).where(
            devices.c.checkpoint.in_(sorted(self.checkpoints))))


EVERYWHERE = Scope()


def scope_of(checkpoints: Iterable[str]) -> Scope:
    """The scope of an account limited to ``checkpoints`` (none: every checkpoint)."""
    codes = frozenset(checkpoints)
    return Scope(codes) if codes else EVERYWHERE

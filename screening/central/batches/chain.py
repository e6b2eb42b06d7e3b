"""The anchor of each workstation's audit chain (docs/protocol.md §8.3).

Every batch carries the head of the workstation's audit chain when it was built (its last
entry's seq and hash) and the workstation's own entry at the seq of the head central confirmed
last. Central keeps the heads it confirmed, per device and batch, and refuses a head that
moves backwards (below a head confirmed for a batch built earlier: entries were cut from the
end) or that forks (another hash at a seq central confirmed, or an anchor that is not the
entry central confirmed). A refusal concerns the chain, never the interviews: they are
stored as ever, and the head central holds stays where it was. The receipt carries the
verdict and the head central confirms, which the workstation keeps for ``audit verify``."""

from __future__ import annotations

from sqlalchemy import Connection

from screening.central.batches import queries
from screening.sync import wire


def judge(conn: Connection, content: wire.BatchContent) -> wire.ChainVerdict | None:
    """Central's verdict on the batch's audit head, recorded in the batch's transaction;
    None for a batch that carries none (a workstation from before the anchored chain)."""
    head = content.audit_head
    if head is None or head.hash is None:
        return None
    code = _problem(conn, content, head)
    if not code:
        queries.add_head(conn, content.device_id, content.sequence, head.seq, head.hash,
                         content.batch_id)
    last = queries.last_head(conn, content.device_id)
    confirmed = wire.ChainHead(*last) if last else None
    return wire.ChainVerdict("refused" if code else "confirmed", code, confirmed)


def _problem(conn: Connection, content: wire.BatchContent, head: wire.ChainHead) -> str:
    earlier = queries.highest_head_before(conn, content.device_id, content.sequence)
    if earlier is not None and head.seq < earlier[0]:
        return "audit_chain_backwards"
    held = queries.heads_at(conn, content.device_id, [head.seq])
    if held and head.hash not in held:
        return "audit_chain_forked"
    anchor = content.audit_anchor
    if anchor is not None:
        confirmed = queries.heads_at(conn, content.device_id, [anchor.seq])
        if confirmed and anchor.hash not in confirmed:
            return "audit_chain_forked"
    return ""

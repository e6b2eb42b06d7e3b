"""What ``screening enroll`` and ``screening sync`` do, for the command line and the desktop
client to call: each takes a logged-in supervisor's store session."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from screening import crypto
from screening.atomicfile import write_atomic
from screening.errors import PermissionDeniedError, ScreeningError
from screening.store import filelock
from screening.store.session import StoreSession
from screening.sync import builder, forms, identity, notices, reference, wire
from screening.sync.outbox import Outbox
from screening.sync.sender import SendReport, send_pending
from screening.sync.transport import (
    CentralClient,
    CentralRefusedError,
    check_address,
    peer_certificate,
)

OUTBOX = "outbox"
CA_FILE = "central-ca.pem"
SYNC_LOCK = "sync.lock"

ClientFactory = Callable[[str, str | bool], CentralClient]


@dataclass
class SyncReport(SendReport):
    """What was sent, the reference data pulled from central after it, and how many batches
    of the outbox (this run's or earlier ones) central refused for good: their interviews are
    not at central, and a sync that sends nothing new must still say so."""

    reference: reference.PullReport | None = None
    set_aside: int = 0
    held_back: list[str] = field(default_factory=list)
    # downloaded data on disk that no longer verifies (written or changed by hand): not used
    untrusted: list[str] = field(default_factory=list)
    expected: notices.NoticesReport | None = None  # the checkpoint's expected arrivals


def _default_client(url: str, verify: str | bool) -> CentralClient:
    return CentralClient(url, verify=verify)


class SyncRunningError(ScreeningError):
    code = "sync_running"

    def __init__(self) -> None:
        super().__init__()


@contextlib.contextmanager
def _one_sync(session: StoreSession) -> Iterator[None]:
    """One sync or export at a time on this workstation, whichever process runs it: two at
    once would build batches from the same interviews and send them side by side."""
    try:
        with filelock.exclusive(session.paths.root / SYNC_LOCK, wait=False):
            yield
    except filelock.LockHeldError:
        raise SyncRunningError from None


def _require_supervisor(session: StoreSession, what: str) -> None:
    if not session.is_supervisor:
        raise PermissionDeniedError(f"only a supervisor can {what}")


def enroll(session: StoreSession, server_url: str, code: str, ca_file: Path | None = None,
           label: str = "", client_factory: ClientFactory = _default_client
           ) -> identity.Identity:
    _require_supervisor(session, "enrol this workstation with central")
    check_address(server_url, ca_given=ca_file is not None)
    ca_pem = _read_ca(ca_file) if ca_file else None
    verify = _write_ca(session, ca_pem) if ca_pem else True
    key = crypto.new_signing_key()
    client = client_factory(server_url, verify)
    try:
        response = client.enrol(code, key, label)
    finally:
        client.close()
    if ca_pem is None and server_url.startswith("https://"):
        # No CA given: trust from now on only the certificate central showed at enrolment,
        # not every CA of the system (a new certificate needs a new enrolment, or --ca).
        ca_pem = peer_certificate(server_url)
    me = identity.from_enrolment(response, server_url, key, ca_pem)
    identity.save(session, me)
    return me


def sync_now(session: StoreSession, client_factory: ClientFactory = _default_client
             ) -> SyncReport:
    """Queue what is ready, send the outbox, record central's acknowledgements in the store,
    then pull the reference data published since the last sync (sync/reference.py) and the
    checkpoint's expected arrivals (sync/notices.py)."""
    _require_supervisor(session, "send interviews to central")
    with _one_sync(session):
        me = identity.load(session)
        reference.check_not_revoked(session, me)
        outbox = _outbox(session)
        reacknowledge(session, outbox)
        queued = builder.queue_ready(session, outbox, me)
        verify = _write_ca(session, me.ca_bundle) if me.ca_bundle else True
        client = client_factory(me.server_url, verify)
        try:
            sent = _send(session, outbox, client, me)
            pulled = reference.pull(session, client, me)
            expected = _pull_notices(session, client, me)
        finally:
            client.close()
        set_aside = sum(e.state == "quarantined" for e in outbox.entries())
    return SyncReport(**vars(sent), reference=pulled, set_aside=set_aside,
                      held_back=queued.held_back,
                      untrusted=forms.problems(session.paths.root, me.receipt_key()),
                      expected=expected)


def _pull_notices(session: StoreSession, client: CentralClient, me: identity.Identity
                  ) -> notices.NoticesReport:
    try:
        return notices.pull(session, client, me)
    except CentralRefusedError as refusal:  # only device_revoked reaches here
        reference.mark_revoked(session, me)
        raise reference.DeviceRevokedError(me.device_id) from refusal


def _send(session: StoreSession, outbox: Outbox, client: CentralClient,
          me: identity.Identity) -> SendReport:
    try:
        return send_pending(outbox, client, me.receipt_key(),
                            lambda results: _acknowledge(session, results),
                            lambda head: _confirm_head(session, head))
    except CentralRefusedError as refusal:
        if refusal.code == "device_revoked":  # remembered: no further attempt is made
            reference.mark_revoked(session, me)
            raise reference.DeviceRevokedError(me.device_id) from None
        raise


def export(session: StoreSession, dest: Path) -> list[Path]:
    """Write every pending batch to ``dest`` (removable media) for ``screening-central
    import``. They stay pending: only a receipt acknowledges them."""
    _require_supervisor(session, "export batches for central")
    with _one_sync(session):
        outbox = _outbox(session)
        builder.queue_ready(session, outbox, identity.load(session))
        return outbox.export(dest)


def _acknowledge(session: StoreSession, results: list[wire.InterviewResult]) -> None:
    # a result without a revision acknowledges nothing: retention needs to know which one
    session.acknowledge_revisions([(r.interview_id, r.revision) for r in results
                                   if r.revision is not None])


def _confirm_head(session: StoreSession, head: wire.ChainHead) -> None:
    if head.hash is not None:
        session.record_confirmed_head(head.seq, head.hash)


def reacknowledge(session: StoreSession, outbox: Outbox) -> int:
    """The revisions of every batch central acknowledged, read again from the outbox and
    recorded in the store when they are news: a store migrated from schema 3 forgot which
    revision its acknowledgements were for (store/migrations.py V4). A quarantined batch, and
    an interview central refused inside an acknowledged one, acknowledge nothing."""
    held = []
    for entry in outbox.entries():
        if entry.state != "acknowledged":
            continue
        refused = {(r.get("interview_id"), r.get("revision")) for r in entry.refused}
        held += [(i, r) for i, r in entry.interviews if (i, r) not in refused]
    return session.acknowledge_revisions(held)


def _outbox(session: StoreSession) -> Outbox:
    return Outbox(session.paths.root / OUTBOX)


def _read_ca(path: Path) -> str:
    try:
        text = path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as error:
        raise ScreeningError(code="ca_unreadable", path=path, detail=error) from None
    if "-----BEGIN CERTIFICATE-----" not in text:
        raise ScreeningError(code="ca_not_pem", path=path)
    return text


def _write_ca(session: StoreSession, pem: str) -> str:
    path = session.paths.root / CA_FILE
    write_atomic(path, pem.encode("ascii"))
    return str(path)

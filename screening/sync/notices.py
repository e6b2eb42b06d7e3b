"""The checkpoint's expected arrivals from central, at each sync (docs/protocol.md,
"Notices"): one signed list for this device's checkpoint, verified against central's key
received at enrolment, replacing what the store held (screening.store.notices). A list that
does not verify, names another device or checkpoint, or is older than the one held is
refused and the notices held stay; so does any failure to fetch it, which never fails the
rest of the sync (the interviews were sent already)."""

from __future__ import annotations

from dataclasses import dataclass

import requests

from screening import crypto
from screening.store import notices as held
from screening.store.session import StoreSession
from screening.sync import noticelist, transport, wire
from screening.sync.identity import Identity
from screening.sync.transport import CentralClient, CentralRefusedError


@dataclass(frozen=True)
class NoticesReport:
    held: int | None  # how many notices the workstation holds now; None: kept as they were
    refused: str = ""  # why the list was not taken


def pull(session: StoreSession, client: CentralClient, me: Identity) -> NoticesReport:
    try:
        doc = _fetch(client, me)
    except CentralRefusedError as refusal:
        if refusal.code == "device_revoked":
            raise
        return NoticesReport(None, f"central refused to send the notices: {refusal.message}")
    except transport.SyncError as error:
        return NoticesReport(None, error.message)
    return apply(session, doc, me)


def apply(session: StoreSession, doc: object, me: Identity) -> NoticesReport:
    try:
        found = noticelist.verify_list(doc, me.receipt_key())
    except (wire.WireError, crypto.CryptoError) as error:
        return NoticesReport(None, f"the notices were refused: {error.message}")
    if found.device_id != me.device_id or found.checkpoint != session.checkpoint_code():
        return NoticesReport(None, "the notices were refused: they are for another "
                                   "workstation or checkpoint")
    last = held.issued_at(session.conn)
    if last is not None and found.issued_at <= last:
        return NoticesReport(None, "the notices were refused: older than those held")
    return NoticesReport(held.replace_all(session.conn, found.notices, found.issued_at,
                                          session.account.name))


def _fetch(client: CentralClient, me: Identity) -> object:
    last = "no attempt made"
    for attempt in range(client.retry.attempts):
        if attempt:
            client.sleep(client.retry.delay(attempt - 1, client.rng))
        try:
            response, nonce = transport.get(client, noticelist.PATH, {},
                                            noticelist.sign_request(me.device_id, me.signer()))
        except requests.RequestException as error:
            last = type(error).__name__
            continue
        try:
            body = response.json()
        except ValueError:
            body = None
        if response.status_code == 200 and body is not None:
            return body
        refusal = transport.final_refusal(response, me.receipt_key(), nonce)
        if refusal is not None:
            raise refusal
        last = f"HTTP {response.status_code}"
    raise transport.CentralUnreachableError(
        f"central did not send the notices after {client.retry.attempts} attempts "
        f"(last: {last}); the notices held are kept")

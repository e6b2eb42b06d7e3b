"""What became of this workstation's referrals, as central's registry tells it at each sync
(``rs-referral-status/1``, docs/protocol.md §10.4): verified with central's key, kept inside
the encrypted store (a setting: the whole set, replaced each time), and read for the
interview and the home screen. Only status, organisation, day and reason come down."""

from __future__ import annotations

import json
from collections import defaultdict

from screening import crypto
from screening.store import connection, settings
from screening.store.connection import Connection
from screening.store.session import StoreSession
from screening.sync import packages, wire
from screening.sync.identity import Identity

SETTING = "referral_statuses"


def keep(session: StoreSession, document: object, me: Identity) -> str:
    """Keep the statuses when central signed them for this device; else the reason why not
    (what was held stays)."""
    try:
        at, statuses = packages.verify_statuses(document, me.receipt_key(), me.device_id)
    except (wire.WireError, crypto.CryptoError) as error:
        return error.message
    held = {"at": at, "referrals": [dict(zip(packages.STATUS_FIELDS,
                                             (getattr(s, f) for f in packages.STATUS_FIELDS),
                                             strict=True)) for s in statuses]}
    with connection.transaction(session.conn):
        settings.set_setting(session.conn, SETTING, wire.canonical_json(held).decode())
    return ""


def held(conn: Connection) -> tuple[str, list[packages.ReferralStatus]]:
    """(central's time, every status held), newest change first; ("", []) before a sync."""
    text = settings.get_setting(conn, SETTING)
    if not text:
        return "", []
    doc = json.loads(text)
    found = [packages.ReferralStatus(*(item.get(f) for f in packages.STATUS_FIELDS))
             for item in doc.get("referrals", [])]
    return str(doc.get("at", "")), sorted(found, key=lambda s: s.updated_at, reverse=True)


def by_interview(conn: Connection) -> dict[str, list[packages.ReferralStatus]]:
    found: dict[str, list[packages.ReferralStatus]] = defaultdict(list)
    for status in held(conn)[1]:
        found[status.interview_id].append(status)
    return dict(found)


def of_interview(conn: Connection, interview_id: str) -> list[packages.ReferralStatus]:
    return by_interview(conn).get(interview_id, [])


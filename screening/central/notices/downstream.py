"""What central sends a workstation at each sync: the unlinked notices of the device's own
checkpoint expected from ``NOTICE_LATE_DAYS`` ago to ``NOTICE_WINDOW_DAYS`` ahead, in one
list signed with the receipt key (screening.sync.noticelist). Only reads."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from screening import crypto
from screening.central.clock import utc_now
from screening.central.devices import queries as devices
from screening.central.notices import queries as q
from screening.central.notices.model import Notice
from screening.central.refusals import Refused
from screening.central.settings import NOTICE_LATE_DAYS, NOTICE_WINDOW_DAYS
from screening.sync import noticelist, packages, wire

if TYPE_CHECKING:
    from screening.central.service import Central


def answer(central: Central, device_id: str, at: str, signature: str,
           now: dt.datetime | None = None) -> dict[str, Any]:
    moment = now or dt.datetime.now(dt.UTC)
    checkpoint = _authenticate(central, device_id, at, signature)
    packages.check_request_time(at, moment)
    today = moment.date()
    first = (today - dt.timedelta(days=NOTICE_LATE_DAYS)).isoformat()
    last = (today + dt.timedelta(days=NOTICE_WINDOW_DAYS)).isoformat()
    with central.engine.connect() as conn:
        found = q.window(conn, checkpoint, first, last)
    return noticelist.sign_list(device_id=device_id, checkpoint=checkpoint,
                                issued_at=utc_now(), notices=[sent(n) for n in found],
                                signing_key=central.keys.signing)


def sent(notice: Notice) -> dict[str, Any]:
    """A notice as the workstation receives it; ``keep_until`` is the last day it is shown."""
    until = dt.date.fromisoformat(notice.expected_date) + dt.timedelta(days=NOTICE_LATE_DAYS)
    return {"id": notice.id, "expected_date": notice.expected_date,
            "keep_until": until.isoformat(), "given_name": notice.given_name,
            "family_name": notice.family_name, "date_of_birth": notice.date_of_birth,
            "age": notice.age, "sex": notice.sex, "nationality": notice.nationality,
            "travel": notice.travel, "coming_from": notice.coming_from,
            "notified_by": list(notice.notified_by),
            "victim_suspected": notice.victim_suspected,
            "child_suspected": notice.child_suspected,
            "meet_organisation": notice.meet_organisation, "note": notice.note}


def _authenticate(central: Central, device_id: str, at: str, signature: str) -> str:
    """The checkpoint of an enrolled, unrevoked device whose signature verifies."""
    with central.engine.connect() as conn:
        device = devices.get(conn, device_id)
    if device is None:
        raise Refused("the request comes from a device central has not enrolled",
                      code="device_unknown")
    key = crypto.load_verify_key(wire.b64d(device.verify_key, "key"))
    crypto.verify(key, wire.b64d(signature, "the request signature"),
                  noticelist.request_body(device_id, at), "the request signature")
    if device.revoked_at:
        raise Refused("this workstation was revoked; ask central staff", code="device_revoked")
    return device.checkpoint

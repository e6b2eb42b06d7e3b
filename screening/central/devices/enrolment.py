"""One-time enrolment codes (made by staff, audited) and the enrolment of a workstation with
one."""

from __future__ import annotations

import datetime as dt
import math
import uuid
from typing import TYPE_CHECKING

from sqlalchemy.exc import IntegrityError

from screening import crypto
from screening.central.clock import utc_now
from screening.central.devices import queries as devices
from screening.central.refusals import Refused
from screening.central.settings import ENROLMENT_CODE_HOURS, ENROLMENT_CODE_MAX_HOURS
from screening.central.staff import audit
from screening.sync import wire

if TYPE_CHECKING:
    from screening.central.service import Central

# No 0/O, 1/I/L: the code is read from a screen and typed at a checkpoint.
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
_CODE_LENGTH = 16


def new_code(central: Central, checkpoint: str, hours: float = ENROLMENT_CODE_HOURS, *,
             by: str) -> str:
    """A one-time code for a workstation of ``checkpoint``, made by staff member ``by``."""
    if not checkpoint.strip() or len(checkpoint.strip()) > 100 or "\x00" in checkpoint:
        raise Refused("name the checkpoint the workstation belongs to (up to 100 characters)",
                      code="checkpoint_invalid")
    if not (math.isfinite(hours) and 1 / 60 <= hours <= ENROLMENT_CODE_MAX_HOURS):
        raise Refused(f"a code is valid for between a minute and {ENROLMENT_CODE_MAX_HOURS} "
                      "hours (14 days)", code="code_validity_invalid")
    code = crypto.random_code(_ALPHABET, _CODE_LENGTH)
    now = dt.datetime.now(dt.UTC)
    expires = (now + dt.timedelta(hours=hours)).isoformat(timespec="microseconds")
    with central.engine.begin() as conn:
        devices.add_code(conn, _hash(code), checkpoint.strip(),
                         now.isoformat(timespec="microseconds"), expires)
        audit.record(conn, by, "enrolment_code_created", checkpoint.strip())
    return "-".join(code[i:i + 4] for i in range(0, _CODE_LENGTH, 4))


def _hash(code: str) -> str:
    normalised = code.replace("-", "").replace(" ", "").upper()
    return crypto.sha256_hex(normalised)


def enrol(central: Central, request: wire.EnrolRequest) -> wire.EnrolResponse:
    device_id = str(uuid.uuid4())
    now = utc_now()
    try:
        with central.engine.begin() as conn:
            checkpoint = devices.claim_code(conn, _hash(request.code), now, device_id)
            if checkpoint is None:
                raise Refused("the enrolment code is wrong, already used or expired; ask "
                              "central staff for a new one", code="enrolment_code_invalid")
            devices.add(conn, devices.Device(device_id, checkpoint, request.label,
                                             wire.b64e(request.verify_key), now, None))
    except IntegrityError:
        raise Refused("this device key is already enrolled; make a new key",
                      code="device_key_in_use") from None
    return wire.EnrolResponse(device_id, checkpoint, central.keys.encryption_public,
                              central.keys.verify_key)


def fingerprint(central: Central) -> str:
    return crypto.fingerprint(central.keys.verify_key)

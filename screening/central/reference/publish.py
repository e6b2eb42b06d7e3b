"""Reference data central publishes to the workstations: questionnaire versions, the reference
folder and the revocation list, each a signed package (screening.sync.packages), and the
answer to a workstation's pull (which only reads: the revocation list is published when a
device is revoked, ``devices.revocation``).

A form or folder is checked with the workstation's own loaders before it is published, so a
broken one is refused here, with the loader's problems, rather than at twenty checkpoints."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from screening import crypto
from screening.central.clock import utc_now
from screening.central.database import retry_on_conflict
from screening.central.devices import queries as devices
from screening.central.reference import queries as published
from screening.central.referrals import registry
from screening.central.refusals import Refused
from screening.central.staff import audit
from screening.errors import ScreeningError
from screening.questionnaire.loader import load_form_text
from screening.questionnaire.reference import load_reference
from screening.sync import packages, wire

if TYPE_CHECKING:
    from screening.central.service import Central

BY_CENTRAL = "central"  # what central publishes by itself (a revocation list made current)
PULL_LIMIT = 50  # packages per answer; the workstation asks again from the last one it got


def publish_form_text(central: Central, text: str, file: str = "<form>", *, by: str
                      ) -> published.Published:
    """Publish one questionnaire version. A broken form raises ``FormDefinitionError`` with
    every problem; the same version again is a no-op; a changed form under a version number
    already published is refused (interviews name their form by id and version)."""
    form = load_form_text(text, file)
    payload = {"form_id": form.id, "form_version": form.version, "yaml": text}
    return _publish(central, "form", form.id, form.version, payload, by)


def publish_form_file(central: Central, path: Path, *, by: str) -> published.Published:
    return publish_form_text(central, _read_text(path), str(path), by=by)


def publish_reference_dir(central: Central, folder: Path, *, by: str) -> published.Published:
    """Publish the reference folder (checkpoints, referral directory, help lines, countries)
    after ``load_reference`` accepted it; unchanged files are a no-op."""
    load_reference(folder)  # raises ReferenceDataError naming the file and entry
    files = {name: _read_text(folder / name) for name in packages.REFERENCE_FILES}
    files.update({name: _read_text(folder / name) for name in packages.OPTIONAL_REFERENCE_FILES
                  if (folder / name).exists()})
    return _publish(central, "reference", "reference", "", {"files": files}, by)


def revocations(central: Central, conn: Connection, *, by: str) -> published.Published | None:
    """Publish the list of revoked devices, in the caller's transaction, when it differs from
    the last one published."""
    revoked = devices.revoked_ids(conn)
    if published.latest_of(conn, "revocations", "revocations") is None and not revoked:
        return None
    return _add_unless_same(central, conn, "revocations", "revocations", "",
                            {"device_ids": revoked}, by)


def catch_up_revocations(central: Central) -> published.Published | None:
    """For a database from before revocations were published as they happened."""
    return retry_on_conflict(central.engine, lambda conn: revocations(central, conn,
                                                                      by=BY_CENTRAL))


def _publish(central: Central, kind: str, name: str, label: str, payload: dict[str, Any],
             by: str) -> published.Published:
    # A conflict: another publication took the same version number first; number it again.
    return retry_on_conflict(central.engine, lambda conn: _add_unless_same(
        central, conn, kind, name, label, payload, by), busy="central is busy; publish again")


def _add_unless_same(central: Central, conn: Connection, kind: str, name: str, label: str,
                     payload: dict[str, Any], by: str) -> published.Published:
    digest = wire.sha256_hex(wire.canonical_json(payload))
    last = (published.form_package(conn, name, label) if kind == "form"
            else published.latest_of(conn, kind, name))
    if last is not None and last.payload_hash == digest:
        return last  # already what the workstations get
    if last is not None and kind == "form":
        raise Refused(f"form {name} version {label} was already published with other "
                      "content: give the changed form a new version", code="form_version_taken")
    version = published.latest_version(conn) + 1
    now = utc_now()
    document = packages.sign_package(version=version, kind=kind, published_at=now,
                                     payload=payload, signing_key=central.keys.signing)
    row = published.Published(version, kind, name, label, digest,
                              wire.canonical_json(document).decode("utf-8"), now, by)
    published.add(conn, row)
    audit.record(conn, by, f"{kind}_published", f"v{version} {name} {label}".strip())
    return row


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "not UTF-8 text"
        raise ScreeningError(f"cannot read {path}: {reason}", code="file_unreadable") from None


def listing(central: Central) -> list[dict]:
    with central.engine.connect() as conn:
        return published.listing(conn)


# -- serving a pull -----------------------------------------------------------------------------

def pull(central: Central, device_id: str, since: int, at: str, signature: str,
         now: dt.datetime | None = None) -> dict[str, Any]:
    """The answer to ``GET /v1/reference?since=N`` from an enrolled, unrevoked device whose
    signature over the request verifies; raises ``Refused``/``WireError`` otherwise."""
    _authenticate(central, device_id, since, at, signature)
    packages.check_request_time(at, now or dt.datetime.now(dt.UTC))
    with central.engine.connect() as conn:
        documents = published.since(conn, since, PULL_LIMIT)
        latest = published.latest_version(conn)
        statuses = registry.statuses_of_device(conn, device_id)
    signed = packages.sign_statuses(device_id=device_id, at=utc_now(), referrals=statuses,
                                    signing_key=central.keys.signing)
    return packages.build_list([json.loads(d) for d in documents], latest, signed)


def _authenticate(central: Central, device_id: str, since: int, at: str, signature: str
                  ) -> None:
    with central.engine.connect() as conn:
        device = devices.get(conn, device_id)
    if device is None:
        raise Refused("the request comes from a device central has not enrolled",
                      code="device_unknown")
    key = crypto.load_verify_key(wire.b64d(device.verify_key, "key"))
    crypto.verify(key, wire.b64d(signature, "the request signature"),
                  packages.request_body(device_id, since, at), "the request signature")
    if device.revoked_at:
        raise Refused("this workstation was revoked; ask central staff", code="device_revoked")

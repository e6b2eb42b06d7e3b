"""Reference data from central at the workstation: pull, verify and keep the packages.

Every ``sync_now`` pulls the packages published since the last one applied. A package is kept
only when central's signature verifies against the key received at enrolment and, for a form or
the reference folder, when this program's own loader accepts it; anything else is refused with
its reason and what the workstation had stays in use. Kept packages live in the data folder::

    <data>/reference/v7/package.json   the signed document as received
    <data>/reference/v7/form.yaml      (a form) or checkpoints.yaml ... (the reference folder)
    <data>/reference/current.json      the pointer: what applies now, written atomically

A folder ``vN`` is complete before the pointer names it (built under a temporary name, then
renamed), so a power cut leaves either the old data or the new, never half of it.

Which form an interview uses is the form catalogue's business (screening.sync.forms): new
interviews get the newest form and folder from central, else the ones bundled with the
program; an interview started earlier keeps its own form version.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from screening import crypto
from screening.atomicfile import fsync_dir, write_atomic
from screening.errors import FormDefinitionError, ReferenceDataError, ScreeningError
from screening.questionnaire.loader import load_form_text
from screening.questionnaire.reference import load_reference
from screening.store import audit, connection, settings
from screening.store.session import StoreSession
from screening.sync import packages, referralstatus, transport, wire
from screening.sync.identity import Identity
from screening.sync.transport import CentralClient, CentralRefusedError, CentralUnreachableError

FOLDER = "reference"
POINTER = "current.json"
FORM_FILE = "form.yaml"
PACKAGE_FILE = "package.json"
REVOKED_SETTING = "sync_revoked"
log = logging.getLogger("screening.sync")
_MAX_ROUNDS = 100  # pages of packages per pull; a bound, not an expected number


class DeviceRevokedError(ScreeningError):
    code = "device_revoked"

    def __init__(self, device_id: str) -> None:
        super().__init__(device_id=device_id)


@dataclass
class PullReport:
    applied: list[str] = field(default_factory=list)  # e.g. "v7: form returnee_screening 2"
    refused: list[str] = field(default_factory=list)  # "v8: <why>", for the supervisor
    version: int = 0  # the newest package applied or passed over


@dataclass(frozen=True)
class State:
    """What ``current.json`` says; version 0 and no entries before the first pull."""

    version: int = 0
    form: int | None = None  # the package that holds the form for new interviews
    reference: int | None = None
    forms: dict[str, int] = field(default_factory=dict)  # "id@version" -> package
    revoked: tuple[str, ...] = ()
    refused: dict[str, str] = field(default_factory=dict)  # package version -> why


# -- where things are ---------------------------------------------------------------------------

def folder(data_dir: Path) -> Path:
    return Path(data_dir) / FOLDER


def read_state(data_dir: Path) -> State:
    path = folder(data_dir) / POINTER
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        return State(int(doc.get("version", 0)), doc.get("form"), doc.get("reference"),
                     dict(doc.get("forms", {})), tuple(doc.get("revoked", ())),
                     dict(doc.get("refused", {})))
    except FileNotFoundError:
        return State()
    except (OSError, ValueError, TypeError, AttributeError) as error:
        raise ReferenceDataError(code="reference_damaged", path=path, detail=error) from None


def _write_state(data_dir: Path, state: State) -> None:
    doc = {"version": state.version, "form": state.form, "reference": state.reference,
           "forms": state.forms, "revoked": list(state.revoked), "refused": state.refused}
    write_atomic(folder(data_dir) / POINTER, wire.canonical_json(doc))


# -- how the pointer names a form version (screening.sync.forms reads it) ----------------------

def form_key(form_id: str, form_version: str) -> str:
    """How ``current.json`` names a form version."""
    return f"{form_id}@{form_version}"


# -- pulling ------------------------------------------------------------------------------------

def pull(session: StoreSession, client: CentralClient, me: Identity) -> PullReport:
    """Fetch, verify and keep what central published since the last pull. A package with a
    bad signature stops the pull (nothing after it is trusted; it is asked for again next
    time); a form or folder this program cannot read is refused and passed over. Raises
    :class:`DeviceRevokedError` when central lists or refuses this very device."""
    check_not_revoked(session, me)
    data_dir = session.paths.root
    report = PullReport(version=read_state(data_dir).version)
    statuses: object = None
    for _ in range(_MAX_ROUNDS):
        before = report.version
        documents, latest, statuses = fetch(session, client, me, before)
        if not apply_documents(data_dir, documents, me.receipt_key(), report):
            break
        if report.version == before or report.version >= latest:
            break  # done, or an answer that moves nothing on (asking again would not either)
    if statuses is not None:
        problem = referralstatus.keep(session, statuses, me)
        if problem:
            report.refused.append(f"referral statuses refused, the ones held kept: {problem}")
    if me.device_id in read_state(data_dir).revoked:
        mark_revoked(session, me)
        raise DeviceRevokedError(me.device_id)
    return report


def apply_documents(data_dir: Path, documents: list[object],
                    central_key: crypto.Ed25519PublicKey, report: PullReport) -> bool:
    """Apply packages in order; False when one's signature failed (the rest is not trusted)."""
    for document in documents:
        try:
            package = packages.verify_package(document, central_key)
        except (wire.WireError, crypto.CryptoError) as error:
            version = document.get("version") if isinstance(document, dict) else "?"
            report.refused.append(f"v{version}: refused, the data kept as it was: "
                                  f"{error.message}")
            return False
        if package.version <= report.version:
            continue  # already applied (an answer repeated by a proxy, say)
        _apply_one(data_dir, package, report)
    return True


def _apply_one(data_dir: Path, package: packages.Package, report: PullReport) -> None:
    problem = keep(data_dir, package)
    state = read_state(data_dir)
    if problem:
        report.refused.append(f"v{package.version}: {package.label} refused, the data kept "
                              f"as it was: {problem}")
        state = _replace(state, version=package.version,
                         refused={**state.refused, str(package.version): problem})
    else:
        report.applied.append(f"v{package.version}: {package.label}")
        state = _advance(state, package)
    _write_state(data_dir, state)
    report.version = package.version


def _advance(state: State, package: packages.Package) -> State:
    payload = package.payload
    if package.kind == "form":
        key = form_key(payload["form_id"], payload["form_version"])
        return _replace(state, version=package.version, form=package.version,
                        forms={**state.forms, key: package.version})
    if package.kind == "reference":
        return _replace(state, version=package.version, reference=package.version)
    return _replace(state, version=package.version,
                    revoked=tuple(payload.get("device_ids", ())))


def _replace(state: State, **changes: Any) -> State:
    return State(**{**state.__dict__, **changes})


# -- keeping one package ------------------------------------------------------------------------

def keep(data_dir: Path, package: packages.Package) -> str | None:
    """Write the package's folder ``vN`` and check it with this program's loaders; the reason
    it cannot be used, or None when ``vN`` is complete and ready for the pointer."""
    base = folder(data_dir)
    base.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = Path(tempfile.mkdtemp(prefix=f".v{package.version}.", dir=base))
    try:
        problem = _write_files(tmp, package) or _check(tmp, package)
        if problem is None:
            final = base / f"v{package.version}"
            if final.exists():  # left by a pull cut off before its pointer was written
                shutil.rmtree(final)
            os.replace(tmp, final)
            fsync_dir(base)
        return problem
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _write_files(tmp: Path, package: packages.Package) -> str | None:
    files = _files_of(package)
    if isinstance(files, str):
        return files
    for name, text in {**files, PACKAGE_FILE: wire.canonical_json(package.document).decode()
                       }.items():
        write_atomic(tmp / name, text.encode("utf-8"))
    return None


def _files_of(package: packages.Package) -> dict[str, str] | str:
    payload = package.payload
    if package.kind == "form":
        text = payload.get("yaml")
        return {FORM_FILE: text} if isinstance(text, str) else "the package holds no form"
    if package.kind == "reference":
        files = payload.get("files")
        if not isinstance(files, dict) or not set(packages.REFERENCE_FILES) <= set(files) \
                <= {*packages.REFERENCE_FILES, *packages.OPTIONAL_REFERENCE_FILES} or \
                not all(isinstance(t, str) for t in files.values()):
            return "the package does not hold the reference files"
        return dict(files)
    ids = payload.get("device_ids")
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        return "the revocation list is malformed"
    return {"revocations.json": wire.canonical_json(ids).decode()}


def _check(tmp: Path, package: packages.Package) -> str | None:
    try:
        if package.kind == "form":
            form = load_form_text((tmp / FORM_FILE).read_text(encoding="utf-8"),
                                  f"form of package v{package.version}")
            if (form.id, form.version) != (package.payload.get("form_id"),
                                           package.payload.get("form_version")):
                return "the form's id or version is not the one the package names"
        elif package.kind == "reference":
            load_reference(tmp)
    except FormDefinitionError as error:
        return "this program cannot read the form: " + "; ".join(str(p) for p in
                                                                  error.problems[:5])
    except ReferenceDataError as error:
        return f"this program cannot read the reference data: {error.message}"
    return None


# -- what is in use: checked against central's signature each time it is read ------------------
#
# The folder is on the workstation's disk, outside the encrypted store: anyone who can write
# there can write a current.json and a v999/form.yaml. So what a load uses is never what the
# pointer says alone: it is the package the pointer names when central's signature on its
# package.json verifies now (the key comes from the encrypted store), and the form's text is the
# signed one, not form.yaml; otherwise the newest package in the folder that verifies, which is
# the version in use before the files were written.

_checked: dict[tuple[bytes, bytes], packages.Package] = {}  # (key, package.json) -> package
_told: set[str] = set()


def trusted(data_dir: Path, central_key: crypto.Ed25519PublicKey | None, kind: str,
            form: str | None = None) -> tuple[packages.Package | None, list[str]]:
    """The verified package of ``kind`` in use (for ``form``, the one holding that form
    version, ``form_key``), and why any the pointer names was not used. None without
    central's key (not enrolled, or before a login opened the store): only what the program
    ships is trusted then."""
    if central_key is None:
        return None, []
    state, problems = _pointer(data_dir)
    named = state.forms.get(form) if form else state.form if kind == "form" else \
        state.reference if kind == "reference" else None
    candidates = ([named] if named else []) + sorted(
        (n for n in _package_numbers(data_dir) if n != named), reverse=True)
    for number in candidates:
        package, why = _verified(data_dir, number, central_key, kind, form)
        if package is not None:
            return package, problems
        if number == named:
            problems.append(f"reference/v{number}: {why}; it is not used, and the last version "
                            "central signed stays in use")
    return None, problems


def _pointer(data_dir: Path) -> tuple[State, list[str]]:
    try:
        return read_state(data_dir), []
    except ReferenceDataError as error:
        return State(), [f"{error.message}; the last version central signed stays in use"]


def _package_numbers(data_dir: Path) -> list[int]:
    try:
        names = [p.name for p in folder(data_dir).iterdir() if p.is_dir()]
    except OSError:
        return []
    return [int(n[1:]) for n in names if n.startswith("v") and n[1:].isdigit()]


def _verified(data_dir: Path, number: int, central_key: crypto.Ed25519PublicKey, kind: str,
              form: str | None) -> tuple[packages.Package | None, str]:
    where = folder(data_dir) / f"v{number}"
    try:
        raw = (where / PACKAGE_FILE).read_bytes()
    except OSError:
        return None, "central's signed package is missing there"
    memo = (crypto.public_bytes(central_key), raw)
    package = _checked.get(memo)
    if package is None:
        try:
            package = packages.verify_package(json.loads(raw), central_key)
        except (ValueError, wire.WireError, crypto.CryptoError):
            return None, "it is not signed by central (its signature does not verify)"
        _checked[memo] = package
    if package.version != number:
        return None, f"its signed package is v{package.version}, not v{number}"
    if package.kind != kind or (form and form_key(str(package.payload.get("form_id")), str(
            package.payload.get("form_version"))) != form):
        return None, "it holds something else than it is used for"
    if kind == "reference" and not _files_match(where, package):
        return None, "its files were changed after central signed them"
    return package, ""


def _files_match(where: Path, package: packages.Package) -> bool:
    files = _files_of(package)
    try:
        return isinstance(files, dict) and all(
            (where / name).read_text(encoding="utf-8") == text for name, text in files.items())
    except (OSError, UnicodeDecodeError):
        return False


def tell(problems: list[str]) -> None:
    """Log each problem once per process: the catalogue asks on every load."""
    for problem in problems:
        if problem not in _told:
            _told.add(problem)
            log.warning("reference data refused: %s", problem)


def folder_of(data_dir: Path, package: packages.Package) -> Path:
    return folder(data_dir) / f"v{package.version}"


# -- revocation ---------------------------------------------------------------------------------

def mark_revoked(session: StoreSession, me: Identity) -> None:
    if settings.get_setting(session.conn, REVOKED_SETTING) == me.device_id:
        return
    with connection.transaction(session.conn):
        settings.set_setting(session.conn, REVOKED_SETTING, me.device_id)
        audit.append(session.conn, session.account.name, "device_revoked_by_central", None,
                     {"device_id": me.device_id})


def check_not_revoked(session: StoreSession, me: Identity) -> None:
    """Raise when central revoked this enrolment (a new enrolment has a new device id)."""
    if settings.get_setting(session.conn, REVOKED_SETTING) == me.device_id:
        raise DeviceRevokedError(me.device_id)


# -- the request --------------------------------------------------------------------------------

Page = tuple[list[object], int, object]  # the packages, central's latest, the statuses


def fetch(session: StoreSession, client: CentralClient, me: Identity, since: int) -> Page:
    try:
        return _fetch(client, me, since)
    except CentralRefusedError as refusal:
        if refusal.code == "device_revoked":
            mark_revoked(session, me)
            raise DeviceRevokedError(me.device_id) from None
        raise


def _fetch(client: CentralClient, me: Identity, since: int) -> Page:
    """One page of package documents newer than ``since``, central's latest version and the
    (still unverified) statuses of this device's referrals.
    Retries like a batch upload; a JSON refusal from central ends it at once."""
    last = "no attempt made"
    for attempt in range(client.retry.attempts):
        if attempt:
            client.sleep(client.retry.delay(attempt - 1, client.rng))
        try:
            response, nonce = transport.get(
                client, "/v1/reference", {"since": str(since)},
                packages.sign_request(me.device_id, since, me.signer()))
        except requests.RequestException as error:
            last = type(error).__name__
            continue
        found = _answer(response, me, nonce)
        if found is not None:
            return found
        last = f"HTTP {response.status_code}"
    raise CentralUnreachableError(f"central did not send the reference data after "
                                  f"{client.retry.attempts} attempts (last: {last})")


def _answer(response: requests.Response, me: Identity, nonce: str) -> Page | None:
    """The documents of a 200 answer, or None for something worth retrying (a proxy's page,
    a refusal central did not sign for this request)."""
    try:
        body = response.json()
    except ValueError:
        return None
    if response.status_code == 200:
        try:
            documents = packages.parse_list(body)
        except wire.WireError:
            return None
        latest = body.get("latest")
        return documents, latest if type(latest) is int else 0, body.get("referral_statuses")
    refusal = transport.final_refusal(response, me.receipt_key(), nonce)
    if refusal is not None:
        raise refusal
    return None


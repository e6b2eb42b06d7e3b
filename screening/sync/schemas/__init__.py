"""The JSON Schemas of every JSON message of the sync protocol (docs/protocol.md), and the one
function that checks a document against one of them.

The schemas are about shape (types, required members, lengths, encodings); the meaning (does
the signature verify, is the device enrolled) stays with wire.py, packages.py and central.
Stand-alone like wire.py, so central can import it.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, TypeChecker, validators
from referencing import Registry, Resource

from screening.sync import wire

NAMES = ("audit-entry", "batch-content", "batch-header", "enrol-request", "enrol-response",
         "error", "health", "interview", "notices-list", "notices-request", "receipt",
         "reference-list", "reference-package", "reference-request", "referral-status")
_SHOWN_PROBLEMS = 5


def schema(name: str) -> dict[str, Any]:
    """The schema document ``<name>.json``, as shipped in the package."""
    if name not in NAMES:
        raise KeyError(f"no protocol schema named {name!r}")
    text = resources.files(__package__).joinpath(f"{name}.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _whole_number(_checker: TypeChecker, value: object) -> bool:
    return type(value) is int  # not True, not 1.0: what wire.py and central accept


# JSON Schema counts 1.0 as an integer; the protocol does not (docs/protocol.md §3).
_Validator = validators.extend(Draft202012Validator, type_checker=Draft202012Validator
                               .TYPE_CHECKER.redefine("integer", _whole_number))


@functools.cache
def _validator(name: str) -> Any:
    return _Validator(schema(name), registry=_registry())


@functools.cache
def _registry() -> Registry:
    # Every schema under its $id, so "$ref": "interview.json" resolves without the network.
    resources_ = [(doc["$id"], Resource.from_contents(doc)) for doc in map(schema, NAMES)]
    return Registry().with_resources(resources_)


def problems(name: str, doc: object) -> list[str]:
    """Where ``doc`` departs from the schema ``name``: JSON pointers and the rule broken, never
    the values (a value may be a victim's name)."""
    errors = sorted(_validator(name).iter_errors(doc), key=lambda e: list(e.absolute_path))
    return [f"{_pointer(e.absolute_path)}: {e.validator}" for e in errors]


def validate(name: str, doc: object, code: str = "message_malformed") -> None:
    """Raise ``WireError`` with ``code`` when ``doc`` is not shaped as the schema ``name``
    says; central passes the code it answers with (e.g. ``request_malformed``)."""
    found = problems(name, doc)
    if found:
        shown = "; ".join(found[:_SHOWN_PROBLEMS])
        more = f" and {len(found) - _SHOWN_PROBLEMS} more" if len(found) > _SHOWN_PROBLEMS else ""
        raise wire.WireError(f"the document does not match the {name} schema: {shown}{more}",
                             code=code)


def _pointer(path: Any) -> str:
    return "/" + "/".join(str(part) for part in path) if path else "/"

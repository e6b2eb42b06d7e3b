"""docs/protocol.md says what the code says: its error table is central's status table, every
schema and vector it names exists, and the workstation's quarantine list is the one it gives."""

from __future__ import annotations

import base64
import re

from screening.central.refusals import STATUS_BY_CODE
from screening.sync import schemas, sender
from tests.conftest import ROOT
from tests.protocol.conftest import VECTORS, vector

SPEC = (ROOT / "docs" / "protocol.md").read_text(encoding="utf-8")
# "| 409 | `sequence_reused` | batch | ..." rows of §4
ROW = re.compile(r"^\| (\d{3}) \| `([a-z_]+)` \|", re.MULTILINE)
NOT_THE_PROTOCOL = {"form_version_taken", "match_unknown"}  # staff tools (§4)


def test_the_error_table_is_central_s():
    table = {code: int(status) for status, code in ROW.findall(SPEC)}
    assert table.pop("internal") == 500
    assert table == {c: s for c, s in STATUS_BY_CODE.items() if c not in NOT_THE_PROTOCOL}
    for code in NOT_THE_PROTOCOL:
        assert f"`{code}`" in SPEC


def test_the_quarantine_list_is_the_workstation_s():
    policy = SPEC[SPEC.index("The workstation's policy"):SPEC.index("## 5.")]
    listed = set(re.findall(r"`([a-z_]+)`", policy[:policy.index("set that batch aside")]))
    assert listed - {"busy"} == sender.BATCH_REFUSALS


def test_every_schema_and_vector_is_named():
    for name in schemas.NAMES:
        assert f"`{name}.json`" in SPEC, name
    for path in VECTORS.glob("*.json"):
        assert f"`{path.name}`" in SPEC, path.name


def test_the_hex_dump_in_the_spec_is_the_vector_s():
    frame = base64.b64decode(vector("batch")["frame_base64"])
    assert f"the file is {len(frame)} bytes and begins\n`{frame[:12].hex(' ')}`" in SPEC

"""``screening-central notices`` as an operator runs it: a real process on a real SQLite file,
messages and exit codes, never a traceback; names only on the terminal that asked."""

from __future__ import annotations

import json

from tests.central.cli.test_cli import failed, ok
from tests.central.live import run_cli


def test_add_list_and_import(tmp_path):
    home, url = tmp_path / "central", f"sqlite:///{tmp_path / 'central' / 'central.db'}"
    out = ok(run_cli(home, url, "notices", "add", "--checkpoint", "TIA", "--expected",
                     "2026-12-03", "--given-name", "Arben", "--family-name", "Hoxha",
                     "--date-of-birth", "1990-03-01", "--notified-by", "readmission_authorities",
                     "--victim-suspected", "--meet", "nrcvt", "--travel", "LH 1426"))
    assert "recorded" in out
    csv = tmp_path / "n.csv"
    csv.write_text("checkpoint,expected_date,given_name,family_name,age,notified_by\n"
                   "TIA,2026-12-03,Hoxha,Arben,36,iom\nKKV,2026-12-05,Ana,Lika,,ngo\n",
                   encoding="utf-8")
    assert "1 notices recorded, 1 merged" in ok(run_cli(home, url, "notices", "import",
                                                        str(csv)))
    listed = json.loads(ok(run_cli(home, url, "notices", "list", "--json")))
    assert [(n["checkpoint"], n["notified_by"]) for n in listed] == [
        ("TIA", ["readmission_authorities", "iom"]), ("KKV", ["ngo"])]
    assert "Arben Hoxha (1990-03-01)" in ok(run_cli(home, url, "notices", "list"))


def test_refusals_are_messages(tmp_path):
    home, url = tmp_path / "central", f"sqlite:///{tmp_path / 'central' / 'central.db'}"
    said = failed(run_cli(home, url, "notices", "add", "--checkpoint", "TIA", "--expected",
                          "tomorrow", "--given-name", "A", "--family-name", "B",
                          "--notified-by", "iom"), "notice_invalid")
    assert "expected_date: not a date" in said
    bad = tmp_path / "bad.csv"
    bad.write_bytes("checkpoint,given_name\nTIA,Ç\n".encode("latin-1"))
    assert "not UTF-8" in failed(run_cli(home, url, "notices", "import", str(bad)),
                                 "notices_refused")
    assert "cannot read" in failed(run_cli(home, url, "notices", "import",
                                           str(tmp_path / "none.csv")), "notices_refused")

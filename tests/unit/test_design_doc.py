"""docs/design.md is the living design: every home its "where things live" table names exists,
so a moved module cannot leave the table pointing at nothing."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def homes() -> list[tuple[str, list[str]]]:
    text = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    table = text[text.index("### Where things live"):text.index("## 3.")]
    rows = []
    for line in table.splitlines():
        cells = line.split("|")
        if len(cells) < 3 or set(cells[1].strip()) <= {"-"} or cells[1].strip() == "behaviour":
            continue
        paths = [p for p in re.findall(r"`([^`\s]+)`", cells[2]) if "/" in p or p.endswith(".py")]
        rows.append((cells[1].strip(), paths))
    return rows


def test_the_table_names_the_homes_the_architecture_issue_asks_for():
    behaviours = " ".join(b for b, _ in homes())
    for wanted in ("decision rule", "autosave", "batch ingest", "slip layout",
                   "console permissions", "statistics table"):
        assert wanted in behaviours


def test_every_home_in_the_table_exists():
    for behaviour, paths in homes():
        assert paths, behaviour
        folder = ROOT
        for path in paths:
            if path.startswith(("screening/", "docs/", "scripts/", "forms/", "tests/")):
                candidate = ROOT / path.replace("<page>", "login")
                folder = candidate if path.endswith("/") else candidate.parent
            else:  # named relative to the home before it in the row, or to the package
                candidate = folder / path
                if not candidate.exists():
                    candidate = ROOT / "screening" / path
            assert candidate.exists(), f"{behaviour}: {path}"

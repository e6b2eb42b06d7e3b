"""Reading the documents back, as a person (or a screen reader) would."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from tests.answer_sets import adult_no_indicators, with_yes

CASE = "TIA-2026-00042"
NOTES_MARKER = "NOTES-MUST-NOT-PRINT-7c1e"
VICTIM_INDICATORS = ("ind_deceived_nature_of_job", "ind_deceived_conditions",
                     "ind_excessive_hours", "ind_low_or_no_pay", "ind_documents_confiscated",
                     "ind_violence")


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def text(pdf: bytes) -> str:
    return "\n".join(pages(pdf))


def squeeze(value: str) -> str:
    """Text without any white space: a long name wraps over lines wherever the layout chose."""
    return re.sub(r"\s+", "", value)


def embedded_fonts(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                names.add(str(font["/BaseFont"]))
    return names


def victim_interview(**answers: Any) -> dict[str, Any]:
    """A presumed victim referred to the national reception centre, with officer's notes."""
    base = with_yes(adult_no_indicators(
        action_taken="referred_shelter", referral_organisation="nrcvt", referral_urgent="yes",
        officer_outcome="presumed_victim", officer_notes=f"{NOTES_MARKER} private remark",
        needs_medical="yes", needs_legal="yes", activity_sector=["agriculture", "construction"],
        country_of_exploitation="IT"), *VICTIM_INDICATORS)
    base.update(answers)
    return record(base)


def record(answers: dict[str, Any], **fields: Any) -> dict[str, Any]:
    data = {"id": "0b7c3f7e-1111-4222-8333-444455556666", "case_reference": CASE,
            "form_id": "returnee_screening", "form_version": "2026.1", "checkpoint": "KKV",
            "officer": "Arta Leka", "started_at": "2026-07-01T10:00:00",
            "finalised_at": "2026-07-01T11:05:00", "status": "finalised", "answers": answers}
    data.update(fields)
    return data


def render_png(pdf: bytes, folder: Path, name: str) -> Path | None:
    """The first page as PNG, when poppler's pdftoppm is installed (for looking at it)."""
    if shutil.which("pdftoppm") is None:
        return None
    source = folder / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", str(source),
                    str(folder / name)], check=True, timeout=60)
    return folder / f"{name}.png"

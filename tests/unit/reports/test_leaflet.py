"""The information leaflet: one A4 sheet, Albanian beside English, read back from the PDF in
both languages and looked at as a picture; its words from the reference data, the numbers and
organisations from the help lines and the directory — a line whose number is not filled is
printed nowhere."""

from __future__ import annotations

import dataclasses
import io

import pytest
from pypdf import PdfReader

from screening import config, paperwork
from screening.errors import ReferenceDataError, ReportError
from screening.questionnaire.reference import LeafletSection, load_reference
from screening.reports.leaflet import build_leaflet
from tests.unit.reports.helpers import pages, render_png, squeeze, text

BUNDLED = config.forms_dir() / "reference"


@pytest.fixture(scope="module")
def bundled():
    return load_reference(BUNDLED)


def test_one_a4_page_in_albanian_and_english(bundled):
    pdf = build_leaflet(bundled)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(pages(pdf)) == 1
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    words = squeeze(text(pdf))
    for sq, en in (("Të drejtat tuaja", "Your rights"),
                   ("Ndihma nuk varet nga ajo që tregoni", "Help does not depend on talking"),
                   ("Nuk dënoheni për atë që u detyruat të bënit",
                    "You are not punished for what you were made to do"),
                   ("Linjat e ndihmës", "Help lines"),
                   ("Organizatat që ndihmojnë", "Organisations that help")):
        assert squeeze(sq) in words and squeeze(en) in words, (sq, en)
    assert squeeze("veçantë") in words and squeeze("përkthyes") in words  # ç and ë survive
    for line in bundled.help_lines_in_use():
        assert squeeze(line.number) in words
    assert squeeze("Qendra Kombëtare e Pritjes për Viktimat e Trafikimit") in words
    assert reader.metadata.title == "Fletëpalosje informuese / Information leaflet"


def test_the_national_line_is_printed_only_once_central_filled_it(bundled):
    national = [h for h in bundled.help_lines if "trafikimit" in h.name["sq"]]
    assert national and national[0].number == ""  # never invented: empty until filled
    assert squeeze("Linja kombëtare kundër trafikimit") not in squeeze(text(build_leaflet(bundled)))
    filled = dataclasses.replace(bundled, help_lines=tuple(
        dataclasses.replace(h, number="TEST 0800") if h in national else h
        for h in bundled.help_lines))
    words = squeeze(text(build_leaflet(filled)))
    assert "TEST0800" in words and squeeze("Linja kombëtare kundër trafikimit") in words


def test_hostile_words_from_reference_data_stay_text(bundled):
    hostile = LeafletSection("rights", {"sq": "<b>Të drejtat</b> & <font size='90'>x",
                                        "en": "Rights ]]> <br/>"},
                             {"sq": "Tekst <a href='http://x'>lidhje</a>", "en": "&amp; <i>"})
    pdf = build_leaflet(dataclasses.replace(bundled, leaflet=(hostile,)))
    words = text(pdf)
    assert "<b>Të drejtat</b>" in words and "<a href='http://x'>" in words


def test_reference_data_of_an_older_central_gets_the_bundled_words(bundled):
    older = dataclasses.replace(bundled, leaflet=())
    with pytest.raises(ReportError) as refused:
        build_leaflet(older)
    assert refused.value.code == "leaflet_missing"
    assert "fletën e informacionit" in refused.value.in_language("sq")
    words = squeeze(text(paperwork.leaflet(older).pdf))
    assert squeeze("Të drejtat tuaja") in words


def test_a_leaflet_text_without_both_languages_is_refused(tmp_path):
    for name in ("checkpoints.yaml", "countries.yaml", "help_lines.yaml",
                 "referral_directory.yaml"):
        (tmp_path / name).write_text((BUNDLED / name).read_text(encoding="utf-8"),
                                     encoding="utf-8")
    (tmp_path / "leaflet.yaml").write_text(
        "leaflet:\n  - id: rights\n    heading: {sq: 'Të drejtat'}\n    text: {sq: x, en: y}\n",
        encoding="utf-8")
    with pytest.raises(ReferenceDataError) as refused:
        load_reference(tmp_path)
    assert refused.value.code == "reference_texts_invalid"
    assert refused.value.in_language("sq").startswith("leaflet.yaml: çdo tekst duhet")


def test_the_leaflet_renders_to_a_picture(bundled, tmp_path):
    image = render_png(build_leaflet(bundled), tmp_path, "leaflet")
    assert image is not None, "pdftoppm is missing: run scripts/system-packages"
    assert image.stat().st_size > 20_000  # a page of text, not a blank sheet

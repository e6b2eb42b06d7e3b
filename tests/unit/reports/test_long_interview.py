"""The longest interview a person can enter still gives its record, its slip and its quarterly
report, with the names intact; a layout failure reaches a person as a coded ReportError."""

from __future__ import annotations

import datetime as dt

import pytest
from reportlab.platypus import Flowable, Table

from screening.errors import ReportError
from screening.reports.layout import footer, render
from screening.reports.quarterly import build_quarterly_report
from screening.reports.record import build_record
from screening.reports.slip import build_slip
from screening.reports.statistics import facts_from_interview
from tests.maximal_interview import (
    ARABIC,
    FAMILY_NAME,
    GIVEN_NAME,
    NOTES_MARKER,
    maximal_answers,
)
from tests.unit.reports.helpers import pages, record, render_png, squeeze, text

AUDIT = [{"at": "2026-07-01T10:00:00", "actor": "officer." + "x" * 60,
          "action": "interview_created"}]


def without_arabic(value: str) -> str:
    return "".join(c for c in value if c not in ARABIC)


@pytest.fixture(scope="module")
def maximal():
    return record(maximal_answers())


@pytest.mark.parametrize("lang", ["sq", "en"])
def test_maximal_interview_has_its_record_with_the_names_intact(maximal, standard_form,
                                                               reference, lang, tmp_path):
    pdf = build_record(maximal, standard_form, reference, audit=AUDIT, lang=lang)
    words = squeeze(text(pdf))
    assert squeeze(GIVEN_NAME) in words
    # reportlab lays Arabic out left to right, unshaped, and pypdf reads it back reversed:
    # its letters are all there; the Greek and Cyrillic around them read exactly
    assert set(ARABIC) <= set(words)
    assert without_arabic(squeeze(FAMILY_NAME)) in without_arabic(words)
    # the record is the whole case: the officer's notes and the long answers are all there
    assert NOTES_MARKER in words
    assert words.count("line69:thepersonsaidmore") == 1
    assert len(pages(pdf)) > 5
    render_png(pdf, tmp_path, f"record-{lang}")


def test_maximal_interview_has_a_one_page_slip_that_says_who_it_is(maximal, standard_form,
                                                                   reference, tmp_path):
    officer = "Αικατερίνη Ζωγράφου-Кузнецова " * 3
    data = {**maximal, "status": "approved", "officer_full_name": officer,
            "approved_by": "sokol.d", "approved_by_full_name": "Sokol Dema"}
    pdf = build_slip(data, standard_form, reference, printed_at=dt.datetime(2026, 7, 1, 12, 0))
    assert len(pages(pdf)) == 1
    words = squeeze(text(pdf))
    assert squeeze(GIVEN_NAME) in words
    assert without_arabic(squeeze(FAMILY_NAME)) in without_arabic(words)
    assert "01.02.2010(16vjeç,epasigurt)" in words
    assert squeeze(officer) in words and "SokolDema" in words
    assert NOTES_MARKER not in words
    assert "line69" not in words  # no answer text leaves on the slip
    render_png(pdf, tmp_path, "slip")


@pytest.mark.parametrize("lang", ["sq", "en"])
def test_maximal_interview_is_counted_in_the_quarterly_report(standard_form, reference, lang):
    facts = facts_from_interview(maximal_answers(), standard_form, reference,
                                 started_at=dt.datetime(2026, 7, 1, 10, 0))
    pdf = build_quarterly_report([facts], "2026Q3", standard_form, reference, lang=lang)
    assert pages(pdf)
    assert squeeze(GIVEN_NAME) not in squeeze(text(pdf))  # counts, never names


def test_a_layout_failure_is_a_coded_report_error_not_reportlabs_message():
    taller_than_a_page = Table([["x"]], rowHeights=[2000])
    with pytest.raises(ReportError) as raised:
        render([taller_than_a_page], title="Interview record", on_page=footer("notice"))
    assert raised.value.code == "document_layout_failed"
    assert "Shorten the longest answer" in raised.value.message
    assert "Flowable" not in raised.value.message and "frame" not in raised.value.message


class Broken(Flowable):
    """A flowable that fails while drawing, as a reportlab bug or a damaged font would."""

    def wrap(self, available_width, available_height):
        return 10, 10

    def draw(self):
        raise ValueError("reportlab internals: bad glyph 0xFFFF in /F1")


def test_any_other_reportlab_failure_is_a_coded_report_error():
    with pytest.raises(ReportError) as raised:
        render([Broken()], title="Referral slip", on_page=footer("notice"))
    assert raised.value.code == "document_failed"
    assert "nothing was printed or saved" in raised.value.message
    assert "glyph" not in raised.value.message

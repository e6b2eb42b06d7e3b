"""The interview record: every question shown, answers in words, assessment, audit trail."""

from __future__ import annotations

import pytest

from screening.errors import ReportError
from screening.reports.casefile import case_file_from, evaluate_interview
from screening.reports.record import audit_rows, build_record, section_rows
from tests.answer_sets import child_answers
from tests.unit.reports.helpers import (
    CASE,
    NOTES_MARKER,
    pages,
    record,
    render_png,
    squeeze,
    text,
    victim_interview,
)

AUDIT = [{"at": "2026-07-01T10:00:00", "actor": "arta.leka", "action": "interview_created"},
         {"at": "2026-07-01T11:05:00", "actor": "arta.leka", "action": "interview_finalised"},
         {"at": "2026-07-01T11:20:00", "actor": "sup.dema", "action": "interview_approved"},
         {"at": "2026-07-01T11:21:00", "actor": "sup.dema", "action": "custom_thing_done"}]


def all_rows(interview, form, reference, lang):
    evaluation = evaluate_interview(case_file_from(interview), form, reference)
    return {label: answer for section in form.sections
            for label, answer in section_rows(section, evaluation, reference, lang)}


def test_every_visible_question_is_listed_with_an_answer_in_words(standard_form, reference):
    interview = victim_interview(countries_transited=["MK", "RS"])
    rows = all_rows(interview, standard_form, reference, "en")
    assert rows["Border crossing point"] == "Kakavijë border crossing point"
    assert rows["Which country did the person return from?"] == "Greece"
    assert rows["How did the person return?"] == "Deported"
    assert rows["What is your date of birth?"] == "01.05.1990"
    assert rows["Was an interpreter used?"] == "No"
    assert rows["Organisation the person is referred to"] == \
        "National Reception Centre for Victims of Trafficking"
    assert rows["Computed outcome"] == "Presumed victim"
    assert rows["Age in years (calculated)"] == "36"
    assert rows["Treated as a child (calculated)"] == "No"
    assert "North Macedonia" in rows[next(k for k in rows if "countries" in k.lower())]
    assert "Agriculture, Construction" in rows.values()
    # no raw ids, no None anywhere
    assert not any(value in {"None", "True", "False", "nrcvt", "KKV", "GR", "yes", "no"}
                   for value in rows.values())
    # questions the interview did not show are not printed (the child section, for an adult)
    assert "Name of the parent or guardian" not in rows


def test_record_pdf_has_answers_assessment_and_audit_in_chosen_language(
        standard_form, reference):
    interview = {**victim_interview(), "status": "approved"}
    pdf = build_record(interview, standard_form, reference, audit=AUDIT, lang="en")
    words = text(pdf)
    for expected in (CASE, "INTERVIEW RECORD", "Procesverbali i intervistës", "Arben", "Hoxha",
                     "Kakavijë border crossing point", "Presumed victim", "Explanation",
                     "Outcome: Presumed victim (rule step 1)", "Audit trail", "arta.leka",
                     "Interview finalised", "Interview approved", "custom thing done",
                     "01.07.2026 11:20:00", NOTES_MARKER, "Not answered", "Approved"):
        assert expected in words, expected
    assert "None" not in words
    assert len(pages(pdf)) >= 3
    assert all(CASE in page for page in pages(pdf))  # every loose page names its case


def test_record_in_albanian(standard_form, reference):
    words = text(build_record(victim_interview(), standard_form, reference, audit=AUDIT))
    for expected in ("PROCESVERBALI I INTERVISTËS", "Interview record", "Greqi", "Dëbim",
                     "Viktimë e mundshme e trafikimit, me tregues të plotë",
                     "Gjurma e veprimeve", "Intervista u miratua",
                     "Pa përgjigje"):
        assert expected in words, expected


def test_record_without_audit_says_so(standard_form, reference):
    words = text(build_record(victim_interview(), standard_form, reference, lang="en"))
    assert "No actions recorded." in words


def test_names_in_any_script_and_300_characters(standard_form, reference):
    long_name = ("Ελένη Олександр Đặng " * 15)[:300]
    interview = record(child_answers(given_name="Ελένη", family_name="Коваленко",
                                     guardian_name="Đặng Thị Ngọc Hân", other_names=long_name))
    words = text(build_record(interview, standard_form, reference, audit=AUDIT, lang="en"))
    for name in ("Ελένη", "Коваленко", "Đặng Thị Ngọc Hân"):
        assert name in words
    assert squeeze(long_name) in squeeze(words)


def test_right_to_left_and_combining_characters_do_not_break_it(standard_form, reference):
    interview = record(child_answers(given_name="مريم", family_name="כהן",
                                     other_names="e\u0301le\u0300ve\u0308 <i>&</i>"))
    pdf = build_record(interview, standard_form, reference, lang="en")
    assert "<i>&</i>" in text(pdf)


def test_audit_rows_are_words():
    rows = audit_rows(AUDIT, "sq")
    assert rows[0] == ("01.07.2026 10:00:00", "arta.leka", "Intervista u krijua")
    assert audit_rows([{"at": None, "actor": None, "action": "x_y"}], "en") == [("", "—", "x y")]


def test_unknown_language_is_refused(standard_form, reference):
    with pytest.raises(ReportError) as raised:
        build_record(victim_interview(), standard_form, reference, lang="de")
    assert raised.value.code == "language_unknown"


def test_bad_dates_are_refused_with_the_field_named(standard_form, reference):
    with pytest.raises(ReportError, match="started_at"):
        build_record(record({}, started_at="yesterday"), standard_form, reference)


def test_record_renders_to_an_image(standard_form, reference, tmp_path):
    pdf = build_record(victim_interview(), standard_form, reference, audit=AUDIT)
    image = render_png(pdf, tmp_path, "record")
    assert image is not None, "pdftoppm is missing: run scripts/system-packages"
    assert image.stat().st_size > 10_000


def test_a_refused_answer_prints_as_entered_marked_and_feeds_no_age(standard_form, reference):
    interview = {**victim_interview(date_of_birth="2031-01-01"), "status": "draft"}
    rows = all_rows(interview, standard_form, reference, "en")
    assert rows["What is your date of birth?"] == \
        "2031-01-01 — invalid answer: The date of birth cannot be in the future."
    assert rows["Age in years (calculated)"] == ""  # not -5
    assert rows["Treated as a child (calculated)"] == "Yes"  # presumed while the age is unknown
    words = squeeze(text(build_record(interview, standard_form, reference, lang="en")))
    assert "Noagecouldbeworkedout" in words

"""The referral slip: what it says, what it never says, and that any name prints."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from screening.errors import NoReferralError, ReportError
from screening.reports.slip import build_slip, qr_drawing
from screening.reports.slipdata import qr_payload, slip_content
from tests.answer_sets import adult_no_indicators, child_answers, with_yes
from tests.unit.reports.helpers import (
    CASE,
    NOTES_MARKER,
    embedded_fonts,
    pages,
    record,
    render_png,
    squeeze,
    text,
    victim_interview,
)

PRINTED = dt.datetime(2026, 7, 1, 11, 30)


def slip(interview, standard_form, reference) -> bytes:
    return build_slip(interview, standard_form, reference, printed_at=PRINTED)


def test_slip_is_one_bilingual_page_with_the_referral_facts(standard_form, reference):
    pdf = slip(victim_interview(), standard_form, reference)
    assert pdf.startswith(b"%PDF")
    assert len(pages(pdf)) == 1
    words = text(pdf)
    for expected in (
            CASE, "FLETË REFERIMI", "Referral slip", "01.07.2026 10:00", "01.07.2026 11:30",
            "Pika e kalimit kufitar Kakavijë", "Kakavijë border crossing point", "Arta Leka",
            "Qendra Kombëtare e Pritjes për Viktimat e Trafikimit",
            "National Reception Centre for Victims of Trafficking", "Tiranë",
            "Viktimë e mundshme e trafikimit, me tregues të plotë", "Rekrutimi me mashtrim",
            "Deceptive recruitment", "Exploitative conditions", "Coercion at destination",
            "Bujqësi, Ndërtim", "Agriculture, Construction", "Itali", "Italy",
            "Ndihmë mjekësore", "Medical help", "Legal help", "URGENT REFERRAL",
            "Consent to referral", "Consent to data sharing", "Po / Yes",
            "116 111", "ALO 116 111 — national child helpline", "129", "State Police",
            "Received by: name, signature, date and time", "Referring officer: name, signature"):
        assert expected in words, expected
    assert "Presumedvictim" in squeeze(words)  # wrapped after the longer Albanian label


def test_slip_leaves_out_notes_and_the_rest_of_the_interview(standard_form, reference):
    interview = victim_interview(other_names="AliasMarker", id_document_type="passport",
                                 id_document_number="PASS-99887", home_municipality="TownMarker",
                                 promised_activity="PromiseMarker")
    words = text(slip(interview, standard_form, reference))
    assert NOTES_MARKER not in words
    assert "private remark" not in words
    # minimal personal data: who the person is goes to the organisation (issue: a shelter must
    # know whom it receives); the answers and every other personal detail stay in the case file
    for private in ("Officer's notes", "Shënimet e punonjësit", "AliasMarker", "PASS-99887",
                    "TownMarker", "PromiseMarker", "Was the work you actually did different"):
        assert private not in words, private


def test_slip_identifies_the_person_and_the_people_who_referred_them(standard_form, reference):
    interview = victim_interview(given_name="Ελένη", family_name="Иванова-Παπαδοπούλου",
                                 sex="female", nationality="GR", interview_language="el",
                                 languages="Greek, Russian")
    interview.update(status="approved", officer="arta.leka", officer_full_name="Arta Leka",
                     approved_by="sokol.d", approved_by_full_name="Sokol Dema")
    content = slip_content(interview, standard_form, reference)
    assert content.person_name == "Ελένη Иванова-Παπαδοπούλου"
    assert content.birth == {"sq": "01.05.1990 (36 vjeç)", "en": "01.05.1990 (36 years old)"}
    assert content.sex == {"sq": "Femër", "en": "Female"}
    assert content.nationality == {"sq": "Greqi", "en": "Greece"}
    assert content.language["en"] == "Greek; Greek, Russian"
    assert (content.officer, content.approver) == ("Arta Leka", "Sokol Dema")
    pdf = slip(interview, standard_form, reference)
    assert len(pages(pdf)) == 1
    words = text(pdf)
    for expected in ("Ελένη Иванова-Παπαδοπούλου", "01.05.1990 (36 years old)", "Female",
                     "Greece", "Arta Leka", "Sokol Dema", "Approved by"):
        assert expected in words, expected
    assert "Dateofbirth/age" in squeeze(words)  # the label wraps where the column ends
    assert "arta.leka" not in words and "sokol.d" not in words


def test_an_estimated_age_is_marked_as_such(standard_form, reference):
    answers = victim_interview(age_estimate=17, age_uncertain="yes")["answers"]
    del answers["date_of_birth"]
    content = slip_content(record(answers), standard_form, reference)
    assert content.birth["en"] == "17 years old (estimated, uncertain)"
    assert content.birth["sq"] == "17 vjeç (e vlerësuar, e pasigurt)"


def test_an_account_without_a_full_name_prints_its_login_name_marked(standard_form, reference):
    content = slip_content(record(victim_interview()["answers"], officer="olsi"),
                           standard_form, reference)
    assert content.officer == "olsi (emër përdoruesi / login name)"
    assert content.approver == ""  # not approved yet
    assert "Not approved yet" in text(slip(record(victim_interview()["answers"]),
                                           standard_form, reference))


def test_interview_without_referral_organisation_has_no_slip(standard_form, reference):
    interview = record(adult_no_indicators())  # information given only: no organisation
    with pytest.raises(NoReferralError) as raised:
        slip(interview, standard_form, reference)
    assert raised.value.code == "no_referral_organisation"
    assert CASE in raised.value.message
    assert isinstance(raised.value, ReportError)


def test_unknown_phone_and_address_leave_lines_to_fill_by_hand(standard_form, reference):
    content = slip_content(victim_interview(), standard_form, reference)
    assert content.receiver.phone == "" and content.receiver.address == ""
    words = text(slip(victim_interview(), standard_form, reference))
    assert words.count("plotësoni me dorë / fill in by hand") == 2


def test_known_phone_and_address_are_printed_as_written(standard_form, reference):
    centre = dataclasses.replace(reference.organisations["nrcvt"], phone="+355 4 000 0000",
                                 address="Rruga e Linzës, Tiranë")
    directory = {**reference.organisations, "nrcvt": centre}
    known = dataclasses.replace(reference, organisations=directory)
    words = text(slip(victim_interview(), standard_form, known))
    assert "+355 4 000 0000" in words
    assert "Rruga e Linzës, Tiranë" in words
    assert "fill in by hand" not in words


def test_qr_code_holds_the_case_reference(standard_form, reference):
    content = slip_content(victim_interview(), standard_form, reference)
    assert content.qr_payload == qr_payload(CASE) == CASE
    widget = qr_drawing(content.qr_payload).contents[0]
    assert widget.value == CASE


def test_child_slip_shows_child_flag_guardian_and_consent_note(standard_form, reference):
    answers = with_yes(child_answers(action_taken="referred_child_protection",
                                     referral_organisation="child_protection_units",
                                     referral_urgent="no", consent_referral="no",
                                     officer_outcome="suspected_victim"),
                       "ind_recruit_violence")
    words = text(slip(record(answers), standard_form, reference))
    for expected in ("Fëmijë", "Child", "Drita Hoxha", "Nëna", "Mother",
                     "Unaccompanied child", "Consent to referral: Jo / No",
                     "does not depend on consent", "Child Protection Units (municipal)",
                     "Viktimë e mundshme e trafikimit, me dyshim"):
        assert expected in words, expected
    assert "URGENT REFERRAL" not in words


@pytest.mark.parametrize("name", ["Ελένη Παπαδοπούλου", "Олександр Коваленко",
                                  "Đặng Thị Ngọc Hân", "Çağlar Gündoğdu", "Zoë Ëngjëllushe"])
def test_names_in_any_script_are_extracted_intact(standard_form, reference, name):
    answers = child_answers(action_taken="referred_child_protection", guardian_name=name,
                            referral_organisation="child_protection_units",
                            referral_urgent="no")
    pdf = slip(record(answers, officer=name), standard_form, reference)
    assert text(pdf).count(name) == 2  # officer and guardian: the glyphs are embedded
    assert any("DejaVuSans" in font for font in embedded_fonts(pdf))


def test_a_300_character_name_still_fits_one_page(standard_form, reference):
    long_name = ("Αλεξάνδρα-Жанна Nguyễn " * 14)[:300]
    answers = child_answers(action_taken="referred_child_protection", guardian_name=long_name,
                            referral_organisation="child_protection_units",
                            referral_urgent="yes")
    pdf = slip(record(answers, officer=long_name), standard_form, reference)
    assert len(pages(pdf)) == 1
    assert squeeze(long_name) in squeeze(text(pdf))


@pytest.mark.parametrize("name", ["مريم الحسن", "שרה כהן", "e\u0301le\u0300ve\u0308 n\u0303",
                                  "Z̸̢͎a̵̛͇l̶g̷o", "李小龍", "<b>Ana & Bo</b> &amp; </para>"])
def test_right_to_left_combining_and_markup_characters_do_not_break_it(
        standard_form, reference, name):
    answers = child_answers(action_taken="referred_child_protection", guardian_name=name,
                            referral_organisation="child_protection_units",
                            referral_urgent="no")
    pdf = slip(record(answers, officer=name), standard_form, reference)
    assert len(pages(pdf)) == 1
    assert CASE in text(pdf)


def test_markup_in_names_prints_as_written(standard_form, reference):
    name = "<b>Ana & Bo</b>"
    pdf = slip(record(victim_interview()["answers"], officer=name), standard_form, reference)
    assert name in text(pdf)


def test_no_safe_place_tonight_is_an_urgent_need(standard_form, reference):
    content = slip_content(victim_interview(safe_place_to_stay="no"), standard_form, reference)
    assert {"sq": "Nuk ka vend të sigurt për të fjetur sonte",
            "en": "No safe place to stay tonight"} in content.needs


def test_interview_without_case_reference_is_refused(standard_form, reference):
    with pytest.raises(ReportError) as raised:
        slip(record(victim_interview()["answers"], case_reference=""), standard_form,
             reference)
    assert raised.value.code == "case_reference_missing"


def test_slip_renders_to_an_image(standard_form, reference, tmp_path):
    image = render_png(slip(victim_interview(), standard_form, reference), tmp_path, "slip")
    assert image is not None, "pdftoppm is missing: run scripts/system-packages"
    assert image.stat().st_size > 10_000

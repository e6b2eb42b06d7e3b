"""Further referrals (2026.2) on the referral slip and in the interview record, read back from
the PDFs in both languages."""

from __future__ import annotations

import datetime as dt
import subprocess

from screening.reports.record import build_record
from screening.reports.slip import build_slip
from screening.reports.slipdata import slip_content
from tests.answer_sets import for_2026_1
from tests.unit.reports.helpers import pages, record, render_png, squeeze, text, victim_interview

PRINTED = dt.datetime(2026, 7, 1, 11, 30)
FURTHER = [
    {"further_referral_organisation": "state_social_services",
     "further_referral_type": "social_services", "further_referral_urgent": "no"},
    {"further_referral_organisation": "different_equal",
     "further_referral_type": "psychological_support", "further_referral_urgent": "yes"}]


def referred(**answers):
    return victim_interview(further_referrals=FURTHER, **answers) | {"form_version": "2026.2"}


def test_the_slip_lists_each_further_referral(standard_form, reference):
    content = slip_content(referred(), standard_form, reference, printed_at=PRINTED)
    assert [(f.number, f.organisation["en"], f.kind["sq"], f.urgent) for f in content.further] \
        == [(1, "State Social Services — regional offices", "Shërbimi Social Shtetëror", False),
            (2, "Different & Equal (D&E)", "Mbështetje psikologjike", True)]
    pdf = build_slip(referred(), standard_form, reference, printed_at=PRINTED)
    assert len(pages(pdf)) == 1  # still one page
    words = squeeze(text(pdf))
    for expected in ("Referimetëtjera", "Furtherreferrals",
                     "ShërbimiSocialShtetëror—drejtoritërajonale",
                     "StateSocialServices—regionaloffices", "TëNdryshëmdhetëBarabartë(D&E)",
                     "Different&Equal(D&E)",
                     "Mbështetjepsikologjike/Psychologicalsupport", "URGJENT/URGENT",
                     # the primary referral keeps its own block
                     "QendraKombëtareePritjespërViktimateTrafikimit"):
        assert expected in words, expected


def test_pdftotext_reads_them_in_order(standard_form, reference, tmp_path):
    source = tmp_path / "slip.pdf"
    source.write_bytes(build_slip(referred(), standard_form, reference, printed_at=PRINTED))
    words = subprocess.run(["pdftotext", "-layout", str(source), "-"], capture_output=True,
                           text=True, check=True, timeout=60).stdout
    lines = [line.strip() for line in words.splitlines()]
    first = next(n for n, line in enumerate(lines) if line.startswith("1. "))
    second = next(n for n, line in enumerate(lines) if line.startswith("2. "))
    assert first < second
    assert "Shërbimi Social Shtetëror —" in lines[first]
    assert "Të Ndryshëm dhe të Barabartë" in lines[second] and "URGJENT" in " ".join(
        lines[second:second + 3])
    assert render_png(source.read_bytes(), tmp_path, "slip") is not None


def test_no_further_referrals_no_section(standard_form, reference):
    words = text(build_slip(victim_interview(), standard_form, reference, printed_at=PRINTED))
    assert "Further referrals" not in words and "Referime të tjera" not in words


def test_an_interview_of_2026_1_prints_as_before(form_2026_1, reference):
    interview = record(for_2026_1(victim_interview()["answers"]))
    content = slip_content(interview, form_2026_1, reference, printed_at=PRINTED)
    assert content.further == []


def test_a_refused_list_prints_no_entry_on_the_slip(standard_form, reference):
    hostile = referred()
    hostile["answers"]["further_referrals"] = [{"further_referral_organisation": ["nrcvt"]}]
    content = slip_content(hostile, standard_form, reference, printed_at=PRINTED)
    assert content.further == []  # refused, so it counts for nothing


def test_the_record_names_each_entry_in_its_language(standard_form, reference):
    english = squeeze(text(build_record(referred(), standard_form, reference, lang="en")))
    assert "Furtherreferral1:Organisation:StateSocialServices—regionaloffices;Typeofreferral:" \
           "StateSocialServices;Isiturgent?:No" in english
    assert "Furtherreferral2:Organisation:Different&Equal" in english
    albanian = squeeze(text(build_record(referred(), standard_form, reference, lang="sq")))
    assert "Referimishtesë1:Organizata:ShërbimiSocialShtetëror—drejtoritërajonale;" \
           "Llojiireferimit:ShërbimiSocialShtetëror;Aështëurgjent?:Jo" in albanian
    assert "Referimishtesë2:Organizata:TëNdryshëmdhetëBarabartë(D&E)" in albanian


def test_many_further_referrals_still_fit_one_page(standard_form, reference):
    many = victim_interview(further_referrals=FURTHER * 6) | {"form_version": "2026.2"}
    pdf = build_slip(many, standard_form, reference, printed_at=PRINTED)
    assert len(pages(pdf)) == 1
    assert squeeze(text(pdf)).count("Different&Equal(D&E)") == 6

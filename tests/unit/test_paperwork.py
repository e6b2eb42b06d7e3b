"""The documents of the workstation are made with the form version each interview was started
with: a version downloaded from central prints its own words, an interview on the bundled
version keeps the bundled words, and a version the workstation lacks is a coded refusal."""

from __future__ import annotations

import pytest

from screening import config, paperwork
from screening.errors import FormUnknownError
from screening.reports.statistics import parse_quarter
from screening.store.session import StoreSession
from screening.sync import forms, reference
from tests.unit.reports.helpers import squeeze, text, victim_interview
from tests.unit.store.helpers import SUPERVISOR, SUPERVISOR_PW, TEST_KDF
from tests.unit.sync.test_reference import CENTRAL, signed

BUNDLED_WORD, DOWNLOADED_WORD = "Agriculture", "Orchards and fields"


def relabelled(version: str) -> str:
    """The standard form as central might publish a later version: other words for a sector."""
    text = config.standard_form_path().read_text(encoding="utf-8")
    text = text.replace('version: "2026.2"', f'version: "{version}"', 1)
    return text.replace(f'en: "{BUNDLED_WORD}"', f'en: "{DOWNLOADED_WORD}"', 1)


@pytest.fixture
def session(tmp_path):
    store, _ = StoreSession.initialise(tmp_path / "store", "KKV", SUPERVISOR, SUPERVISOR_PW,
                                       kdf=TEST_KDF)
    package = signed(1, "form", {"form_id": "returnee_screening", "form_version": "2026.3",
                                 "yaml": relabelled("2026.3")})
    pulled = reference.PullReport()
    assert reference.apply_documents(store.paths.root, [package], CENTRAL.public_key(), pulled)
    assert pulled.applied == ["v1: form returnee_screening 2026.3"]
    store.forms = forms.workstation_catalogue(store.paths.root, CENTRAL.public_key())
    yield store
    store.close()


def finalised(session: StoreSession, version: str) -> str:
    answers = victim_interview()["answers"]
    interview_id = session.start_interview("returnee_screening", version)
    for question_id, value in answers.items():
        session.save_answer(interview_id, question_id, value)
    session.finalise(interview_id)
    return interview_id


def test_slip_and_record_of_a_downloaded_version_use_its_words(session):
    interview_id = finalised(session, "2026.3")
    slip = squeeze(text(paperwork.slip(session, interview_id).pdf))
    record = squeeze(text(paperwork.record(session, interview_id, "en").pdf))
    for words in (slip, record):
        assert squeeze(DOWNLOADED_WORD) in words and BUNDLED_WORD not in words


def test_an_interview_on_the_bundled_version_keeps_the_bundled_words(session):
    interview_id = finalised(session, "2026.2")
    slip = squeeze(text(paperwork.slip(session, interview_id).pdf))
    record = squeeze(text(paperwork.record(session, interview_id, "en").pdf))
    for words in (slip, record):
        assert BUNDLED_WORD in words and squeeze(DOWNLOADED_WORD) not in words


def test_new_interviews_and_paper_imports_take_the_downloaded_version(session):
    assert session.forms.for_new_interview()[0].version == "2026.3"
    imported = session.import_finalised(victim_interview()["answers"])
    assert session.get_interview(imported).form_version == "2026.3"


def test_a_version_the_workstation_lacks_is_a_coded_refusal(session):
    interview_id = session.start_interview("returnee_screening", "1999.9")
    with pytest.raises(FormUnknownError) as raised:
        paperwork.record(session, interview_id, "en")
    assert raised.value.code == "form_unknown" and "sync with central" in raised.value.message
    with pytest.raises(FormUnknownError):
        session.finalise(interview_id)
    assert not [e for e in session.audit_entries() if e.action == "record_printed"]


def test_the_statistics_count_the_interviews_of_both_versions(session):
    finalised(session, "2026.2")
    finalised(session, "2026.3")
    report = paperwork.quarterly(session, parse_quarter("2026Q3"), checkpoint=None,
                                 suppress_below=None, lang="en", with_csv=True)
    assert report.interviews == 2

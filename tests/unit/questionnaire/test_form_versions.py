"""The questionnaire versions: 2026.1 stays frozen byte for byte so interviews begun with it keep
loading, and the newest version keeps every question id and choice value of the one before."""

from __future__ import annotations

import hashlib

import pytest

from screening.questionnaire.loader import check_form_file, load_form
from screening.questionnaire.model import Form, Question
from tests.conftest import FORM_2026_1, FORM_VERSIONS, STANDARD_FORM

# The sha256 of forms/returnee_screening.yaml at version 2026.1 (commit 99f3247). A change to the
# frozen file would silently change the meaning of every interview begun with it.
SHA256_2026_1 = "8269738eaef322b7276964975b3fdc52f03396373f4109b73fc0b83b9b58cce4"


def every_question(form: Form) -> dict[str, Question]:
    found: dict[str, Question] = {}
    for question in form.questions.values():
        found[question.id] = question
        found.update({child.id: child for child in question.children})
    return found


def test_2026_1_is_unchanged() -> None:
    assert hashlib.sha256(FORM_2026_1.read_bytes()).hexdigest() == SHA256_2026_1


@pytest.mark.parametrize("path", [STANDARD_FORM, *sorted(FORM_VERSIONS.glob("*.yaml"))],
                         ids=lambda p: p.name)
def test_every_version_passes_the_loader_checks(path) -> None:
    assert check_form_file(path) == []


def test_every_frozen_version_is_named_for_its_version() -> None:
    frozen = sorted(FORM_VERSIONS.glob("*.yaml"))
    assert frozen, "forms/versions/ holds no frozen version"
    for path in frozen:
        form = load_form(path)
        assert path.name == f"{form.id}-{form.version}.yaml"


def test_versions_are_what_they_say(form_2026_1, standard_form) -> None:
    assert (form_2026_1.id, form_2026_1.version) == ("returnee_screening", "2026.1")
    assert (standard_form.id, standard_form.version) == ("returnee_screening", "2026.2")


def test_2026_2_keeps_every_question_id_of_2026_1(form_2026_1, standard_form) -> None:
    old, new = every_question(form_2026_1), every_question(standard_form)
    assert set(old) - set(new) == set()
    changed = {qid for qid in old if old[qid].type != new[qid].type}
    assert changed == set()


def test_2026_2_keeps_every_choice_value_of_2026_1(form_2026_1, standard_form) -> None:
    for name, choices in form_2026_1.choice_lists.items():
        kept = {c.value for c in standard_form.choice_lists.get(name, ())}
        assert {c.value for c in choices} - kept == set(), name
    old, new = every_question(form_2026_1), every_question(standard_form)
    for qid, question in old.items():
        assert new[qid].choices == question.choices, qid


def test_2026_2_keeps_every_indicator_weight_of_2026_1(form_2026_1, standard_form) -> None:
    for question in form_2026_1.indicators:
        assert standard_form.questions[question.id].indicator == question.indicator, question.id
    new = {q.id for q in standard_form.indicators} - {q.id for q in form_2026_1.indicators}
    assert new == {"ind_sexual_violence"}


def test_the_tests_start_interviews_on_the_bundled_version(standard_form) -> None:
    from tests.answer_sets import BUNDLED

    assert (standard_form.id, standard_form.version) == BUNDLED

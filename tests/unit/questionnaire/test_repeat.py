"""Repeat groups: items are validated one by one, and count() sees them."""

from __future__ import annotations

import pytest

from screening.errors import FormDefinitionError
from screening.questionnaire.evaluation import evaluate
from screening.questionnaire.loader import load_form, load_form_text
from screening.questionnaire.values import REPEAT_LIMIT
from tests.conftest import FIXTURES

FORM_PATH = FIXTURES / "forms" / "repeat_group.yaml"


@pytest.fixture(scope="module")
def form():
    return load_form(FORM_PATH)


def test_items_are_counted(form, reference):
    stays = [{"stay_country": "MK", "stay_kind": "transit"},
             {"stay_country": "RS", "stay_kind": "transit"},
             {"stay_country": "DE", "stay_kind": "work", "stay_months": 14}]
    evaluation = evaluate(form, {"travelled": "yes", "stays": stays}, reference=reference)
    assert evaluation.values["stay_count"] == 3
    assert evaluation.relevant["many_stays"]
    assert evaluation.issues == {}


def test_item_constraint_names_the_entry(form, reference):
    stays = [{"stay_country": "MK"}, {"stay_country": "DE", "stay_kind": "work",
                                      "stay_months": 500}]
    evaluation = evaluate(form, {"travelled": "yes", "stays": stays}, reference=reference)
    message = evaluation.issues["stays"].message["en"]
    assert message.startswith("Entry 2: Months: From 0 to 120.")


def test_item_required_field(form, reference):
    evaluation = evaluate(form, {"travelled": "yes", "stays": [{"stay_kind": "transit"}]},
                          reference=reference)
    assert "Entry 1: Country" in evaluation.issues["stays"].message["en"]


def test_item_with_unknown_field_or_bad_type(form, reference):
    evaluation = evaluate(form, {"travelled": "yes", "stays": [{"colour": "red"}]},
                          reference=reference)
    assert "'colour' is not a field" in evaluation.issues["stays"].message["en"]
    evaluation = evaluate(form, {"travelled": "yes", "stays": "MK"}, reference=reference)
    assert evaluation.issues["stays"].code == "invalid"


def test_skipped_repeat_has_no_items(form, reference):
    evaluation = evaluate(form, {"travelled": "no", "stays": [{"stay_country": "MK"}]},
                          reference=reference)
    assert evaluation.values["stays"] is None
    assert evaluation.values["stay_count"] == 0


def test_child_question_is_not_visible_outside_its_repeat():
    text = FORM_PATH.read_text("utf-8").replace(
        'relevant: "${stay_count} >= 3"', 'relevant: "${stay_months} >= 3"')
    with pytest.raises(FormDefinitionError) as caught:
        load_form_text(text, "journey.yaml")
    assert any("inside the repeat 'stays'" in p.message for p in caught.value.problems)


def test_an_item_label_names_the_entry(form, reference):
    text = FORM_PATH.read_text("utf-8").replace(
        "        type: repeat\n",
        "        type: repeat\n        item_label: {en: Stay, sq: Qëndrimi}\n", 1)
    named = load_form_text(text, "journey.yaml")
    evaluation = evaluate(named, {"travelled": "yes", "stays": [{}, {"stay_kind": "transit"}]},
                          reference=reference)
    issue = evaluation.issues["stays"]
    assert issue.message["en"].startswith("Stay 1: Country")
    assert issue.message["sq"].startswith("Qëndrimi 1: ")
    assert issue.item == 1  # the desktop shows it beside that entry


def test_an_item_label_only_on_a_repeat():
    text = FORM_PATH.read_text("utf-8").replace(
        "        type: yes_no_unknown\n",
        "        type: yes_no_unknown\n        item_label: {en: Stay, sq: Qëndrimi}\n", 1)
    with pytest.raises(FormDefinitionError) as caught:
        load_form_text(text, "journey.yaml")
    assert any("'item_label' does not apply" in p.message for p in caught.value.problems)


@pytest.mark.parametrize("raw", [
    [{"stay_country": "MK"}] * (REPEAT_LIMIT + 1),  # a list no interview needs
    [{"stay_country": ["MK"]}], [{"stay_country": 7}], [None], [[]], {"stay_country": "MK"},
    [{"stay_country": "MK", "stay_months": "12"}], [{"stay_months": True}],
])
def test_hostile_entries_are_refused_with_a_message(form, reference, raw):
    evaluation = evaluate(form, {"travelled": "yes", "stays": raw}, reference=reference)
    issue = evaluation.issues["stays"]
    assert issue.code == "invalid" and issue.message["en"] and issue.message["sq"]
    assert evaluation.values["stays"] is None  # nothing of it reaches a calculation
    assert evaluation.values["stay_count"] == 0

"""Chooses the widget for each question type."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from screening.questionnaire.model import Form, Question
from screening.questionnaire.reference import Reference
from screening.ui.interview.assessment import AssessmentField
from screening.ui.interview.fields import (
    RADIO_LIMIT,
    ChoiceField,
    ComputedField,
    Field,
    LineField,
    MultiChoiceField,
    MultilineField,
    NoteField,
)
from screening.ui.interview.pickers import CountriesField, PickerField
from screening.ui.interview.repeat import RepeatField


class ChoiceListField(PickerField):
    """A select_one too long for radio buttons: a searchable drop-down of its choices."""

    def retranslate_editor(self) -> None:
        choices = self.form.choice_lists[self.question.choices or ""]
        self.combo.fill([(c.value, c.label.get(self.lang, c.value), " ".join(c.label.values()))
                         for c in choices])


def field_for(question: Question, form: Form, reference: Reference | None, lang: str,
              parent: QWidget | None = None) -> Field:
    kind = question.type
    if kind == "repeat":
        return RepeatField(question, form, reference, lang, parent, make_field=field_for)
    if kind == "select_one":
        size = len(form.choice_lists[question.choices or ""])
        cls: type[Field] = ChoiceField if size <= RADIO_LIMIT else ChoiceListField
    elif kind == "text" and question.appearance == "multiline":
        cls = MultilineField
    else:
        cls = _BY_TYPE.get(kind, LineField)
    return cls(question, form, reference, lang, parent)


_BY_TYPE: dict[str, type[Field]] = {
    "note": NoteField, "calculate": ComputedField, "assessment": AssessmentField,
    "yes_no_unknown": ChoiceField, "select_multiple": MultiChoiceField,
    "country": PickerField, "checkpoint": PickerField, "organisation": PickerField,
    "countries": CountriesField,
    "text": LineField, "integer": LineField, "decimal": LineField, "date": LineField,
    "datetime": LineField,
}

"""One widget per question, generated from the form definition.

Every field shows the label (with a mark when required), the hint, the editor and an error line,
and emits ``answered(question_id, value)`` with a JSON value (``None`` to clear) as soon as the
officer gives an answer, so it can be saved at once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from screening.questionnaire.model import Form, Question
from screening.questionnaire.reference import Reference
from screening.ui import i18n

YNU_KEYS = {"en": {"yes": "Y", "no": "N", "unknown": "U"},
            "sq": {"yes": "P", "no": "J", "unknown": "D"}}
YNU_WORDS = {"en": {"yes": "Yes", "no": "No", "unknown": "Don't know"},
             "sq": {"yes": "Po", "no": "Jo", "unknown": "Nuk e di"}}
RADIO_LIMIT = 8  # longer lists become a searchable drop-down
TWO_COLUMNS_FROM = 4  # radio lists longer than this take two columns


class Field(QWidget):
    answered = Signal(str, object)
    entered = Signal(str)  # Enter pressed: move on to the next question

    def __init__(self, question: Question, form: Form, reference: Reference | None,
                 lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question, self.form, self.reference, self.lang = question, form, reference, lang
        self.setObjectName(f"field_{question.id}")
        self._label = QLabel()
        self._label.setWordWrap(True)
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        self._label.setObjectName("questionLabel")
        self._hint = QLabel()
        self._hint.setWordWrap(True)
        self._hint.setObjectName("questionHint")
        self._error = QLabel()
        self._error.setWordWrap(True)
        self._error.setObjectName("questionError")
        self._error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.setSpacing(3)
        layout.addWidget(self._label)
        layout.addWidget(self._hint)
        self.editor = self.build_editor()
        layout.addWidget(self.editor)
        layout.addWidget(self._error)
        self._loading = False
        self.required = question.required
        self.retranslate(lang)

    # -- to override -----------------------------------------------------------------------

    def build_editor(self) -> QWidget:
        raise TypeError(f"no editor for {self.question.type}")

    def value(self) -> Any:
        return None

    def show_value(self, value: Any) -> None:
        """Display ``value`` without emitting ``answered``."""

    def focus_target(self) -> QWidget:
        return self.editor

    def retranslate_editor(self) -> None:
        """Re-read language-dependent texts of the editor."""

    # -- shared ----------------------------------------------------------------------------

    def set_value(self, value: Any) -> None:
        self._loading = True
        try:
            self.show_value(value)
        finally:
            self._loading = False

    def emit_answer(self) -> None:
        if not self._loading:
            self.answered.emit(self.question.id, self.value())

    def offer(self, value: Any) -> None:
        """Show ``value`` as the suggestion for an unanswered question (``default_from``)."""
        self.set_value(value)

    def own_problem(self) -> str | None:
        """What is wrong with the text as typed, in the UI's language, before the form's
        rules are asked (a date that is not in the calendar)."""
        return None

    def set_error(self, text: str | None) -> None:
        self._error.setText(text or "")
        self._error.setVisible(bool(text))

    def set_required(self, required: bool) -> None:
        if required != self.required:
            self.required = required
            self._update_label()

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        self._update_label()
        hint = (self.question.hint or {}).get(lang, "")
        self._hint.setText(hint)
        self._hint.setVisible(bool(hint))
        self.retranslate_editor()

    def _update_label(self) -> None:
        text = self.question.label.get(self.lang, self.question.id)
        self._label.setText(f"{text} *" if self.required else text)
        self._label.setAccessibleName(text)

    def focus(self) -> None:
        self.focus_target().setFocus(Qt.FocusReason.TabFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.emit_answer()  # Enter confirms what is shown, an offered default included
            self.entered.emit(self.question.id)
            return
        super().keyPressEvent(event)


class NoteField(Field):
    def build_editor(self) -> QWidget:
        spacer = QWidget()
        spacer.setFixedHeight(0)
        return spacer

    def _update_label(self) -> None:
        self._label.setText(self.question.label.get(self.lang, self.question.id))
        self._label.setObjectName("noteLabel")


class ComputedField(Field):
    """A calculated value shown read-only (age in years)."""

    def build_editor(self) -> QWidget:
        self._shown = QLabel("—")
        self._shown.setObjectName("computedValue")
        return self._shown

    def show_value(self, value: Any) -> None:
        if isinstance(value, bool):
            text = YNU_WORDS[self.lang]["yes" if value else "no"]
        else:
            text = "—" if value is None else str(value)
        self._shown.setText(text)


class LineField(Field):
    """Text, whole numbers, decimals, dates: a line the officer types into."""

    def build_editor(self) -> QWidget:
        self.line = QLineEdit()
        self.line.setMaxLength(4000)
        # Return also reaches Field.keyPressEvent (QLineEdit ignores it), which moves on.
        self.line.editingFinished.connect(self.emit_answer)
        self.line.setReadOnly(self.question.read_only)
        return self.line

    def retranslate_editor(self) -> None:
        kind = self.question.type
        if kind == "date":
            placeholder = {"sq": "DD.MM.VVVV", "en": "DD/MM/YYYY"}.get(self.lang, "DD.MM.VVVV")
            self.line.setPlaceholderText(placeholder)
            current = self.value()
            self.set_value(current)

    def value(self) -> Any:
        text = self.line.text().strip()
        if not text:
            return None
        kind = self.question.type
        if kind == "integer":
            return _to_int(text)
        if kind == "decimal":
            return _to_float(text, self.lang)
        if kind == "date":
            return i18n.parse_date(text) or text  # kept as typed; own_problem says why
        return self.line.text()

    def own_problem(self) -> str | None:
        text = self.line.text().strip()
        if self.question.type != "date" or not text or i18n.parse_date(text):
            return None
        if i18n.looks_like_date(text):
            return self.tr("%1 is not a day in the calendar: check the day and the month.") \
                .replace("%1", text)
        return self.tr("Write the date as DD.MM.YYYY, for example 05.03.1998.") \
            if self.lang == "sq" else self.tr(
            "Write the date as DD/MM/YYYY, for example 05/03/1998.")

    def show_value(self, value: Any) -> None:
        if value is None:
            self.line.setText("")
        elif self.question.type == "date" and isinstance(value, str):
            self.line.setText(i18n.show_date(value, self.lang))
        elif self.question.type == "datetime" and isinstance(value, str):
            self.line.setText(f"{i18n.show_date(value, self.lang)} {value[11:16]}".strip())
        else:
            self.line.setText(str(value))


def _to_int(text: str) -> Any:
    try:
        return int(text.replace(" ", ""))
    except ValueError:
        return text


def _to_float(text: str, lang: str) -> Any:
    number, ok = i18n.locale(lang).toDouble(text)
    if ok:
        return number
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return text


class MultilineField(Field):
    def build_editor(self) -> QWidget:
        self.notes = _PlainText()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(90)
        self.notes.focus_left.connect(self.emit_answer)
        self.notes.submitted.connect(self._submit)
        return self.notes

    def _submit(self) -> None:
        self.emit_answer()
        self.entered.emit(self.question.id)

    def value(self) -> Any:
        text = self.notes.toPlainText()
        return text if text.strip() else None

    def show_value(self, value: Any) -> None:
        self.notes.setPlainText(value or "")

class _PlainText(QPlainTextEdit):
    """Enter adds a line in a notes box; Ctrl+Enter moves on to the next question."""

    focus_left = Signal()
    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.submitted.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.focus_left.emit()
        super().focusOutEvent(event)


class ChoiceField(Field):
    """select_one and yes/no/unknown as radio buttons with single-key answers."""

    def build_editor(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(box)
        self.group.setExclusive(True)
        self.buttons: dict[str, QRadioButton] = {}
        for value in self._values():
            button = QRadioButton()
            button.setObjectName(f"choice_{self.question.id}_{value}")
            self.group.addButton(button)
            self.buttons[value] = button
            button.toggled.connect(self._chosen)
        column.addLayout(self._lay_out(list(self.buttons.values())))
        self.offered: str | None = None
        self.suggestion = QLabel()
        self.suggestion.setObjectName("questionHint")
        self.suggestion.setWordWrap(True)
        self.suggestion.hide()
        column.addWidget(self.suggestion)
        box.setFocusProxy(next(iter(self.buttons.values())))
        return box

    def _lay_out(self, buttons: list[QRadioButton]) -> QHBoxLayout | QGridLayout:
        """Yes/no/unknown on one line; a longer list in two columns, read down the first
        then the second, so that eight choices (and each further referral's) take four lines."""
        if self._horizontal():
            row = QHBoxLayout()
            for button in buttons:
                row.addWidget(button)
            row.addStretch(1)
            return row
        grid = QGridLayout()
        rows = (len(buttons) + 1) // 2 if len(buttons) > TWO_COLUMNS_FROM else len(buttons)
        for n, button in enumerate(buttons):
            grid.addWidget(button, n % rows, n // rows)
        grid.setColumnStretch(2, 1)
        return grid

    def offer(self, value: Any) -> None:
        """A suggestion is only shown: a radio button ticked but not saved would look answered
        while the form still counts the question as open."""
        self.offered = value if value in self.buttons else None
        self.retranslate_editor()

    def _chosen(self, on: bool) -> None:
        if not on:
            return  # the button the officer's choice unticked
        self.suggestion.hide()
        self.emit_answer()

    def _horizontal(self) -> bool:
        return self.question.type == "yes_no_unknown"

    def _values(self) -> list[str]:
        if self.question.type == "yes_no_unknown":
            return ["yes", "no", "unknown"]
        return [c.value for c in self.form.choice_lists[self.question.choices or ""]]

    def retranslate_editor(self) -> None:
        for index, (value, button) in enumerate(self.buttons.items(), start=1):
            if self.question.type == "yes_no_unknown":
                key = YNU_KEYS[self.lang][value]
                button.setText(f"{YNU_WORDS[self.lang][value]}  ({key})")
            else:
                label = self.form.choice_label(self.question.choices or "", value, self.lang)
                button.setText(f"{index}. {label}" if index <= 9 else label)
        offered = getattr(self, "offered", None)
        if offered is not None and self.value() is None:
            number = list(self.buttons).index(offered) + 1
            label = self.form.choice_label(self.question.choices or "", offered, self.lang)
            self.suggestion.setText(self.tr(
                "Suggested by the decision rule: %1. Press %2, or Enter, to take it; another "
                "number to choose otherwise.").replace("%1", label).replace("%2", str(number)))
        self.suggestion.setVisible(offered is not None and self.value() is None)

    def value(self) -> Any:
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        return None

    def show_value(self, value: Any) -> None:
        button = self.buttons.get(value)
        if button is not None:
            button.setChecked(True)
            return
        self.group.setExclusive(False)
        for other in self.buttons.values():
            other.setChecked(False)
        self.group.setExclusive(True)

    def focus_target(self) -> QWidget:
        checked = self.group.checkedButton()
        return checked or next(iter(self.buttons.values()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        chosen = self._value_for_key(event)
        if chosen is None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and self.value() is None and self.offered is not None:
            chosen = self.offered  # Enter takes the suggestion
        if chosen is not None:
            if self.buttons[chosen].isChecked():
                self.emit_answer()  # confirming an offered default is an answer too
            self.buttons[chosen].setChecked(True)
            self.buttons[chosen].setFocus()
            self.entered.emit(self.question.id)
            return
        super().keyPressEvent(event)

    def _value_for_key(self, event: QKeyEvent) -> str | None:
        text = event.text().upper()
        if not text or event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                            | Qt.KeyboardModifier.AltModifier):
            return None
        values = list(self.buttons)
        if text.isdigit() and 1 <= int(text) <= min(9, len(values)):
            return values[int(text) - 1]
        if self.question.type == "yes_no_unknown":
            for value, key in YNU_KEYS[self.lang].items():
                if key == text:
                    return value
        return None


class MultiChoiceField(Field):
    """select_multiple as check boxes; Space toggles, digits toggle the n-th choice."""

    def build_editor(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for choice in self.form.choice_lists[self.question.choices or ""]:
            check = QCheckBox()
            check.setObjectName(f"choice_{self.question.id}_{choice.value}")
            check.toggled.connect(lambda _on: self.emit_answer())
            self.boxes[choice.value] = check
            column.addWidget(check)
        box.setFocusProxy(next(iter(self.boxes.values())))
        return box

    def retranslate_editor(self) -> None:
        for index, (value, check) in enumerate(self.boxes.items(), start=1):
            label = self.form.choice_label(self.question.choices or "", value, self.lang)
            check.setText(f"{index}. {label}" if index <= 9 else label)

    def value(self) -> Any:
        chosen = [value for value, check in self.boxes.items() if check.isChecked()]
        return chosen or None

    def show_value(self, value: Any) -> None:
        selected = set(value or [])
        for choice, check in self.boxes.items():
            check.setChecked(choice in selected)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        values = list(self.boxes)
        if text.isdigit() and 1 <= int(text) <= min(9, len(values)):
            check = self.boxes[values[int(text) - 1]]
            check.setChecked(not check.isChecked())
            check.setFocus()
            return
        super().keyPressEvent(event)

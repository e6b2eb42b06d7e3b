"""A repeat group (further referrals, periods of exploitation): one block per entry with the
form's own fields for it, the way the rest of the interview asks them.

Keyboard first: Insert adds an entry wherever the focus is in the group, Enter goes from one
field of an entry to the next and, after the last, to "Add"; Enter on "Add" moves on to the next
question (Space presses it). Ctrl+Delete removes the entry the focus is in, after asking, as does
its "Remove" button. Every change hands the whole list to ``answered``, so it is saved at once
like any other answer.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from screening.questionnaire.model import Form, Question
from screening.questionnaire.reference import Reference
from screening.questionnaire.values import REPEAT_LIMIT
from screening.ui.dialogs import confirm
from screening.ui.interview.fields import Field

FieldMaker = Callable[[Question, Form, Reference | None, str, QWidget | None], Field]


class RepeatField(Field):
    def __init__(self, question: Question, form: Form, reference: Reference | None, lang: str,
                 parent: QWidget | None = None, *, make_field: FieldMaker) -> None:
        self._make_field = make_field
        self.items: list[RepeatItem] = []
        super().__init__(question, form, reference, lang, parent)

    def build_editor(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(12, 0, 0, 0)
        self._rows = QVBoxLayout()
        column.addLayout(self._rows)
        self.empty = QLabel()
        self.empty.setObjectName("questionHint")
        column.addWidget(self.empty)
        row = QHBoxLayout()
        self.add_button = QPushButton()
        self.add_button.setObjectName(f"add_{self.question.id}")
        self.add_button.clicked.connect(self.add_item)
        row.addWidget(self.add_button)
        row.addStretch(1)
        column.addLayout(row)
        self.keys = QLabel()
        self.keys.setObjectName("questionHint")
        self.keys.setWordWrap(True)
        column.addWidget(self.keys)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence(Qt.Key.Key_Insert), box, self.add_item, context=context)
        QShortcut(QKeySequence("Ctrl+Delete"), box, self._remove_focused, context=context)
        return box

    # -- entries ---------------------------------------------------------------------------

    def add_item(self) -> None:
        if len(self.items) >= REPEAT_LIMIT:
            self.set_error(self.tr("No more than %1 entries.").replace("%1", str(REPEAT_LIMIT)))
            return
        item = self._append({})
        self.emit_answer()
        item.focus_first()

    def _append(self, answers: Mapping[str, Any]) -> RepeatItem:
        item = RepeatItem(self, len(self.items) + 1)
        self.items.append(item)
        self._rows.addWidget(item)
        item.setVisible(not self.isHidden())  # a layout shows a late child only later
        item.set_answers(answers)
        self._renumber()
        return item

    def remove_item(self, item: RepeatItem) -> None:
        title = self.tr("Remove an entry")
        text = self.tr("Remove %1 and its answers?").replace("%1", item.name())
        if not confirm(self, title, text, self.tr("Remove")):
            item.focus_first()  # back where the officer was, not lost with the dialog
            return
        index = self.items.index(item)
        self.items.pop(index)
        item.hide()
        item.deleteLater()
        self._renumber()
        self.emit_answer()
        if self.items:
            self.items[min(index, len(self.items) - 1)].focus_first()
        else:
            self.add_button.setFocus(Qt.FocusReason.TabFocusReason)

    def _remove_focused(self) -> None:
        for item in self.items:
            if item.isAncestorOf(self.focusWidget() or self):
                self.remove_item(item)
                return

    def _renumber(self) -> None:
        for number, item in enumerate(self.items, start=1):
            item.number = number
            item.retranslate(self.lang)
        self.empty.setVisible(not self.items)
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Entries are made after "Add": without this, Tab would reach them last."""
        chain: list[QWidget] = [self.editor]
        for item in self.items:
            chain.extend(item.tab_stops())
        chain.append(self.add_button)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def item_entered(self, item: RepeatItem) -> None:
        """Enter after an entry's last field: "Add" takes the focus (Space adds, Enter moves
        on)."""
        self.add_button.setFocus(Qt.FocusReason.TabFocusReason)

    # -- Field -----------------------------------------------------------------------------

    def value(self) -> Any:
        return [item.answers() for item in self.items] or None

    def show_value(self, value: Any) -> None:
        for item in self.items:
            item.hide()
            item.deleteLater()
        self.items = []
        for answers in value if isinstance(value, list) else []:
            self._append(answers if isinstance(answers, dict) else {})
        self._renumber()

    def focus_target(self) -> QWidget:
        if self.items:
            return self.items[-1].first_target()
        return self.add_button

    def show_item_problems(self, problems: Mapping[int, str]) -> None:
        """The engine's messages about entries, each beside its entry."""
        for item in self.items:
            item.set_problem(problems.get(item.number))

    def retranslate_editor(self) -> None:
        self.add_button.setText(self.tr("Add (Insert)"))
        self.empty.setText(self.tr("No entries yet."))
        self.keys.setText(self.tr(
            "Insert adds an entry; Enter goes to the next field; Ctrl+Delete removes the entry "
            "you are in; Enter on Add moves on to the next question."))
        for item in self.items:
            item.retranslate(self.lang)


class RepeatItem(QFrame):
    """One entry: its number, a "Remove" button, the fields and a line for the engine's
    message."""

    def __init__(self, group: RepeatField, number: int) -> None:
        super().__init__()
        self.group, self.number = group, number
        self.setObjectName(f"item_{group.question.id}_{number}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("itemTitle")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeItem")
        self.remove_button.clicked.connect(lambda: group.remove_item(self))
        top.addWidget(self.title, 1)
        top.addWidget(self.remove_button)
        column.addLayout(top)
        self.fields: dict[str, Field] = {}
        for child in group.question.children:
            field = group._make_field(child, group.form, group.reference, group.lang, self)
            field.answered.connect(self._answered)
            field.entered.connect(self._entered)
            self.fields[child.id] = field
            column.addWidget(field)
        self.problem = QLabel()
        self.problem.setObjectName("questionError")
        self.problem.setWordWrap(True)
        self.problem.hide()
        column.addWidget(self.problem)

    def name(self) -> str:
        return self.group.question.item_name(self.number, self.group.lang)

    def set_answers(self, answers: Mapping[str, Any]) -> None:
        for child_id, field in self.fields.items():
            field.set_value(answers.get(child_id))

    def answers(self) -> dict[str, Any]:
        found = {child_id: field.value() for child_id, field in self.fields.items()}
        return {child_id: value for child_id, value in found.items() if value is not None}

    def _answered(self, child_id: str, _value: Any) -> None:
        field = self.fields[child_id]
        field.set_error(field.own_problem())
        self.group.emit_answer()

    def _entered(self, child_id: str) -> None:
        ids = list(self.fields)
        following = ids.index(child_id) + 1
        if following < len(ids):
            self.fields[ids[following]].focus()
        else:
            self.group.item_entered(self)

    def first_target(self) -> QWidget:
        return next(iter(self.fields.values())).focus_target()

    def focus_first(self) -> None:
        next(iter(self.fields.values())).focus()

    def tab_stops(self) -> list[QWidget]:
        """The widgets Tab stops at, field by field: the inner ones (a picker's line, each
        radio button), since a compound widget moved in the chain leaves its children."""
        stops: list[QWidget] = []
        for field in self.fields.values():
            stops.extend(w for w in field.findChildren(QWidget)
                         if w.focusPolicy() & Qt.FocusPolicy.TabFocus
                         and w.window() is self.window())  # not a picker's pop-up list
        return [*stops, self.remove_button]

    def set_problem(self, text: str | None) -> None:
        self.problem.setText(text or "")
        self.problem.setVisible(bool(text))

    def retranslate(self, lang: str) -> None:
        self.title.setText(self.name())
        self.remove_button.setText(self.tr("Remove (Ctrl+Delete)"))
        for field in self.fields.values():
            field.retranslate(lang)

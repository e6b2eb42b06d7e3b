"""The interview screen: sections at the side with progress, the current section's questions in
the middle, the running indicators on the right, and a quiet "saved" line at the bottom.

The navigation engine decides what is asked; this view renders it and hands every answer to
``save`` the moment it is given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from screening.questionnaire.model import Form
from screening.questionnaire.navigation import Interview, section_progress
from screening.questionnaire.reference import Reference
from screening.ui.buttons import EnterButton
from screening.ui.interview.assessment import AssessmentField
from screening.ui.interview.factory import field_for
from screening.ui.interview.fields import Field
from screening.ui.interview.indicators import IndicatorPanel
from screening.ui.interview.repeat import RepeatField
from screening.ui.retranslating import Retranslating

Saver = Callable[[str, Any], None]


class InterviewView(Retranslating, QWidget):
    finalise_requested = Signal()
    closed = Signal()

    def __init__(self, form: Form, reference: Reference | None, lang: str,
                 answers: Mapping[str, Any], save: Saver, *, current: str | None = None,
                 now: dt.datetime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interviewView")
        self.form, self.reference, self.lang, self._save = form, reference, lang, save
        self.session = Interview(form, answers, reference=reference, current=current, now=now)
        self.fields: dict[str, Field] = {}
        self.pages: dict[str, int] = {}
        self._titles: list[QLabel] = []  # one per section, in the form's order
        self._build()
        for question_id, value in self.session.answers.items():
            if question_id in self.fields:
                self.fields[question_id].set_value(value)
        self._offer_defaults()
        self.refresh()
        if self.session.current:
            self.show_question(self.session.current)

    # -- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.sections = QListWidget()
        self.sections.setObjectName("sectionList")
        self.sections.setMinimumWidth(290)
        self.sections.setMaximumWidth(340)
        self.sections.setWordWrap(True)
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        for index, section in enumerate(self.form.sections):
            self.pages[section.id] = index
            self.stack.addWidget(self._page(section))
            self.sections.addItem(QListWidgetItem())
        # connected only now: filling the list must not move the officer to section A
        self.sections.currentRowChanged.connect(self._section_chosen)
        self.panel = IndicatorPanel(self.form, self.lang)
        self.panel.setMaximumWidth(320)
        splitter = QSplitter()
        splitter.addWidget(self.sections)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(1, 1)
        self.saved = QLabel()
        self.saved.setObjectName("savedIndicator")
        self.keys = QLabel()
        self.keys.setObjectName("keysHint")
        self.keys.setWordWrap(True)
        self.previous_button = EnterButton()
        self.next_button = EnterButton()
        self.finalise_button = EnterButton()
        self.finalise_button.setObjectName("finaliseButton")
        self.previous_button.clicked.connect(lambda: self._move_section(-1))
        self.next_button.clicked.connect(lambda: self._move_section(+1))
        self.finalise_button.clicked.connect(self.finalise_requested.emit)
        bottom = QHBoxLayout()
        bottom.addWidget(self.saved, 1)
        for button in (self.previous_button, self.next_button, self.finalise_button):
            bottom.addWidget(button)
        column = self._column = QVBoxLayout(self)
        column.addWidget(splitter, 1)
        column.addWidget(self.keys)
        column.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+PgDown"), self, lambda: self._move_section(+1))
        QShortcut(QKeySequence("Ctrl+PgUp"), self, lambda: self._move_section(-1))
        self.retranslate()

    def add_below(self, widget: QWidget) -> None:
        """Put ``widget`` under the interview, across its width (the supervisor's review
        bar)."""
        self._column.addWidget(widget)

    def _page(self, section: Any) -> QWidget:
        body = QWidget()
        column = QVBoxLayout(body)
        title = QLabel()
        title.setObjectName("sectionTitle")
        title.setProperty("section", section.id)
        column.addWidget(title)
        self._titles.append(title)
        for question in section.questions:
            field = field_for(question, self.form, self.reference, self.lang)
            field.answered.connect(self._answered)
            field.entered.connect(self._advance)
            self.fields[question.id] = field
            column.addWidget(field)
        if section.id == self.form.sections[-1].id:
            self.problems = QLabel()
            self.problems.setObjectName("actionProblems")
            self.problems.setWordWrap(True)
            column.addWidget(self.problems)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        return scroll

    # -- answers ---------------------------------------------------------------------------

    def _answered(self, question_id: str, value: Any) -> None:
        if self.session.answers.get(question_id) == value:
            return
        self.session.answer(question_id, value)
        self._save(question_id, value)
        self.saved.setText(self.tr("Saving…"))
        self._offer_defaults()
        self.refresh()

    def set_read_only(self, read_only: bool) -> None:
        """Reviewing: answers can be read and scrolled but not changed."""
        for field in self.fields.values():
            field.editor.setEnabled(not read_only)
        self.finalise_button.setVisible(not read_only)

    def mark_saved(self) -> None:
        """The store confirmed the last answer."""
        time = QTime.currentTime().toString("HH:mm:ss")
        self.saved.setText(self.tr("Saved at %1").replace("%1", time))

    def _offer_defaults(self) -> None:
        for question_id, field in self.fields.items():
            question = self.form.questions.get(question_id)
            if question is None or not question.default_from:
                continue
            if question_id not in self.session.answers:
                field.offer(self.session.offered_default(question_id))

    def answer(self, question_id: str, value: Any) -> None:
        """Give an answer as if typed (used by tests and by the resume logic)."""
        self.fields[question_id].set_value(value)
        self._answered(question_id, value)

    # -- refresh ---------------------------------------------------------------------------

    def refresh(self) -> None:
        evaluation = self.session.evaluation
        missing = set(evaluation.missing_required)
        blocking = {p.question_id for p in evaluation.blocking_actions if p.item is None}
        for question_id, field in self.fields.items():
            field.setVisible(evaluation.relevant.get(question_id, False))
            issue = evaluation.issues.get(question_id)
            if isinstance(field, RepeatField):
                field.show_item_problems(self._item_problems(question_id))
                if issue is not None and issue.item is not None:
                    issue = None  # shown beside its entry
            field.set_error(field.own_problem()
                            or (issue.message.get(self.lang) if issue else None))
            question = self.form.questions[question_id]
            field.set_required(question.required or question_id in missing
                               or (question.required_when is not None and question_id in missing))
            if question.type == "calculate":
                field.set_value(evaluation.values.get(question_id))
            elif question_id in blocking and not issue:
                field.set_error(" ".join(p.message.get(self.lang, "")
                                         for p in evaluation.blocking_actions
                                         if p.question_id == question_id and p.item is None))
            if isinstance(field, AssessmentField):
                field.show_assessment(evaluation.assessment)
        asked = any(q.id in self.session.answers for q in self.form.indicators)
        asked = asked or any(q.id in self.session.answers for q in self.form.observations)
        # before any indicator is asked, a green "no indicators" would read as "cleared"
        self.panel.show_assessment(evaluation.assessment if asked else None)
        self._refresh_sections()
        self._refresh_problems()
        self.finalise_button.setEnabled(evaluation.can_finalise)

    def _item_problems(self, question_id: str) -> dict[int, str]:
        """Messages about one entry of a repeat, by entry: its answers, then its required
        actions."""
        evaluation = self.session.evaluation
        found: dict[int, list[str]] = {}
        issue = evaluation.issues.get(question_id)
        if issue is not None and issue.item is not None:
            found.setdefault(issue.item, []).append(issue.message.get(self.lang, ""))
        for problem in evaluation.action_problems:
            if problem.question_id == question_id and problem.item is not None:
                found.setdefault(problem.item, []).append(problem.message.get(self.lang, ""))
        return {item: " ".join(texts) for item, texts in found.items()}

    def _refresh_sections(self) -> None:
        for row, progress in enumerate(section_progress(self.session.evaluation)):
            item = self.sections.item(row)
            title = progress.section.title.get(self.lang, progress.section.id)
            if not progress.asked:
                text = f"{progress.section.id}. {title}  —"
            else:
                text = f"{progress.section.id}. {title}  {progress.answered}/{progress.visible}"
                if progress.missing_required:
                    text += f"  ⚠{progress.missing_required}"
            item.setText(text)
            item.setForeground(self.palette().mid() if not progress.asked
                               else self.palette().text())

    def _refresh_problems(self) -> None:
        evaluation = self.session.evaluation
        # Blocking problems are shown beside their question; here go warnings, and problems
        # whose question is not on screen.
        lines = [p.message.get(self.lang, "") for p in evaluation.action_problems
                 if (not p.blocking and p.item is None)
                 or not evaluation.relevant.get(p.question_id)]
        self.problems.setText("\n".join(f"• {line}" for line in lines))
        self.problems.setVisible(bool(lines))

    # -- navigation ------------------------------------------------------------------------

    def _advance(self, question_id: str) -> None:
        if self.session.evaluation.relevant.get(question_id):
            self.session.go_to(question_id)
        # else the answer just given hid its own question: go on from where the interview stood
        following = self.session.next()
        if following is None:
            self.finalise_button.setFocus()
            return
        self.show_question(following)

    def show_question(self, question_id: str) -> None:
        question = self.form.questions[question_id]
        if not self.session.evaluation.relevant.get(question_id):
            return  # the current answers no longer ask it: its field is hidden
        self.session.go_to(question_id)
        page = self.pages[question.section_id]
        # The list must always show a current row: a list without one picks row 0 when it
        # gets focus, which would jump the officer back to section A.
        if self.sections.currentRow() != page:
            self.sections.blockSignals(True)
            self.sections.setCurrentRow(page)
            self.sections.blockSignals(False)
        if self.stack.currentIndex() != page:
            self.stack.setCurrentIndex(page)
        field = self.fields[question_id]
        scroll = self.stack.currentWidget()
        body = scroll.widget() if isinstance(scroll, QScrollArea) else None
        if isinstance(scroll, QScrollArea) and body is not None:
            top = field.mapTo(body, QPoint(0, 0)).y()
            if top + field.height() + 40 <= scroll.viewport().height():
                scroll.verticalScrollBar().setValue(0)  # the section's title stays in view
            else:
                scroll.ensureWidgetVisible(field, 0, 40)
        if question.answerable:
            field.focus()
        else:
            self._advance(question_id)

    def _section_chosen(self, row: int) -> None:
        if row < 0:
            return
        first = self.session.enter_section(self.form.sections[row].id)
        self.stack.setCurrentIndex(row)
        if first is not None:
            self.fields[first].focus()

    def _move_section(self, step: int) -> None:
        row = self.stack.currentIndex() + step
        progress = section_progress(self.session.evaluation)
        while 0 <= row < len(progress) and not progress[row].asked:
            row += step
        if 0 <= row < len(progress):
            self.sections.setCurrentRow(row)

    def current_section(self) -> str:
        return self.form.sections[self.stack.currentIndex()].id

    # -- language --------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.panel.lang = lang
        for field in self.fields.values():
            field.retranslate(lang)
        self.retranslate()
        self.refresh()


    def retranslate(self) -> None:
        self.previous_button.setText(self.tr("◀ Previous section"))
        self.next_button.setText(self.tr("Next section ▶"))
        self.finalise_button.setText(self.tr("Finalise interview"))
        self.keys.setText(self.tr(
            "Keys: the number or letter of an answer gives it and moves on by itself; Enter "
            "moves on without changing the answer (it confirms what a text field shows); "
            "Ctrl+PgDown / Ctrl+PgUp: next / previous section."))
        for title, section in zip(self._titles, self.form.sections, strict=True):
            title.setText(f"{section.id}. {section.title.get(self.lang, section.id)}")
        if hasattr(self, "problems"):
            self._refresh_sections()

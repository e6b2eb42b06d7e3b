"""Home: my drafts, interviews awaiting review (supervisors), today's interviews, sync status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from screening import lifecycle
from screening.ui import i18n
from screening.ui.arrivals import ArrivalList
from screening.ui.referral_status import ReferralStatusPanel
from screening.ui.retranslating import Retranslating

if TYPE_CHECKING:  # rows are filled after the login; the login window does not wait for the form
    from screening.questionnaire.model import Form
    from screening.questionnaire.reference import Reference
    from screening.store.notices import ExpectedArrival

ID_ROLE = Qt.ItemDataRole.UserRole


def local_time(moment: str) -> dt.datetime:
    """The store keeps UTC; the officer's clock is local (midnight is not 01:00)."""
    return dt.datetime.fromisoformat(moment).astimezone()


class InterviewList(QTreeWidget):
    opened = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.itemActivated.connect(lambda item, _col: self.opened.emit(item.data(0, ID_ROLE)))

    def fill(self, rows: Iterable[Any], form: Form | None, lang: str,
             statuses: dict[str, str]) -> None:
        """``form`` is None only before the first login, when there are no rows either."""
        self.clear()
        first: QTreeWidgetItem | None = None
        for row in rows:
            outcome = _outcome(form, row.outcome, lang)
            changed = local_time(row.updated_at)
            when = f"{i18n.show_date(changed.date().isoformat(), lang)} {changed:%H:%M}"
            item = QTreeWidgetItem([row.case_reference or "—", row.display_name or "—",
                                    statuses.get(row.status, row.status), outcome, row.officer,
                                    when])
            item.setData(0, ID_ROLE, row.id)
            self.addTopLevelItem(item)
            if first is None:
                first = item
        for column in range(self.columnCount()):
            self.resizeColumnToContents(column)
        if first is not None:
            self.setCurrentItem(first)


class HomeScreen(Retranslating, QWidget):
    new_interview = Signal()
    open_interview = Signal(str)
    start_from_notice = Signal(str)

    def __init__(self, form: Form | None, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homeScreen")
        self.form, self.lang = form, lang
        self.greeting = QLabel()
        self.greeting.setObjectName("sectionTitle")
        self.sync = QLabel()
        self.sync.setObjectName("syncStatus")
        self.new_button = QPushButton()
        self.new_button.setObjectName("newInterviewButton")
        self.new_button.clicked.connect(self.new_interview.emit)
        self.drafts_title, self.review_title, self.today_title = QLabel(), QLabel(), QLabel()
        self.drafts = InterviewList("draftsList")
        self.review = InterviewList("reviewList")
        self.today = InterviewList("todayList")
        for view in (self.drafts, self.review, self.today):
            view.opened.connect(self.open_interview.emit)
        top = QHBoxLayout()
        top.addWidget(self.greeting, 1)
        top.addWidget(self.sync)
        top.addWidget(self.new_button)
        column = self.column = QVBoxLayout(self)
        column.addLayout(top)
        # first: the person at the gate now may be one of them
        self.arrivals_title = QLabel()
        self.arrivals_title.setObjectName("panelTitle")
        self.arrivals = ArrivalList()
        self.arrivals.start.connect(self.start_from_notice.emit)
        column.addWidget(self.arrivals_title)
        column.addWidget(self.arrivals)
        self.expected: list[ExpectedArrival] = []
        self.reference: Reference | None = None
        # an empty table says so in words: a blank grid reads as "still loading" or "broken"
        self.empty = {view: QLabel() for view in (self.drafts, self.review, self.today)}
        for title, view in ((self.drafts_title, self.drafts), (self.review_title, self.review),
                            (self.today_title, self.today)):
            title.setObjectName("panelTitle")
            column.addWidget(title)
            column.addWidget(view)
            self.empty[view].setObjectName("emptyList")
            column.addWidget(self.empty[view])
        self.referrals: ReferralStatusPanel | None = None
        self.user, self.supervisor = "", False
        self.rows: list[Any] = []
        self.sync_status: Any = None
        self.sync_error = ""
        self.retranslate()

    def show_rows(self, user: str, supervisor: bool, rows: list[Any]) -> None:
        self.user, self.supervisor, self.rows = user, supervisor, rows
        self.retranslate()

    def show_arrivals(self, arrivals: list[ExpectedArrival],
                      reference: Reference | None) -> None:
        self.expected, self.reference = arrivals, reference
        self._fill_arrivals()

    def focus_arrivals(self) -> bool:
        """Keyboard focus on the first expected arrival; False when none is expected."""
        first = self.arrivals.topLevelItem(0) if self.expected else None
        if first is None:
            return False
        self.arrivals.setCurrentItem(first)
        self.arrivals.setFocus()
        return True

    def _fill_arrivals(self) -> None:
        self.arrivals.fill(self.expected, self.form, self.reference, self.lang, dt.date.today())
        self.arrivals.setVisible(bool(self.expected))
        self.arrivals_title.setVisible(bool(self.expected))

    def show_referrals(self, reference: Reference, statuses: list[Any]) -> None:
        """For a supervisor: what central reports of the checkpoint's referrals."""
        if self.referrals is None:
            self.referrals = ReferralStatusPanel(reference, self.lang)
            self.column.addWidget(self.referrals)
        self.referrals.reference, self.referrals.lang = reference, self.lang
        self.referrals.show_statuses(statuses[:20], {r.id: r.case_reference for r in self.rows})
        self.referrals.setVisible(self.supervisor and bool(statuses))

    def show_sync(self, status: Any) -> None:
        self.sync_status = status
        self._show_sync()

    def sync_reached(self) -> None:
        self.sync_error = ""
        self._show_sync()

    def show_sync_failure(self, message: str) -> None:
        self.sync_error = message
        self._show_sync()

    def _show_sync(self) -> None:
        status = self.sync_status
        if status is None or not status.enrolled:
            self.sync.setText(self.tr("Sync with central: not set up on this workstation"))
            return
        if self.sync_error:
            text = self.tr("Central not reachable; %1 batch(es) wait and will be sent later")
            self.sync.setText(text.replace("%1", str(status.pending)))
            return
        when = status.last_success
        moment = (f"{i18n.show_date(when[:10], self.lang)} "
                  f"{dt.datetime.fromisoformat(when).astimezone():%H:%M}") if when else "—"
        text = self.tr("Last sync with central: %1 · waiting: %2").replace("%1", moment)
        self.sync.setText(text.replace("%2", str(status.pending)))

    def _fill(self) -> None:
        statuses = self._statuses()
        rows = self.rows
        mine = [r for r in rows if r.officer == self.user
                and lifecycle.is_editable(r.status)]
        waiting = [r for r in rows if r.status == lifecycle.FINALISED]
        todays = [r for r in rows if local_time(r.created_at).date() == dt.date.today()]
        self.drafts.fill(mine, self.form, self.lang, statuses)
        self.review.fill(waiting, self.form, self.lang, statuses)
        self.today.fill(todays, self.form, self.lang, statuses)
        for view in (self.drafts, self.review, self.today):
            shown = view is not self.review or self.supervisor
            empty = view.topLevelItemCount() == 0
            view.setVisible(shown and not empty)
            self.empty[view].setVisible(shown and empty)
        self.review_title.setVisible(self.supervisor)

    def _statuses(self) -> dict[str, str]:
        return {"draft": self.tr("Draft"), "finalised": self.tr("Finalised"),
                "returned_for_correction": self.tr("Returned for correction"),
                "approved": self.tr("Approved")}


    def retranslate(self) -> None:
        self.greeting.setText(self.tr("Welcome, %1").replace("%1", self.user))
        self.new_button.setText(self.tr("New interview (Ctrl+N)"))
        self._show_sync()
        self.drafts_title.setText(self.tr("My unfinished interviews"))
        self.review_title.setText(self.tr("Awaiting review"))
        self.today_title.setText(self.tr("Today at this checkpoint"))
        self.arrivals_title.setText(self.tr(
            "Expected arrivals today and tomorrow (notified by central) — Enter starts the "
            "interview"))
        headers = [self.tr("Case reference"), self.tr("Person"), self.tr("Status"),
                   self.tr("Outcome"), self.tr("Officer"), self.tr("Last change")]
        self.empty[self.drafts].setText(self.tr(
            "You have no unfinished interviews. Start one with “New interview” (Ctrl+N)."))
        self.empty[self.review].setText(self.tr("No interview is waiting for your review."))
        self.empty[self.today].setText(self.tr("No interview at this checkpoint today yet."))
        for view in (self.drafts, self.review, self.today):
            view.setHeaderLabels(headers)
        self._fill()
        self._fill_arrivals()


def _outcome(form: Form | None, outcome: str | None, lang: str) -> str:
    if not outcome or form is None:
        return "—"
    # imported on the first row that has one: the login window's empty lists do not need it
    from screening.questionnaire.scoring import outcome_label

    return outcome_label(form, outcome, lang)

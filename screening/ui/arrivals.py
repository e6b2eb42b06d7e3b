"""The home screen's *Expected arrivals*: the notices central sent for this checkpoint,
expected today and tomorrow. Enter (or a double click) on one starts its interview with the
known facts filled in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from screening.ui import i18n

if TYPE_CHECKING:  # the home screen is built before the login; the store opens after it
    from screening.questionnaire.model import Form
    from screening.questionnaire.reference import Reference
    from screening.store.notices import ExpectedArrival

ID_ROLE = Qt.ItemDataRole.UserRole


class ArrivalList(QTreeWidget):
    start = Signal(str)  # the notice's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("arrivalsList")
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.itemActivated.connect(lambda item, _col: self.start.emit(item.data(0, ID_ROLE)))

    def headers(self) -> list[str]:
        return [self.tr("Expected"), self.tr("Person"), self.tr("Date of birth or age"),
                self.tr("Flight or crossing"), self.tr("Returned from"), self.tr("Notified by"),
                self.tr("Suspected"), self.tr("To be met by")]

    def fill(self, arrivals: Sequence[ExpectedArrival], form: Form | None,
             reference: Reference | None, lang: str, today: dt.date) -> None:
        self.clear()
        self.setHeaderLabels(self.headers())
        notifiers = {c.value: c.label.get(lang) or c.value
                     for c in (form.choice_lists.get("advance_notice_by", ()) if form else ())}
        for arrival in arrivals:
            item = QTreeWidgetItem([self._when(arrival.expected_date, today, lang),
                                    arrival.name, self._born(arrival, lang),
                                    arrival.facts.get("travel") or "—",
                                    self._country(arrival.facts.get("coming_from"), reference,
                                                  lang),
                                    ", ".join(notifiers.get(n, n) for n in
                                              arrival.facts.get("notified_by", [])),
                                    self._suspected(arrival), self._organisation(
                                        arrival.facts.get("meet_organisation"), reference,
                                        lang)])
            item.setData(0, ID_ROLE, arrival.id)
            self.addTopLevelItem(item)
        for column in range(self.columnCount()):
            self.resizeColumnToContents(column)
        first = self.topLevelItem(0)
        if first is not None:
            self.setCurrentItem(first)

    def _when(self, expected: str, today: dt.date, lang: str) -> str:
        if expected == today.isoformat():
            return self.tr("Today")
        if expected == (today + dt.timedelta(days=1)).isoformat():
            return self.tr("Tomorrow")
        return i18n.show_date(expected, lang)

    def _born(self, arrival: ExpectedArrival, lang: str) -> str:
        born, age = arrival.facts.get("date_of_birth"), arrival.facts.get("age")
        if born:
            return i18n.show_date(born, lang)
        return self.tr("%1 years").replace("%1", str(age)) if age is not None else "—"

    def _suspected(self, arrival: ExpectedArrival) -> str:
        said = ([self.tr("victim")] if arrival.facts.get("victim_suspected") else []) + \
               ([self.tr("child")] if arrival.facts.get("child_suspected") else [])
        return ", ".join(said) or "—"

    @staticmethod
    def _country(code: object, reference: Reference | None, lang: str) -> str:
        if not isinstance(code, str) or not code:
            return "—"
        return reference.country_name(code, lang) if reference else code

    @staticmethod
    def _organisation(org: object, reference: Reference | None, lang: str) -> str:
        if not isinstance(org, str) or not org:
            return "—"
        found = reference.organisations.get(org) if reference else None
        return (found.name.get(lang) or found.name.get("en") or org) if found else org

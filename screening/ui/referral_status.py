"""What central's registry reports of this checkpoint's referrals, for the supervisor: one
line per referral, "Accepted by Vatra on 02.12.2026" or "Declined by Vatra on 02.12.2026: no
place", on the home screen (with the case reference) and under an approved interview."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from screening.ui import i18n
from screening.ui.retranslating import Retranslating

if TYPE_CHECKING:  # built with the home screen, before the login and the reference data
    from screening.questionnaire.reference import Reference


class ReferralStatusPanel(Retranslating, QWidget):
    """``statuses``: sync.packages.ReferralStatus; ``references``: interview id -> case
    reference (the home screen names the case; under an interview it is plain)."""

    def __init__(self, reference: Reference, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referralStatusPanel")
        self.reference, self.lang = reference, lang
        self.title = QLabel()
        self.title.setObjectName("panelTitle")
        self.lines = QLabel()
        self.lines.setObjectName("referralStatuses")
        self.lines.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.lines)
        self.statuses: Sequence[Any] = ()
        self.references: Mapping[str, str] = {}
        self.retranslate()

    def show_statuses(self, statuses: Sequence[Any], references: Mapping[str, str] | None = None
                      ) -> None:
        self.statuses, self.references = statuses, references or {}
        self.retranslate()

    def _organisation(self, code: str) -> str:
        found = self.reference.organisations.get(code)
        if found is None:
            return code
        return found.name.get(self.lang) or found.name.get("en") or code

    def _status_words(self) -> dict[str, str]:
        return {"sent": self.tr("Sent to %1 on %2"), "received": self.tr("Received by %1 on %2"),
                "accepted": self.tr("Accepted by %1 on %2"),
                "declined": self.tr("Declined by %1 on %2"),
                "arrived": self.tr("Arrived at %1 on %2"),
                "did_not_arrive": self.tr("Did not arrive at %1 (%2)"),
                "closed": self.tr("Closed by %1 on %2"),
                "re_referred": self.tr("Declined by %1, referred again on %2"),
                "withdrawn": self.tr("Withdrawn from %1 on %2")}

    def line(self, status: Any) -> str:
        words = self._status_words()
        day = i18n.show_date((status.day or status.updated_at)[:10], self.lang)
        text = words.get(status.status, "%1: %2").replace("%1", self._organisation(
            status.organisation)).replace("%2", day)
        if status.reason:
            text = f"{text}: {status.reason}"
        reference = self.references.get(status.interview_id)
        return f"{reference} — {text}" if reference else text

    def retranslate(self) -> None:
        self.title.setText(self.tr("Referrals, as central's registry reports them"))
        self.lines.setText("\n".join(self.line(s) for s in self.statuses)
                           or self.tr("Central has reported nothing on these referrals yet: "
                                      "the next sync brings it."))

"""Searchable pickers for countries, checkpoints and organisations: type part of a name in
either language (accents optional: "shqiperi" finds "Shqipëri") or the code."""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from screening.ui.interview.fields import Field

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
CODE_ROLE = Qt.ItemDataRole.UserRole + 2


def fold(text: str) -> str:
    """Lower case without accents, so ë matches e and ç matches c."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class SearchCombo(QComboBox):
    confirmed = Signal()  # Enter pressed with no list open: take what is typed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        # our own line edit, held typed: the one setEditable made is replaced by it
        self.line = QLineEdit(self)
        self.setLineEdit(self.line)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(12)
        self.items = QStandardItemModel(self)
        self.setModel(self.items)
        self.suggestions = QCompleter(self.items, self)
        self.suggestions.setCompletionRole(SEARCH_ROLE)
        self.suggestions.setFilterMode(Qt.MatchFlag.MatchContains)
        self.suggestions.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.suggestions.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(self.suggestions)  # after setLineEdit: the line edit holds it
        self.line.textEdited.connect(self._fold_typed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.suggestions.popup()
        open_list = popup is not None and popup.isVisible()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not open_list:
            self.confirmed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def _fold_typed(self, text: str) -> None:
        self.suggestions.setCompletionPrefix(fold(text))

    def fill(self, entries: list[tuple[str, str, str]]) -> None:
        """Entries of (code, shown text, extra search words)."""
        current = self.code()
        self.blockSignals(True)
        self.items.clear()
        for code, shown, extra in entries:
            item = QStandardItem(shown)
            item.setData(fold(f"{shown} {extra} {code}"), SEARCH_ROLE)
            item.setData(code, CODE_ROLE)
            self.items.appendRow(item)
        self.set_code(current)
        self.blockSignals(False)

    def code(self) -> str | None:
        """The chosen code: the current item, or the item whose text or code was typed
        exactly (typing "GR" and Enter picks Greece without touching the list)."""
        text = self.currentText().strip()
        if not text:
            return None
        index = self.currentIndex()
        if index >= 0 and text == self.itemText(index):
            return self.itemData(index, CODE_ROLE)
        wanted = fold(text)
        for row in range(self.items.rowCount()):
            item = self.items.item(row)
            # the completer writes its search text (name, other language, code) into the box
            if wanted in (fold(item.text()), fold(str(item.data(CODE_ROLE))),
                          item.data(SEARCH_ROLE)):
                return item.data(CODE_ROLE)
        return None

    def set_code(self, code: str | None) -> None:
        for row in range(self.items.rowCount()):
            if self.items.item(row).data(CODE_ROLE) == code:
                self.setCurrentIndex(row)
                return
        self.setCurrentIndex(-1)
        self.setEditText("")


class PickerField(Field):
    """country, checkpoint, organisation."""

    def build_editor(self) -> QWidget:
        self.combo = combo = SearchCombo()
        combo.activated.connect(lambda _index: self.emit_answer())
        combo.suggestions.activated.connect(lambda _text: self._take_and_move_on())
        combo.confirmed.connect(self._take_and_move_on)
        # Typed text that matches nothing clears the answer rather than keeping a stale one.
        combo.line.editingFinished.connect(self.emit_answer)
        return combo

    def _take_and_move_on(self) -> None:
        self.combo.set_code(self.combo.code())  # show the chosen name, not the search text
        self.emit_answer()
        self.entered.emit(self.question.id)

    def retranslate_editor(self) -> None:
        self.combo.fill(entries_for(self.question.type, self.reference, self.lang))

    def value(self) -> Any:
        return self.combo.code()

    def show_value(self, value: Any) -> None:
        self.combo.set_code(value)


class CountriesField(Field):
    """countries: a list the officer adds to with the country picker; Delete removes."""

    def build_editor(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.picker = SearchCombo()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._add)
        self.picker.activated.connect(lambda _index: self._add())
        self.picker.suggestions.activated.connect(lambda _text: self._add())
        self.picker.confirmed.connect(self._add_or_move_on)
        row.addWidget(self.picker, 1)
        row.addWidget(self.add_button)
        column.addLayout(row)
        self.chosen = QListWidget()
        self.chosen.setMaximumHeight(90)
        column.addWidget(self.chosen)
        box.setFocusProxy(self.picker)
        return box

    def retranslate_editor(self) -> None:
        self.add_button.setText(self.tr("Add"))
        self.picker.fill(entries_for("country", self.reference, self.lang))
        self.show_value(self.value())

    def _add_or_move_on(self) -> None:
        if self.picker.currentText().strip():
            self._add()
        else:
            self.entered.emit(self.question.id)

    def _add(self) -> None:
        code = self.picker.code()
        if code and code not in (self.value() or []):
            self._append(code)
            self.emit_answer()
        self.picker.set_code(None)

    def _append(self, code: str) -> None:
        name = self.reference.country_name(code, self.lang) if self.reference else code
        item = QListWidgetItem(f"{name} ({code})")
        item.setData(CODE_ROLE, code)
        self.chosen.addItem(item)

    def value(self) -> Any:
        codes = [self.chosen.item(i).data(CODE_ROLE) for i in range(self.chosen.count())]
        return codes or None

    def show_value(self, value: Any) -> None:
        self.chosen.clear()
        for code in value or []:
            self._append(code)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Delete and self.chosen.currentRow() >= 0:
            self.chosen.takeItem(self.chosen.currentRow())
            self.emit_answer()
            return
        super().keyPressEvent(event)


def entries_for(kind: str, reference: Any, lang: str) -> list[tuple[str, str, str]]:
    if reference is None:
        return []
    other = "en" if lang == "sq" else "sq"
    if kind == "country":
        rows = [(code, f"{names.get(lang) or names.get('en')} ({code})", names.get(other, ""))
                for code, names in reference.countries.items()]
    elif kind == "checkpoint":
        rows = [(c.code, f"{c.name.get(lang)} ({c.code})", c.name.get(other, ""))
                for c in reference.checkpoints.values()]
    else:
        rows = [(o.id, _organisation_text(o, lang), o.name.get(other, ""))
                for o in reference.organisations.values()]
    return sorted(rows, key=lambda row: fold(row[1]))


def _organisation_text(organisation: Any, lang: str) -> str:
    city = organisation.city.get(lang) if organisation.city else ""
    name = organisation.name.get(lang) or organisation.id
    return f"{name} — {city}" if city else name

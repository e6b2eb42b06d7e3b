"""The recovery code at setup: a proper A4 sheet, bilingual, printed or saved where the
supervisor chooses, readable by that user only."""

from __future__ import annotations

import socket

from tests.ui.conftest import PASSWORD
from tests.ui.modal import click
from tests.ui.printing import save_by_pressing, text_of


def test_recovery_sheet_saved_where_chosen(qtbot, window, tmp_path):
    win = window
    wizard = win.wizard
    wizard.next()
    page = wizard.account_page
    qtbot.keyClicks(page.user, "drita")
    qtbot.keyClicks(page.password, PASSWORD)
    qtbot.keyClicks(page.again, PASSWORD)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.code_page, timeout=30_000)
    code = wizard.code_page.code.text()
    click(qtbot, wizard.code_page.print_button)
    qtbot.waitUntil(lambda: wizard.code_page.preview is not None
                    and wizard.code_page.preview.isVisible())
    preview = wizard.code_page.preview
    assert not list(tmp_path.rglob("*.pdf")) and not list(win.root.rglob("*.pdf"))

    saved = save_by_pressing(qtbot, preview, tmp_path / "safe" / "recovery.pdf")  # 0600
    text = " ".join(text_of(saved.read_bytes()).split())
    assert code in text
    for words in ("Kodi i rikuperimit", "recovery code", "Where to keep it", "Ku ruhet",
                  "How to use it", "Si përdoret", "drita", "TIA", socket.gethostname()):
        assert words in text, words
    click(qtbot, preview.close_button)
    assert not list(win.root.rglob("*.pdf"))

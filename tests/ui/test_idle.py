"""The idle lock's watcher: activity restarts its countdown while a session runs, and nothing
watches the application's events while none does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from screening.ui.idle import IdleWatcher


def test_a_key_press_restarts_the_countdown_only_while_it_runs(qtbot):
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    watcher = IdleWatcher(1)
    # a minute is a "very coarse" timer to Qt, which rounds what remains to whole seconds
    watcher.timer.setTimerType(Qt.TimerType.PreciseTimer)
    watcher.start()
    qtbot.waitUntil(lambda: watcher.timer.remainingTime() < 60_000 - 50)
    qtbot.keyClick(field, Qt.Key.Key_A)
    assert watcher.timer.remainingTime() > 60_000 - 50
    watcher.stop()
    qtbot.keyClick(field, Qt.Key.Key_B)  # activity after the session ended starts nothing
    assert not watcher.timer.isActive()
    assert field.text() == "ab"  # the watcher never swallows what it sees


def test_starting_twice_still_locks_once(qtbot):
    watcher = IdleWatcher(1)
    watcher.timer.setInterval(20)
    locked = []
    watcher.idle.connect(lambda: locked.append(True))
    watcher.start()
    watcher.start()  # a login after settings were applied starts it again
    qtbot.waitUntil(lambda: bool(locked))
    assert locked == [True]
    watcher.stop()

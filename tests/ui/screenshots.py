"""Screenshots of the desktop client's main screens, for a person to look at.

    python tests/ui/screenshots.py OUTDIR [--lang sq|en] [--platform xcb|offscreen] [--tz ZONE]

With the default ``--platform xcb`` the script starts its own virtual X server (Xvfb, from the
Debian package ``xvfb``; scripts/system-packages installs it) on a free display, 1440x900x24,
waits until the server accepts connections, runs the real application there on a fresh data
folder, and stops the server on exit. ``--platform offscreen`` needs no X server (the fast test
in test_screenshots.py uses it); the pictures are the same widgets, drawn without X.

The application is driven the way the UI tests drive it (tests/ui/conftest.py): the setup
wizard, a login, interviews made through the store API on the runner's store thread, then each
screen is drawn with ``QWidget.grab`` and saved as OUTDIR/NN-name.png; on xcb a few
"*-whole-screen" pictures grab the X screen itself, to show what does not fit on it. Times are
shown in the workstation's zone (--tz, default Europe/Tirane). Exit status: 0 when
every picture was saved, 1 when a screen could not be reached, 3 when the X server or Qt's xcb
platform cannot start (the missing Debian packages are printed).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import re
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SCREEN = "1366x768x24"  # the officers' laptops (tests/ui/test_window_sizes.py: 1280x720 too)
XVFB_TIMEOUT = 20.0  # seconds until Xvfb must accept connections
CAPTURE_TIMEOUT = 600.0  # seconds for the whole capture (key derivation happens a few times)
EXIT_NO_DISPLAY = 3
TIMEZONE = "Europe/Tirane"

PASSWORD = "correct horse battery"
OFFICER_PASSWORD = "officer password 1"

# Shared libraries that Qt's xcb platform plugin loads and the Debian (bookworm) packages that
# ship them. Anything not listed is named by Debian's rule: libfoo-bar.so.N -> libfoo-barN
# (libfoo-bar-N when the name ends in a digit).
DEBIAN_PACKAGES = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
}


# -- the X server ------------------------------------------------------------------------------

def debian_package(soname: str) -> str:
    if soname in DEBIAN_PACKAGES:
        return DEBIAN_PACKAGES[soname]
    match = re.fullmatch(r"(lib.+?)\.so\.(\d+)", soname)
    if not match:
        return soname
    name, major = match.group(1).lower(), match.group(2)
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def missing_xcb_libraries() -> list[str]:
    """Shared libraries Qt's xcb platform plugin needs and the dynamic linker cannot find."""
    import PySide6

    qt = Path(PySide6.__file__).resolve().parent / "Qt"
    plugin = qt / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        return []
    try:
        output = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True,
                                check=False, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []  # no ldd: let Qt itself say what is wrong
    return sorted({line.split()[0] for line in output.splitlines() if "not found" in line})


def report_missing(sonames: list[str]) -> None:
    packages = sorted({debian_package(name) for name in sonames})
    print("Qt's xcb platform cannot start: these shared libraries are missing: "
          + " ".join(sonames), file=sys.stderr)
    print("Debian packages to install (add them to scripts/system-packages): "
          + " ".join(packages), file=sys.stderr)


def _die_with_parent() -> None:
    """In a child (Xvfb, the Qt side): SIGTERM when this script dies, even by SIGKILL."""
    with contextlib.suppress(Exception):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def display_accepts(number: int) -> bool:
    """True when the X server on :number completes the X11 connection handshake."""
    path = f"/tmp/.X11-unix/X{number}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(2.0)
        try:
            sock.connect(path)
            # little-endian setup request, protocol 11.0, no authorisation
            sock.sendall(struct.pack("<BxHHHHxx", ord("l"), 11, 0, 0, 0))
            reply = sock.recv(8)
        except OSError:
            return False
    return len(reply) >= 1 and reply[0] == 1  # 1: Success, 0: Failed, 2: Authenticate


@contextlib.contextmanager
def virtual_display(geometry: str = SCREEN, timeout: float = XVFB_TIMEOUT) -> Iterator[str]:
    """Start Xvfb on a free display and yield ":N" once it accepts connections.

    ``-displayfd`` makes Xvfb choose a display number nobody holds and write it to a pipe
    when it is ready; the handshake on its socket then confirms it, both against a deadline."""
    xvfb = shutil.which("Xvfb") or shutil.which("Xvfb", path="/usr/bin")
    if xvfb is None:
        raise DisplayError("Xvfb is not installed: the Debian package is xvfb "
                           "(scripts/system-packages installs it).")
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", geometry, "-nolisten", "tcp",
         "-noreset"],
        pass_fds=(write_end,), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, preexec_fn=_die_with_parent)
    os.close(write_end)
    try:
        number = _read_display_number(read_end, process, time.monotonic() + timeout)
        deadline = time.monotonic() + timeout
        while not display_accepts(number):
            if process.poll() is not None or time.monotonic() > deadline:
                raise DisplayError(f"Xvfb on :{number} does not accept connections"
                                   + _stderr_of(process))
            select.select([], [], [], 0.05)  # a short pause between two connection attempts
        yield f":{number}"
    finally:
        os.close(read_end)
        _stop(process)


def _read_display_number(fd: int, process: subprocess.Popen, deadline: float) -> int:
    text = b""
    while not text.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0:
            raise DisplayError("Xvfb did not start in time" + _stderr_of(process))
        ready, _w, _x = select.select([fd], [], [], left)
        if not ready:
            continue
        chunk = os.read(fd, 64)
        if not chunk:  # the pipe closed: Xvfb exited
            process.wait(timeout=5)
            raise DisplayError(f"Xvfb exited with status {process.returncode}"
                               + _stderr_of(process))
        text += chunk
    return int(text.strip())


def _stderr_of(process: subprocess.Popen) -> str:
    if process.poll() is None or process.stderr is None:
        return ""
    return ": " + process.stderr.read().decode(errors="replace").strip()[-2000:]


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stderr is not None:
        process.stderr.close()


class DisplayError(RuntimeError):
    """The virtual X server or Qt's xcb platform could not start."""


# -- driving the application -------------------------------------------------------------------

class Capture:
    """Drives one application window through its screens and saves a picture of each."""

    def __init__(self, outdir: Path, lang: str, data_dir: Path) -> None:
        from PySide6.QtWidgets import QApplication

        from screening import __version__
        from screening.ui.app import build_window
        from screening.ui.style import STYLE_SHEET

        self.outdir, self.lang, self.data_dir = outdir, lang, data_dir
        self.app = QApplication.instance() or QApplication(["screenshots"])
        # as screening.ui.app.main does for the real application
        self.app.setApplicationName("Returnee Screening")
        self.app.setApplicationVersion(__version__)
        self.app.setStyleSheet(STYLE_SHEET)
        self.win = build_window(["--data-dir", str(data_dir), "--lang", lang])
        self.win.show()
        self.count = 0
        self.saved: list[Path] = []

    # -- helpers ---------------------------------------------------------------------------

    def wait_until(self, condition: Callable[[], Any], what: str,
                   timeout: float = 60.0) -> Any:
        """Run Qt's event loop until ``condition()`` is true (the runner's results arrive as
        events, so each wait wakes as soon as there is something to look at)."""
        from PySide6.QtCore import QEventLoop, QTimer

        deadline = time.monotonic() + timeout
        loop = QEventLoop()
        timer = QTimer()
        timer.setInterval(20)
        timer.timeout.connect(loop.quit)
        timer.start()
        try:
            while True:
                value = condition()
                if value:
                    return value
                if time.monotonic() > deadline:
                    raise CaptureError(f"timed out waiting for {what}")
                loop.exec()
        finally:
            timer.stop()

    def settle(self) -> None:
        """Let layouts, style polish and queued results finish before a picture."""
        from PySide6.QtCore import QCoreApplication, QEvent

        self.wait_until(lambda: self.win.runner.pending == 0, "the store thread to be idle")
        if self.app.activeWindow() is None:
            self.win.activateWindow()  # no window manager on Xvfb: else no focus ring shows
        for _ in range(3):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            QCoreApplication.processEvents()

    def shot(self, name: str, widget: Any = None) -> Path:
        self.settle()
        widget = widget or self.win
        pixmap = widget.grab()
        self.count += 1
        path = self.outdir / f"{self.count:02d}-{name}.png"
        if not pixmap.save(str(path), "PNG"):
            raise CaptureError(f"could not save {path}")
        self.saved.append(path)
        print(f"saved {path} ({pixmap.width()}x{pixmap.height()})", flush=True)
        return path

    def store(self, work: Callable[[], Any], timeout: float = 60.0) -> Any:
        """Run ``work`` on the application's store thread and wait for it (events keep
        flowing meanwhile)."""
        future = self.win.runner.store(work)
        self.wait_until(future.done, "store work", timeout)
        return future.result()

    def modal_shot(self, name: str, trigger: Callable[[], Any],
                   finish: Callable[[Any], None]) -> Path:
        """Picture of the modal dialog that ``trigger`` opens (QInputDialog and the like run
        their own event loop), then ``finish(dialog)`` answers or closes it."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        taken: dict[str, Path] = {}

        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None or not dialog.isVisible() or taken:
                return
            timer.stop()
            taken["path"] = self.shot(name, dialog)
            finish(dialog)

        timer = QTimer()
        timer.setInterval(20)
        timer.timeout.connect(poll)
        timer.start()
        try:
            trigger()
            self.wait_until(lambda: taken, f"the {name} dialog")
        finally:
            timer.stop()
        return taken["path"]

    def screen_shot(self, name: str) -> Path | None:
        """The whole virtual screen, as an officer would see it (xcb only: windows larger
        than the screen, or dialogs that do not fit, show here and not in a widget grab)."""
        from PySide6.QtGui import QGuiApplication

        if QGuiApplication.platformName() != "xcb":
            return None
        self.settle()
        screen = QGuiApplication.primaryScreen()
        self.wait_until(lambda: not screen.grabWindow(0).isNull(), "the screen")
        pixmap = screen.grabWindow(0)
        self.count += 1
        path = self.outdir / f"{self.count:02d}-{name}.png"
        if not pixmap.save(str(path), "PNG"):
            raise CaptureError(f"could not save {path}")
        self.saved.append(path)
        print(f"saved {path} ({pixmap.width()}x{pixmap.height()}, whole screen)", flush=True)
        return path

    def menu_shot(self, name: str, menu: Any) -> Path:
        menu.popup(self.win.mapToGlobal(self.win.menuBar().geometry().bottomLeft()))
        self.wait_until(menu.isVisible, f"the {name} menu")
        try:
            return self.shot(name, menu)
        finally:
            menu.hide()

    # -- the screens -----------------------------------------------------------------------

    def run(self) -> list[Path]:
        self.setup_wizard()
        self.login()
        self.home_empty()
        self.make_interviews()
        self.home()
        self.menus()
        self.interview()
        self.finalise()
        self.review_and_slip()
        self.quarterly()
        self.accounts()
        self.settings()
        self.lock()
        return self.saved

    def setup_wizard(self) -> None:
        win = self.win
        wizard = self.wait_until(lambda: getattr(win, "wizard", None), "the setup wizard")
        self.shot("setup-language")
        wizard.next()
        page = wizard.account_page
        page.user.setText("drita")
        page.password.setText("short")
        page.again.setText("short")
        wizard.next()  # refused: too short, the error shows on the page
        self.shot("setup-account-error")
        page.password.setText(PASSWORD)
        page.again.setText(PASSWORD)
        wizard.next()
        self.wait_until(lambda: wizard.currentPage() is wizard.code_page,
                        "the recovery code page", timeout=120)
        self.shot("setup-recovery-code")
        self.screen_shot("setup-recovery-code-whole-screen")
        wizard.code_page.print_button.click()
        sheet = self.wait_until(lambda: wizard.code_page.preview, "the recovery sheet")
        self.wait_until(sheet.isVisible, "the recovery sheet to show")
        self.shot("setup-recovery-sheet", sheet)
        sheet.accept()
        wizard.code_page.stored.setChecked(True)
        wizard.button(wizard.WizardButton.FinishButton).click()
        self.wait_until(lambda: win.stack.currentWidget() is win.login, "the login screen")

    def login(self) -> None:
        win = self.win
        self.shot("login")
        win.login.password.setText("not the password")
        win.login.button.click()
        self.wait_until(lambda: win.login.button.isEnabled(), "the wrong-password message",
                        timeout=120)
        self.shot("login-wrong-password")
        win.login.password.setText(PASSWORD)
        win.login.button.click()
        self.wait_until(lambda: win.stack.currentWidget() is win.home, "the home screen",
                        timeout=120)

    def home_empty(self) -> None:
        self.wait_until(lambda: self.win.home.empty[self.win.home.drafts].isVisible(),
                        "the empty home lists")
        self.shot("home-empty")

    def make_interviews(self) -> None:
        """An officer's draft, a finalised interview awaiting review, one approved, and a
        draft of the supervisor's own, made through the store API like the UI tests do."""
        from screening.store.session import StoreSession
        from tests.answer_sets import adult_no_indicators, child_answers, with_yes

        win = self.win
        session, form, root = win.session, win.form, win.root

        def start(owner: StoreSession, answers: dict[str, Any]) -> str:
            interview_id = owner.start_interview(form.id, form.version)
            for question, value in answers.items():
                owner.save_answer(interview_id, question, value)
            return interview_id

        def make() -> dict[str, str]:
            session.add_user("olsi", "officer", OFFICER_PASSWORD)
            session.add_user("mirela.kastrati", "officer", OFFICER_PASSWORD)
            session.add_user("arben.old", "officer", OFFICER_PASSWORD)
            session.disable_user("arben.old")
            officer = StoreSession.login(root, "olsi", OFFICER_PASSWORD)
            try:
                start(officer, {"checkpoint": "KKV", "return_mode": "deported",
                                "returned_from": "DE", "given_name": "Ëngjëllushe",
                                "family_name": "Bajraktari-Dushkaj", "sex": "female"})
                start(officer, {"checkpoint": "KKV", "given_name": "Gëzim",
                                "family_name": "Çela", "sex": "male"})
            finally:
                officer.close()
            finalised = start(session, with_yes(adult_no_indicators(
                given_name="Xhulieta", family_name="Shkëmbi-Përmeti", sex="female",
                officer_outcome="presumed_victim", action_taken="referred_shelter",
                referral_organisation="nrcvt", referral_urgent="yes"),
                "ind_violence", "ind_documents_confiscated", "ind_debt_bondage",
                "ind_deceived_nature_of_job"))
            session.finalise(finalised)
            approved = start(session, child_answers())
            session.finalise(approved)
            session.approve(approved)
            start(session, {"checkpoint": "KKV", "given_name": "Arben", "family_name": "Hoxha",
                            "sex": "male", "returned_from": "GR"})
            complete = start(session, adult_no_indicators(given_name="Besnik",
                                                          family_name="Leka"))
            return {"finalised": finalised, "approved": approved, "complete": complete}

        self.ids = self.store(make, timeout=180)

    def home(self) -> None:
        win = self.win
        win.show_home()
        self.wait_until(lambda: win.home.today.topLevelItemCount() >= 5, "the home lists")
        self.shot("home-supervisor")

    def menus(self) -> None:
        win = self.win
        for menu, name in ((win.file_menu, "menu-interview"),
                           (win.documents_menu, "menu-documents"),
                           (win.admin_menu, "menu-workstation")):
            self.menu_shot(name, menu)

    def interview(self) -> None:
        from tests.answer_sets import INDICATOR_IDS

        win = self.win
        win.new_interview()
        view = self.wait_until(lambda: win.interview, "a new interview")
        self.shot("interview-A-new")
        answers = {
            "return_mode": "deported", "returned_from": "IT", "transport": "air",
            "interview_language": "sq", "interpreter_used": "no", "accompanied_by": "alone",
            "private_setting": "yes", "same_sex_interviewer_offered": "yes",
            "consent_interview": "yes", "consent_referral": "yes",
            "consent_data_sharing": "yes", "info_leaflet_given": "yes",
            "given_name": "Marjeta-Dhurata", "family_name": "Kastrioti-Skënderbeu Zogaj",
            "sex": "female", "age_uncertain": "no", "nationality": "AL",
            "date_of_birth": "1998-11-23",
            "departure_date": "2024-09-10", "months_abroad": 18, "travel_organised_by": "self",
            "ind_deceived_nature_of_job": "yes", "ind_deceived_wages": "yes",
            "ind_recruit_debt": "yes", "ind_vuln_economic": "yes",
        }
        for question, value in answers.items():
            self.answer(view, question, value)
        self.go_to_section(view, "A")
        self.shot("interview-A-answered")
        self.go_to_section(view, "C")
        self.shot("interview-C")
        self.go_to_section(view, "E")
        self.shot("interview-E")
        self.shot("interview-E-whole-section", view.stack.currentWidget().widget())
        # the rest, then an officer's outcome below the computed one, and no referral yet
        rest = {name: "no" for name in INDICATOR_IDS if name not in answers}
        rest.update({"ind_violence": "yes", "ind_documents_confiscated": "yes",
                     "ind_confined_or_watched": "yes"})
        rest.update({
            "country_of_exploitation": "IT", "activity_sector": ["agriculture"],
            "how_it_ended": "deported", "current_threats": "yes", "debt_outstanding": "yes",
            "safe_place_to_stay": "no", "needs_medical": "no", "needs_psychological": "yes",
            "needs_shelter": "yes", "needs_legal": "no", "fears_returning_home": "yes",
            "obs_injuries": "no", "obs_fearful_or_anxious": "yes",
            "obs_scripted_answers": "no", "obs_controlling_companion": "no",
            "obs_no_control_of_documents": "yes",
            "officer_outcome": "at_risk", "action_taken": "information_given_only",
        })
        for question, value in rest.items():
            self.answer(view, question, value)
        self.go_to_section(view, "J")
        self.shot("interview-J-assessment")
        self.screen_shot("interview-J-whole-screen")
        page = view.stack.currentWidget()
        assessment = view.fields["computed_outcome"]
        assessment.toggle.click()
        self.shot("interview-J-assessment-details", page.widget())
        assessment.toggle.click()
        self.shot("interview-J-whole-section", page.widget())
        # the same outcome as computed, without a referral: the required action is refused
        self.answer(view, "officer_outcome", "suspected_victim")
        self.go_to_section(view, "J")
        self.shot("interview-J-referral-required", page.widget())
        self.answer(view, "action_taken", "referred_shelter")
        self.shot("interview-J-organisation-required", page.widget())
        self.go_to_section(view, "G")
        self.shot("interview-G-indicators")

    def finalise(self) -> None:
        """A complete draft: Finalise asks first, then the case reference is shown."""
        win = self.win
        win.open_interview(self.ids["complete"])
        view = self.wait_until(lambda: win.interview_id == self.ids["complete"]
                               and win.interview, "the complete draft")
        self.go_to_section(view, "J")
        self.wait_until(view.finalise_button.isEnabled, "Finalise to be enabled")
        view.finalise_button.setFocus()
        self.shot("interview-finalise-focused")

        def yes(dialog: Any) -> None:
            dialog.findChild(object, "confirmYes").click()

        self.modal_shot("interview-finalise-confirm", view.finalise_button.click, yes)
        box = self.wait_until(lambda: getattr(win, "case_reference_box", None) is not None
                              and win.case_reference_box.isVisible()
                              and win.case_reference_box, "the case reference")
        self.shot("interview-case-reference", box)
        self.screen_shot("interview-case-reference-whole-screen")
        box.accept()

    def quarterly(self) -> None:
        from screening.ui.quarterly_dialog import QuarterlyDialog

        win = self.win
        win.show_home()
        win.documents.preview = None
        win.quarterly_action.trigger()
        dialog = self.wait_until(lambda: next((d for d in win.findChildren(QuarterlyDialog)
                                                if d.isVisible()), None), "the quarterly dialog")
        dialog.quarter.setText("2026Q3")  # the quarter of the interviews made above
        self.shot("quarterly-choices", dialog)
        dialog._submit()
        preview = self.wait_until(lambda: win.documents.preview, "the report preview",
                                  timeout=120)
        self.wait_until(preview.isVisible, "the report preview to show")
        self.shot("quarterly-preview", preview)
        preview.accept()

    def answer(self, view: Any, question: str, value: Any) -> None:
        relevant = view.session.evaluation.relevant
        if relevant.get(question):
            view.answer(question, value)

    def go_to_section(self, view: Any, section: str) -> None:
        view.sections.setCurrentRow(view.pages[section])
        self.wait_until(lambda: view.current_section() == section, f"section {section}")

    def review_and_slip(self) -> None:
        win = self.win
        win.open_interview(self.ids["finalised"])
        bar = self.wait_until(lambda: win.interview is not None and
                              win.interview.findChild(object, "reviewBar"), "the review bar")
        self.shot("review-finalised")
        self.screen_shot("review-finalised-whole-screen")
        self.go_to_section(win.interview, "A")
        self.shot("review-finalised-A")
        self.modal_shot("review-return-for-correction", bar.return_button.click,
                        lambda dialog: dialog.reject())
        self.modal_shot("review-approve-confirm", bar.approve_button.click,
                        lambda dialog: dialog.reject())
        # the last password is "old": the slip asks for it again first
        win.session._authenticated_at = 0.0

        def give_password(dialog: Any) -> None:
            dialog.setTextValue(PASSWORD)
            dialog.accept()

        win.documents.preview = None
        self.modal_shot("slip-password-again", bar.slip_button.click, give_password)
        preview = self.wait_until(lambda: win.documents.preview, "the slip preview",
                                  timeout=120)
        self.wait_until(preview.isVisible, "the slip preview to show")
        self.shot("slip-preview", preview)
        self.screen_shot("slip-preview-whole-screen")
        preview.accept()
        win.open_interview(self.ids["approved"])
        self.wait_until(lambda: win.interview is not None and
                        win.interview.findChild(object, "reviewBar") and
                        win.interview_id == self.ids["approved"], "the approved interview")
        self.shot("review-approved")

    def accounts(self) -> None:
        from screening.ui.accounts import AccountsDialog

        win = self.win
        win.show_home()
        win.accounts_action.trigger()
        dialog = self.wait_until(lambda: next((d for d in win.findChildren(AccountsDialog)
                                                if d.isVisible()), None), "the accounts dialog")
        self.wait_until(lambda: dialog.table.rowCount() >= 4, "the accounts")
        self.shot("accounts", dialog)
        dialog.add_account()
        form = self.wait_until(lambda: dialog.form is not None and dialog.form.isVisible()
                               and dialog.form, "the add-account form")
        form.name.setText("Ë")
        form._submit()  # refused: the name rule is shown
        self.shot("accounts-add-error", form)
        form.reject()
        dialog.reject()

    def settings(self) -> None:
        from screening.ui.settings_dialog import SettingsDialog

        win = self.win
        win.settings_action.trigger()
        dialog = self.wait_until(lambda: next((d for d in win.findChildren(SettingsDialog)
                                                if d.isVisible()), None), "the settings dialog")
        self.wait_until(dialog.retention.isEnabled, "the retention period")
        self.shot("settings", dialog)
        dialog.reject()

    def lock(self) -> None:
        win = self.win
        win.open_interview(self.ids["finalised"])
        self.wait_until(lambda: win.interview_id == self.ids["finalised"], "an interview")
        win.lock_action.trigger()
        self.wait_until(lambda: win.stack.currentWidget() is win.lock, "the lock screen")
        self.shot("lock")
        win.lock.password.setText("wrong password")
        win.lock.button.click()
        self.wait_until(lambda: win.lock.button.isEnabled(), "the unlock answer", timeout=120)
        self.shot("lock-wrong-password")

    def close(self) -> None:
        self.win.close()


class CaptureError(RuntimeError):
    """A screen did not appear in time."""


def capture(outdir: Path, lang: str, tz: str = TIMEZONE) -> list[Path]:
    """Run the application on the current Qt platform and save the pictures in ``outdir``."""
    os.environ["TZ"] = tz  # the workstation's clock: times on screen are Albanian times
    time.tzset()
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    outdir.mkdir(parents=True, exist_ok=True)
    for old in outdir.glob("[0-9][0-9]-*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="screenshots-") as data:
        run = Capture(outdir, lang, Path(data) / "data")
        try:
            return run.run()
        finally:
            run.close()


# -- the command -------------------------------------------------------------------------------

def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="screenshots.py", description="Screenshots of the desktop client's main screens.")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--lang", choices=("sq", "en"), default="sq")
    parser.add_argument("--platform", choices=("xcb", "offscreen"), default="xcb",
                        help="xcb: on a virtual X server started here (default); offscreen: "
                        "without X")
    parser.add_argument("--tz", default=TIMEZONE,
                        help=f"the workstation's time zone (default {TIMEZONE})")
    parser.add_argument("--in-display", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    outdir = args.outdir.resolve()
    if args.platform == "offscreen" or args.in_display:
        # the Qt side: the platform is chosen before the QApplication exists
        os.environ["QT_QPA_PLATFORM"] = args.platform
        try:
            saved = capture(outdir, args.lang, args.tz)
        except CaptureError as error:
            print(f"screenshots: {error}", file=sys.stderr)
            return 1
        print(f"{len(saved)} screenshots in {outdir}")
        return 0

    missing = missing_xcb_libraries()
    if missing:
        report_missing(missing)
        return EXIT_NO_DISPLAY
    # SIGTERM or Ctrl+C: leave through the finally blocks, which stop Xvfb
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    try:
        with virtual_display() as display:
            env = {key: value for key, value in os.environ.items()
                   if key not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORMTHEME", "XAUTHORITY")}
            env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
            print(f"screenshots: Xvfb on {display} ({SCREEN})", flush=True)
            with tempfile.TemporaryDirectory(prefix="xdg-runtime-") as runtime:
                env.setdefault("XDG_RUNTIME_DIR", runtime)
                child = subprocess.run(
                    [sys.executable, str(Path(__file__).resolve()), str(outdir), "--lang",
                     args.lang, "--tz", args.tz, "--platform", "xcb", "--in-display"],
                    env=env, cwd=str(ROOT), timeout=CAPTURE_TIMEOUT, check=False,
                    preexec_fn=_die_with_parent)
    except DisplayError as error:
        print(f"screenshots: {error}", file=sys.stderr)
        return EXIT_NO_DISPLAY
    except subprocess.TimeoutExpired:
        print(f"screenshots: the capture took more than {CAPTURE_TIMEOUT:.0f} s",
              file=sys.stderr)
        return 1
    if child.returncode != 0 and "xcb" in _qt_failure_hint(child.returncode):
        return EXIT_NO_DISPLAY
    return child.returncode


def _qt_failure_hint(returncode: int) -> str:
    # Qt aborts (SIGABRT, -6) when no platform plugin can be loaded.
    if returncode == -signal.SIGABRT:
        print("screenshots: Qt aborted; run with QT_DEBUG_PLUGINS=1 to see which xcb library "
              "is missing", file=sys.stderr)
        return "xcb"
    return ""


if __name__ == "__main__":
    sys.exit(main())

"""The main window: one stack of screens (setup, login, home, interview, lock) and the menus.

Every store call goes through the runner's store thread; this class only moves between screens.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QPushButton, QStackedWidget, QWidget
from shiboken6 import isValid

from screening import lifecycle
from screening.errors import (
    PermissionDeniedError,
    StoreDamagedError,
    WrongCredentialsError,
)
from screening.store.layout import StorePaths
from screening.ui.dialogs import confirm, error_words, failure_words
from screening.ui.i18n import LANGUAGE_NAMES, LANGUAGES, Languages
from screening.ui.idle import IdleWatcher
from screening.ui.login import LockScreen, LoginScreen, login_error_text
from screening.ui.preferences import Preferences
from screening.ui.retranslating import Retranslating
from screening.ui.runner import Runner
from screening.ui.screens import fit_to_screen
from screening.ui.sync import SyncController

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from screening.questionnaire.model import Form
    from screening.questionnaire.reference import Reference
    from screening.store.session import StoreSession
    from screening.sync.forms import CentralKey
    from screening.ui.documents import Documents
    from screening.ui.home import HomeScreen
    from screening.ui.interview.view import InterviewView

LEAFLET_QUESTION = "info_leaflet_given"  # the form's question the leaflet button sits beside
# what a logged-in session needs (SQLCipher, Argon2, cryptography, the form's schema check,
# reportlab, the screens after the login and PySide's Qt namespace they use): imported on a
# worker thread once the login window is up, not before it shows
AFTER_LOGIN = ("screening.store.session", "screening.sync.reference", "screening.sync.service",
               "screening.ui.home", "screening.ui.recovery",
               "screening.ui.interview.view", "screening.ui.accounts",
               "screening.ui.settings_dialog", "screening.ui.sync_dialog", "screening.ui.review",
               "screening.sync.forms", "screening.ui.documents")


def shortcut_action(parent: QObject, keys: str) -> QAction:
    """An action with its shortcut given as text, through Qt's property system: the Python
    QKeySequence type would bring the whole Qt namespace's enums (~30 ms) into the login
    window's start-up (bench/startup.py)."""
    action = QAction(parent)
    action.setProperty("shortcut", keys)
    return action


class MainWindow(Retranslating, QMainWindow):
    def __init__(self, root: Path, runner: Runner, languages: Languages,
                 preferences: Preferences) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.root = root
        self._form_and_reference: tuple[Form, Reference] | None = None
        # central's key from the store, known once logged in: downloaded forms are checked
        # against it every time they are loaded (screening.sync.forms)
        self._central_key: CentralKey = None
        self.runner, self.languages, self.preferences = runner, languages, preferences
        self.runner.on_unhandled = self.show_error
        self._documents: Documents | None = None
        self.session: StoreSession | None = None
        self.locked = False  # while locked, nothing but the lock screen answers
        self.interview_id: str | None = None
        self.interview: InterviewView | None = None
        self.leaflet_button: QPushButton | None = None  # beside the open interview's question
        self._before_lock: QWidget | None = None  # the screen the lock covers
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.login = LoginScreen()
        self.login.submitted.connect(self._log_in)
        self.login.recovery_requested.connect(self._explain_recovery)
        self.stack.addWidget(self.login)
        # the home and lock screens are built when first needed (after a login): a login
        # window waits for no screen it does not show (bench/startup.py)
        self._home: HomeScreen | None = None
        self._lock: LockScreen | None = None
        self.sync = SyncController(runner, self)
        self.sync.status_changed.connect(lambda status: self.home.show_sync(status))
        self.sync.failed.connect(lambda words: self.home.show_sync_failure(words))
        self.sync.reached.connect(lambda: self.home.sync_reached())
        self.sync.reached.connect(self._load_arrivals)
        self.sync.reached.connect(self._pick_up_reference)
        self.sync.reached.connect(self._refresh_home)  # what central reports of referrals
        self.idle = IdleWatcher(preferences.lock_minutes, self)
        self.idle.idle.connect(self.lock_now)
        self._build_menus()
        fit_to_screen(self, 1360, 860)
        self.retranslate()
        if StorePaths(root).any_exists():
            self.show_login()
            # the loading competes with the first paint for the interpreter, so it waits for
            # the login window to be on screen (bench/startup.py)
            self.login.installEventFilter(self)
        else:
            self.show_setup()

    # -- what only a logged-in session needs -----------------------------------------------

    @property
    def home(self) -> HomeScreen:
        if self._home is None:
            from screening.ui.home import HomeScreen

            form = self._form_and_reference[0] if self._form_and_reference else None
            home = self._home = HomeScreen(form, self.languages.lang)
            home.new_interview.connect(self.new_interview)
            home.open_interview.connect(self.open_interview)
            home.start_from_notice.connect(self.start_from_notice)
            self.stack.addWidget(home)
        return self._home

    @property
    def lock(self) -> LockScreen:
        if self._lock is None:
            lock = self._lock = LockScreen()
            lock.unlock.connect(self._unlock)
            lock.switch_user.connect(self.log_out)
            self.stack.addWidget(lock)
        return self._lock

    def _showing(self, screen: QWidget | None) -> bool:
        """Whether ``screen`` (None: not built yet, so not showing) is the one on screen."""
        return screen is not None and self.stack.currentWidget() is screen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.login and event.type() == QEvent.Type.Paint:
            self.login.removeEventFilter(self)
            QTimer.singleShot(0, self._prepare)
        return super().eventFilter(watched, event)

    def _prepare(self) -> None:
        """After the login window shows: the modules a session needs and the bundled form
        parsed into the cache, on a worker thread, while the officer types. What central
        sent is taken up after the login (its key is in the store)."""
        def load() -> None:
            for name in AFTER_LOGIN:
                importlib.import_module(name)
            from screening.sync.forms import current

            current(self.root, None)

        self.runner.background(load)

    @property
    def form(self) -> Form:
        """New interviews use what central published last (else the bundled standard form)."""
        return self._loaded()[0]

    @property
    def reference(self) -> Reference:
        return self._loaded()[1]

    def _loaded(self) -> tuple[Form, Reference]:
        if self._form_and_reference is None:
            from screening.sync.forms import current

            self._take_up(current(self.root, self._central_key))
        assert self._form_and_reference is not None
        return self._form_and_reference

    # -- menus -----------------------------------------------------------------------------

    def _build_menus(self) -> None:
        self.new_action = shortcut_action(self, "Ctrl+N")
        self.new_action.triggered.connect(self.new_interview)
        self.home_action = shortcut_action(self, "Ctrl+H")
        self.home_action.triggered.connect(self.show_home)
        self.arrivals_action = shortcut_action(self, "Ctrl+E")
        self.arrivals_action.triggered.connect(self.show_arrivals)
        self.lock_action = shortcut_action(self, "Ctrl+L")
        self.lock_action.triggered.connect(self.lock_now)
        self.logout_action = QAction(self)
        self.logout_action.triggered.connect(self.log_out)
        self.quit_action = shortcut_action(self, "Ctrl+Q")
        self.quit_action.triggered.connect(self.close)
        self.accounts_action = QAction(self)
        self.accounts_action.triggered.connect(self._open_accounts)
        self.settings_action = QAction(self)
        self.settings_action.triggered.connect(self._open_settings)
        self.central_action = QAction(self)
        self.central_action.triggered.connect(self._open_central)
        # the workstation first, where people look for Log out and Quit
        self.admin_menu = self.menuBar().addMenu("")
        for action in (self.home_action, self.lock_action, self.logout_action, None,
                       self.accounts_action, self.central_action, self.settings_action, None,
                       self.quit_action):
            self.admin_menu.addAction(action) if action else self.admin_menu.addSeparator()
        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addAction(self.new_action)
        self.file_menu.addAction(self.arrivals_action)
        self.documents_menu = self.menuBar().addMenu("")
        self.record_action = QAction(self)
        self.record_action.triggered.connect(self._print_record)
        self.quarterly_action = QAction(self)
        self.quarterly_action.triggered.connect(self._quarterly_report)
        self.leaflet_action = QAction(self)
        self.leaflet_action.setObjectName("leafletAction")
        self.leaflet_action.triggered.connect(self._print_leaflet)
        self.documents_menu.addAction(self.record_action)
        self.documents_menu.addAction(self.leaflet_action)
        self.documents_menu.addAction(self.quarterly_action)
        self.file_menu.addAction(self.record_action)  # the open interview's record, here too
        self.language_menu = self.menuBar().addMenu("")
        self.language_actions = {}
        for code in LANGUAGES:
            action = QAction(LANGUAGE_NAMES[code], self, checkable=True)
            action.triggered.connect(lambda _checked, c=code: self.set_language(c))
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self._update_session_actions()

    def _refresh_home(self) -> None:
        if self._showing(self._home):
            self.show_home()

    def _pick_up_reference(self) -> None:
        """After a sync: a form version or directory central published serves the next new
        interview; an interview on screen keeps what it was started with. Central's key is
        read again first: the sync may have been this workstation's enrolment."""
        session = self.session
        if session is None:
            self._load_current()
        else:
            self.runner.store(lambda: self._resolve_forms(session),
                              lambda _session: self._load_current())

    def _load_current(self) -> None:
        from screening.sync.forms import current

        key = self._central_key
        self.runner.background(lambda: current(self.root, key), self._take_up)

    def _take_up(self, loaded: tuple[Form, Reference]) -> None:
        self._form_and_reference = loaded
        if self._home is not None:
            self._home.form = loaded[0]

    def _resolve_forms(self, session: StoreSession) -> StoreSession:
        """On the store thread, in the job that opened the session (so no later job sees it
        without): finalising scores an interview with its own form version, bundled or
        downloaded and verified with central's key from the store."""
        from screening.sync.forms import central_key, workstation_catalogue

        self._central_key = central_key(session)
        session.forms = workstation_catalogue(self.root, self._central_key)
        return session

    def _forms_resolved(self) -> None:
        self._form_and_reference = None
        self._load_current()

    @property
    def active(self) -> StoreSession | None:
        """The session when someone may act on it: logged in and not locked."""
        return None if self.locked else self.session

    def _update_session_actions(self) -> None:
        active = self.active
        logged_in = active is not None
        for action in (self.new_action, self.home_action, self.arrivals_action,
                       self.lock_action, self.logout_action):
            action.setEnabled(logged_in)
        for code, action in self.language_actions.items():
            action.setChecked(code == self.languages.lang)
        self.record_action.setEnabled(logged_in and self.interview is not None)
        self.leaflet_action.setEnabled(logged_in)
        supervisor = active is not None and active.is_supervisor
        self.quarterly_action.setEnabled(supervisor)
        self.accounts_action.setEnabled(supervisor)
        self.central_action.setEnabled(supervisor)
        self.settings_action.setEnabled(logged_in)

    # -- setup and login -------------------------------------------------------------------

    def show_setup(self) -> None:
        from screening.ui.setup_wizard import SetupWizard

        self.menuBar().hide()  # nothing in the menus works before the store exists
        self.wizard = SetupWizard(self.reference, self.languages.lang)
        self.wizard.language_chosen.connect(self.set_language)
        self.wizard.create_requested.connect(self._create_store)
        self.wizard.finished.connect(lambda _result: self.show_login())
        self.stack.addWidget(self.wizard)
        self.stack.setCurrentWidget(self.wizard)

    def _create_store(self, checkpoint: str, user: str, password: str) -> None:
        from screening.store.session import StoreSession

        def created(result: tuple[StoreSession, str]) -> None:
            session, code = result
            self.runner.store(session.close)
            self.login.user.setText(user)
            self.wizard.show_recovery_code(code)

        self.runner.store(lambda: StoreSession.initialise(self.root, checkpoint, user, password),
                          created, lambda error: self.wizard.creation_failed(failure_words(error)))

    def show_login(self) -> None:
        self.menuBar().show()
        self.login.reset()
        self.stack.setCurrentWidget(self.login)
        self._update_session_actions()

    def _log_in(self, user: str, password: str) -> None:
        from screening.store.session import StoreSession

        def done(session: StoreSession) -> None:
            self.session = session
            self._forms_resolved()
            self.sync.attach(session)
            self.idle.start()
            self._update_session_actions()
            self.show_home()

        def failed(error: BaseException) -> None:
            self.login.failed(login_error_text(self, error))
            if isinstance(error, StoreDamagedError):
                self._explain_damage()

        self.runner.store(lambda: self._resolve_forms(StoreSession.login(self.root, user,
                                                                          password)),
                          done, failed)

    def _explain_recovery(self) -> None:
        from screening.store.session import StoreSession
        from screening.ui.recovery import RecoveryDialog

        dialog = RecoveryDialog(self)
        self.recovery = dialog

        def done(session: StoreSession) -> None:
            dialog.accept()
            self.session = session
            self._forms_resolved()
            self.sync.attach(session)
            self.idle.start()
            self._update_session_actions()
            self.show_home()

        def failed(error: BaseException) -> None:
            dialog.failed(login_error_text(self, error) if not isinstance(
                error, PermissionDeniedError) else error_words(error))

        dialog.submitted.connect(lambda code, user, password: self.runner.store(
            lambda: self._resolve_forms(StoreSession.recover(self.root, code, user, password)),
            done, failed))
        dialog.open()

    def _explain_damage(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(self, self.tr("Damaged database"), self.tr(
            "The encrypted database in %1 cannot be read. Nothing was changed and no new "
            "database was created.\n\nWhat to do: close the program, move store.db and "
            "keyslots.json out of that folder, copy in the two files of the latest backup "
            "(made with 'screening backup'), and start again: the same accounts, or the "
            "recovery code, open it. Call the IT support desk if there is no backup."
        ).replace("%1", str(self.root)))

    # -- lock ------------------------------------------------------------------------------

    def lock_now(self) -> None:
        if self.session is None or self._showing(self._lock):
            return
        self.idle.stop()
        self._close_dialogs()
        self._before_lock = self.stack.currentWidget()
        self.lock.show_for(self.session.account.name)
        self.stack.setCurrentWidget(self.lock)
        self.locked = True
        self._update_session_actions()

    def _unlock(self, password: str) -> None:
        from screening.store.session import StoreSession

        session = self.session
        if session is None:
            return

        def done(fresh: StoreSession) -> None:
            self.runner.store(session.close)
            self.session = fresh
            self._forms_resolved()
            self.sync.attach(fresh)
            self.idle.start()
            self.locked = False
            before = self._before_lock
            self.stack.setCurrentWidget(self.home if before is None else before)
            self._update_session_actions()

        def failed(error: BaseException) -> None:
            wrong = isinstance(error, WrongCredentialsError)
            self.lock.failed(self.tr("Wrong password.") if wrong
                             else login_error_text(self, error))

        self.runner.store(lambda: self._resolve_forms(StoreSession.login(
            self.root, session.account.name, password)), done, failed)

    def log_out(self) -> None:
        session, self.session = self.session, None
        self.locked = False
        self.sync.attach(None)
        self.idle.stop()
        self._close_dialogs()
        self._drop_interview()
        if session is not None:
            self.runner.store(session.close)
        self.show_login()

    # -- home and interviews ---------------------------------------------------------------

    def show_arrivals(self) -> None:
        """The returnees central said are coming, the first one chosen: Enter starts its
        interview, with what the notice says already filled in."""
        self.show_home()
        if self.stack.currentWidget() is self.home and not self.home.focus_arrivals():
            self.statusBar().showMessage(
                self.tr("No arrivals are expected today or tomorrow."), 10_000)

    def show_home(self) -> None:
        session = self.active
        if session is None:
            return
        self._drop_interview()
        self.home.form = self.form
        self.stack.setCurrentWidget(self.home)
        from screening.sync import referralstatus

        def shown(found: tuple[list[Any], list[Any]]) -> None:
            rows, statuses = found
            self.home.show_rows(session.account.name, session.is_supervisor, rows)
            if session.is_supervisor:
                self.home.show_referrals(self.reference, statuses)

        self.runner.store(lambda: (session.list_interviews(limit=500),
                                   referralstatus.held(session.conn)[1]), shown)
        self._load_arrivals()

    def _load_arrivals(self) -> None:
        session = self.active
        if session is None:
            return
        import datetime as dt

        from screening.store import notices

        today = dt.date.today()
        self.runner.store(lambda: notices.expected(session.conn, today,
                                                   today + dt.timedelta(days=1)),
                          lambda found: self.home.show_arrivals(found, self.reference))

    def start_from_notice(self, notice_id: str) -> None:
        """The interview of an expected arrival: the facts of the notice and the answers to
        the advance-notice questions filled in, the notice remembered for central."""
        session = self.active
        if session is None or self._showing(self._lock):
            return
        form = self.form
        import datetime as dt

        from screening.questionnaire.navigation import prefill
        from screening.store import notices

        def start() -> tuple[str, dict[str, Any]]:
            arrival = notices.get(session.conn, notice_id)
            answers = prefill(form, checkpoint=session.checkpoint_code(),
                              started=dt.datetime.now())
            if arrival is None:  # gone with a sync meanwhile: an ordinary interview
                return session.start_interview(form.id, form.version, answers), answers
            return notices.start_interview(session, arrival, form, answers)

        self.runner.store(start, lambda result: self._show_interview(*result))

    def new_interview(self) -> None:
        session = self.active
        if session is None or self._showing(self._lock):
            return
        form = self.form
        import datetime as dt

        from screening.questionnaire.navigation import prefill

        def start() -> tuple[str, dict[str, Any]]:
            answers = prefill(form, checkpoint=session.checkpoint_code(),
                              started=dt.datetime.now())
            # one transaction: the row, its audit entry and every prefilled answer, or nothing
            return session.start_interview(form.id, form.version, answers), answers

        self.runner.store(start, lambda result: self._show_interview(*result))

    def open_interview(self, interview_id: str) -> None:
        session = self.active
        if session is None:
            return
        from screening.sync import referralstatus

        self.runner.store(lambda: (session.get_interview(interview_id),
                                   referralstatus.of_interview(session.conn, interview_id)),
                          lambda found: self._show_interview(
                              found[0].id, found[0].answers, found[0].status,
                              (found[0].form_id, found[0].form_version), found[1]))

    def _show_interview(self, interview_id: str, answers: dict[str, Any],
                        status: str = "draft", version: tuple[str, str] | None = None,
                        referrals: list[Any] | None = None) -> None:
        from screening.questionnaire.navigation import resume_point
        from screening.sync.forms import for_interview
        from screening.ui.interview.view import InterviewView
        from screening.ui.review import ReviewBar

        self._drop_interview()
        self.interview_id = interview_id
        # an interview keeps the form version it was started with
        form, reference = for_interview(self.root, self._central_key, *version) if version \
            else (self.form, self.reference)
        view = InterviewView(form, reference, self.languages.lang, answers,
                             self._save_answer, current=resume_point(form, answers, reference))
        view.finalise_requested.connect(self._finalise)
        self._offer_leaflet(view)
        editable = lifecycle.is_editable(status)
        view.set_read_only(not editable)
        if not editable and self.session is not None and self.session.is_supervisor:
            bar = ReviewBar(status, self.reference, self.languages.lang,
                            answers.get("referral_organisation"))
            bar.approve.connect(self._approve)
            bar.send_back.connect(self._send_back)
            bar.print_slip.connect(self._print_slip)
            bar.organisation_chosen.connect(self._choose_organisation)
            view.add_below(bar)
            if status == lifecycle.APPROVED:
                from screening.ui.referral_status import ReferralStatusPanel

                panel = ReferralStatusPanel(self.reference, self.languages.lang)
                panel.show_statuses(referrals or [])
                view.add_below(panel)
        self.interview = view
        self._update_session_actions()
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)

        def show_current() -> None:
            current = view.session.current
            if current and view is self.interview:
                view.show_question(current)

        if view.session.current:
            # after the layout settles, so scrolling to the question lands on it
            QTimer.singleShot(0, show_current)

    def _save_answer(self, question_id: str, value: Any) -> None:
        session, interview_id, view = self.session, self.interview_id, self.interview
        if session is None or interview_id is None:
            return
        self.runner.store(lambda: session.save_answer(interview_id, question_id, value),
                          lambda _revision: view.mark_saved()
                          if view is not None and view is self.interview else None)

    def _finalise(self) -> None:
        session, interview_id = self.active, self.interview_id
        if session is None or interview_id is None:
            return
        if not confirm(self, self.tr("Finalise the interview"), self.tr(
                "After finalising, the answers cannot be changed any more; a supervisor "
                "reviews them. Finalise now?"), self.tr("Finalise")):
            return
        self.runner.store(lambda: session.finalise(interview_id), self._finalised)

    def _finalised(self, record: Any) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        self._done()
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Interview finalised"), self.tr(
            "The interview is finalised and saved.\n\nCase reference: %1\n\nWrite it on "
            "anything handed over with the person; the referral slip and the interview record "
            "carry it too.").replace("%1", record.case_reference), parent=self)
        box.setObjectName("caseReferenceBox")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addButton(QCoreApplication.translate("DialogButtons", "OK"),
                      QMessageBox.ButtonRole.AcceptRole)
        self.case_reference_box = box
        box.open()

    @property
    def documents(self) -> Documents:
        """Made on first use: reportlab and pdfium cost a third of a second to import, which
        a login screen should not wait for."""
        if self._documents is None:
            from screening.ui.documents import Documents

            self._documents = Documents(self, self.runner)
        return self._documents

    def _open_accounts(self) -> None:
        if self.active is not None and self.active.is_supervisor:
            from screening.ui.accounts import AccountsDialog

            AccountsDialog(self.runner, self.active, self).open()

    def _open_central(self) -> None:
        if self.active is not None and self.active.is_supervisor:
            from screening.ui.sync_dialog import SyncDialog

            SyncDialog(self.sync, self.languages.lang, self).open()

    def _open_settings(self) -> None:
        if self.active is None:
            return
        from screening.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.runner, self.active, self.preferences,
                                self.languages.lang, self)
        dialog.applied.connect(self._apply_settings)
        dialog.open()

    def _apply_settings(self, lang: str, lock_minutes: int) -> None:
        self.preferences.lock_minutes = lock_minutes
        self.idle.set_minutes(lock_minutes)
        if self.idle.timer.isActive():
            self.idle.start()
        self.set_language(lang)  # also saves the preferences

    def _close_dialogs(self) -> None:
        """Dialogs hold the session: none may stay open over the lock or login screen."""
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.done(QDialog.DialogCode.Rejected)
                dialog.deleteLater()

    def _offer_leaflet(self, view: Any) -> None:
        """Beside the form's question whether the leaflet was given: print it, in one step."""
        self.leaflet_button = None
        field = view.fields.get(LEAFLET_QUESTION)
        if field is None:
            return
        from PySide6.QtCore import Qt

        button = QPushButton(self.tr("Print the leaflet"))
        button.setObjectName("leafletButton")
        button.clicked.connect(self._print_leaflet)
        field.layout().addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.leaflet_button = button

    def _print_slip(self) -> None:
        if self.active is not None and self.interview_id is not None:
            self.documents.slip(self.active, self.interview_id)

    def _print_record(self) -> None:
        if self.active is not None and self.interview_id is not None:
            self.documents.record(self.active, self.interview_id, self.languages.lang)

    def _print_leaflet(self) -> None:
        # the reference data of the open interview's form version, else the one in use
        reference = (self.interview.reference if self.interview is not None else None) \
            or self.reference
        self.documents.leaflet(reference)

    def _quarterly_report(self) -> None:
        if self.active is not None:
            self.documents.quarterly(self.active, self.languages.lang)

    def _choose_organisation(self, organisation: str) -> None:
        session, interview_id = self.active, self.interview_id
        if session is not None and interview_id is not None:
            self.runner.store(lambda: session.choose_organisation(interview_id, organisation),
                              lambda _r: self.statusBar().showMessage(
                                  self.tr("Receiving organisation saved."), 5000))

    def _approve(self) -> None:
        session, interview_id = self.active, self.interview_id
        if session is None or interview_id is None:
            return
        if confirm(self, self.tr("Approve the interview"), self.tr(
                "After approval the interview cannot be returned to the officer any more. "
                "Approve now?"), self.tr("Approve")):
            self.runner.store(lambda: session.approve(interview_id),
                              lambda _r: self._done(self.tr("The interview is approved.")))

    def _send_back(self, comment: str) -> None:
        session, interview_id = self.active, self.interview_id
        if session is not None and interview_id is not None:
            self.runner.store(lambda: session.return_for_correction(interview_id, comment),
                              lambda _r: self._done(self.tr("Returned to the officer.")))

    def _done(self, message: str | None = None) -> None:
        self.statusBar().showMessage(
            message or self.tr("The interview is finalised and saved."), 8000)
        self.show_home()

    def _drop_interview(self) -> None:
        if self.interview is not None:
            self.stack.removeWidget(self.interview)
            self.interview.deleteLater()
            self.interview = None
            self.interview_id = None
            self._update_session_actions()

    # -- errors, language, closing ---------------------------------------------------------

    def show_error(self, error: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, self.tr("Something went wrong"), failure_words(error))

    def set_language(self, lang: str) -> None:
        self.languages.apply(lang)
        self.preferences.lang = lang
        self.runner.background(lambda: self.preferences.save(self.root))
        if self._home is not None:
            self._home.lang = lang
        if self.interview is not None:
            from screening.ui.review import ReviewBar

            self.interview.set_language(lang)
            bar = self.interview.findChild(ReviewBar)
            if bar is not None:
                bar.set_language(lang)
        self._update_session_actions()


    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Returnee Screening"))
        self.file_menu.setTitle(self.tr("&Interview"))
        self.documents_menu.setTitle(self.tr("&Documents"))
        self.record_action.setText(self.tr("Interview record…"))
        self.leaflet_action.setText(self.tr("Information leaflet for the person…"))
        if self.leaflet_button is not None and isValid(self.leaflet_button):
            self.leaflet_button.setText(self.tr("Print the leaflet"))
        self.admin_menu.setTitle(self.tr("&Workstation"))
        self.accounts_action.setText(self.tr("Accounts…"))
        self.central_action.setText(self.tr("Central and sync…"))
        self.settings_action.setText(self.tr("Settings…"))
        self.quarterly_action.setText(self.tr("Quarterly report…"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.new_action.setText(self.tr("New interview"))
        self.home_action.setText(self.tr("Home"))
        self.arrivals_action.setText(self.tr("Expected arrivals"))
        self.lock_action.setText(self.tr("Lock"))
        self.logout_action.setText(self.tr("Log out"))
        self.quit_action.setText(self.tr("Quit"))

    def closeEvent(self, event: QCloseEvent) -> None:
        session, self.session = self.session, None
        self.sync.attach(None)
        if session is not None:
            self.runner.store(session.close)
        self.runner.shutdown()  # every answer already given reaches the disk first
        event.accept()



"""What every part of a logged-in session shares: who is logged in, the connection, the key
material and the clock. Split from session.py so each part stays small."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from screening.crypto import KdfParams
from screening.errors import PermissionDeniedError, WrongCredentialsError
from screening.store import connection, settings
from screening.store.accounts import Account
from screening.store.interviews import NameCache
from screening.store.keyring import Keyring
from screening.store.keyslots import KeySlots, account_slot
from screening.store.layout import StorePaths

if TYPE_CHECKING:  # the engine is imported when first needed (see casework.score_answers)
    from screening.questionnaire.catalogue import FormCatalogue

Clock = Callable[[], float]
REAUTH_SECONDS = 5 * 60  # printing or exporting after this asks for the password again


class SessionBase:
    _forms: FormCatalogue | None = None

    def __init__(self, paths: StorePaths, conn: connection.Connection, master_key: bytes,
                 account: Account, slots: KeySlots, kdf: KdfParams, clock: Clock) -> None:
        self.paths = paths
        self.conn = conn
        self._master_key = master_key
        self.account = account
        self._slots = slots
        self._kdf = kdf
        self._clock = clock
        self._authenticated_at = clock()  # the password was just proved by opening the session
        # what the supervisor must be told about this store at login (key-slot file tampered)
        self.alerts: list[str] = []
        # the data keys this session may open (docs/design.md §7.1): set when it is opened
        self.keys = Keyring(conn)
        self._names = NameCache()

    @property
    def forms(self) -> FormCatalogue:
        """The form versions this session finalises, prints and counts with. The application
        sets the workstation's catalogue (bundled + downloaded: screening.sync.forms); until
        then only the bundled form is known."""
        if self._forms is None:
            from screening.store.assessments import bundled_catalogue

            self._forms = bundled_catalogue()
        return self._forms

    @forms.setter
    def forms(self, catalogue: FormCatalogue) -> None:
        self._forms = catalogue

    @property
    def is_supervisor(self) -> bool:
        return self.account.role == "supervisor"

    def checkpoint_code(self) -> str:
        return settings.get_setting(self.conn, settings.CHECKPOINT) or ""

    def _require_supervisor(self, what: str) -> None:
        if not self.is_supervisor:
            raise PermissionDeniedError(f"only a supervisor can {what}")

    def confirm_password(self, password: str) -> None:
        """Prove the password again (before printing or exporting, docs/design.md §4)."""
        if self._slots.unwrap(account_slot(self.account.name), password) is None:
            raise WrongCredentialsError(code="password_wrong")
        self._authenticated_at = self._clock()

    def recently_authenticated(self, max_age_seconds: float = REAUTH_SECONDS) -> bool:
        return self._clock() - self._authenticated_at <= max_age_seconds

    def _now(self) -> str:
        return iso(self._clock)


def iso(clock: Clock) -> str:
    return dt.datetime.fromtimestamp(clock(), dt.UTC).isoformat(timespec="microseconds")

"""Domain exceptions with stable codes and messages a person can act on.

Every error that can reach a user carries a short stable ``code`` (for logs, tests and other
programs), its parameters, and a message that says what went wrong and what to do about it.
The words are the code's in ``screening.messages``, the one catalogue, in English and in
Albanian: raise with the code and the parameters (``AccountError(code="account_exists",
name=name)``) and each reader gets them in their language (``in_language``). A message given
as text stays the English one, with the code's Albanian words beside it.
"""

from __future__ import annotations

from typing import Any

from screening import messages


class ScreeningError(Exception):
    """Base of every error the application reports to a person."""

    code = "error"

    def __init__(self, message: str | None = None, *, code: str | None = None,
                 **params: Any) -> None:
        if code is not None:
            self.code = code
        self.params = params
        if message is None:
            message = messages.render(self.code, params, "en") or self.code
        super().__init__(message)

    @property
    def message(self) -> str:
        return str(self.args[0])

    def in_language(self, lang: str) -> str:
        """The message for a reader of ``lang``: the code's words in the catalogue, else the
        English it was raised with."""
        if lang == "en":
            return self.message
        return messages.render(self.code, self.params, lang) or self.message


class FormDefinitionError(ScreeningError):
    """A questionnaire definition is broken; ``problems`` lists every finding."""

    code = "form_invalid"

    def __init__(self, problems: list) -> None:  # list[FormProblem]; avoids importing questionnaire
        self.problems = list(problems)
        super().__init__(count=len(self.problems),
                         details="\n".join(str(p) for p in self.problems))


class FormUnknownError(ScreeningError):
    """An interview names a form version this program (or central) does not hold."""

    code = "form_unknown"

    def __init__(self, form_id: str, form_version: str, hint: str) -> None:
        self.form_id, self.form_version = form_id, form_version
        super().__init__(form_id=form_id, form_version=form_version, hint=hint)


class AnswersError(ScreeningError):
    """An answers document cannot be used at all (not JSON, not an object)."""

    code = "answers_invalid"


class ReferenceDataError(ScreeningError):
    """Reference data (checkpoints, referral directory, countries) is missing or malformed."""

    code = "reference_invalid"


class StoreError(ScreeningError):
    """The encrypted checkpoint store cannot do what was asked."""

    code = "store_error"


class WrongCredentialsError(StoreError):
    """The user name is unknown or the password (or recovery code) is wrong; the two are not told
    apart so that user names cannot be guessed."""

    code = "wrong_credentials"

    def __init__(self, *, code: str | None = None) -> None:
        super().__init__(code=code)  # password_wrong, current_password_wrong: other words


class LoginDelayedError(StoreError):
    """Too many wrong passwords for this account: it must wait before the next try."""

    code = "login_delayed"

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(seconds=int(seconds + 0.999))


class AccountDisabledError(StoreError):
    code = "account_disabled"

    def __init__(self, name: str) -> None:
        super().__init__(name=name)


class StoreDamagedError(StoreError):
    """The key is right (a key slot unwrapped) but the database cannot be read: it is damaged.
    Nothing is created or overwritten; restore from a backup."""

    code = "store_damaged"

    def __init__(self, detail: str = "") -> None:
        # the detail is the library's own English: shown in English only
        super().__init__(detail=f" ({detail})" if detail else "")


class StoreLostWritesError(StoreDamagedError):
    """Committed changes are missing from the database: the head record beside it counted
    more transactions than the database holds (a write-ahead log cut short or lost)."""

    code = "store_lost_writes"

    def __init__(self, missing: int, aside: str) -> None:
        self.missing, self.aside = missing, aside
        StoreError.__init__(self, missing=missing, aside=aside)


class StoreForeignError(StoreError):
    """The key slots opened, but the database beside them is another store's (another
    workstation's, or a copy of a different store): not damage, a wrong file."""

    code = "store_foreign"

    def __init__(self) -> None:
        super().__init__()


class KeySlotDamagedError(StoreError):
    """One account's key slot is damaged (its checksum does not match): not a wrong password,
    and not counted as one."""

    code = "keyslot_damaged"

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(code="recovery_slot_damaged" if name == "recovery" else None,
                         name=name)


class KeySlotsDamagedError(StoreDamagedError):
    """The key-slot file as a whole cannot be read."""

    code = "keyslots_damaged"

    def __init__(self, detail: str = "") -> None:
        # the detail is for the log and the English reader; the catalogue's words stand alone
        StoreError.__init__(self, detail=f" ({detail})" if detail else "")


class StoreExistsError(StoreError):
    code = "store_exists"


class StoreMissingError(StoreError):
    code = "store_missing"


class PermissionDeniedError(StoreError):
    code = "permission_denied"


class AccountError(StoreError):
    """An account cannot be added or changed as asked (duplicate, unknown, bad name or role)."""

    code = "account_invalid"


class InterviewNotFoundError(StoreError):
    code = "interview_not_found"


class InterviewSealedError(StoreError):
    """The interview is sealed under a data key this session does not hold (docs/design.md
    §7.1): an officer whose account had no key pair yet when it was sealed gets it at a
    supervisor's next login."""

    code = "interview_sealed"


class InterviewStateError(StoreError):
    """The interview's status does not allow the change (e.g. editing an approved interview)."""

    code = "interview_state"


class ReferralRuleError(InterviewStateError):
    """A supervisor's review would break a rule of docs/questionnaire-standard.md §3 (child
    protection,
    consent to referral, a referral for a suspected or presumed victim). ``problems`` are the
    engine's action problems (``code``, ``message`` by language); ``messages`` the reason in
    each language, for a person reading another language than English."""

    code = "referral_rule_broken"

    def __init__(self, problems: list) -> None:  # list[ActionProblem]; avoids the import
        self.problems = list(problems)
        languages = {lang for p in self.problems for lang in p.message}
        self.messages = {lang: " ".join(p.message.get(lang, "") for p in self.problems)
                         for lang in languages}
        super().__init__(reasons=self.messages)


class ReportError(ScreeningError):
    """A document (referral slip, interview record, statistics) cannot be made from the data
    given."""

    code = "report_invalid"


class NoReferralError(ReportError):
    """A referral slip was asked for an interview that refers the person to no organisation."""

    code = "no_referral_organisation"


class QuarterError(ReportError):
    """A statistics period was not written as a quarter (2026Q3) — or, where a half-year or a
    year is allowed too, as 2026H2 or 2026."""

    code = "quarter_invalid"


PeriodError = QuarterError  # one error for every period; the new name for the general case


class ReauthenticationNeededError(StoreError):
    """Printing or exporting after a while asks for the password again."""

    code = "reauthentication_needed"

    def __init__(self) -> None:
        super().__init__()

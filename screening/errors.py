"""Domain exceptions with stable codes and messages a person can act on.

Every error that can reach a user carries a short stable ``code`` (for logs, tests and other
programs) and a message that says what went wrong and what to do about it.
"""

from __future__ import annotations


class ScreeningError(Exception):
    """Base of every error the application reports to a person."""

    code = "error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self.args[0])


class FormDefinitionError(ScreeningError):
    """A questionnaire definition is broken; ``problems`` lists every finding."""

    code = "form_invalid"

    def __init__(self, problems: list) -> None:  # list[FormProblem]; avoids importing questionnaire
        self.problems = list(problems)
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(f"the form definition has {len(self.problems)} problem(s):\n{lines}")


class AnswersError(ScreeningError):
    """An answers document cannot be used at all (not JSON, not an object)."""

    code = "answers_invalid"


class ReferenceDataError(ScreeningError):
    """Reference data (checkpoints, referral directory, countries) is missing or malformed."""

    code = "reference_invalid"

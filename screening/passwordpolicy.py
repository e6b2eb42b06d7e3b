"""The one password rule of the workstation's accounts and central's staff accounts.

A new password needs ``MIN_LENGTH`` characters. The rule applies when a password is set or
changed: an account whose password was set under an earlier, shorter minimum still logs in."""

from __future__ import annotations

from screening.errors import ScreeningError

# NIST SP 800-63B asks for at least 8; a shared checkpoint workstation guards victims' data
# against colleagues too, so the bar is higher, and the same on both sides of the wire.
MIN_LENGTH = 12


class WeakPasswordError(ScreeningError):
    code = "password_weak"

    def __init__(self) -> None:
        super().__init__(min_length=MIN_LENGTH)


def problem(password: str) -> str | None:
    """The rule the password breaks ("too_short"), or None when it may be set."""
    return "too_short" if len(password) < MIN_LENGTH else None


def check_new_password(password: str) -> None:
    if problem(password):
        raise WeakPasswordError

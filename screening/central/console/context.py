"""What every console page is given: central, the console's settings, the logged-in staff
member (``need`` refuses anyone else), the page's language (``language_of``) and ``render``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Engine
from starlette.templating import Jinja2Templates

from screening.central.console import catalogue
from screening.central.staff import auth

if TYPE_CHECKING:
    from screening.central.service import Central

PREFIX = "/console"
COOKIE = "rs_console"
QUIET_HOURS = 24.0
LANGUAGE_FIELD = "language"  # the language switch's field, and the login page's query
LOOKING = frozenset({"see_operations", "see_cases", "see_statistics", "see_referrals",
                     "partner_inbox", "see_notices"})
# the sections of the console's navigation, each with the right that shows it
SECTIONS = (("batches", "see_operations"), ("devices", "see_operations"),
            ("checkpoints", "see_operations"), ("cases", "see_cases"),
            ("referrals", "see_referrals"), ("referrals", "partner_inbox"),
            ("matches", "see_cases"), ("notices", "see_notices"),
            ("statistics", "see_statistics"))


def home_of(staff: auth.Staff) -> str:
    """Where an account lands after login: the first section its role shows."""
    for section, right in SECTIONS:
        if staff.may(right):
            return f"{PREFIX}/{section}"
    return f"{PREFIX}/login"


@dataclass(frozen=True)
class ConsoleSettings:
    quiet_hours: float = QUIET_HOURS
    bind_ip: bool = False  # also bind sessions to the client address (off: NAT, proxies)

    @classmethod
    def from_env(cls) -> ConsoleSettings:
        hours = os.environ.get("SCREENING_CENTRAL_QUIET_HOURS", "")
        try:
            quiet = float(hours) if hours else QUIET_HOURS
        except ValueError:
            quiet = QUIET_HOURS
        return cls(quiet if quiet > 0 else QUIET_HOURS,
                   os.environ.get("SCREENING_CENTRAL_CONSOLE_BIND_IP", "") == "1")


class NotLoggedIn(Exception):
    pass


class Forbidden(Exception):
    """A refusal of the console's own, as a catalogue key (``refused.*``) and its values."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Console:
    central: Central
    settings: ConsoleSettings
    templates: Jinja2Templates

    @property
    def engine(self) -> Engine:
        return self.central.engine

    def staff_of(self, request: Request) -> auth.Staff | None:
        if "staff" not in request.state._state:
            request.state.staff = auth.current(
                self.engine, request.cookies.get(COOKIE),
                user_agent=request.headers.get("user-agent", ""),
                client_ip=request.client.host if request.client else None,
                bind_ip=self.settings.bind_ip)
        return request.state.staff

    def need(self, request: Request, right: str | None = None) -> auth.Staff:
        staff = self.staff_of(request)
        if staff is None:
            raise NotLoggedIn
        if right and not staff.may(right):
            # a page the role does not show at all, or a change it may only look at
            raise Forbidden("refused.not_for_role" if right in LOOKING else "refused.no_right")
        return staff

    def language_of(self, request: Request) -> str:
        """The staff member's chosen language; before login (or with no choice yet) the one the
        login page was switched to, else the browser's Accept-Language, else Albanian."""
        staff = request.state._state.get("staff")
        chosen = staff.language if staff else None
        if chosen is None and staff is None:
            chosen = catalogue.language(request.query_params.get(LANGUAGE_FIELD))
        return chosen or catalogue.from_accept_language(request.headers.get("accept-language"))

    def render(self, request: Request, name: str, status_code: int = 200, **context: Any
               ) -> HTMLResponse:
        staff = request.state._state.get("staff")
        lang = context.pop("lang", None) or self.language_of(request)
        return self.templates.TemplateResponse(request, name, {
            "staff": staff, "csrf": staff.csrf_token if staff else "", "prefix": PREFIX,
            "section": name.removesuffix(".html"), "lang": lang, "sections": SECTIONS,
            "here": _here(request), **context}, status_code=status_code)


def _here(request: Request) -> str:
    """Where the language switch comes back to: this page, or (after a form) the console."""
    if request.method != "GET":
        return f"{PREFIX}/"
    query = request.url.query
    return f"{request.url.path}?{query}" if query else request.url.path

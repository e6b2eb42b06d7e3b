"""What every console page is given: central, the console's settings, the logged-in staff
member (``need`` refuses anyone else) and ``render``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Engine
from starlette.templating import Jinja2Templates

from screening.central.staff import auth

if TYPE_CHECKING:
    from screening.central.service import Central

PREFIX = "/console"
COOKIE = "rs_console"
QUIET_HOURS = 24.0


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
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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
            raise Forbidden("your account may look but not change this; ask an administrator")
        return staff

    def render(self, request: Request, name: str, status_code: int = 200, **context: Any
               ) -> HTMLResponse:
        staff = request.state._state.get("staff")
        return self.templates.TemplateResponse(request, name, {
            "staff": staff, "csrf": staff.csrf_token if staff else "", "prefix": PREFIX,
            "section": name.removesuffix(".html"), **context}, status_code=status_code)

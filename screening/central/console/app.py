"""The staff console: a FastAPI application mounted at ``/console`` of central's API, one
module per page under ``routes/``.

Server-rendered HTML (Jinja2, autoescaped), no JavaScript at all. Every POST is checked for its
CSRF token (and a foreign Origin) by one dependency before any route runs; every page is sent
with ``Cache-Control: no-store`` and a strict Content-Security-Policy. No GET writes anything
but the session's idle clock and the staff audit of a download."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from screening import messages
from screening.central.console import catalogue, render
from screening.central.console.context import (
    COOKIE,
    PREFIX,
    Console,
    ConsoleSettings,
    Forbidden,
    NotLoggedIn,
)
from screening.central.console.routes import (
    batches,
    cases,
    checkpoints,
    devices,
    language,
    login,
    notices,
    referrals,
    repeats,
    statistics,
)
from screening.central.staff import auth
from screening.errors import ScreeningError

if TYPE_CHECKING:
    from screening.central.service import Central

FORM_LIMIT = 16 * 1024
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
PAGES = (login, language, batches, devices, checkpoints, cases, referrals, repeats, notices,
         statistics)


def create_console(central: Central, settings: ConsoleSettings | None = None) -> FastAPI:
    console = Console(central, settings or ConsoleSettings.from_env(), render.templates())
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None,
                  dependencies=[Depends(_csrf_guard(console))])
    _add_security_headers(app)
    _add_error_handlers(app, console)
    for page in PAGES:
        page.add_routes(app, console)

    @app.get("/static/console.css")
    def stylesheet() -> Response:
        return Response((render.STATIC / "console.css").read_bytes(), media_type="text/css",
                        headers={"Cache-Control": "no-cache"})

    return app


def install(app: FastAPI, central: Central) -> None:
    """Serve the console at /console/ of ``app`` and send a browser opening / there."""
    app.mount(PREFIX, create_console(central))

    @app.get("/", include_in_schema=False)
    def _root() -> Response:
        return RedirectResponse(f"{PREFIX}/", status_code=307)


def _csrf_guard(console: Console) -> Callable[[Request], Awaitable[None]]:
    async def csrf_guard(request: Request) -> None:
        """Every POST: same origin, a small form, and the right CSRF token."""
        if request.method != "POST":
            return
        origin = request.headers.get("origin")
        if origin and origin != "null" and urlsplit(origin).netloc != request.url.netloc:
            raise Forbidden("refused.foreign_origin")
        length = request.headers.get("content-length", "")
        if not length.isdigit() or int(length) > FORM_LIMIT:
            raise Forbidden("refused.form_size")
        form = await request.form()
        given = form.get("csrf")
        if request.url.path.rstrip("/").endswith("/login"):
            expected = request.cookies.get(login.LOGIN_COOKIE)
        else:
            staff = await run_in_threadpool(console.staff_of, request)
            expected = staff.csrf_token if staff else None
        if not auth.csrf_ok(expected, given if isinstance(given, str) else None):
            raise Forbidden("refused.csrf")

    return csrf_guard


def _add_security_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        for header, value in SECURITY_HEADERS.items():
            response.headers.setdefault(header, value)
        return response


def _add_error_handlers(app: FastAPI, console: Console) -> None:
    @app.exception_handler(NotLoggedIn)
    async def _to_login(request: Request, _exception: NotLoggedIn) -> Response:
        if request.method != "GET":
            return _error(console, request, 403, "error.not_logged_in", "error.log_in_again")
        response = RedirectResponse(f"{PREFIX}/login", status_code=303)
        if request.cookies.get(COOKIE):  # a dead session: forget the cookie too
            response.delete_cookie(COOKIE, path=PREFIX)
        return response

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, error: Forbidden) -> Response:
        return _error(console, request, 403, "error.refused", error.key, **error.values)

    @app.exception_handler(ScreeningError)
    async def _refused(request: Request, error: ScreeningError) -> Response:
        known = f"refusal.{error.code}"
        if known in catalogue.MESSAGES:
            return _error(console, request, 400, "error.not_possible", known)
        # a core error: its words by code and parameters, in the page's language
        words = messages.render(error.code, error.params, console.language_of(request))
        if words is not None:
            return _error(console, request, 400, "error.not_possible", "refusal.words",
                          words=words)
        return _error(console, request, 400, "error.not_possible", "refusal.unknown_code",
                      code=error.code)

    @app.exception_handler(Exception)
    async def _internal(request: Request, error: Exception) -> Response:
        return _error(console, request, 500, "error.internal", "error.internal_text",
                      kind=type(error).__name__)


def _error(console: Console, request: Request, status_code: int, title: str, message: str,
           **values: object) -> Response:
    """An error page: its title and message are catalogue keys, filled in the page's language."""
    return console.render(request, "error.html", status_code, title_key=title,
                          message_key=message, values=values)

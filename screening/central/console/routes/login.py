"""``/`` (to the inbox or the login), ``/login`` and ``/logout``."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from screening import crypto
from screening.central.console import catalogue
from screening.central.console.context import (
    COOKIE,
    LANGUAGE_FIELD,
    PREFIX,
    Console,
    home_of,
)
from screening.central.staff import auth

LOGIN_COOKIE = "rs_console_login"  # the login form's CSRF token (double submit)


def add_routes(app: FastAPI, console: Console) -> None:
    @app.get("/")
    def home(request: Request) -> Response:
        staff = console.staff_of(request)
        return RedirectResponse(home_of(staff) if staff else f"{PREFIX}/login",
                                status_code=303)

    @app.get("/login")
    def login_page(request: Request) -> Response:
        return _login_form(console, request,
                           catalogue.language(request.query_params.get(LANGUAGE_FIELD)))

    @app.post("/login")
    async def login(request: Request) -> Response:
        form = await request.form()
        name, password = str(form.get("name") or ""), str(form.get("password") or "")
        chosen = catalogue.language(str(form.get(LANGUAGE_FIELD) or ""))
        try:
            token, staff = await run_in_threadpool(
                auth.login, console.engine, name, password,
                user_agent=request.headers.get("user-agent", ""),
                client_ip=request.client.host if request.client else None,
                old_token=request.cookies.get(COOKIE), language=chosen)
        except auth.LoginRefused:
            return _login_form(console, request, chosen, refused=True)
        response = RedirectResponse(home_of(staff), status_code=303)
        response.set_cookie(COOKIE, token, path=PREFIX, httponly=True, samesite="strict",
                            secure=request.url.scheme == "https")
        response.delete_cookie(LOGIN_COOKIE, path=f"{PREFIX}/login")
        return response

    @app.post("/logout")
    def logout(request: Request) -> Response:
        auth.logout(console.engine, console.need(request))
        response = RedirectResponse(f"{PREFIX}/login", status_code=303)
        response.delete_cookie(COOKIE, path=PREFIX)
        return response


def _login_form(console: Console, request: Request, chosen: str | None, *,
                refused: bool = False) -> Response:
    """The login form; ``chosen`` is the language the page was switched to (kept through a
    wrong password, and given to the account at login)."""
    token = crypto.new_token()
    response = console.render(request, "login.html", 401 if refused else 200,
                              lang=chosen or console.language_of(request), login_csrf=token,
                              chosen=chosen or "", refused=refused,
                              lock_minutes=auth.LOCK_MINUTES)
    response.set_cookie(LOGIN_COOKIE, token, max_age=3600, path=f"{PREFIX}/login",
                        httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response

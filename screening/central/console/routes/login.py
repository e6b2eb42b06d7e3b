"""``/`` (to the inbox or the login), ``/login`` and ``/logout``."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from screening import crypto
from screening.central.console.context import COOKIE, PREFIX, Console
from screening.central.staff import auth

LOGIN_COOKIE = "rs_console_login"  # the login form's CSRF token (double submit)


def add_routes(app: FastAPI, console: Console) -> None:
    @app.get("/")
    def home(request: Request) -> Response:
        return RedirectResponse(f"{PREFIX}/batches" if console.staff_of(request)
                                else f"{PREFIX}/login", status_code=303)

    @app.get("/login")
    def login_page(request: Request) -> Response:
        return _login_form(console, request)

    @app.post("/login")
    async def login(request: Request) -> Response:
        form = await request.form()
        name, password = str(form.get("name") or ""), str(form.get("password") or "")
        try:
            token, _staff = await run_in_threadpool(
                auth.login, console.engine, name, password,
                user_agent=request.headers.get("user-agent", ""),
                client_ip=request.client.host if request.client else None,
                old_token=request.cookies.get(COOKIE))
        except auth.LoginRefused:
            return _login_form(console, request, "Wrong name or password, or the account is "
                               f"locked for {auth.LOCK_MINUTES} minutes after too many "
                               "attempts.", 401)
        response = RedirectResponse(f"{PREFIX}/batches", status_code=303)
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


def _login_form(console: Console, request: Request, error: str = "", status_code: int = 200
                ) -> Response:
    token = crypto.new_token()
    response = console.render(request, "login.html", status_code, login_csrf=token, error=error)
    response.set_cookie(LOGIN_COOKIE, token, max_age=3600, path=f"{PREFIX}/login",
                        httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response

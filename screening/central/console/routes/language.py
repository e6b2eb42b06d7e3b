"""``/language``: the language switch of every page once logged in; the choice is the staff
account's, kept for every later login. (Before login the switch is a link: ``/login?language=``.)
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from screening.central.console import catalogue
from screening.central.console.context import LANGUAGE_FIELD, PREFIX, Console, Forbidden
from screening.central.staff import auth


def add_routes(app: FastAPI, console: Console) -> None:
    @app.post("/language")
    async def choose(request: Request) -> Response:
        staff = await run_in_threadpool(console.need, request)
        form = await request.form()
        chosen = catalogue.language(str(form.get(LANGUAGE_FIELD) or ""))
        if chosen is None:
            raise Forbidden("refused.language")
        await run_in_threadpool(auth.choose_language, console.engine, staff, chosen)
        return RedirectResponse(back_to(str(form.get("back") or "")), status_code=303)


def back_to(path: str) -> str:
    """The console page the switch was pressed on; anything else (another site, a download)
    goes to the inbox."""
    if path.startswith(f"{PREFIX}/") and "//" not in path and "\\" not in path \
            and len(path) <= 200 and not path.endswith((".pdf", ".zip")):
        return path
    return f"{PREFIX}/batches"

"""The console's pages: a FastAPI application mounted at ``/console`` of central's API.

Server-rendered HTML (Jinja2, autoescaped), no JavaScript at all. Every POST is checked for its
CSRF token (and a foreign Origin) by one dependency before any route runs; every page is sent
with ``Cache-Control: no-store`` and a strict Content-Security-Policy."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.templating import Jinja2Templates

from screening.casereference import CaseReferenceError, parse_case_reference
from screening.central import enrolment, matches
from screening.central.console import auth, cases, queries
from screening.central.queries import devices as device_queries
from screening.central.service import Central, utc_now
from screening.errors import QuarterError, ScreeningError
from screening.reports.statistics import parse_quarter
from screening.sync import wire

PREFIX = "/console"
COOKIE = "rs_console"
LOGIN_COOKIE = "rs_console_login"  # the login form's CSRF token (double submit)
PAGE_SIZE = 50
FORM_LIMIT = 16 * 1024
HERE = Path(__file__).resolve().parent.parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
QUIET_HOURS = 24.0
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


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


class _NotLoggedIn(Exception):
    pass


class _Forbidden(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# -- helpers ------------------------------------------------------------------------------------


def when(value: str | None) -> str:
    """ISO time as staff read it: '2026-11-23 07:45 UTC'."""
    if not value:
        return "—"
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is None:
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def ago(value: str | None, now: dt.datetime | None = None) -> str:
    if not value:
        return "never"
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    seconds = ((now or dt.datetime.now(dt.UTC)) - moment).total_seconds()
    if seconds < 90:
        return "just now"
    if seconds < 90 * 60:
        return f"{round(seconds / 60)} min ago"
    if seconds < 48 * 3600:
        return f"{round(seconds / 3600)} h ago"
    return f"{round(seconds / 86400)} days ago"


def missing_runs(received: Iterable[int]) -> dict[int, tuple[int, int]]:
    """For each received sequence that follows a gap: (first, last) missing before it."""
    runs, previous = {}, 0
    for sequence in sorted(set(received)):
        if sequence > previous + 1:
            runs[sequence] = (previous + 1, sequence - 1)
        previous = sequence
    return runs


def receipt_summary(receipt: bytes) -> tuple[int, dict[str, int]]:
    try:
        results = json.loads(receipt)["results"]
    except (ValueError, KeyError, TypeError):
        return 0, {}
    counts: dict[str, int] = {}
    for result in results:
        counts[result.get("result", "?")] = counts.get(result.get("result", "?"), 0) + 1
    return len(results), counts


def _page_number(value: str | None) -> int:
    return max(1, min(int(value), 100_000)) if value and value.isdigit() else 1


def _download(document: cases.Document, media_type: str) -> Response:
    return Response(document.content, media_type=media_type, headers={
        "Content-Disposition": f'attachment; filename="{document.file_name}"'})


# -- the application ----------------------------------------------------------------------------


def create_console(central: Central, settings: ConsoleSettings | None = None) -> FastAPI:
    settings = settings or ConsoleSettings.from_env()
    engine = central.engine
    templates = Jinja2Templates(directory=str(TEMPLATES))
    templates.env.filters["when"] = when
    templates.env.filters["ago"] = ago

    def staff_of(request: Request) -> auth.Staff | None:
        if "staff" not in request.state._state:
            request.state.staff = auth.current(
                engine, request.cookies.get(COOKIE),
                user_agent=request.headers.get("user-agent", ""),
                client_ip=request.client.host if request.client else None,
                bind_ip=settings.bind_ip)
        return request.state.staff

    async def csrf_guard(request: Request) -> None:
        """Every POST: same origin, a small form, and the right CSRF token."""
        if request.method != "POST":
            return
        origin = request.headers.get("origin")
        if origin and origin != "null" and urlsplit(origin).netloc != request.url.netloc:
            raise _Forbidden("the form came from another site")
        length = request.headers.get("content-length", "")
        if not length.isdigit() or int(length) > FORM_LIMIT:
            raise _Forbidden("the form is missing or too large")
        form = await request.form()
        given = form.get("csrf")
        if request.url.path.rstrip("/").endswith("/login"):
            expected = request.cookies.get(LOGIN_COOKIE)
        else:
            staff = await run_in_threadpool(staff_of, request)
            expected = staff.csrf_token if staff else None
        if not auth.csrf_ok(expected, given if isinstance(given, str) else None):
            raise _Forbidden("the form's security token is missing or out of date; open the "
                             "page again and repeat what you did")

    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None,
                  dependencies=[Depends(csrf_guard)])

    def render(request: Request, name: str, status_code: int = 200, **context: Any
               ) -> HTMLResponse:
        staff = request.state._state.get("staff")
        return templates.TemplateResponse(request, name, {
            "staff": staff, "csrf": staff.csrf_token if staff else "", "prefix": PREFIX,
            "section": name.removesuffix(".html"), **context}, status_code=status_code)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        for header, value in SECURITY_HEADERS.items():
            response.headers.setdefault(header, value)
        return response

    @app.exception_handler(_NotLoggedIn)
    async def _to_login(request: Request, _error: _NotLoggedIn) -> Response:
        if request.method != "GET":
            return render(request, "error.html", 403, title="Not logged in",
                          message="Log in again; nothing was changed.")
        response = RedirectResponse(f"{PREFIX}/login", status_code=303)
        if request.cookies.get(COOKIE):  # a dead session: forget the cookie too
            response.delete_cookie(COOKIE, path=PREFIX)
        return response

    @app.exception_handler(_Forbidden)
    async def _forbidden(request: Request, error: _Forbidden) -> Response:
        return render(request, "error.html", 403, title="Refused", message=error.message)

    @app.exception_handler(ScreeningError)
    async def _refused(request: Request, error: ScreeningError) -> Response:
        return render(request, "error.html", 400, title="Not possible", message=error.message)

    @app.exception_handler(Exception)
    async def _internal(request: Request, error: Exception) -> Response:
        return render(request, "error.html", 500, title="Central could not do this",
                      message=f"An internal error ({type(error).__name__}) stopped the page; "
                              "nothing was changed. Tell IT support the time it happened.")

    def need(request: Request, right: str | None = None) -> auth.Staff:
        staff = staff_of(request)
        if staff is None:
            raise _NotLoggedIn
        if right and not staff.may(right):
            raise _Forbidden("your account may look but not change this; ask an "
                             "administrator")
        return staff

    # -- login and logout -------------------------------------------------------------------

    @app.get("/")
    def home(request: Request) -> Response:
        return RedirectResponse(f"{PREFIX}/batches" if staff_of(request)
                                else f"{PREFIX}/login", status_code=303)

    @app.get("/login")
    def login_page(request: Request) -> Response:
        return _login_form(request)

    def _login_form(request: Request, error: str = "", status_code: int = 200) -> Response:
        import secrets

        token = secrets.token_urlsafe(32)
        response = render(request, "login.html", status_code, login_csrf=token, error=error)
        response.set_cookie(LOGIN_COOKIE, token, max_age=3600, path=f"{PREFIX}/login",
                            httponly=True, samesite="strict",
                            secure=request.url.scheme == "https")
        return response

    @app.post("/login")
    async def login(request: Request) -> Response:
        form = await request.form()
        name, password = str(form.get("name") or ""), str(form.get("password") or "")
        try:
            token, _staff = await run_in_threadpool(
                auth.login, engine, name, password,
                user_agent=request.headers.get("user-agent", ""),
                client_ip=request.client.host if request.client else None,
                old_token=request.cookies.get(COOKIE))
        except auth.LoginRefused:
            return _login_form(request, "Wrong name or password, or the account is locked "
                               f"for {auth.LOCK_MINUTES} minutes after too many attempts.",
                               401)
        response = RedirectResponse(f"{PREFIX}/batches", status_code=303)
        response.set_cookie(COOKIE, token, path=PREFIX, httponly=True, samesite="strict",
                            secure=request.url.scheme == "https")
        response.delete_cookie(LOGIN_COOKIE, path=f"{PREFIX}/login")
        return response

    @app.post("/logout")
    def logout(request: Request) -> Response:
        auth.logout(engine, need(request))
        response = RedirectResponse(f"{PREFIX}/login", status_code=303)
        response.delete_cookie(COOKIE, path=PREFIX)
        return response

    # -- batches ----------------------------------------------------------------------------

    @app.get("/batches")
    def batch_inbox(request: Request, page: str | None = None, device: str | None = None
                    ) -> Response:
        need(request)
        number = _page_number(page)
        device = device if device and len(device) <= 64 else None
        with engine.connect() as conn:
            rows = queries.batch_page(conn, PAGE_SIZE, (number - 1) * PAGE_SIZE, device)
            total = queries.batch_total(conn, device)
            seen = queries.sequences(conn, {r["device_id"] for r in rows})
        gaps = {d: missing_runs(s) for d, s in seen.items()}
        inbox = []
        for row in rows:
            count, results = receipt_summary(row["receipt"])
            refused = results.get("refused", 0)
            gap = gaps.get(row["device_id"], {}).get(int(row["sequence"]))
            inbox.append({**row, "interviews": count, "results": results, "gap": gap,
                          "status": f"{refused} refused" if refused else "accepted"})
        return render(request, "batches.html", batches=inbox, page=number, total=total,
                      pages=max(1, -(-total // PAGE_SIZE)), device=device,
                      gap_devices=sum(1 for g in gaps.values() if g))

    # -- devices and enrolment codes --------------------------------------------------------

    def _device_list() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        with engine.connect() as conn:
            rows = queries.device_rows(conn)
            pending = queries.pending_codes(conn, utc_now())
        for row in rows:
            row["missing"] = int(row["highest"]) - int(row["batches"])
        return rows, pending

    @app.get("/devices")
    def device_page(request: Request, done: str | None = None) -> Response:
        need(request)
        rows, pending = _device_list()
        message = {"revoked": "The workstation was revoked: central refuses its batches from "
                              "now on."}.get(done or "", "")
        return render(request, "devices.html", devices=rows, pending=pending, message=message,
                      checkpoints=cases.checkpoint_codes())

    def _device(device_id: str) -> device_queries.Device:
        found = None
        if len(device_id) <= 64:
            with engine.connect() as conn:
                found = device_queries.get(conn, device_id)
        if found is None:
            raise _Forbidden("there is no such workstation")
        return found

    @app.get("/devices/{device_id}/revoke")
    def revoke_confirm(request: Request, device_id: str) -> Response:
        need(request, "revoke_device")
        return render(request, "revoke.html", device=_device(device_id))

    @app.post("/devices/{device_id}/revoke")
    def revoke(request: Request, device_id: str) -> Response:
        staff = need(request, "revoke_device")
        _device(device_id)
        with engine.begin() as conn:
            device_queries.revoke(conn, device_id, utc_now())
        auth.record(engine, staff.name, "device_revoked", device_id)
        return RedirectResponse(f"{PREFIX}/devices?done=revoked", status_code=303)

    @app.post("/codes")
    async def create_code(request: Request) -> Response:
        staff = await run_in_threadpool(need, request, "create_code")
        form = await request.form()
        checkpoint = str(form.get("checkpoint") or "").strip()
        hours_text = str(form.get("hours") or "24")
        try:
            hours = float(hours_text)
        except ValueError:
            hours = 0.0
        if not 0 < hours <= 24 * 14:
            raise _Forbidden("a code is valid for between a minute and 14 days (336 hours)")
        code = await run_in_threadpool(enrolment.new_code, central, checkpoint, hours)
        await run_in_threadpool(auth.record, engine, staff.name, "enrolment_code_created",
                                checkpoint)
        return render(request, "code.html", code=code, checkpoint=checkpoint, hours=hours)

    # -- checkpoints ------------------------------------------------------------------------

    @app.get("/checkpoints")
    def checkpoint_page(request: Request) -> Response:
        need(request)
        rows, _pending = _device_list()
        now = dt.datetime.now(dt.UTC)
        limit = (now - dt.timedelta(hours=settings.quiet_hours)).isoformat()
        by_checkpoint: dict[str, dict[str, Any]] = {}
        for row in rows:
            if row["revoked_at"]:
                continue
            entry = by_checkpoint.setdefault(row["checkpoint"], {
                "checkpoint": row["checkpoint"], "devices": 0, "last_seen": None,
                "enrolled_at": row["enrolled_at"]})
            entry["devices"] += 1
            if row["last_seen"] and (entry["last_seen"] is None
                                     or row["last_seen"] > entry["last_seen"]):
                entry["last_seen"] = row["last_seen"]
        for entry in by_checkpoint.values():
            entry["quiet"] = (entry["last_seen"] or entry["enrolled_at"]) < limit
        listing = sorted(by_checkpoint.values(),
                         key=lambda e: (not e["quiet"], e["last_seen"] or "", e["checkpoint"]))
        return render(request, "checkpoints.html", checkpoints=listing,
                      quiet_hours=settings.quiet_hours,
                      quiet=sum(1 for e in listing if e["quiet"]))

    # -- cases ------------------------------------------------------------------------------

    @app.get("/cases")
    def case_list(request: Request, quarter: str = "", checkpoint: str = "",
                  outcome: str = "", child: str = "", action: str = "", ref: str = "",
                  page: str | None = None) -> Response:
        need(request)
        if ref.strip():
            try:
                wanted_ref = str(parse_case_reference(ref))
            except CaseReferenceError as error:
                raise _Forbidden(str(error)) from None
            cases.refresh_facts(engine)
            with engine.connect() as conn:
                found = queries.case_by_reference(conn, wanted_ref)
            if found:
                return RedirectResponse(f"{PREFIX}/cases/{found}", status_code=303)
        filters = {"quarter": quarter.strip(), "checkpoint": checkpoint[:100],
                   "outcome": outcome[:100], "child": child, "action": action[:100]}
        start = end = None
        if filters["quarter"]:
            try:
                parsed = parse_quarter(filters["quarter"])
            except QuarterError as error:
                raise _Forbidden(error.message) from None
            filters["quarter"] = str(parsed)
            start, end = parsed.start.isoformat(), parsed.end.isoformat()
        wanted = queries.CaseFilter(start, end, filters["checkpoint"] or None,
                                    filters["outcome"] or None,
                                    {"yes": True, "no": False}.get(child),
                                    filters["action"] or None)
        number = _page_number(page)
        cases.refresh_facts(engine)
        with engine.connect() as conn:
            rows, total = queries.cases(conn, wanted, PAGE_SIZE, (number - 1) * PAGE_SIZE)
            seen_checkpoints = queries.case_checkpoints(conn)
        outcomes = dict(cases.choices(cases.outcome_list()))
        actions = dict(cases.choices("action_taken"))
        known = dict(cases.checkpoint_codes())
        for code in seen_checkpoints:
            known.setdefault(code, code)
        query = urlencode({k: v for k, v in filters.items() if v})
        return render(request, "cases.html", cases=rows, total=total, page=number,
                      pages=max(1, -(-total // PAGE_SIZE)), filters=filters, query=query,
                      outcomes=outcomes, actions=actions, checkpoints=sorted(known.items()),
                      not_found=ref.strip() if ref.strip() else "")

    def _case(interview_id: str) -> dict[str, Any]:
        found = None
        if wire.is_uuid(interview_id):
            cases.refresh_facts(engine)
            with engine.connect() as conn:
                found = queries.case(conn, interview_id)
        if found is None:
            raise _Forbidden("central holds no such case")
        return found

    @app.get("/cases/{interview_id}")
    def case_page(request: Request, interview_id: str) -> Response:
        need(request)
        case = _case(interview_id)
        with engine.connect() as conn:
            trail = queries.audit_for(conn, interview_id)
        return render(request, "case.html", case=case, trail=trail,
                      outcomes=dict(cases.choices(cases.outcome_list())),
                      actions=dict(cases.choices("action_taken")))

    @app.get("/cases/{interview_id}/record.pdf")
    def case_record(request: Request, interview_id: str, lang: str = "sq") -> Response:
        staff = need(request)
        case = _case(interview_id)
        document = cases.record_pdf(engine, interview_id, "en" if lang == "en" else "sq")
        auth.record(engine, staff.name, "record_downloaded",
                    case["case_reference"] or interview_id)
        return _download(document, "application/pdf")

    # -- candidate repeat-victim matches ----------------------------------------------------

    @app.get("/matches")
    def match_page(request: Request, status: str = "pending", done: str | None = None
                   ) -> Response:
        need(request)
        if status not in (*matches.STATUSES, "all"):
            raise _Forbidden(f"status is one of {', '.join(matches.STATUSES)} or all")
        found = matches.list_candidates(central, None if status == "all" else status)
        cases.refresh_facts(engine)
        with engine.connect() as conn:
            references = queries.case_references(
                conn, [side["id"] for c in found for side in c["interviews"]])
        for candidate in found:
            for side in candidate["interviews"]:
                side["case_reference"] = references.get(side["id"], "")
        message = {"confirmed": "The match was confirmed: the later interview counts as a "
                                "repeat victim in the statistics.",
                   "rejected": "The match was rejected."}.get(done or "", "")
        return render(request, "matches.html", candidates=found, status=status,
                      statuses=(*matches.STATUSES, "all"), message=message,
                      outcomes=dict(cases.choices(cases.outcome_list())))

    def _decide(request: Request, match_id: str, decision: str) -> Response:
        staff = need(request, "decide_match")
        if not match_id.isdigit() or len(match_id) > 18:
            raise _Forbidden("there is no such candidate match")
        matches.decide(central, int(match_id), decision, staff.name)
        auth.record(engine, staff.name, f"match_{decision}", match_id)
        return RedirectResponse(f"{PREFIX}/matches?done={decision}", status_code=303)

    @app.post("/matches/{match_id}/confirm")
    def confirm_match(request: Request, match_id: str) -> Response:
        return _decide(request, match_id, "confirmed")

    @app.post("/matches/{match_id}/reject")
    def reject_match(request: Request, match_id: str) -> Response:
        return _decide(request, match_id, "rejected")

    # -- statistics -------------------------------------------------------------------------

    def _statistics_args(quarter: str, checkpoint: str, k: str, lang: str
                         ) -> tuple[Any, str | None, int | None, str]:
        try:
            parsed = parse_quarter(quarter)
        except QuarterError as error:
            raise _Forbidden(error.message) from None
        known = dict(cases.checkpoint_codes())
        code = checkpoint.strip().upper() or None
        if code and code not in known:
            raise _Forbidden(f"unknown checkpoint {checkpoint!r:.40}")
        threshold = None
        if k.strip():
            if not k.strip().isdigit() or not 2 <= int(k) <= 100:
                raise _Forbidden("the suppression threshold k is a whole number from 2 to 100")
            threshold = int(k)
        return parsed, code, threshold, "en" if lang == "en" else "sq"

    @app.get("/statistics")
    def statistics_page(request: Request, quarter: str = "", checkpoint: str = "",
                        k: str = "", lang: str = "sq") -> Response:
        need(request)
        today = dt.date.today()
        current = f"{today.year}Q{(today.month - 1) // 3 + 1}"
        summary = None
        if quarter:
            parsed, code, _threshold, lang = _statistics_args(quarter, checkpoint, k, lang)
            cases.refresh_facts(engine)
            with engine.connect() as conn:
                facts = queries.quarter_facts(conn, parsed.start.isoformat(),
                                              parsed.end.isoformat())
            summary = sum(1 for f in facts.values() if code is None or f.get("checkpoint") == code)
            quarter = str(parsed)
        query = urlencode({"quarter": quarter or current, "checkpoint": checkpoint,
                           "k": k, "lang": lang})
        return render(request, "statistics.html", quarter=quarter or current,
                      checkpoint=checkpoint, k=k, lang=lang, query=query,
                      checkpoints=cases.checkpoint_codes(), summary=summary)

    @app.get("/statistics/report.pdf")
    def statistics_pdf(request: Request, quarter: str = "", checkpoint: str = "",
                       k: str = "", lang: str = "sq") -> Response:
        staff = need(request)
        parsed, code, threshold, lang = _statistics_args(quarter, checkpoint, k, lang)
        pdf, _tables, _count = cases.quarterly(engine, parsed, checkpoint=code,
                                               suppress_below=threshold, lang=lang)
        auth.record(engine, staff.name, "report_downloaded", f"{parsed} {code or 'all'}")
        return _download(pdf, "application/pdf")

    @app.get("/statistics/tables.zip")
    def statistics_csv(request: Request, quarter: str = "", checkpoint: str = "",
                       k: str = "", lang: str = "sq") -> Response:
        staff = need(request)
        parsed, code, threshold, lang = _statistics_args(quarter, checkpoint, k, lang)
        _pdf, tables, _count = cases.quarterly(engine, parsed, checkpoint=code,
                                               suppress_below=threshold, lang=lang)
        auth.record(engine, staff.name, "tables_downloaded", f"{parsed} {code or 'all'}")
        return _download(tables, "application/zip")

    # -- static -----------------------------------------------------------------------------

    @app.get("/static/console.css")
    def stylesheet() -> Response:
        return Response((STATIC / "console.css").read_bytes(), media_type="text/css",
                        headers={"Cache-Control": "no-cache"})

    return app


def install(app: FastAPI, central: Central) -> None:
    """Serve the console at /console/ of ``app`` and send a browser opening / there."""
    app.mount(PREFIX, create_console(central))

    @app.get("/", include_in_schema=False)
    def _root() -> Response:
        return RedirectResponse(f"{PREFIX}/", status_code=307)

"""``/statistics``: the quarterly report PDF and its CSV tables (a zip) on central's data, each
download built alone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import Response
from sqlalchemy import Engine

from screening.central.cases.documents import Document
from screening.central.cases.forms import checkpoint_codes, standard_form
from screening.central.console import catalogue, render
from screening.central.console.context import Console, Forbidden
from screening.central.referrals import registry
from screening.central.staff import audit
from screening.central.staff.auth import Staff
from screening.central.staff.scope import Scope
from screening.central.statistics import report
from screening.central.statistics.charts import stacked
from screening.errors import QuarterError
from screening.questionnaire.scoring import outcome_label
from screening.reports.period import parse_period
from screening.reports.statistics import Quarter
from screening.reports.suppression import DEFAULT_K


def add_routes(app: FastAPI, console: Console) -> None:
    @app.get("/statistics")
    def statistics_page(request: Request, quarter: str = "", checkpoint: str = "",
                        k: str = "", lang: str = "") -> Response:
        staff = console.need(request, "see_statistics")
        lang = lang or console.language_of(request)  # the report's language: the page's
        today = dt.date.today()
        current = f"{today.year}Q{(today.month - 1) // 3 + 1}"
        summary, shown = None, {}
        if quarter:
            parsed, code, threshold, lang = _arguments(quarter, checkpoint, k, lang, staff)
            summary = report.interviews_in(console.engine, parsed, code, staff.scope)
            quarter = str(parsed)
            shown = _shown(console.engine, parsed, code, threshold,
                           console.language_of(request), staff.scope)
            if staff.may("see_referrals"):
                shown["referral_counts"], shown["referrals_overdue"] = registry.by_status(
                    console.engine, console.central.settings, scope=staff.scope)
            checkpoint = code or ""  # a limited account's forced filter is shown as chosen
        query = urlencode({"quarter": quarter or current, "checkpoint": checkpoint,
                           "k": k, "lang": lang})
        return console.render(request, "statistics.html", quarter=quarter or current,
                              checkpoint=checkpoint, k=k, report_lang=lang, query=query,
                              checkpoints=[(c, n) for c, n in checkpoint_codes(
                                  console.language_of(request)) if staff.scope.allows(c)],
                              summary=summary, **shown)

    def download(request: Request, period: str, checkpoint: str, k: str, lang: str,
                 build: Callable[..., Document], action: str, media: str,
                 note: str = "") -> Response:
        """One download: the same arguments, the same checks, one audit row."""
        staff = console.need(request, "see_statistics")
        parsed, code, threshold, lang = _arguments(period, checkpoint, k, lang, staff)
        made = build(console.engine, parsed, checkpoint=code, suppress_below=threshold,
                     lang=lang, scope=staff.scope)
        audit.record_alone(console.engine, staff.name, action,
                           f"{parsed} {code or 'all'}{note}")
        return render.download(made, media)

    @app.get("/statistics/report.pdf")
    def statistics_pdf(request: Request, quarter: str = "", checkpoint: str = "",
                       k: str = "", lang: str = "sq") -> Response:
        return download(request, quarter, checkpoint, k, lang, report.report_pdf,
                        "report_downloaded", "application/pdf")

    @app.get("/statistics/tables.zip")
    def statistics_csv(request: Request, quarter: str = "", checkpoint: str = "",
                       k: str = "", lang: str = "sq") -> Response:
        return download(request, quarter, checkpoint, k, lang, report.tables_zip,
                        "tables_downloaded", "application/zip")

    @app.get("/statistics/tables.xlsx")
    def statistics_xlsx(request: Request, quarter: str = "", checkpoint: str = "",
                        k: str = "", lang: str = "sq") -> Response:
        return download(request, quarter, checkpoint, k, lang, report.workbook,
                        "tables_downloaded", "application/vnd.openxmlformats-officedocument."
                                             "spreadsheetml.sheet", note=" xlsx")

    @app.get("/statistics/cases.csv")
    def statistics_cases(request: Request, quarter: str = "", checkpoint: str = "",
                         k: str = "", lang: str = "sq") -> Response:
        # the anonymised cases are k-anonymised on their own (k = 11): no threshold, no language
        return download(request, quarter, checkpoint, k, lang, _cases, "cases_exported",
                        "text/csv; charset=utf-8")


def _shown(engine: Engine, period: Quarter, code: str | None, threshold: int | None,
           lang: str, scope: Scope) -> dict[str, Any]:
    """The tables, the chart and the dashboard of the page, in the page's language."""
    tables, chart = report.shown_tables(engine, period, checkpoint=code,
                                        suppress_below=threshold, lang=lang, scope=scope)
    weekly = report.dashboard(engine, period, code, scope)
    form, _reference = standard_form()
    per_week = stacked(catalogue.text(lang, "statistics.per_week"),
                       [(render.day(week.isoformat(), lang), [weekly.count(week, c)
                                                     for c in weekly.checkpoints],
                         str(weekly.week_total(week))) for week in weekly.weeks],
                       list(weekly.checkpoints))
    outcomes = [(outcome_label(form, o, lang), n) for o, n in weekly.outcomes.items()]
    return {"tables": tables, "chart": chart, "dashboard": weekly, "week_chart": per_week,
            "outcome_rows": outcomes}


def _cases(engine: Engine, period: Quarter, *, checkpoint: str | None, scope: Scope,
           **_unused: object) -> Document:
    return report.htcds_csv(engine, period, checkpoint=checkpoint, scope=scope)


def _arguments(quarter: str, checkpoint: str, k: str, lang: str, staff: Staff
               ) -> tuple[Quarter, str | None, int | None, str]:
    """(quarter, checkpoint code or None, suppression threshold or None, language). An account
    outside the Responsible Authority (a ministry's) reads published figures only: small
    counts are always suppressed for it, at least at the default threshold. An account
    limited to checkpoints has the filter forced: another checkpoint is refused as unknown,
    and it gets its first when none is asked for (a checkpoint's report, as anyone gets it for
    that checkpoint: no national total is shown)."""
    try:
        parsed = parse_period(quarter)
    except QuarterError:
        raise Forbidden("refused.quarter") from None
    code = checkpoint.strip().upper() or staff.scope.first()
    if code and (code not in dict(checkpoint_codes()) or not staff.scope.allows(code)):
        raise Forbidden("refused.checkpoint", checkpoint=checkpoint[:40])
    threshold = None
    if k.strip():
        if not k.strip().isdigit() or not 2 <= int(k) <= 100:
            raise Forbidden("refused.k")
        threshold = int(k)
    if not staff.may("see_cases"):
        threshold = max(threshold or 0, DEFAULT_K)
    return parsed, code, threshold, "en" if lang == "en" else "sq"

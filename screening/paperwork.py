"""Documents from the store: the referral slip, the interview record and the quarterly report;
and the information leaflet, which holds nothing about any person (no password, no audit).

The command line and the desktop client both come here, so the rules are the same in both: the
role and a recent password are checked before anything is read, a slip needs a finished
interview, and the audit log records that personal data left the store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from screening import config, lifecycle
from screening.errors import ReportError
from screening.questionnaire.reference import Reference, load_reference
from screening.reports.casefile import CaseFile, build_case_file
from screening.reports.csvexport import tables_csv
from screening.reports.leaflet import build_leaflet
from screening.reports.period import Period
from screening.reports.quarterly import render_quarterly
from screening.reports.record import build_record
from screening.reports.slip import build_slip
from screening.reports.statistics import Facts, compute, facts_from_interview
from screening.reports.trend import trend_start
from screening.reports.xlsxexport import tables_xlsx
from screening.store.session import StoreSession


@dataclass
class Document:
    pdf: bytes
    case_reference: str = ""
    notes: list[str] = field(default_factory=list)  # worth telling the person, not errors
    tables: dict[str, bytes] = field(default_factory=dict)  # CSV files of a report
    interviews: int = 0
    xlsx: bytes = b""  # the tables of a report as one workbook, when asked for
    uncounted: int = 0  # interviews of the period whose personal data was purged


def leaflet(reference: Reference) -> Document:
    """The information leaflet from the reference data in use; its words from the bundled
    default when central has published none yet (the numbers and organisations stay the
    ones in use)."""
    default = () if reference.leaflet else \
        load_reference(config.reference_dir_for(config.standard_form_path())).leaflet
    return Document(pdf=build_leaflet(reference, default))


def slip(session: StoreSession, interview: str) -> Document:
    session.check_allowed("slip_printed")  # an officer is refused before anything is read
    case = case_file(session, interview)
    if lifecycle.is_editable(case.status):
        # a slip hands the person over to an organisation: only on a finished interview
        raise ReportError(code="not_finalised", reference=case.case_reference)
    form, reference = session.forms.for_version(case.form_id, case.form_version)
    pdf = build_slip(case, form, reference)
    session.record_event("slip_printed", case.id)
    return Document(pdf, case.case_reference)


def record(session: StoreSession, interview: str, lang: str) -> Document:
    session.check_allowed("record_printed")
    case = case_file(session, interview)
    form, reference = session.forms.for_version(case.form_id, case.form_version)
    pdf = build_record(case, form, reference, lang=lang)
    session.record_event("record_printed", case.id)
    return Document(pdf, case.case_reference)


def case_file(session: StoreSession, interview: str) -> CaseFile:
    """What the slip and the record of one interview are built from (its UUID or case
    reference), by the same builder central uses."""
    return build_case_file(*session.printable(interview))


def quarterly(session: StoreSession, quarter: Period, *, checkpoint: str | None,
              suppress_below: int | None, lang: str, with_csv: bool,
              with_xlsx: bool = False) -> Document:
    """The statistics report of a period (quarter, half-year or year)."""
    if suppress_below is not None and suppress_below < 2:
        raise ReportError(code="suppression_invalid", minimum=2)
    form, reference = session.forms.for_new_interview()  # the newest words for the tables
    checkpoint = known_checkpoint(checkpoint, reference)
    session.check_allowed("report_exported")
    start = trend_start(quarter)
    statistics = compute(_facts(session, start, quarter.end), quarter,
                         checkpoint=checkpoint, checkpoints=tuple(reference.checkpoints))
    # purged interviews are known by count only, and only for the whole station
    uncounted = session.purged_between(quarter.start, quarter.end) if checkpoint is None else 0
    pdf = render_quarterly(statistics, form, reference, suppress_below=suppress_below, lang=lang,
                           uncounted=uncounted, with_trend=True)
    tables = tables_csv(statistics, form, reference, suppress_below=suppress_below,
                        lang=lang) if with_csv else {}
    xlsx = tables_xlsx(statistics, form, reference, suppress_below=suppress_below,
                       lang=lang) if with_xlsx else b""
    detail = {"quarter": str(quarter), "checkpoint": checkpoint,
              "suppress_below": suppress_below, "interviews": statistics.interviews,
              "csv": bool(tables)}
    if with_xlsx:
        detail["xlsx"] = True
    session.record_export("report_exported", detail)
    return Document(pdf, tables=tables, interviews=statistics.interviews, xlsx=xlsx,
                    uncounted=uncounted)


def known_checkpoint(code: str | None, reference: Reference) -> str | None:
    if code is None:
        return None
    wanted = code.strip().upper()
    if wanted not in reference.checkpoints:
        raise ReportError(code="checkpoint_unknown", checkpoint=code,
                          known=list(reference.checkpoints))
    return wanted


def _facts(session: StoreSession, start: dt.date, end: dt.date) -> Iterator[Facts]:
    for interview in session.interviews_started_between(start, end):
        # each interview is counted with the form version it was made with
        form, reference = session.forms.for_version(interview.form_id, interview.form_version)
        yield facts_from_interview(interview.answers, form, reference,
                                   started_at=_local(interview.created_at))


def _local(moment: str) -> dt.datetime:
    # the engine works in the station's local time, without a zone, as the officer saw it
    return dt.datetime.fromisoformat(moment).astimezone().replace(tzinfo=None)

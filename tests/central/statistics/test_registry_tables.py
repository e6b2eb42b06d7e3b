"""Tables 18-22 from central's case registry, on SQLite and PostgreSQL: varied people referred
to shelters at the checkpoint, admitted, leaving or expected to leave as the shelter records
it, identified formally or not by the Responsible Authority — counted with their totals in the
CSV files, the workbook, the console's tables and the PDF in both languages, small cells
hidden under disclosure control."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass

import pytest
from openpyxl import load_workbook

from screening.central.referrals import casework, registry
from screening.central.referrals.access import Actor
from screening.central.referrals.registry import Step
from screening.central.statistics import report
from screening.reports.period import parse_period
from tests.answer_sets import with_yes
from tests.central.conftest import enrol_station
from tests.central.console.helpers import adult, child, interview_record, pdf_text
from tests.central.referrals.cases import approved, send

RA = Actor("besa", "caseworker")
Q3, Q4 = parse_period("2026Q3"), parse_period("2026Q4")


@dataclass(frozen=True)
class Person:
    """One returnee referred to a shelter, and what became of the referral."""

    given: str
    sex: str
    born: str
    nationality: str
    exploited_in: str
    day: str  # the interview's, in 2026
    suspected: bool = True
    admitted: str | None = None
    left: str | None = None
    expected: str | None = None
    status: str | None = None  # the formal decision
    witness: str = "unknown"
    permit: str = ""


PEOPLE = (
    Person("Ana", "female", "1999-03-01", "AL", "GB", "07-03", admitted="07-05",
           left="07-20", status="identified_victim", witness="yes"),  # a 2-week stay
    Person("Blerina", "female", "2009-01-10", "AL", "IT", "07-10", admitted="07-11",
           expected="2027-03-01", status="potential_victim"),  # still there: 7-8 months
    Person("Chidi", "male", "1985-06-30", "NG", "IT", "08-01", admitted="08-02",
           left="10-15", status="identified_victim", witness="no", permit="granted"),
    Person("Dritan", "male", "1994-11-11", "AL", "GR", "08-15", admitted="08-16"),
    Person("Elona", "female", "2002-02-02", "XK", "DE", "09-20", admitted="09-29",
           expected="2026-12-20", status="identified_victim", permit="applied"),
    Person("Fatima", "female", "1990-04-04", "PK", "GB", "09-28", admitted="10-02",
           expected="2027-06-01"),  # admitted in the next quarter: counted there
    Person("Gent", "male", "1988-08-08", "AL", "GR", "07-22", suspected=False,
           status="identified_victim"),  # identified although not suspected at the border
    Person("Hana", "female", "1975-12-12", "AL", "IT", "08-30", status="not_victim"),
)


def answers(person: Person) -> dict:
    facts = {"given_name": person.given, "sex": person.sex, "date_of_birth": person.born,
             "nationality": person.nationality, "country_of_exploitation": person.exploited_in,
             "interview_started_at": f"2026-{person.day}T10:00:00"}
    if person.nationality != "AL":  # a foreign national is told of both (the form asks)
        facts |= {"reflection_period_explained": "yes", "residence_permit_explained": "yes"}
    shelter = {"action_taken": "referred_shelter", "referral_organisation": "nrcvt",
               "referral_urgent": "no"}
    if not person.suspected:
        return adult(**facts)
    young = person.born >= "2008"
    base = child if young else adult
    extra = {"child_unaccompanied": "no"} if young else {}
    return with_yes(base(**facts, **extra, officer_outcome="suspected_victim", **shelter),
                    "ind_recruit_violence")


@pytest.fixture
def registered(central):
    station = enrol_station(central, "TIA")
    ids = {}
    for seq, person in enumerate(PEOPLE, 1):
        record = approved(answers(person), seq=seq)
        record.update(interview_record(answers(person), seq=seq,
                                       created_at=f"2026-{person.day}T11:00:00+00:00",
                                       interview_id=record["id"]) | {"status": "approved"})
        send(central, station, record)
        ids[person.given] = record["id"]
    shelter = Actor("drita", "partner", "nrcvt")
    rows, _total = registry.listing(central.engine, RA, organisation="nrcvt")
    by_interview = {row["interview_id"]: row["id"] for row in rows}
    for person in PEOPLE:
        if person.admitted:
            referral = by_interview[ids[person.given]]
            steps = [Step("accepted"), Step("arrived", day=f"2026-{person.admitted}"),
                     Step("admitted", day=f"2026-{person.admitted}")]
            if person.left:
                steps.append(Step("exited", day=f"2026-{person.left}"))
            if person.expected:
                steps.append(Step("exit_expected", day=person.expected))
            for step in steps:
                registry.record(central.engine, referral, step, shelter)
        if person.status:
            casework.identify(central.engine, ids[person.given], casework.Identification(
                person.status, "2026-11-01", "the case file", person.witness, "",
                person.permit), RA)
    return central


def csv_tables(central, period, k=None, lang="en") -> dict[str, dict[str, list[str]]]:
    found = report.tables_zip(central.engine, period, checkpoint=None, suppress_below=k,
                              lang=lang)
    tables = {}
    with zipfile.ZipFile(io.BytesIO(found.content)) as archive:
        for name in archive.namelist():
            rows = list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
            tables[name.split("_", 2)[1]] = {line[0]: line[1:] for line in rows}
    return tables


def test_the_shelter_and_identification_tables_count_the_registry(registered):
    tables = csv_tables(registered, Q3)
    for number in ("18", "19", "20", "21"):  # five people admitted in the quarter
        assert tables[number]["Total"][-1] == "5"
    nationality = tables["18"]
    assert nationality["Albania · Female"][-1] == "2" and nationality["Nigeria · Male"] == \
        ["0", "0", "0", "0", "1", "1"]  # 41 years old: 35+
    stay = tables["19"]
    columns = stay[next(iter(stay))]  # the title line names the columns
    assert "Actual (the person left) · Under 1 month" in columns
    assert "Anticipated (still in the shelter) · 6–12 months" in columns
    assert "Anticipated (still in the shelter) · No exit date" in columns  # Dritan
    by_column = dict(zip(columns, stay["Total"], strict=True))
    assert by_column["Actual (the person left) · Under 1 month"] == "1"  # Ana
    assert by_column["Actual (the person left) · 1–3 months"] == "1"  # Chidi, 74 days
    assert by_column["Anticipated (still in the shelter) · 6–12 months"] == "1"  # Blerina
    assert by_column["Anticipated (still in the shelter) · 1–3 months"] == "1"  # Elona
    assert by_column["Anticipated (still in the shelter) · No exit date"] == "1"
    permits = tables["20"]
    permit_columns = permits[next(iter(permits))]
    granted = permit_columns.index("Permit granted")
    assert permits["Not a witness"][granted] == "1"  # Chidi, from Nigeria
    assert permits["Total"][permit_columns.index("Permit applied for")] == "1"  # Elona
    assert permits["Total"][permit_columns.index("Albanian citizen (not applicable)")] == "3"
    assert permits["Not recorded"][-1] == "1"  # Dritan: no decision recorded
    assert tables["21"]["Total"] == ["4", "1", "5"]  # Blerina is a child
    formal = tables["22"]
    assert formal["Identified victim of trafficking (formal status)"][-1] == "3"
    assert formal["Potential victim of trafficking (formal status)"][-1] == "1"
    assert formal["Not a victim of trafficking (formal decision)"][-1] == "1"  # Hana
    assert formal["Suspected at screening only: no formal decision yet"][-1] == "2"
    assert formal["Formally identified as a victim or potential victim, not suspected at "
                  "screening"][-1] == "1"  # Gent
    assert formal["Total"][-1] == "8"
    assert csv_tables(registered, Q4)["18"]["Total"][-1] == "1"  # Fatima, admitted in October
    year = csv_tables(registered, parse_period("2026"))
    assert year["18"]["Total"][-1] == "6" and year["22"]["Total"][-1] == "8"


def test_small_cells_are_hidden_and_the_words_are_in_both_languages(registered):
    protected = csv_tables(registered, Q3, k=5, lang="sq")
    shelter = protected["18"]
    assert shelter["Gjithsej"][-1] == "5"  # five: published
    body = list(shelter.items())[1:-1]  # below the title line, above the totals
    assert body and all(value in ("0", "x") for _label, line in body for value in line)
    assert "x" in protected["22"]["Gjithsej"]
    book = load_workbook(io.BytesIO(report.workbook(
        registered.engine, Q3, checkpoint=None, suppress_below=5, lang="en").content))
    assert {"18_shelter_nationality_sex_age", "22_identified_and_suspected"} <= \
        set(book.sheetnames)
    shown, _chart = report.shown_tables(registered.engine, Q3, checkpoint=None,
                                        suppress_below=5, lang="sq")
    titles = [t.title for t in shown]
    assert titles[-5].startswith("18. Persona të strehuar në qendra strehimi")
    assert titles[-1].startswith("22. Viktima të identifikuara formalisht")
    for lang, words in (("sq", "leja e përkohshme e qëndrimit"),
                        ("en", "temporary residence permit")):
        text = " ".join(pdf_text(report.report_pdf(
            registered.engine, Q3, checkpoint=None, suppress_below=5, lang=lang).content
        ).split())
        assert words in text and "Tabelat 18–21 numërojnë" in text
        assert "Tables 18–21 count each person" in text

"""CSV export of every statistics table, as printed (suppression included).

Files are UTF-8 with a byte-order mark: without it, Excel on Windows shows Albanian letters
(ë, ç) as garbage. The first column names the row; the last row and column are the totals.
"""

from __future__ import annotations

import csv
import io

from screening.questionnaire.model import Form
from screening.questionnaire.reference import Reference
from screening.reports.disclosure import protect
from screening.reports.labels import Labeller
from screening.reports.statistics import REGISTRY_TABLES, Statistics
from screening.reports.suppression import Masked, check_threshold, unmasked
from screening.reports.wording import word

FILE_NAMES = {"t1": "1_screened_by_checkpoint", "t2": "2_outcome_by_age_group_and_sex",
              "t3": "3_action_by_outcome", "t4": "4_victims_by_nationality_sex_age",
              "t5": "5_victims_by_country_and_sector", "t6": "6_new_and_repeat_victims",
              "t7": "7_returnees_by_country_and_return_mode",
              "chart": "8_outcomes_by_checkpoint", "t9": "9_action_by_age_group_and_sex",
              "t10": "10_albanian_and_foreign", "t11": "11_children_greece_agreement",
              "t12": "12_unaccompanied_children", "t13": "13_declined_interview",
              "t14": "14_same_sex_interviewer_offered",
              "t15": "15_returns_notified_in_advance", "t16": "16_met_on_arrival",
              "t17": "17_referrals_by_type", "t18": "18_shelter_nationality_sex_age",
              "t19": "19_shelter_country_and_stay", "t20": "20_shelter_witness_and_permit",
              "t21": "21_shelter_new_and_repeat", "t22": "22_identified_and_suspected"}


def tables_csv(statistics: Statistics, form: Form, reference: Reference, *,
               suppress_below: int | None = None, lang: str = "en") -> dict[str, bytes]:
    """File name -> CSV bytes for each table of ``statistics`` (and the chart's table)."""
    names = Labeller(form, reference, lang)
    return {f"{statistics.period}_{FILE_NAMES.get(tid, tid)}.csv": table_csv(masked, names)
            for tid, masked in printed(statistics, suppress_below).items()}


def printed(statistics: Statistics, suppress_below: int | None) -> dict[str, Masked]:
    """Table id -> the table as every export prints it: with disclosure control when
    ``suppress_below`` is given (screening/reports/disclosure.py), else every count."""
    if suppress_below:
        check_threshold(suppress_below)
        found = protect(statistics, suppress_below)
    else:
        found = {t.id: unmasked(t) for t in (*statistics.tables, statistics.chart)}
    if not statistics.registry:  # a workstation: the case registry's tables are central's
        found = {tid: m for tid, m in found.items() if tid not in REGISTRY_TABLES}
    return found


def table_csv(masked: Masked, names: Labeller) -> bytes:
    table, total = masked.table, word("total", names.lang)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([names.title(table), *names.columns(table), total])
    for label, texts in zip([*names.rows(table), total], masked.texts(), strict=True):
        writer.writerow([label, *texts])
    return buffer.getvalue().encode("utf-8-sig")

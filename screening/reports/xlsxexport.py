"""The statistics tables as one Excel workbook: a sheet per table, as printed (the same
disclosure control as the CSV files and the PDF: screening/reports/csvexport.printed).

Counts are numbers, so a partner's spreadsheet can add them up; a hidden cell is the text "x".
"""

from __future__ import annotations

import io

from screening.questionnaire.model import Form
from screening.questionnaire.reference import Reference
from screening.reports.csvexport import FILE_NAMES, printed
from screening.reports.labels import Labeller
from screening.reports.statistics import Statistics
from screening.reports.wording import word

_SHEET_NAME = 31  # Excel's longest sheet name


def tables_xlsx(statistics: Statistics, form: Form, reference: Reference, *,
                suppress_below: int | None = None, lang: str = "en") -> bytes:
    """The workbook's bytes: one sheet per table of ``statistics`` (and the chart's table)."""
    from openpyxl import Workbook  # lazily: only an export needs it
    from openpyxl.styles import Font

    names = Labeller(form, reference, lang)
    total = word("total", lang)
    book = Workbook()
    book.remove(book.active)
    tables = printed(statistics, suppress_below)
    for tid in sorted(tables, key=sheet_number):
        masked = tables[tid]
        sheet = book.create_sheet(FILE_NAMES.get(tid, tid)[:_SHEET_NAME])
        table = masked.table
        sheet.append([names.title(table), *names.columns(table), total])
        for label, texts in zip([*names.rows(table), total], masked.texts(), strict=True):
            sheet.append([label, *[int(t) if t.isdigit() else t for t in texts]])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.column_dimensions["A"].width = 48
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def sheet_number(tid: str) -> int:
    """The sheets in the tables' numbers, the chart's table (8) between 7 and 9."""
    return int(FILE_NAMES.get(tid, "99").split("_")[0])

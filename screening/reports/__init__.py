"""Printed documents, built with reportlab from plain data and returned as PDF bytes, so the
desktop client and the central service share them:

- :func:`screening.reports.slip.build_slip` — the one-page bilingual referral slip;
- :func:`screening.reports.record.build_record` — the interview record for the case file;
- :func:`screening.reports.quarterly.build_quarterly_report` and
  :func:`screening.reports.csvexport.tables_csv` — the quarterly statistics of
  docs/questionnaire-standard.md §5, counted by :mod:`screening.reports.statistics`.

This package imports only ``screening.questionnaire``, ``screening.config`` and
``screening.errors`` (an import-linter contract keeps it so).
"""

"""A finding about a form definition: which file, where in it, what is wrong."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FormProblem:
    file: str
    where: str  # "question 'age_years'", "section 'C'", "choice list 'sex'", "line 12", "form"
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.where}: {self.message}"


def question(question_id: str) -> str:
    return f"question '{question_id}'"


def section(section_id: str) -> str:
    return f"section '{section_id}'"

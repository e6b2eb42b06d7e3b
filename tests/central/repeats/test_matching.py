"""The matching rule on its own: normalised names and document numbers, and when two
identities are a candidate pair."""

from __future__ import annotations

import pytest

from screening.central.repeats import matching
from screening.central.repeats.matching import Person, document_key, name_key, reason


def person(pid: str, names: tuple[str, str] = ("Arbën", "Hoxha"), *, born: str | None = None,
           age: int | None = None, doc: str | None = None,
           at: str = "2026-07-01T10:00:00") -> Person:
    answers = {"given_name": names[0], "family_name": names[1], "interview_started_at": at}
    answers.update({k: v for k, v in (("date_of_birth", born), ("age_estimate", age),
                                      ("id_document_number", doc)) if v is not None})
    return matching.person_from_record({"id": pid, "answers": answers})


@pytest.mark.parametrize(("one", "other"), [
    (("Arbën", "Hoxha"), ("Arben", "Hoxha")),  # ë/e
    (("Ardit", "Çela"), ("Ardit", "Cela")),  # ç/c
    (("Ardit", "Çela"), ("ARDIT", "CHELA")),  # ç as English "ch"
    (("Arben", "Hoxha"), ("Hoxha", "Arben")),  # swapped given and family name
    (("Xhafer", "Shehu"), ("Xafer", "Sehu")),  # xh/x, sh/s
    (("Gjergj", "Kastrioti"), ("Gergj", "Kastrioti")),  # gj/g
    (("Ilir", "Llalla"), ("Ilir", "Lala")),  # ll/l
    (("Dritë", "Berisha-Marku"), ("drite", "marku berisha")),  # hyphen, case, order
    (("  Arben ", "Hoxha "), ("Arben", "Hoxha")),  # stray spaces
])
def test_spellings_of_one_name_have_one_key(one, other):
    assert name_key(*one) == name_key(*other)


@pytest.mark.parametrize(("one", "other"), [
    (("Arben", "Hoxha"), ("Arbena", "Hoxha")),
    (("Arben", "Hoxha"), ("Arben", "Hoxha Berisha")),
    (("Ana", "Kola"), ("Ana", "Kolë Marku")),
])
def test_different_names_have_different_keys(one, other):
    assert name_key(*one) != name_key(*other)


def test_no_name_has_no_key():
    assert name_key(None, "") is None and name_key("  ", "-") is None


@pytest.mark.parametrize("written", ["AB 123-456", "ab123456", " Ab-123 456 ", "AB.123/456"])
def test_document_numbers_are_compared_without_formatting(written):
    assert document_key(written) == "AB123456"


def test_placeholders_are_not_document_numbers():
    assert document_key("-") is None and document_key("n/a") is None
    assert document_key(None) is None and document_key(12345) is None


def test_the_same_document_number_matches_whatever_the_names():
    assert reason(person("a", ("Arben", "Hoxha"), doc="AB 123 456"),
                  person("b", ("Ben", "Smith"), doc="ab-123456")) == matching.DOCUMENT


@pytest.mark.parametrize(("first", "second", "expected"), [
    ("1990-05-01", "1990-05-01", matching.NAME_BIRTH_DATE),
    ("1990-05-01", "1991-05-01", matching.NAME_BIRTH_DATE),  # a year apart
    ("1990-05-01", "1989-05-02", matching.NAME_BIRTH_DATE),
    ("1990-05-01", "1991-06-01", None),  # more than a year apart
    ("1990-05-01", "1985-05-01", None),
])
def test_the_same_name_matches_with_a_close_date_of_birth(first, second, expected):
    assert reason(person("a", ("Arbën", "Hoxha"), born=first),
                  person("b", ("Hoxha", "Arben"), born=second)) == expected


def test_without_a_date_of_birth_the_stated_ages_decide():
    in_2024 = person("a", age=30, at="2024-03-01T09:00:00")
    assert reason(in_2024, person("b", age=32, at="2026-03-01T09:00:00")) == matching.NAME_AGE
    assert reason(in_2024, person("c", age=31, at="2024-04-01T09:00:00")) == matching.NAME_AGE
    assert reason(in_2024, person("d", age=36, at="2024-04-01T09:00:00")) is None
    assert reason(in_2024, person("e", born="1993-01-01")) == matching.NAME_AGE  # 1994 vs 1993
    assert reason(in_2024, person("f", born="1980-01-01")) is None
    assert reason(person("g"), person("h")) is None  # nothing to compare


def test_a_name_alone_or_another_name_is_no_match():
    assert reason(person("a", born="1990-05-01"),
                  person("b", ("Besa", "Hoxha"), born="1990-05-01")) is None
    assert reason(person("a", born="1990-05-01"), person("a", born="1990-05-01")) is None


def test_the_earlier_interview_comes_first():
    late, early = person("a", at="2026-09-01T00:00:00"), person("b", at="2026-01-01T00:00:00")
    assert matching.ordered(late, early) == (early, late)

"""Both command lines end the same way: a message and an exit code, never a traceback or a
library's own words."""

from __future__ import annotations

import argparse

import pytest

from screening import commandline
from screening.errors import ScreeningError


def parser_running(handler) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="x")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("go").set_defaults(handler=handler)
    return parser


def fails(error: BaseException):
    def handler(_args):
        raise error
    return handler


def test_a_refusal_is_its_message_with_or_without_its_code(capsys):
    parser = parser_running(fails(ScreeningError("no such interview", code="not_found")))
    assert commandline.run(parser, ["go"]) == commandline.REFUSED
    assert capsys.readouterr().err == "error: no such interview\n"
    assert commandline.run(parser, ["go"], show_code=True) == commandline.REFUSED
    assert capsys.readouterr().err == "error: no such interview [not_found]\n"


def test_an_unexpected_failure_names_its_kind_but_not_its_words(capsys, monkeypatch):
    monkeypatch.delenv("SCREENING_DEBUG", raising=False)
    parser = parser_running(fails(ValueError("Arben Hoxha, born 2009-08-01")))
    assert commandline.run(parser, ["go"]) == commandline.INTERNAL
    said = capsys.readouterr().err
    assert "ValueError" in said and "nothing was changed" in said
    assert "Arben" not in said and "Traceback" not in said


def test_a_program_can_put_a_further_failure_in_words(capsys):
    parser = parser_running(fails(OSError("disk full: /secret/path")))
    said = commandline.run(parser, ["go"], explain=lambda e: "the disk is full"
                           if isinstance(e, OSError) else None)
    assert said == commandline.REFUSED
    assert capsys.readouterr().err == "error: the disk is full\n"


def test_interrupted_and_no_command(capsys):
    assert commandline.run(parser_running(fails(KeyboardInterrupt())), ["go"]) == 130
    assert "interrupted" in capsys.readouterr().err
    assert commandline.run(parser_running(fails(KeyboardInterrupt())), []) == 0


def test_a_developer_still_gets_the_traceback_when_asking(monkeypatch):
    monkeypatch.setenv("SCREENING_DEBUG", "1")
    with pytest.raises(ValueError):
        commandline.run(parser_running(fails(ValueError("x"))), ["go"])

"""The desktop's command line: the usual forms read without building an ArgumentParser give
exactly what argparse gives, and everything else is argparse's to explain or refuse."""

from __future__ import annotations

import pytest

from screening.ui.app import _parser, parse_arguments

SAME = [
    [],
    ["--data-dir", "/srv/screening"],
    ["--data-dir=/srv/screening", "--lang=en"],
    ["--lang", "sq", "--smoke-test", "--data-dir", "dossier avec espace"],
    ["--data-dir", "/a", "--data-dir", "/b"],  # the last one counts, as in argparse
    ["--data-dir="],  # empty: the default folder
    ["--data-dir", "C:\\Përdoruesit\\Ξένια\\данные"],
    # handed to argparse: an abbreviation, Qt's own options, a value that looks like an
    # option, the end-of-options marker, a stray word
    ["--data", "/srv/x"],
    ["-platform", "offscreen", "--lang", "en"],
    ["--data-dir", "-5"],
    ["--", "--lang", "en"],
    ["stray", "--smoke-test"],
]


@pytest.mark.parametrize("argv", SAME)
def test_the_same_options_as_argparse(argv):
    assert parse_arguments(argv) == _parser().parse_known_args(argv)[0]


@pytest.mark.parametrize("argv", [["--lang", "de"], ["--lang=fr"], ["--data-dir"],
                                  ["--lang"], ["--smoke-test=yes"], ["--help"]])
def test_what_argparse_refuses_or_explains_it_still_does(argv, capsys):
    with pytest.raises(SystemExit) as refused:
        parse_arguments(argv)
    assert refused.value.code == (0 if argv == ["--help"] else 2)
    said = capsys.readouterr()
    assert "screening-desktop" in said.out + said.err  # argparse's usage line, not a traceback

"""How a command of the project ends, for ``screening`` and ``screening-central`` alike: every
failure a message a person can act on and an exit code, never a traceback or a library's own
words (``SCREENING_DEBUG=1`` lets a developer see the traceback when reporting a bug). The words
come from ``screening.messages`` in the language of a global ``--lang`` (``dest="messages_lang"``),
English when the command has none or it was not given."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from screening import messages
from screening.errors import ScreeningError

# 1: refused or failed as the message says; 2: the project's own fault; 130: Ctrl-C
REFUSED, INTERNAL, INTERRUPTED = 1, 2, 130
# A further kind of failure a program knows how to put in words (central: its database)
Explainer = Callable[[BaseException], str | None]


def run(parser: argparse.ArgumentParser, argv: Sequence[str] | None, *,
        show_code: bool = False, explain: Explainer = lambda _error: None) -> int:
    """Parse ``argv`` and run the chosen subcommand's ``handler``; its exit code."""
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0 if args.command is None else 2
    lang = getattr(args, "messages_lang", None) or "en"
    try:
        return int(args.handler(args) or 0)
    except ScreeningError as error:
        suffix = f" [{error.code}]" if show_code else ""
        return _say(messages.text("cli.error", lang, message=error.in_language(lang)) + suffix,
                    REFUSED)
    except KeyboardInterrupt:
        return _say(messages.text("cli.interrupted", lang), INTERRUPTED)
    except BrokenPipeError:  # the reader went away (| head): nothing left to tell
        return REFUSED
    except Exception as error:  # the last line of defence
        if os.environ.get("SCREENING_DEBUG"):
            raise
        known = explain(error)
        if known is not None:
            return _say(messages.text("cli.error", lang, message=known), REFUSED)
        return _say(messages.text("cli.internal", lang, kind=type(error).__name__), INTERNAL)


def _say(message: str, code: int) -> int:
    print(message, file=sys.stderr)
    return code

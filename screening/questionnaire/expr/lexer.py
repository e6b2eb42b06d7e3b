"""Turns expression text into tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass


class LexError(ValueError):
    """Raised with the column of the first character that is not part of any token."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.column = column


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # NUMBER STRING REF DOT NAME OP LPAREN RPAREN COMMA END
    text: str
    column: int


_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<NUMBER>\d+(?:\.\d+)?|\.\d+)
  | (?P<STRING>'[^']*'|"[^"]*")
  | (?P<REF>\$\{[^}]*\})
  | (?P<OP>!=|<=|>=|=|<|>|\+|-|\*)
  | (?P<LPAREN>\()
  | (?P<RPAREN>\))
  | (?P<COMMA>,)
  | (?P<NAME>[A-Za-z_][A-Za-z0-9_-]*)
  | (?P<DOT>\.)
    """,
    re.VERBOSE,
)

_REF_NAME_RE = re.compile(r"[a-z][a-z0-9_]*\Z")


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens, ending with an END token."""
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN_RE.match(text, pos)
        if match is None:
            if text[pos] in "'\"":
                raise LexError("text in quotes is not closed", pos + 1)
            raise LexError(f"unexpected character {text[pos]!r}", pos + 1)
        kind = match.lastgroup or ""  # every alternative of the pattern is a named group
        if kind != "ws":
            value = match.group()
            if kind == "REF":
                name = value[2:-1].strip()
                if not _REF_NAME_RE.match(name):
                    raise LexError(f"{value} is not a valid question reference", pos + 1)
                value = name
            tokens.append(Token(kind, value, pos + 1))
        pos = match.end()
    tokens.append(Token("END", "", len(text) + 1))
    return tokens

"""One interview's personal data sealed under its officer's data key (docs/design.md §7.1).

Each sealed column names its place as associated data: the interview's id, the revision it was
sealed at and the column. A sealed value copied to another interview, another column or put
back from an older revision does not open."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from screening.crypto import RecordCipher
from screening.errors import StoreDamagedError

ANSWERS, ASSESSMENT, NAME = "answers", "assessment", "name"


@dataclass(frozen=True)
class SealedColumns:
    """The sealed columns of one row, as stored."""

    key_id: int
    answers: bytes | None
    assessment: bytes | None
    name: bytes | None
    name_revision: int | None


def place(interview_id: str, revision: int, column: str) -> bytes:
    return f"returnee-screening interview v1:{interview_id}:{revision}:{column}".encode()


def display_name(answers: dict[str, Any]) -> str:
    """The list's name, as schema 1's generated column made it: given then family name."""
    given, family = answers.get("given_name"), answers.get("family_name")
    parts = [_text(given), _text(family)]
    return " ".join(parts).strip()


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def seal_json(cipher: RecordCipher, value: Any, interview_id: str, revision: int,
              column: str) -> bytes:
    plain = json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return cipher.seal(plain, place(interview_id, revision, column))


def open_json(cipher: RecordCipher, sealed: bytes, interview_id: str, revision: int,
              column: str) -> Any:
    plain = cipher.open(sealed, place(interview_id, revision, column))
    if plain is None:
        # the key is this row's own (it opened its wrap): the row itself was changed
        raise StoreDamagedError(f"the sealed {column} of interview {interview_id} do not open "
                                "with its key: the row was changed outside the program")
    return json.loads(plain)


def seal_name(cipher: RecordCipher, name: str, interview_id: str, revision: int) -> bytes:
    return cipher.seal(name.encode("utf-8"), place(interview_id, revision, NAME))


def open_name(cipher: RecordCipher, sealed: bytes, interview_id: str, revision: int
              ) -> str | None:
    plain = cipher.open(sealed, place(interview_id, revision, NAME))
    return None if plain is None else plain.decode("utf-8")

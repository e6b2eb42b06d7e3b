"""Reference data the questionnaire checks answers against: countries, checkpoints, the
referral directory and the help lines. Loaded from ``forms/reference/`` (or a folder published
by central)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from screening.errors import ReferenceDataError
from screening.questionnaire.yamlsource import YamlProblem, parse_yaml

Text = Mapping[str, str]
ORGANISATION_TYPES = frozenset({"shelter", "ngo", "social_services", "child_protection", "police"})


@dataclass(frozen=True, slots=True)
class Checkpoint:
    code: str
    name: Text
    kind: str
    border_with: str | None


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str
    name: Text
    type: str
    city: Text
    address: str
    phone: str
    accepts_children: bool
    accepts_men: bool


@dataclass(frozen=True, slots=True)
class HelpLine:
    number: str
    name: Text


@dataclass(frozen=True, slots=True)
class LeafletSection:
    """One section of the information leaflet: its id (``help_lines`` and ``organisations``
    are followed by those lists), heading and text in each language."""

    id: str
    heading: Text
    text: Text


@dataclass(frozen=True)
class Reference:
    countries: Mapping[str, Text]
    checkpoints: Mapping[str, Checkpoint]
    organisations: Mapping[str, Organisation]
    help_lines: tuple[HelpLine, ...]
    # empty when the folder holds no leaflet.yaml (a package of an older central)
    leaflet: tuple[LeafletSection, ...] = ()

    def help_lines_in_use(self) -> tuple[HelpLine, ...]:
        """The help lines to print: a line whose number central has not filled yet is none."""
        return tuple(line for line in self.help_lines if line.number.strip())

    @cached_property
    def country_codes(self) -> frozenset[str]:
        return frozenset(self.countries)

    def country_name(self, code: str, lang: str) -> str:
        names = self.countries.get(code)
        return (names.get(lang) or names.get("en") or code) if names else code


def load_reference(folder: str | Path) -> Reference:
    """Load every reference file in ``folder``; raise :class:`ReferenceDataError` naming the
    file and entry that is wrong."""
    folder = Path(folder)
    countries = _read(folder / "countries.yaml", "countries")
    checkpoints = _read(folder / "checkpoints.yaml", "checkpoints")
    organisations = _read(folder / "referral_directory.yaml", "organisations")
    help_lines = _read(folder / "help_lines.yaml", "help_lines")
    return Reference(
        countries={_field(e, "code", "countries.yaml"): _field(e, "name", "countries.yaml")
                   for e in countries},
        checkpoints={c.code: c for c in map(_checkpoint, checkpoints)},
        organisations={o.id: o for o in map(_organisation, organisations)},
        help_lines=tuple(HelpLine(str(_field(h, "number", "help_lines.yaml")),
                                  _field(h, "name", "help_lines.yaml")) for h in help_lines),
        leaflet=_leaflet(folder / LEAFLET_FILE),
    )


LEAFLET_FILE = "leaflet.yaml"


def _leaflet(path: Path) -> tuple[LeafletSection, ...]:
    if not path.exists():
        return ()
    return tuple(LeafletSection(str(_field(s, "id", LEAFLET_FILE)),
                                _texts(_field(s, "heading", LEAFLET_FILE), LEAFLET_FILE),
                                _texts(_field(s, "text", LEAFLET_FILE), LEAFLET_FILE))
                 for s in _read(path, "leaflet"))


def _texts(value: Any, file: str) -> Text:
    if not isinstance(value, dict) or not all(isinstance(value.get(lang), str)
                                              for lang in ("sq", "en")):
        raise ReferenceDataError(code="reference_texts_invalid", path=file)
    return {"sq": value["sq"], "en": value["en"]}


def _read(path: Path, key: str) -> list[dict[str, Any]]:
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ReferenceDataError(code="reference_unreadable", path=path,
                                 reason=error.strerror) from None
    except YamlProblem as problem:
        raise ReferenceDataError(code="reference_yaml", path=path, line=problem.line,
                                 detail=problem) from None
    entries = data.get(key) if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ReferenceDataError(code="reference_not_list", path=path, key=key)
    return entries


def _field(entry: dict[str, Any], name: str, file: str) -> Any:
    if name not in entry:
        raise ReferenceDataError(code="reference_field_missing", path=file, entry=entry,
                                 name=name)
    return entry[name]


def _checkpoint(entry: dict[str, Any]) -> Checkpoint:
    file = "checkpoints.yaml"
    return Checkpoint(str(_field(entry, "code", file)), _field(entry, "name", file),
                      str(entry.get("kind", "")), entry.get("border_with"))


def _organisation(entry: dict[str, Any]) -> Organisation:
    file = "referral_directory.yaml"
    kind = _field(entry, "type", file)
    if kind not in ORGANISATION_TYPES:
        raise ReferenceDataError(code="organisation_type_unknown", path=file,
                                 organisation=entry.get("id"), kind=kind,
                                 known=sorted(ORGANISATION_TYPES))
    return Organisation(
        id=str(_field(entry, "id", file)), name=_field(entry, "name", file), type=kind,
        city=entry.get("city") or {}, address=str(entry.get("address") or ""),
        phone=str(entry.get("phone") or ""),
        accepts_children=bool(entry.get("accepts_children", True)),
        accepts_men=bool(entry.get("accepts_men", True)),
    )

"""Validates raw form data against the JSON Schema the package ships, in words a form author
understands: each finding names the question (or section) it is about."""

from __future__ import annotations

import difflib
import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from screening.questionnaire import problems as where
from screening.questionnaire.problems import FormProblem


@cache
def form_schema() -> dict[str, Any]:
    text = resources.files("screening.questionnaire").joinpath("form.schema.json").read_text(
        encoding="utf-8")
    return json.loads(text)


@cache
def _validator() -> jsonschema.protocols.Validator:
    schema = form_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def schema_problems(data: Any, file: str) -> list[FormProblem]:
    """Every place where ``data`` breaks the schema, one problem per finding."""
    if not isinstance(data, dict):
        kind = "empty" if data is None else f"a {type(data).__name__}, not a mapping"
        return [FormProblem(file, "form", f"the file is {kind}; a form starts with 'id:'")]
    found = []
    for error in sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.path))):
        found.extend(_describe(error, data, file))
    return _dedupe(found)


def _dedupe(found: list[FormProblem]) -> list[FormProblem]:
    return list(dict.fromkeys(found))  # first of each, in order


def _locate(data: Any, path: list[Any]) -> tuple[str, str | None]:
    """Return (where, field) for a JSON path: the deepest question or section on it."""
    place, node, field = "form", data, None
    for index, step in enumerate(path):
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        parent = path[index - 1] if index else None
        if parent == "questions" and isinstance(step, int) and not isinstance(node, dict):
            place, field = where.question(f"#{step + 1}"), None  # an entry that is no question
            continue
        if isinstance(node, dict) and isinstance(step, int):
            node_id = node.get("id")
            if parent == "questions":
                place, field = where.question(str(node_id or f"#{step + 1}")), None
                continue
            if parent == "sections":
                place, field = where.section(str(node_id or f"#{step + 1}")), None
                continue
            if parent == "dimensions":
                place, field = f"dimension '{node_id or step + 1}'", None
                continue
        if parent == "choice_lists" and isinstance(step, str):
            place, field = f"choice list '{step}'", None
            continue
        if isinstance(step, str):
            field = step if field is None else f"{field}.{step}"
    return place, field


def _describe(error: jsonschema.ValidationError, data: Any, file: str) -> list[FormProblem]:
    path = list(error.absolute_path)
    place, field = _locate(data, path)
    instance: Any = error.instance
    label = f"'{field}'" if field else "this entry"
    # jsonschema sets these on every error it raises (its types allow "unset" for hand-made ones)
    kind: Any = error.validator
    expected: Any = error.validator_value
    schema: Any = error.schema
    if kind == "enum" and field == "type":
        allowed = ", ".join(expected)
        return [FormProblem(file, place, f"unknown question type {instance!r}; use one of: "
                                         f"{allowed}")]
    if kind == "enum":
        allowed = ", ".join(map(str, expected))
        return [FormProblem(file, place, f"{label} is {instance!r}; use one of: {allowed}")]
    if kind == "required":
        missing = [name for name in expected if name not in instance]
        return [FormProblem(file, place, f"'{name}' is missing") for name in missing]
    if kind == "additionalProperties" and isinstance(instance, dict):
        known = set(schema.get("properties", {}))
        extra = sorted(set(instance) - known) if known else sorted(instance)
        return [FormProblem(file, place, f"unknown key '{name}'{_did_you_mean(name, known)}")
                for name in extra]
    if kind == "pattern":
        return [FormProblem(file, place, f"{label} {instance!r} is not a valid identifier: use "
                                         "lowercase letters, digits and '_', starting with a "
                                         "letter")]
    if kind == "type" and expected == "object" and field is not None \
            and field.rsplit(".", 1)[-1] in _TEXT_KEYS:
        return [FormProblem(file, place, f"{label} needs a text for each language, such as "
                                         '{sq: "...", en: "..."}, not ' + _json_type(instance))]
    if kind == "type":
        if expected == "string" and isinstance(instance, bool | int | float):
            return [FormProblem(file, place, f"{label} must be text, not {_json_type(instance)}; "
                                             f"put it in quotes: \"{_yaml_word(instance)}\"")]
        return [FormProblem(file, place, f"{label} must be {_TYPE_WORDS.get(expected, expected)},"
                                         f" not {_json_type(instance)}")]
    if kind == "oneOf" and field == "required":
        return [FormProblem(file, place, "'required' must be true, false or an expression")]
    if kind in ("minItems", "minProperties", "minLength"):
        return [FormProblem(file, place, f"{label} must not be empty")]
    return [FormProblem(file, place, f"{label}: {error.message}")]


_TEXT_KEYS = frozenset({"title", "description", "label", "hint", "constraint_message"})


def _did_you_mean(name: str, known: set[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _yaml_word(value: bool | int | float) -> str:
    """How the author probably wrote a value YAML read as true/false or a number."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


_TYPE_WORDS = {
    "object": "a mapping of keys to values", "array": "a list", "string": "text",
    "boolean": "true or false", "integer": "a whole number", "number": "a number",
}


def _json_type(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    return {dict: "a mapping", list: "a list", str: "text", int: "a number",
            float: "a number"}.get(type(value), type(value).__name__)

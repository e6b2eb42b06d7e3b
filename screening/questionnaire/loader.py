"""Loads a form definition: YAML, then the JSON Schema, then every cross-reference and expression.

All findings are collected, so an author sees every problem of a file in one run; a form with any
problem is refused as a whole with :class:`FormDefinitionError`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import pairwise
from pathlib import Path
from typing import Any

from screening.errors import FormDefinitionError
from screening.questionnaire import problems as where
from screening.questionnaire.expr import (
    ExpressionSyntaxError,
    ExpressionTypeError,
    VType,
    check,
    compile_expression,
    parse,
)
from screening.questionnaire.expr.ast import Node, references
from screening.questionnaire.expr.typecheck import Scope
from screening.questionnaire.model import (
    CHOICE_TYPES,
    PROFILES,
    YES_NO_UNKNOWN,
    AssessmentRoles,
    Choice,
    Dimension,
    Form,
    Indicator,
    Question,
    Section,
)
from screening.questionnaire.ordering import CycleError, dependency_order
from screening.questionnaire.problems import FormProblem
from screening.questionnaire.schema import schema_problems
from screening.questionnaire.yamlsource import YamlProblem, parse_yaml

YNU_LIST = "@yes_no_unknown"  # built-in list; '@' keeps it apart from the form's own lists
OUTCOMES = ("no_indicators", "at_risk", "suspected_victim", "presumed_victim")

_SIMPLE_TYPES: dict[str, VType] = {
    "text": VType("string"), "integer": VType("number"), "decimal": VType("number"),
    "date": VType("date"), "datetime": VType("datetime"), "country": VType("string"),
    "countries": VType("list"), "checkpoint": VType("string"), "organisation": VType("string"),
    "repeat": VType("repeat"), "yes_no_unknown": VType("string", YNU_LIST),
}
_EXPRESSION_KEYS = ("relevant", "constraint", "calculation", "required")


def load_form(path: str | Path) -> Form:
    """Load and check the form at ``path``; raise :class:`FormDefinitionError` on any problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        line = error.object[:error.start].count(b"\n") + 1
        raise FormDefinitionError([FormProblem(
            str(path), f"line {line}", f"the file is not UTF-8 text (byte "
            f"0x{error.object[error.start]:02X} cannot be read); save it as UTF-8")]) from None
    except OSError as error:
        raise FormDefinitionError([FormProblem(str(path), "file", _read_error(error))]) from None
    form = load_form_text(text, str(path))
    form.path = path
    return form


def load_form_text(text: str, file: str = "<form>") -> Form:
    if not text.strip():
        raise FormDefinitionError([FormProblem(file, "form", "the file is empty")])
    try:
        data = parse_yaml(text)
    except YamlProblem as problem:
        place = f"line {problem.line}" if problem.line else "form"
        raise FormDefinitionError([FormProblem(file, place, str(problem))]) from None
    found = schema_problems(data, file)
    if found:
        raise FormDefinitionError(found)
    return _Builder(data, file).build()


def check_form_file(path: str | Path) -> list[FormProblem]:
    """Every problem of the form at ``path``; an empty list means the form is valid."""
    try:
        load_form(path)
    except FormDefinitionError as error:
        return error.problems
    return []


def _read_error(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, IsADirectoryError):
        return "this is a folder, not a form file"
    return f"cannot read the file ({getattr(error, 'strerror', None) or error})"


def _walk(raw_questions: list[dict], section_id: str, parent: str | None = None,
          ) -> Iterator[tuple[dict, str, str | None]]:
    for raw in raw_questions:
        yield raw, section_id, parent
        if raw.get("type") == "repeat":
            yield from _walk(raw.get("questions", []), section_id, raw["id"])


class _Builder:
    """Turns schema-valid data into a :class:`Form`, collecting every semantic problem."""

    def __init__(self, data: dict[str, Any], file: str) -> None:
        self.data = data
        self.file = file
        self.found: list[FormProblem] = []
        self.languages = tuple(data["languages"])
        self.lists: dict[str, tuple[Choice, ...]] = {}
        self.dimensions: dict[str, Dimension] = {}
        self.raw: dict[str, dict] = {}  # every question, repeat children included
        self.parent: dict[str, str | None] = {}
        self.section_of: dict[str, str] = {}
        self.types: dict[str, VType] = {}
        self.asts: dict[tuple[str, str], Node] = {}  # (owner, key) -> parsed expression
        self.broken: set[str] = set()  # calculations already reported (or reading one that is)

    def problem(self, place: str, message: str) -> None:
        self.found.append(FormProblem(self.file, place, message))

    def build(self) -> Form:
        self._check_texts()
        self._collect_lists()
        self._collect_dimensions()
        self._collect_questions()
        self._check_question_shapes()
        self._parse_expressions()
        self._infer_types()
        self._check_expressions()
        assessment = self._assessment_roles()
        order = self._order()
        if self.found:
            raise FormDefinitionError(self.found)
        return self._assemble(assessment, order)

    # -- texts and lists -------------------------------------------------------------------

    def _check_texts(self) -> None:
        for place, key, text in self._texts():
            for lang in self.languages:
                if not str(text.get(lang, "")).strip():
                    self.problem(place, f"'{key}' has no text in '{lang}'")

    def _texts(self) -> Iterator[tuple[str, str, Mapping[str, str]]]:
        data = self.data
        yield "form", "title", data["title"]
        for dimension in data.get("dimensions", []):
            yield f"dimension '{dimension['id']}'", "label", dimension["label"]
        for name, choices in data.get("choice_lists", {}).items():
            for choice in choices:
                yield f"choice list '{name}'", f"label of '{choice['value']}'", choice["label"]
        for sect in data["sections"]:
            yield where.section(sect["id"]), "title", sect["title"]
            for raw, _section, _parent in _walk(sect["questions"], sect["id"]):
                for key in ("label", "hint", "constraint_message", "item_label"):
                    if key in raw:
                        yield where.question(raw["id"]), key, raw[key]

    def _collect_lists(self) -> None:
        for name, raw_choices in self.data.get("choice_lists", {}).items():
            values = [c["value"] for c in raw_choices]
            for value in sorted({v for v in values if values.count(v) > 1}):
                self.problem(f"choice list '{name}'", f"the value '{value}' appears twice")
            self.lists[name] = tuple(Choice(c["value"], c["label"]) for c in raw_choices)
        self.lists[YNU_LIST] = tuple(Choice(v, {}) for v in YES_NO_UNKNOWN)

    def _collect_dimensions(self) -> None:
        for raw in self.data.get("dimensions", []):
            if raw["id"] in self.dimensions:
                self.problem(f"dimension '{raw['id']}'", "duplicate dimension id")
            self.dimensions[raw["id"]] = Dimension(raw["id"], raw["element"], raw["label"])

    def _collect_questions(self) -> None:
        section_ids: set[str] = set()
        for sect in self.data["sections"]:
            if sect["id"] in section_ids:
                self.problem(where.section(sect["id"]), "duplicate section id")
            section_ids.add(sect["id"])
            for raw, section_id, parent in _walk(sect["questions"], sect["id"]):
                qid = raw["id"]
                if qid in self.raw:
                    first = self.section_of[qid]
                    self.problem(where.question(qid),
                                 f"duplicate question id (first used in section '{first}')")
                    continue
                self.raw[qid] = raw
                self.parent[qid] = parent
                self.section_of[qid] = section_id

    # -- shapes ----------------------------------------------------------------------------

    def _check_question_shapes(self) -> None:
        assessments = [q for q, raw in self.raw.items() if raw["type"] == "assessment"]
        if len(assessments) > 1:
            self.problem(where.question(assessments[1]), "a form has at most one assessment "
                         f"question (first is '{assessments[0]}')")
        for qid, raw in self.raw.items():
            if raw["type"] == "repeat" and self.parent[qid] is not None:
                self.problem(where.question(qid), f"a repeat cannot be inside another repeat "
                                                  f"('{self.parent[qid]}')")
            for message in _shape_problems(raw, self.lists, self.dimensions, self.raw):
                self.problem(where.question(qid), message)

    # -- expressions -----------------------------------------------------------------------

    def _expressions(self) -> Iterator[tuple[str, str, str, str]]:
        """(owner key, place, key, text) for every expression in the form."""
        for sect in self.data["sections"]:
            if "relevant" in sect:
                yield f"section:{sect['id']}", where.section(sect["id"]), "relevant", \
                    sect["relevant"]
        for qid, raw in self.raw.items():
            for key in _EXPRESSION_KEYS:
                value = raw.get(key)
                if isinstance(value, str):
                    yield qid, where.question(qid), key, value
        sexual = self.data.get("assessment", {}).get("sexual_exploitation")
        if sexual:
            yield "assessment", "assessment", "sexual_exploitation", sexual

    def _parse_expressions(self) -> None:
        for owner, place, key, text in self._expressions():
            try:
                self.asts[(owner, key)] = parse(text)
            except ExpressionSyntaxError as error:
                self.problem(place, f"{key}: {error}")
                if key == "calculation":
                    self.broken.add(owner)

    def _infer_types(self) -> None:
        for qid, raw in self.raw.items():
            kind = raw["type"]
            if kind in CHOICE_TYPES and raw.get("choices") in self.lists:
                base = "string" if kind == "select_one" else "list"
                self.types[qid] = VType(base, raw["choices"])
            elif kind == "assessment" and raw.get("choices") in self.lists:
                self.types[qid] = VType("string", raw["choices"])
            elif kind in _SIMPLE_TYPES:
                self.types[qid] = _SIMPLE_TYPES[kind]
        calculations = {q: ast for (q, key), ast in self.asts.items()
                        if key == "calculation" and q in self.raw}
        resolving: list[str] = []
        for qid in calculations:
            self._calc_type(qid, calculations, resolving)

    def _calc_type(self, qid: str, calculations: dict[str, Node], resolving: list[str],
                   ) -> VType | None:
        if qid in self.types:
            return self.types[qid]
        if qid in self.broken:
            return None
        if qid in resolving:
            cycle = [*resolving[resolving.index(qid):], qid]
            self.problem(where.question(qid), "the calculation uses its own result: "
                         + " → ".join(cycle) if len(cycle) == 2 else
                         "calculations depend on each other in a circle: " + " → ".join(cycle))
            self.broken.update(cycle)
            return None
        resolving.append(qid)
        ast = calculations[qid]
        for name in references(ast):
            if name in calculations and name not in self.types:
                self._calc_type(name, calculations, resolving)
        resolving.pop()
        if qid in self.broken or references(ast) & self.broken:
            self.broken.add(qid)  # already reported, here or where it reads a broken value
            return None
        try:
            self.types[qid] = check(ast, self._scope(qid))
        except ExpressionTypeError as error:
            self.problem(where.question(qid), f"calculation: {error}")
            self.broken.add(qid)
            return None
        return self.types[qid]

    def _scope(self, owner: str, current: VType | None = None) -> Scope:
        visible = {q: t for q, t in self.types.items() if self._visible_from(owner, q)}
        return Scope(visible, self._choice_values, current)

    def _visible_from(self, owner: str, target: str) -> bool:
        parent = self.parent.get(target)
        return parent is None or parent == self.parent.get(owner)

    def _choice_values(self, name: str) -> frozenset[str] | None:
        choices = self.lists.get(name)
        return frozenset(c.value for c in choices) if choices is not None else None

    def _check_expressions(self) -> None:
        for (owner, key), ast in self.asts.items():
            if key == "calculation":
                continue  # typed during inference
            place = self._place(owner)
            if references(ast) & self.broken:
                continue  # it reads a calculation whose problem is already reported
            for name in sorted(references(ast)):
                raw = self.raw.get(name)
                if raw is not None and raw["type"] == "note":
                    self.problem(place, f"{key}: ${{{name}}} is a note and has no value")
                    break
                if raw is not None and not self._visible_from(owner, name):
                    self.problem(place, f"{key}: ${{{name}}} is inside the repeat "
                                        f"'{self.parent[name]}' and cannot be used here")
                    break
            else:
                self._check_one(owner, key, ast, place)

    def _check_one(self, owner: str, key: str, ast: Node, place: str) -> None:
        current = self.types.get(owner) if key == "constraint" else None
        try:
            result = check(ast, self._scope(owner, current))
        except ExpressionTypeError as error:
            self.problem(place, f"{key}: {error}")
            return
        if result.kind != "bool":
            self.problem(place, f"{key} must give true or false, but gives "
                                f"{result.describe()}")

    def _place(self, owner: str) -> str:
        if owner.startswith("section:"):
            return where.section(owner.split(":", 1)[1])
        if owner == "assessment":
            return "assessment"
        return where.question(owner)

    # -- assessment and order --------------------------------------------------------------

    def _assessment_roles(self) -> AssessmentRoles | None:
        roles = self.data.get("assessment")
        has_indicators = any("indicator" in raw for raw in self.raw.values())
        if roles is None:
            if has_indicators:
                self.problem("assessment", "the form has indicator questions but no "
                                           "'assessment:' section naming the child question")
            return None
        child = roles["child"]
        child_type = self.types.get(child)
        if child not in self.raw:
            self.problem("assessment", f"'child' names an unknown question '{child}'")
        elif child in self.broken:
            pass  # its calculation's problem is already reported
        elif child_type is None or child_type.kind != "bool":
            self.problem("assessment", f"'child' must name a calculate question that gives "
                                       f"true or false; '{child}' does not")
        sexual = self.asts.get(("assessment", "sexual_exploitation"))
        compiled = compile_expression(sexual) if sexual is not None else None
        return AssessmentRoles(child, compiled)

    def _dependencies(self) -> dict[str, set[str]]:
        top = [q for q in self.raw if self.parent[q] is None]
        needs: dict[str, set[str]] = {q: set() for q in top}
        for qid in self.raw:
            owner = self.parent[qid] or qid  # a repeat carries its children's dependencies
            section_relevant = self.asts.get((f"section:{self.section_of[qid]}", "relevant"))
            for key in ("relevant", "calculation"):
                ast = self.asts.get((qid, key))
                if ast is not None:
                    needs[owner] |= references(ast)
            if section_relevant is not None:
                needs[owner] |= references(section_relevant)
        roles = self.data.get("assessment") or {}
        for qid, raw in self.raw.items():
            if raw["type"] == "assessment":
                needs[qid] |= {q for q, r in self.raw.items()
                               if "indicator" in r or r.get("observation") or r.get("risk_factor")}
                needs[qid] |= {roles.get("child", "")} & set(self.raw)
                sexual = self.asts.get(("assessment", "sexual_exploitation"))
                if sexual is not None:
                    needs[qid] |= references(sexual)
        return {q: {d for d in deps if d in needs} for q, deps in needs.items()}

    def _order(self) -> list[str]:
        if self.found:
            return []
        try:
            return dependency_order(list(self._dependencies()), self._dependencies())
        except CycleError as error:
            cycle = error.cycle
            links = [self._link(a, b) for a, b in pairwise(cycle)]
            if len(cycle) == 2:
                self.problem(links[0][0], f"{links[0][1]}, so '{cycle[0]}' depends on its own "
                                          "answer")
            else:
                self.problem(links[0][0], "answers depend on each other in a circle: "
                             + " → ".join(cycle) + " (" + "; ".join(t for _, t in links) + ")")
            return []

    def _link(self, qid: str, name: str) -> tuple[str, str]:
        """(place, words) for the expression that makes ``qid`` depend on ``name``."""
        members = [qid, *(q for q in self.raw if self.parent[q] == qid)]
        for member in members:
            for key in ("relevant", "calculation"):
                ast = self.asts.get((member, key))
                if ast is not None and name in references(ast):
                    return where.question(member), f"the {key} of '{member}' reads ${{{name}}}"
        for member in members:
            section = self.section_of[member]
            ast = self.asts.get((f"section:{section}", "relevant"))
            if ast is not None and name in references(ast):
                return where.section(section), \
                    f"the relevant of section '{section}' reads ${{{name}}}"
        return where.question(qid), f"the assessment '{qid}' reads ${{{name}}}"

    # -- assembly --------------------------------------------------------------------------

    def _assemble(self, roles: AssessmentRoles | None, order: list[str]) -> Form:
        orders = {name: {c.value: i for i, c in enumerate(choices)}
                  for name, choices in self.lists.items()}
        built: dict[str, Question] = {}
        sections = []
        position = 0
        for sect in self.data["sections"]:
            members = []
            for raw in sect["questions"]:
                position += 1
                members.append(self._question(raw, sect["id"], position, orders, built))
            relevant = self.asts.get((f"section:{sect['id']}", "relevant"))
            sections.append(Section(sect["id"], sect["title"], tuple(members),
                                    compile_expression(relevant) if relevant else None))
        top = {q.id: q for s in sections for q in s.questions}
        return Form(
            id=self.data["id"], version=self.data["version"], languages=self.languages,
            title=self.data["title"], sections=tuple(sections), choice_lists=self.lists,
            dimensions=tuple(self.dimensions.values()), assessment=roles, questions=top,
            evaluation_order=tuple(top[q] for q in order),
        )

    def _question(self, raw: dict, section_id: str, position: int,
                  orders: dict[str, dict[str, int]], built: dict[str, Question]) -> Question:
        qid = raw["id"]
        scope = self._scope(qid, self.types.get(qid))

        def compiled(key: str) -> Any:
            ast = self.asts.get((qid, key))
            return compile_expression(ast, scope, orders.get) if ast is not None else None

        indicator = raw.get("indicator")
        children = tuple(self._question(child, section_id, position, orders, built)
                         for child in raw.get("questions", []))
        question = Question(
            id=qid, type=raw["type"], label=raw["label"], section_id=section_id,
            position=position, hint=raw.get("hint"), item_label=raw.get("item_label"),
            choices=YNU_LIST if raw["type"] == "yes_no_unknown" else raw.get("choices"),
            required=raw.get("required") is True, required_when=compiled("required"),
            relevant=compiled("relevant"), constraint=compiled("constraint"),
            constraint_message=raw.get("constraint_message"), calculation=compiled("calculation"),
            prefill=raw.get("prefill"), default_from=raw.get("default_from"),
            read_only=raw.get("read_only", False),
            indicator=Indicator(indicator["dimension"], {p: indicator[p] for p in PROFILES})
            if indicator else None,
            observation=raw.get("observation", False), risk_factor=raw.get("risk_factor", False),
            personal=raw.get("personal", False), appearance=raw.get("appearance"),
            children=children,
            value_type=self.types.get(qid),
            source={k: raw[k] for k in _EXPRESSION_KEYS if isinstance(raw.get(k), str)},
            allowed=self._choice_values(YNU_LIST if raw["type"] == "yes_no_unknown"
                                        else raw.get("choices", "")),
        )
        built[qid] = question
        return question


def _shape_problems(raw: dict, lists: Mapping[str, Any], dimensions: Mapping[str, Any],
                    every: Mapping[str, dict]) -> Iterator[str]:
    kind = raw["type"]
    choices = raw.get("choices")
    if kind in CHOICE_TYPES or kind == "assessment":
        if choices is None:
            yield f"{kind} needs 'choices' (the name of a list under 'choice_lists')"
        elif choices not in lists:
            yield f"choice list '{choices}' does not exist"
    elif choices is not None:
        yield f"'choices' does not apply to a {kind} question"
    if kind == "assessment" and isinstance(choices, str) and choices in lists:
        values = [c.value for c in lists[choices]]
        if values != list(OUTCOMES):
            yield f"the list '{choices}' must hold the outcomes in this order: " \
                  + ", ".join(OUTCOMES)
    if (kind == "calculate") != ("calculation" in raw):
        yield "a calculate question needs 'calculation'" if kind == "calculate" \
            else f"'calculation' does not apply to a {kind} question"
    if "item_label" in raw and kind != "repeat":
        yield f"'item_label' does not apply to a {kind} question"
    if (kind == "repeat") != ("questions" in raw):
        yield "a repeat needs 'questions'" if kind == "repeat" \
            else f"'questions' does not apply to a {kind} question"
    yield from _role_problems(raw, kind, dimensions, every)


def _role_problems(raw: dict, kind: str, dimensions: Mapping[str, Any],
                   every: Mapping[str, dict]) -> Iterator[str]:
    for flag in ("indicator", "observation", "risk_factor"):
        if raw.get(flag) and kind != "yes_no_unknown":
            yield f"'{flag}' needs a yes_no_unknown question, not {kind}"
    indicator = raw.get("indicator")
    if indicator and indicator["dimension"] not in dimensions:
        yield f"indicator dimension '{indicator['dimension']}' is not listed under 'dimensions'"
    if "constraint" in raw and "constraint_message" not in raw:
        yield "a constraint needs a 'constraint_message' saying what to correct"
    if "constraint" in raw and kind in ("note", "calculate", "assessment", "repeat"):
        yield f"'constraint' does not apply to a {kind} question"
    prefill = raw.get("prefill")
    if prefill == "checkpoint" and kind != "checkpoint":
        yield "prefill 'checkpoint' needs a checkpoint question"
    if prefill == "interview_start" and kind != "datetime":
        yield "prefill 'interview_start' needs a datetime question"
    source = raw.get("default_from")
    if source is not None and source not in every:
        yield f"default_from names an unknown question '{source}'"
    elif source is not None and every[source].get("choices") != raw.get("choices"):
        yield f"default_from '{source}' uses a different choice list"

"""Static types of expressions, checked when a form loads so that a broken form never reaches
an interview."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from screening.questionnaire.expr.ast import Binary, Call, Current, Literal, Node, Ref, Unary


@dataclass(frozen=True, slots=True)
class VType:
    """The type of a value: ``kind`` is number, string, bool, date, datetime, list or repeat.

    ``choices`` names the choice list a select value comes from, so that literals compared with it
    can be checked against the list (``${sex} = 'femal'`` is caught at load time).
    """

    kind: str
    choices: str | None = None
    empty_literal: bool = False  # the literal '' (an emptiness test), compatible with every kind

    def describe(self) -> str:
        return _KIND_WORDS[self.kind]


_KIND_WORDS = {
    "number": "a number", "string": "text", "bool": "true/false", "date": "a date",
    "datetime": "a date and time", "list": "a list of choices", "repeat": "a repeat group",
}

NUMBER = VType("number")
STRING = VType("string")
BOOL = VType("bool")
DATE = VType("date")
DATETIME = VType("datetime")


class ExpressionTypeError(ValueError):
    """The expression is well formed but cannot work (unknown reference, wrong types)."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.column = column


ChoiceLookup = Callable[[str], "frozenset[str] | None"]


@dataclass(frozen=True)
class Scope:
    """What an expression may refer to."""

    types: Mapping[str, VType]
    choice_values: ChoiceLookup
    current: VType | None = None  # the type of ``.``; None outside constraints


def check(node: Node, scope: Scope) -> VType:
    """Return the type of ``node`` or raise :class:`ExpressionTypeError`."""
    if isinstance(node, Literal):
        return _literal_type(node.value)
    if isinstance(node, Ref):
        found = scope.types.get(node.name)
        if found is None:
            raise ExpressionTypeError(f"unknown reference ${{{node.name}}}", node.column)
        return found
    if isinstance(node, Current):
        if scope.current is None:
            raise ExpressionTypeError("'.' may only be used in a constraint", node.column)
        return scope.current
    if isinstance(node, Unary):
        _expect(check(node.operand, scope), "number", "'-'", node.column)
        return NUMBER
    if isinstance(node, Binary):
        return _check_binary(node, scope)
    if isinstance(node, Call):
        return _check_call(node, scope)
    raise ExpressionTypeError("unsupported expression", node.column)


def _literal_type(value: object) -> VType:
    if isinstance(value, bool):
        return BOOL
    if isinstance(value, int | float):
        return NUMBER
    return VType("string", empty_literal=(value == ""))


def _expect(found: VType, kind: str, where: str, column: int) -> None:
    if found.kind != kind and not found.empty_literal:
        raise ExpressionTypeError(
            f"{where} needs {_KIND_WORDS[kind]}, but gets {found.describe()}", column)


def _check_binary(node: Binary, scope: Scope) -> VType:
    left, right = check(node.left, scope), check(node.right, scope)
    op = node.op
    if op in ("and", "or"):
        _expect(left, "bool", f"'{op}'", node.column)
        _expect(right, "bool", f"'{op}'", node.column)
        return BOOL
    if op in ("=", "!="):
        _check_comparable(node, left, right, scope)
        return BOOL
    if op in ("<", "<=", ">", ">="):
        _check_ordered(node, left, right)
        return BOOL
    if op == "-" and left.kind in ("date", "datetime") and right.kind == left.kind:
        return NUMBER  # days between
    _expect(left, "number", f"'{op}'", node.column)
    _expect(right, "number", f"'{op}'", node.column)
    return NUMBER


def _check_comparable(node: Binary, left: VType, right: VType, scope: Scope) -> None:
    if left.empty_literal or right.empty_literal:
        return
    if left.kind != right.kind and not _date_literal_pair(node, left, right):
        raise ExpressionTypeError(
            f"'{node.op}' compares {left.describe()} with {right.describe()}", node.column)
    if left.choices and right.choices and left.choices != right.choices:
        raise ExpressionTypeError(
            f"'{node.op}' compares values of the list '{left.choices}' with values of the "
            f"list '{right.choices}'", node.column)
    for typ, other in ((left, node.right), (right, node.left)):
        if typ.choices and isinstance(other, Literal) and isinstance(other.value, str):
            _check_choice_literal(typ.choices, other, scope)


def _date_literal_pair(node: Binary, left: VType, right: VType) -> bool:
    """A date may be compared with a literal such as '2020-01-01'."""
    for typ, other in ((left, node.right), (right, node.left)):
        if typ.kind in ("date", "datetime") and isinstance(other, Literal) \
                and isinstance(other.value, str):
            return True
    return False


def _check_ordered(node: Binary, left: VType, right: VType) -> None:
    if left.empty_literal or right.empty_literal:
        raise ExpressionTypeError(f"'{node.op}' cannot compare with ''", node.column)
    if _date_literal_pair(node, left, right):
        return
    if left.kind != right.kind or left.kind not in ("number", "date", "datetime"):
        raise ExpressionTypeError(
            f"'{node.op}' cannot order {left.describe()} and {right.describe()}", node.column)


def _check_choice_literal(choices: str, literal: Literal, scope: Scope) -> None:
    allowed = scope.choice_values(choices)
    if allowed is not None and literal.value not in allowed:
        raise ExpressionTypeError(
            f"'{literal.value}' is not a value of the list '{choices}' "
            f"(values: {', '.join(sorted(allowed))})", literal.column)


def _arity(node: Call, count: int) -> None:
    if len(node.args) != count:
        raise ExpressionTypeError(
            f"{node.name}() takes {count} argument(s), not {len(node.args)}", node.column)


def check_call_shape(node: Call) -> None:
    """Raise :class:`ExpressionTypeError` unless ``node`` calls a known function with the right
    number of arguments."""
    rule = _FUNCTIONS.get(node.name)
    if rule is None:
        known = ", ".join(sorted(_FUNCTIONS))
        raise ExpressionTypeError(f"unknown function {node.name}() (known: {known})",
                                  node.column)
    _arity(node, rule[0])


def _check_call(node: Call, scope: Scope) -> VType:
    check_call_shape(node)
    handler = _FUNCTIONS[node.name][1]
    args = [check(arg, scope) for arg in node.args]
    return handler(node, args, scope)


def _fixed(result: VType, *kinds: str | tuple[str, ...]) -> Callable[[Call, list[VType], Scope],
                                                                   VType]:
    def handler(node: Call, args: list[VType], scope: Scope) -> VType:
        for position, (arg, kind) in enumerate(zip(args, kinds, strict=True), start=1):
            accepted = kind if isinstance(kind, tuple) else (kind,)
            if arg.kind not in accepted and not arg.empty_literal:
                wanted = " or ".join(_KIND_WORDS[k] for k in accepted)
                raise ExpressionTypeError(
                    f"argument {position} of {node.name}() must be {wanted}, "
                    f"not {arg.describe()}", node.column)
        return result
    return handler


def _selected(node: Call, args: list[VType], scope: Scope) -> VType:
    _fixed(BOOL, "list", "string")(node, args, scope)
    value = node.args[1]
    if args[0].choices and isinstance(value, Literal) and isinstance(value.value, str):
        _check_choice_literal(args[0].choices, value, scope)
    return BOOL


def _same_type(node: Call, first: VType, second: VType) -> VType:
    if first.empty_literal:
        return second
    if second.empty_literal or first.kind == second.kind:
        return first
    raise ExpressionTypeError(
        f"{node.name}() mixes {first.describe()} and {second.describe()}", node.column)


def _if(node: Call, args: list[VType], scope: Scope) -> VType:
    _expect(args[0], "bool", "the condition of if()", node.column)
    return _same_type(node, args[1], args[2])


def _coalesce(node: Call, args: list[VType], scope: Scope) -> VType:
    return _same_type(node, args[0], args[1])


def _choice_index(node: Call, args: list[VType], scope: Scope) -> VType:
    if args[0].kind != "string" or args[0].choices is None:
        raise ExpressionTypeError("choice-index() needs the answer to a select_one question",
                                  node.column)
    return NUMBER


_FUNCTIONS: dict[str, tuple[int, Callable[[Call, list[VType], Scope], VType]]] = {
    "true": (0, _fixed(BOOL)),
    "false": (0, _fixed(BOOL)),
    "not": (1, _fixed(BOOL, "bool")),
    "selected": (2, _selected),
    "count-selected": (1, _fixed(NUMBER, "list")),
    "string-length": (1, _fixed(NUMBER, "string")),
    "if": (3, _if),
    "coalesce": (2, _coalesce),
    "today": (0, _fixed(DATE)),
    "now": (0, _fixed(DATETIME)),
    "date": (1, _fixed(DATE, ("string", "date", "datetime"))),
    "years-between": (2, _fixed(NUMBER, ("date", "datetime"), ("date", "datetime"))),
    "choice-index": (1, _choice_index),
    "count": (1, _fixed(NUMBER, ("repeat", "list"))),
    "int": (1, _fixed(NUMBER, "number")),
}

FUNCTION_NAMES = frozenset(_FUNCTIONS)

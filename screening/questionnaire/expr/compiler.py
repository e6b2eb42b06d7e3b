"""Compiles a checked AST into nested closures.

Closures run an order of magnitude faster than walking the tree on every evaluation, and keep
``eval`` out of the picture. Every operation tolerates empty and ill-typed values (they give an
empty result or false), so no answer set can make an expression raise.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from screening.questionnaire.expr.ast import Binary, Call, Current, Literal, Node, Ref, Unary
from screening.questionnaire.expr.typecheck import Scope, check, check_call_shape


@dataclass(slots=True)
class Context:
    """What an expression sees besides the answers: the value under check and the clock."""

    current: Any = None
    now: dt.datetime = field(default_factory=dt.datetime.now)

    @property
    def today(self) -> dt.date:
        return self.now.date()


Compiled = Callable[[Mapping[str, Any], Context], Any]
ChoiceOrder = Callable[[str], Mapping[str, int] | None]


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def compile_expression(node: Node, scope: Scope | None = None,
                       choice_order: ChoiceOrder | None = None) -> Compiled:
    """Compile ``node``; ``scope`` and ``choice_order`` are needed only for ``choice-index()``."""
    return _Compiler(scope, choice_order).compile(node)


class _Compiler:
    def __init__(self, scope: Scope | None, choice_order: ChoiceOrder | None) -> None:
        self.scope = scope
        self.choice_order = choice_order

    def compile(self, node: Node) -> Compiled:
        if isinstance(node, Literal):
            value = node.value
            return lambda v, c: value
        if isinstance(node, Ref):
            name = node.name
            return lambda v, c: v.get(name)
        if isinstance(node, Current):
            return lambda v, c: c.current
        if isinstance(node, Unary):
            operand = self.compile(node.operand)
            return lambda v, c: _negate(operand(v, c))
        if isinstance(node, Binary):
            return self._binary(node)
        if isinstance(node, Call):
            return self._call(node)
        raise TypeError(f"cannot compile {node!r}")

    def _binary(self, node: Binary) -> Compiled:
        left, right = self.compile(node.left), self.compile(node.right)
        op = node.op
        if op == "and":
            return lambda v, c: left(v, c) is True and right(v, c) is True
        if op == "or":
            return lambda v, c: left(v, c) is True or right(v, c) is True
        if op in ("=", "!="):
            empty_test = _is_empty_literal(node.left) or _is_empty_literal(node.right)
            other = right if _is_empty_literal(node.left) else left
            if empty_test:
                if op == "=":
                    return lambda v, c: is_empty(other(v, c))
                return lambda v, c: not is_empty(other(v, c))
            if op == "=":
                return lambda v, c: _equal(left(v, c), right(v, c))
            return lambda v, c: not _equal(left(v, c), right(v, c))
        if op in _ORDER:
            compare = _ORDER[op]
            return lambda v, c: _ordered(compare, left(v, c), right(v, c))
        arithmetic = _ARITHMETIC[op]
        return lambda v, c: _arith(arithmetic, left(v, c), right(v, c))

    def _call(self, node: Call) -> Compiled:
        check_call_shape(node)  # an unchecked tree may name an unknown function
        args = [self.compile(arg) for arg in node.args]
        name = node.name
        if name == "if":
            cond, yes, no = args
            return lambda v, c: yes(v, c) if cond(v, c) is True else no(v, c)
        if name == "coalesce":
            first, second = args
            return lambda v, c: _coalesce(first(v, c), second, v, c)
        if name == "choice-index":
            return self._choice_index(node, args[0])
        if name in ("today", "now"):
            return (lambda v, c: c.today) if name == "today" else (lambda v, c: c.now)
        function = _PURE[name]
        if not args:
            return lambda v, c: function()
        if len(args) == 1:
            (only,) = args
            return lambda v, c: function(only(v, c))
        first, second = args
        return lambda v, c: function(first(v, c), second(v, c))

    def _choice_index(self, node: Call, arg: Compiled) -> Compiled:
        order: Mapping[str, int] | None = None
        if self.scope is not None and self.choice_order is not None:
            choices = check(node.args[0], self.scope).choices
            order = self.choice_order(choices) if choices else None
        positions = order or {}
        def index(v: Mapping[str, Any], c: Context) -> int | None:
            value = arg(v, c)  # once: the argument may itself be a costly expression
            return positions.get(value) if isinstance(value, str) else None

        return index


def _is_empty_literal(node: Node) -> bool:
    return isinstance(node, Literal) and node.value == ""


def _negate(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return -value


def _equal(left: Any, right: Any) -> bool:
    if is_empty(left) or is_empty(right):  # '' and [] too: a calculation can give them
        return False
    if isinstance(left, dt.date) and isinstance(right, str):
        right = _as_date_like(right, left)
    elif isinstance(right, dt.date) and isinstance(left, str):
        left = _as_date_like(left, right)
    if isinstance(left, bool) != isinstance(right, bool):
        return False
    return bool(left == right)


def _as_date_like(text: str, like: dt.date) -> dt.date | None:
    try:
        if isinstance(like, dt.datetime):
            return dt.datetime.fromisoformat(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


_ORDER: dict[str, Callable[[Any, Any], bool]] = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


def _ordered(compare: Callable[[Any, Any], bool], left: Any, right: Any) -> bool:
    if is_empty(left) or is_empty(right) or isinstance(left, bool) or isinstance(right, bool):
        return False
    if isinstance(left, dt.date) and isinstance(right, str):
        right = _as_date_like(right, left)
    elif isinstance(right, dt.date) and isinstance(left, str):
        left = _as_date_like(left, right)
    if right is None or left is None:
        return False
    if isinstance(left, dt.datetime) != isinstance(right, dt.datetime):
        return False  # Python refuses to order a date against a datetime
    try:
        return bool(compare(left, right))
    except TypeError:
        return False


def _days(left: dt.date, right: dt.date) -> float:
    delta = left - right
    return delta.days if not isinstance(left, dt.datetime) else delta.total_seconds() / 86400


_ARITHMETIC: dict[str, Callable[[Any, Any], Any]] = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "div": lambda a, b: a / b,
    "mod": lambda a, b: math.fmod(a, b),
}


def _arith(operation: Callable[[Any, Any], Any], left: Any, right: Any) -> Any:
    if isinstance(left, dt.date) and isinstance(right, dt.date) and operation is _ARITHMETIC["-"]:
        if isinstance(left, dt.datetime) != isinstance(right, dt.datetime):
            return None
        try:
            return _days(left, right)
        except TypeError:  # a datetime with a time zone against one without
            return None
    if not _is_number(left) or not _is_number(right):
        return None
    try:
        result = operation(left, right)
    except (ZeroDivisionError, OverflowError, ValueError):
        return None
    if isinstance(result, float) and not math.isfinite(result):
        return None
    return result


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _coalesce(first: Any, second: Compiled, v: Mapping[str, Any], c: Context) -> Any:
    return second(v, c) if is_empty(first) else first


def _selected(values: Any, choice: Any) -> bool:
    return isinstance(values, list) and choice in values


def _count(values: Any) -> int:
    return len(values) if isinstance(values, list) else 0


def _string_length(value: Any) -> int:
    return len(value) if isinstance(value, str) else 0


def _to_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _years_between(start: Any, end: Any) -> int | None:
    first, last = _to_date(start), _to_date(end)
    if first is None or last is None:
        return None
    years = last.year - first.year - ((last.month, last.day) < (first.month, first.day))
    return years


def _int(value: Any) -> int | None:
    if not _is_number(value) or (isinstance(value, float) and not math.isfinite(value)):
        return None
    return int(value)


_PURE: dict[str, Callable[..., Any]] = {
    "true": lambda: True,
    "false": lambda: False,
    "not": lambda value: value is not True,
    "selected": _selected,
    "count-selected": _count,
    "count": _count,
    "string-length": _string_length,
    "date": _to_date,
    "years-between": _years_between,
    "int": _int,
}

"""The expression language (docs/form-format.md, "Expressions"): parser, type checker, compiled
semantics, and property-based tests that no text and no answer set can make it crash."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from screening.questionnaire.expr import (
    ExpressionSyntaxError,
    ExpressionTypeError,
    VType,
    check,
    compile_expression,
    parse,
)
from screening.questionnaire.expr.ast import Binary, Call, Current, Literal, Node, Ref, Unary
from screening.questionnaire.expr.compiler import Context
from screening.questionnaire.expr.parser import MAX_HEIGHT
from screening.questionnaire.expr.typecheck import (
    BOOL,
    DATE,
    DATETIME,
    FUNCTION_NAMES,
    NUMBER,
    STRING,
    Scope,
)

# -- a small form to check and evaluate against -------------------------------------------------

TYPES = {
    "age": NUMBER,
    "name": STRING,
    "sex": VType("string", "sex"),
    "other_sex": VType("string", "sex"),
    "marital": VType("string", "marital"),
    "free": VType("string", "unlisted"),  # a list the lookup does not know: literals unchecked
    "langs": VType("list", "languages"),
    "dob": DATE,
    "arrived": DATETIME,
    "minor": BOOL,
    "children": VType("repeat"),
}
CHOICES = {
    "sex": frozenset({"female", "male"}),
    "marital": frozenset({"single", "married"}),
    "languages": frozenset({"sq", "en", "it"}),
}
ORDERS = {name: {v: i for i, v in enumerate(sorted(values))} for name, values in CHOICES.items()}
SCOPE = Scope(TYPES, CHOICES.get)
NOW = dt.datetime(2024, 3, 1, 10, 30)


def show(node: Node) -> str:
    """The tree fully parenthesised, to assert precedence compactly."""
    if isinstance(node, Literal):
        return repr(node.value)
    if isinstance(node, Ref):
        return f"${{{node.name}}}"
    if isinstance(node, Current):
        return "."
    if isinstance(node, Unary):
        return f"(-{show(node.operand)})"
    if isinstance(node, Binary):
        return f"({show(node.left)} {node.op} {show(node.right)})"
    if isinstance(node, Call):
        return f"{node.name}({', '.join(show(a) for a in node.args)})"
    raise AssertionError(node)


def syntax_error(text: str) -> ExpressionSyntaxError:
    with pytest.raises(ExpressionSyntaxError) as caught:
        parse(text)
    return caught.value


def type_of(text: str, current: VType | None = None) -> VType:
    return check(parse(text), Scope(TYPES, CHOICES.get, current))


def type_error(text: str, current: VType | None = None) -> ExpressionTypeError:
    with pytest.raises(ExpressionTypeError) as caught:
        type_of(text, current)
    return caught.value


def ev(text: str, values: dict | None = None, *, current: object = None, now: dt.datetime = NOW,
       typed: bool = True) -> object:
    node = parse(text)
    if typed:
        check(node, Scope(TYPES, CHOICES.get, TYPES["age"]))
        fn = compile_expression(node, Scope(TYPES, CHOICES.get, TYPES["age"]), ORDERS.get)
    else:
        fn = compile_expression(node)
    return fn(values or {}, Context(current=current, now=now))


# == 1. parser ===================================================================================

@pytest.mark.parametrize(("text", "tree"), [
    # each level binds tighter than the one before it
    ("1 or 2 and 3", "(1 or (2 and 3))"),
    ("1 and 2 or 3", "((1 and 2) or 3)"),
    ("1 and 2 = 3", "(1 and (2 = 3))"),
    ("1 = 2 and 3", "((1 = 2) and 3)"),
    ("1 != 2 < 3", "(1 != (2 < 3))"),
    ("1 < 2 = 3", "((1 < 2) = 3)"),
    ("1 <= 2 + 3", "(1 <= (2 + 3))"),
    ("1 + 2 >= 3", "((1 + 2) >= 3)"),
    ("1 + 2 * 3", "(1 + (2 * 3))"),
    ("1 * 2 + 3", "((1 * 2) + 3)"),
    ("1 - 2 div 3", "(1 - (2 div 3))"),
    ("1 mod 2 - 3", "((1 mod 2) - 3)"),
    ("-1 * 2", "((-1) * 2)"),
    ("2 * -1", "(2 * (-1))"),
    ("- - 1", "(-(-1))"),
    ("-${age} + 1", "((-${age}) + 1)"),
    # all binary operators associate to the left
    ("1 - 2 - 3", "((1 - 2) - 3)"),
    ("8 div 4 div 2", "((8 div 4) div 2)"),
    ("1 * 2 mod 3", "((1 * 2) mod 3)"),
    ("1 = 2 != 3", "((1 = 2) != 3)"),
    ("1 < 2 > 3", "((1 < 2) > 3)"),
    ("1 or 2 or 3", "((1 or 2) or 3)"),
    # parentheses override, and leave no trace in the tree
    ("(1 + 2) * 3", "((1 + 2) * 3)"),
    ("1 - (2 - 3)", "(1 - (2 - 3))"),
    ("((((1))))", "1"),
    ("(1 or 2) and 3", "((1 or 2) and 3)"),
    ("-(1 + 2)", "(-(1 + 2))"),
    # the full ladder in one expression
    ("1 or 2 and 3 = 4 < 5 + 6 * -7",
     "(1 or (2 and (3 = (4 < (5 + (6 * (-7)))))))"),
    ("-1 * 2 + 3 < 4 = 5 and 6 or 7",
     "(((((((-1) * 2) + 3) < 4) = 5) and 6) or 7)"),
])
def test_precedence_and_associativity(text, tree):
    assert show(parse(text)) == tree


def test_whitespace_is_optional_around_symbols():
    assert show(parse("${age}>=18and${minor}=true()")) == show(
        parse("${age} >= 18 and ${minor} = true()"))
    assert show(parse("\t1\n+\r2 ")) == "(1 + 2)"


@pytest.mark.parametrize(("text", "value"), [
    ("12", 12), ("0", 0), ("3.5", 3.5), (".5", 0.5), ("007", 7),
    ("'text'", "text"), ('"text"', "text"), ("''", ""), ('""', ""),
    ("\"it's\"", "it's"), ("'say \"hi\"'", 'say "hi"'),
    ("'Përshëndetje, çfarë?'", "Përshëndetje, çfarë?"), ("'  spaced  '", "  spaced  "),
    ("'${age} and or ('", "${age} and or ("),  # nothing inside quotes is parsed
])
def test_literals(text, value):
    node = parse(text)
    assert isinstance(node, Literal)
    assert node.value == value
    assert type(node.value) is type(value)
    assert node.column == 1


def test_integer_literals_are_ints_and_decimals_floats():
    assert type(parse("10").value) is int
    assert type(parse("10.0").value) is float


def test_true_and_false_are_calls():
    assert parse("true()") == Call(1, "true", ())
    assert parse("false()") == Call(1, "false", ())


def test_references_and_current():
    assert parse("${age}") == Ref(1, "age")
    assert parse("${ age }") == Ref(1, "age")
    assert parse("${q_2_b}") == Ref(1, "q_2_b")
    assert parse(".") == Current(1)
    assert show(parse(". >= 0 and . < 120")) == "((. >= 0) and (. < 120))"


def test_columns_are_one_based_and_point_at_each_node():
    node = parse("${age} + 12 * 'x'")
    assert isinstance(node, Binary)
    assert (node.column, node.left.column) == (8, 1)
    assert (node.right.column, node.right.left.column, node.right.right.column) == (13, 10, 15)


@pytest.mark.parametrize(("text", "name", "count"), [
    ("today()", "today", 0),
    ("now( )", "now", 0),
    ("not(true())", "not", 1),
    ("count-selected(${langs})", "count-selected", 1),
    ("string-length(${name})", "string-length", 1),
    ("years-between(${dob}, today())", "years-between", 2),
    ("selected(${langs}, 'sq')", "selected", 2),
    ("coalesce(${age} + 1, 2 * 3)", "coalesce", 2),
    ("if(${minor}, 1, 2)", "if", 3),
    ("choice-index(${sex})", "choice-index", 1),
    ("no-such-thing(1, 2, 3)", "no-such-thing", 3),  # known-ness is the checker's business
])
def test_function_calls(text, name, count):
    node = parse(text)
    assert isinstance(node, Call)
    assert (node.name, len(node.args)) == (name, count)


def test_call_arguments_are_full_expressions():
    assert show(parse("if(${a} or ${b}, -1, (2 + 3) * 4)")) == \
        "if((${a} or ${b}), (-1), ((2 + 3) * 4))"
    assert show(parse("not(not(not(true())))")) == "not(not(not(true())))"


def test_div_and_mod_are_operators_between_values_and_names_inside_refs():
    assert show(parse("${div} div ${mod} mod 2")) == "((${div} div ${mod}) mod 2)"
    assert show(parse("7 div(2)")) == "(7 div 2)"
    assert show(parse("${and} and ${or} or ${mod}")) == "((${and} and ${or}) or ${mod})"
    assert "expected a value" in str(syntax_error("div(1, 2)"))
    assert syntax_error("mod").column == 1
    assert syntax_error("1 + and").column == 5


def test_hyphen_after_a_name_belongs_to_the_name():
    # a hyphenated function name is one token; subtraction needs a value on the left
    assert show(parse("count-selected(${langs})-1")) == "(count-selected(${langs}) - 1)"
    assert show(parse("${age}-1")) == "(${age} - 1)"


@pytest.mark.parametrize(("text", "column", "words"), [
    ("(1 + 2", 7, "expected ')'"),
    ("((1)", 5, "expected ')'"),
    ("not(true()", 11, "expected ',' or ')'"),
    ("if(1 2, 3)", 6, "expected ',' or ')'"),
    ("coalesce(1, )", 13, "expected a value"),
    ("'abc", 1, "not closed"),
    ("1 + 'abc", 5, "not closed"),
    ('"abc', 1, "not closed"),
    ("1 # 2", 3, "unexpected character '#'"),
    ("${age} & 1", 8, "unexpected character '&'"),
    ("$", 1, "unexpected character '$'"),
    ("${age", 1, "unexpected character '$'"),
    ("1 == 2", 4, "expected a value"),
    ("1 2", 3, "unexpected '2'"),
    ("${age} ${name}", 8, "unexpected ${name}"),
    ("(1))", 4, "unexpected ')'"),
    ("1.", 2, "unexpected '.'"),
    ("1 +", 4, "expected a value, found the end of the expression"),
    ("* 2", 1, "expected a value"),
    (")", 1, "expected a value"),
    ("", 1, "empty"),
    ("   ", 1, "empty"),
    ("age > 3", 1, "write ${age}"),
    ("1 + consent", 5, "write ${consent}"),
    ("count-selected", 1, "write ${count-selected}"),
    ("${Bad Name}", 1, "not a valid question reference"),
    ("1 + ${Bad Name}", 5, "not a valid question reference"),
    ("${}", 1, "not a valid question reference"),
    ("${1st}", 1, "not a valid question reference"),
    ("${age-years}", 1, "not a valid question reference"),
    ("9" * 5000, 1, "too long"),
    ("1 + " + "9" * 5000, 5, "too long"),
])
def test_syntax_errors_have_a_column_and_a_reason(text, column, words):
    error = syntax_error(text)
    assert error.column == column
    assert words in str(error)
    assert f"(at character {column})" in str(error)


@pytest.mark.parametrize("value", [None, 12, b"1 + 1", ["1"]])
def test_parse_refuses_non_text(value):
    assert syntax_error(value).column == 1


@pytest.mark.parametrize("text", [
    "(" * 500 + "1" + ")" * 500,
    "-" * 500 + "1",
    "- " * 500 + "1",
    "not(" * 500 + "true()" + ")" * 500,
    "if(true(), " * 300 + "1" + ", 2)" * 300,
    "(" * 100_000,
    "1" + " + 1" * 5000,  # no parentheses, but a tree 5000 levels deep
    "${a}" + " or ${a}" * 2000,
    "1" + " * -1" * 1000,
    "(-" * 400 + "1" + ")" * 400,
])
def test_deep_nesting_is_a_clean_syntax_error(text):
    error = syntax_error(text)  # never RecursionError
    assert "nested too deeply" in str(error)
    assert 1 <= error.column <= len(text)


def test_long_but_reasonable_chains_work():
    text = " or ".join(f"selected(${{langs}}, '{v}')" for v in ["sq", "en", "it"] * 25)
    assert type_of(text) == BOOL
    assert ev(text, {"langs": ["it"]}) is True
    total = " + ".join(["${age}"] * (MAX_HEIGHT - 1))
    assert ev(total, {"age": 2}) == 2 * (MAX_HEIGHT - 1)


# == 2. type checker =============================================================================

@pytest.mark.parametrize(("text", "kind"), [
    ("1", "number"), ("1.5", "number"), ("'a'", "string"), ("''", "string"),
    ("true()", "bool"), ("false()", "bool"), ("today()", "date"), ("now()", "datetime"),
    ("${age}", "number"), ("${langs}", "list"), ("${children}", "repeat"),
    ("-${age}", "number"), ("${age} + 1", "number"), ("${age} div 2 mod 3 * 4 - 1", "number"),
    ("${dob} - ${dob}", "number"), ("${arrived} - now()", "number"), ("today() - ${dob}", "number"),
    ("${age} > 1", "bool"), ("${minor} and ${age} = 3 or not(${minor})", "bool"),
    ("not(${minor})", "bool"), ("selected(${langs}, 'sq')", "bool"),
    ("count-selected(${langs})", "number"), ("string-length(${name})", "number"),
    ("string-length(${sex})", "number"), ("count(${children})", "number"),
    ("count(${langs})", "number"), ("int(${age} div 3)", "number"),
    ("date('2020-01-01')", "date"), ("date(${dob})", "date"), ("date(${arrived})", "date"),
    ("years-between(${dob}, today())", "number"), ("years-between(${dob}, now())", "number"),
    ("years-between(${arrived}, ${dob})", "number"),
    ("if(${minor}, 1, 2)", "number"), ("if(${minor}, '', 2)", "number"),
    ("if(${minor}, 2, '')", "number"), ("if(${minor}, ${sex}, 'female')", "string"),
    ("coalesce(${age}, 0)", "number"), ("coalesce('', ${dob})", "date"),
    ("coalesce(${name}, 'unknown')", "string"), ("choice-index(${sex})", "number"),
])
def test_types_of_valid_expressions(text, kind):
    assert type_of(text).kind == kind


def test_choice_list_travels_with_the_type():
    assert type_of("${sex}").choices == "sex"
    assert type_of("coalesce(${sex}, '')").choices == "sex"
    assert type_of("''").empty_literal
    assert not type_of("'x'").empty_literal


def test_unknown_reference():
    error = type_error("1 + ${nope}")
    assert str(error) == "unknown reference ${nope}"
    assert error.column == 5


def test_current_only_in_a_constraint():
    error = type_error(". > 3")
    assert "'.' may only be used in a constraint" in str(error)
    assert error.column == 1
    assert type_of(". > 3", current=NUMBER) == BOOL
    assert type_of(".", current=VType("string", "sex")).choices == "sex"
    assert "not a value of the list 'sex'" in str(type_error(". = 'x'", VType("string", "sex")))


@pytest.mark.parametrize(("text", "words"), [
    ("${age} and true()", "'and' needs true/false, but gets a number"),
    ("true() and ${name}", "'and' needs true/false, but gets text"),
    ("${langs} or ${minor}", "'or' needs true/false, but gets a list of choices"),
    ("${minor} or ${dob}", "'or' needs true/false, but gets a date"),
    ("1 or 2", "'or' needs true/false"),
])
def test_and_or_need_booleans(text, words):
    assert words in str(type_error(text))


@pytest.mark.parametrize(("text", "words"), [
    ("${age} = 'x'", "'=' compares a number with text"),
    ("${age} != ${name}", "'!=' compares a number with text"),
    ("${minor} = 1", "'=' compares true/false with a number"),
    ("${dob} = ${arrived}", "'=' compares a date with a date and time"),
    ("${dob} = 5", "'=' compares a date with a number"),
    ("${langs} = 'sq'", "'=' compares a list of choices with text"),
    ("${children} = 0", "'=' compares a repeat group with a number"),
    ("${sex} = ${marital}",
     "compares values of the list 'sex' with values of the list 'marital'"),
])
def test_comparing_mismatched_kinds(text, words):
    assert words in str(type_error(text))


@pytest.mark.parametrize("ref", sorted(TYPES))
@pytest.mark.parametrize("op", ["=", "!="])
def test_comparing_with_empty_text_is_allowed_for_every_kind(ref, op):
    assert type_of(f"${{{ref}}} {op} ''") == BOOL
    assert type_of(f"'' {op} ${{{ref}}}") == BOOL


def test_choice_literals_are_checked_against_the_list():
    error = type_error("${sex} = 'femal'")
    assert str(error) == "'femal' is not a value of the list 'sex' (values: female, male)"
    assert error.column == 10
    assert type_error("'femal' != ${sex}").column == 1
    assert type_error("coalesce(${sex}, 'x') = 'mal'").column == 25
    assert type_of("${sex} = 'female'") == BOOL
    assert type_of("'male' != ${sex}") == BOOL
    assert type_of("${sex} = ${other_sex}") == BOOL
    assert type_of("${sex} = ${name}") == BOOL  # free text: nothing to check against
    assert type_of("${free} = 'anything'") == BOOL  # the lookup does not know the list


def test_selected_literal_is_checked_against_the_list():
    error = type_error("selected(${langs}, 'de')")
    assert str(error) == "'de' is not a value of the list 'languages' (values: en, it, sq)"
    assert error.column == 20
    assert type_of("selected(${langs}, ${name})") == BOOL  # not a literal: checked at runtime
    assert "argument 1 of selected() must be a list of choices, not a number" in str(
        type_error("selected(${age}, 'sq')"))
    assert "argument 2 of selected() must be text, not a number" in str(
        type_error("selected(${langs}, 1)"))


@pytest.mark.parametrize("text", [
    "${dob} = '2020-01-01'", "'2020-01-01' != ${dob}", "${dob} < '2020-01-01'",
    "'2020-01-01' >= ${dob}", "${arrived} > '2020-01-01T10:00'", "today() <= '2030-12-31'",
    "${dob} = 'not a date'",  # the literal is only known to be text; at runtime it never matches
])
def test_dates_compare_with_text_literals(text):
    assert type_of(text) == BOOL


@pytest.mark.parametrize(("text", "words"), [
    ("${name} < 'b'", "'<' cannot order text and text"),
    ("${sex} >= 'male'", "'>=' cannot order text and text"),
    ("${minor} > false()", "'>' cannot order true/false and true/false"),
    ("${age} <= ${dob}", "'<=' cannot order a number and a date"),
    ("${dob} < ${arrived}", "'<' cannot order a date and a date and time"),
    ("${langs} < ${langs}", "cannot order a list of choices"),
    ("${age} < ''", "'<' cannot compare with ''"),
    ("'' > ${dob}", "'>' cannot compare with ''"),
    ("${dob} < ${name}", "cannot order a date and text"),  # only a literal may stand for a date
])
def test_ordering_needs_numbers_or_dates(text, words):
    assert words in str(type_error(text))


@pytest.mark.parametrize("text", ["${age} < 1.5", "${dob} > today()", "now() >= ${arrived}"])
def test_ordering_numbers_and_dates(text):
    assert type_of(text) == BOOL


@pytest.mark.parametrize(("text", "words"), [
    ("${name} + 1", "'+' needs a number, but gets text"),
    ("1 * ${minor}", "'*' needs a number, but gets true/false"),
    ("${dob} + ${dob}", "'+' needs a number, but gets a date"),
    ("${dob} - ${arrived}", "'-' needs a number, but gets a date"),
    ("${dob} - 1", "'-' needs a number, but gets a date"),
    ("${langs} div 2", "'div' needs a number, but gets a list of choices"),
    ("2 mod ${children}", "'mod' needs a number, but gets a repeat group"),
    ("-${name}", "'-' needs a number, but gets text"),
    ("-today()", "'-' needs a number, but gets a date"),
])
def test_arithmetic_needs_numbers(text, words):
    assert words in str(type_error(text))


def test_if_and_coalesce_branches_must_agree():
    assert "if() mixes a number and text" in str(type_error("if(${minor}, 1, 'a')"))
    assert "if() mixes a date and a date and time" in str(
        type_error("if(${minor}, today(), now())"))
    assert "the condition of if() needs true/false, but gets a number" in str(
        type_error("if(${age}, 1, 2)"))
    assert "coalesce() mixes text and a number" in str(type_error("coalesce(${name}, 0)"))


@pytest.mark.parametrize("text", [
    "choice-index(${name})", "choice-index(${langs})", "choice-index('female')",
    "choice-index(${age})",
])
def test_choice_index_needs_a_select_one(text):
    assert "choice-index() needs the answer to a select_one question" in str(type_error(text))


def test_unknown_function_lists_the_known_ones():
    error = type_error("1 + string_length(${name})")
    assert str(error).startswith("unknown function string_length() (known: ")
    assert error.column == 5
    for name in FUNCTION_NAMES:
        assert name in str(error)
    assert "choice-index, coalesce, count, count-selected, date" in str(error)


@pytest.mark.parametrize(("text", "words"), [
    ("today(1)", "today() takes 0 argument(s), not 1"),
    ("true(1)", "true() takes 0 argument(s), not 1"),
    ("not()", "not() takes 1 argument(s), not 0"),
    ("not(true(), false())", "not() takes 1 argument(s), not 2"),
    ("selected(${langs})", "selected() takes 2 argument(s), not 1"),
    ("years-between(${dob})", "years-between() takes 2 argument(s), not 1"),
    ("if(${minor}, 1)", "if() takes 3 argument(s), not 2"),
    ("coalesce(1, 2, 3)", "coalesce() takes 2 argument(s), not 3"),
    ("count-selected()", "count-selected() takes 1 argument(s), not 0"),
])
def test_arity(text, words):
    assert str(type_error(text)) == words


def test_arity_is_checked_before_argument_types():
    # the argument is wrong too (unknown reference), but the call's shape is reported first
    assert "takes 1 argument(s)" in str(type_error("not(${nope}, ${nope})"))


@pytest.mark.parametrize(("text", "words"), [
    ("not(${age})", "argument 1 of not() must be true/false, not a number"),
    ("count-selected(${name})", "argument 1 of count-selected() must be a list of choices"),
    ("string-length(${age})", "argument 1 of string-length() must be text, not a number"),
    ("date(${age})", "argument 1 of date() must be text or a date or a date and time"),
    ("years-between(${age}, today())", "argument 1 of years-between() must be a date"),
    ("years-between(${dob}, 'x')", "argument 2 of years-between() must be a date"),
    ("count(${age})", "argument 1 of count() must be a repeat group or a list of choices"),
    ("int(${name})", "argument 1 of int() must be a number, not text"),
])
def test_function_argument_types(text, words):
    assert words in str(type_error(text))


def test_type_errors_point_at_the_operator_or_call():
    assert type_error("1 + (${age} and true())").column == 13
    assert type_error("${minor} or if(${age}, 1, 2) = 1").column == 13


# == 3. evaluation semantics =====================================================================

EMPTIES = [None, "", []]


@pytest.mark.parametrize("empty", EMPTIES)
@pytest.mark.parametrize("text", [
    "${x} + 1", "1 - ${x}", "${x} * 2", "${x} div 2", "2 mod ${x}", "-${x}", "int(${x})",
    "${x} + ${x}",
])
def test_arithmetic_with_an_empty_value_is_empty(text, empty):
    assert ev(text, {"x": empty}, typed=False) is None


@pytest.mark.parametrize("empty", [*EMPTIES, "missing"])
def test_comparisons_with_an_empty_value(empty):
    values = {} if empty == "missing" else {"x": empty}
    for text in ["${x} = 1", "${x} = 'no'", "1 = ${x}", "${x} = ${y}", "${x} = ${x}"]:
        assert ev(text, values, typed=False) is False, text
    for text in ["${x} != 'no'", "${x} != 1", "'no' != ${x}", "${x} != ${y}"]:
        assert ev(text, values, typed=False) is True, text
    for text in ["${x} < 1", "${x} <= 1", "${x} > 1", "${x} >= 1", "1 < ${x}", "1 >= ${x}",
                 "${x} < '2020-01-01'"]:
        assert ev(text, values, typed=False) is False, text
    assert ev("${x} = ''", values, typed=False) is True
    assert ev("'' = ${x}", values, typed=False) is True
    assert ev("${x} != ''", values, typed=False) is False
    assert ev("'' != ${x}", values, typed=False) is False


def test_an_empty_text_from_a_calculation_is_empty_too():
    # if(..., ${dob}, '') gives '' when the condition fails: it must not compare as text
    calc = "if(${minor}, ${dob}, '')"
    assert type_of(calc) == DATE
    for test in [" = ''", " != '2020-01-01'"]:
        assert ev(calc + test, {"minor": False}) is True, test
    for test in [" < '2020-01-01'", " >= '2020-01-01'", " <= '2020-01-01'", " = '2020-01-01'",
                 " != ''"]:
        assert ev(calc + test, {"minor": False}) is False, test
    assert ev(calc + " = " + calc, {"minor": False}) is False
    assert ev(calc + " != " + calc, {"minor": False}) is True
    assert ev(calc + " < '2020-01-01'", {"minor": True, "dob": dt.date(2019, 1, 1)}) is True


def test_unanswered_consent_keeps_a_section_open_until_no():
    rule = "${consent} != 'no'"
    assert ev(rule, {}, typed=False) is True
    assert ev(rule, {"consent": "yes"}, typed=False) is True
    assert ev(rule, {"consent": "no"}, typed=False) is False


@pytest.mark.parametrize("value", [0, 0.0, False, "a", " ", ["a"], dt.date(2020, 1, 1)])
def test_values_that_are_not_empty(value):
    assert ev("${x} = ''", {"x": value}, typed=False) is False
    assert ev("${x} != ''", {"x": value}, typed=False) is True


def test_equality():
    assert ev("${age} = 3", {"age": 3}) is True
    assert ev("${age} = 3", {"age": 3.0}) is True
    assert ev("${age} != 3", {"age": 4}) is True
    assert ev("${sex} = 'female'", {"sex": "female"}) is True
    assert ev("${sex} = ${other_sex}", {"sex": "male", "other_sex": "male"}) is True
    assert ev("${x} = 1", {"x": True}, typed=False) is False  # booleans are not numbers
    assert ev("${x} = true()", {"x": 1}, typed=False) is False
    assert ev("${minor} = true()", {"minor": True}) is True
    assert ev("${x} = 1", {"x": "1"}, typed=False) is False


def test_ordering():
    assert ev("${age} < 18", {"age": 17}) is True
    assert ev("${age} < 18", {"age": 18}) is False
    assert ev("${age} <= 18", {"age": 18}) is True
    assert ev("${age} >= 18.5", {"age": 18}) is False
    assert ev("${x} > 1", {"x": True}, typed=False) is False
    assert ev("${x} < 1", {"x": "0"}, typed=False) is False  # text against number: false
    assert ev("${x} < ${y}", {"x": {}, "y": {}}, typed=False) is False


def test_dates_compare_with_iso_text():
    values = {"dob": dt.date(2019, 12, 31), "arrived": dt.datetime(2020, 1, 1, 9, 0)}
    assert ev("${dob} < '2020-01-01'", values) is True
    assert ev("'2020-01-01' > ${dob}", values) is True
    assert ev("${dob} = '2019-12-31'", values) is True
    assert ev("${dob} != '2019-12-31'", values) is False
    assert ev("${dob} = 'not a date'", values) is False
    assert ev("${dob} < 'not a date'", values) is False
    assert ev("${arrived} > '2020-01-01T08:59'", values) is True
    assert ev("${arrived} = '2020-01-01T09:00:00'", values) is True
    assert ev("${dob} < ${arrived}", values, typed=False) is False  # date against datetime


def test_date_arithmetic_gives_days():
    values = {"a": dt.date(2024, 3, 1), "b": dt.date(2024, 2, 1)}
    assert ev("${a} - ${b}", values, typed=False) == 29
    values = {"a": dt.datetime(2024, 3, 1, 12), "b": dt.datetime(2024, 3, 1)}
    assert ev("${a} - ${b}", values, typed=False) == 0.5
    values = {"a": dt.datetime(2024, 3, 1), "b": dt.date(2024, 3, 1)}
    assert ev("${a} - ${b}", values, typed=False) is None
    aware = dt.datetime(2024, 3, 1, tzinfo=dt.UTC)
    assert ev("${a} - ${b}", {"a": aware, "b": dt.datetime(2024, 3, 1)}, typed=False) is None
    assert ev("today() - ${dob}", {"dob": dt.date(2024, 2, 1)}) == 29
    assert ev("${a} + ${b}", {"a": dt.date(2024, 3, 1), "b": dt.date(2024, 3, 1)},
              typed=False) is None


def test_arithmetic():
    assert ev("1 + 2 * 3") == 7
    assert ev("(1 + 2) * 3") == 9
    assert ev("7 div 2") == 3.5
    assert ev("7 mod 3") == 1
    assert ev("-7 mod 3") == -1  # XPath: the sign of the dividend
    assert ev("7.5 mod 2") == 1.5
    assert ev("10 - 2 - 3") == 5
    assert ev("-${age}", {"age": 4}) == -4
    assert ev("int(7 div 2)") == 3
    assert ev("int(-3.7)") == -3


@pytest.mark.parametrize("text", ["1 div 0", "0 div 0", "1 mod 0", "${age} div (${age} - 2)",
                                  "1.5 div 0.0", "0 mod 0"])
def test_division_by_zero_is_empty(text):
    assert ev(text, {"age": 2}) is None


def test_overflow_and_non_finite_results_are_empty():
    big = 10**400
    assert ev("${x} * 1.5", {"x": big}, typed=False) is None
    assert ev("${x} div 3", {"x": big}, typed=False) is None
    assert ev("${x} * ${x}", {"x": big}, typed=False) == big * big  # exact integers are fine
    assert ev("${x} + 1", {"x": math.inf}, typed=False) is None
    assert ev("${x} * 2", {"x": 1e308}, typed=False) is None
    assert ev("int(${x})", {"x": math.nan}, typed=False) is None
    assert ev("${x} mod 2", {"x": math.inf}, typed=False) is None


def test_logic():
    assert ev("${a} and ${b}", {"a": True, "b": True}, typed=False) is True
    assert ev("${a} and ${b}", {"a": True, "b": None}, typed=False) is False
    assert ev("${a} and ${b}", {"a": True, "b": "yes"}, typed=False) is False  # only true counts
    assert ev("${a} or ${b}", {"a": None, "b": True}, typed=False) is True
    assert ev("${a} or ${b}", {"a": 1, "b": "true"}, typed=False) is False
    assert ev("not(${a})", {"a": True}, typed=False) is False
    assert ev("not(${a})", {"a": False}, typed=False) is True
    assert ev("not(${a})", {}, typed=False) is True
    assert ev("true() and not(false())") is True


def test_selected_and_count_selected():
    assert ev("selected(${langs}, 'sq')", {"langs": ["sq", "en"]}) is True
    assert ev("selected(${langs}, 'it')", {"langs": ["sq", "en"]}) is False
    assert ev("count-selected(${langs})", {"langs": ["sq", "en"]}) == 2
    for empty in [None, "", []]:
        assert ev("selected(${langs}, 'sq')", {"langs": empty}) is False
        assert ev("count-selected(${langs})", {"langs": empty}) == 0
    assert ev("selected(${langs}, 'sq')", {}) is False
    assert ev("selected(${x}, 'sq')", {"x": "sq"}, typed=False) is False  # not a list
    assert ev("count(${children})", {"children": [{}, {}, {}]}) == 3
    assert ev("count(${children})", {}) == 0


def test_string_length():
    assert ev("string-length(${name})", {"name": "Ëndë"}) == 4
    assert ev("string-length(${name})", {}) == 0
    assert ev("string-length(${x})", {"x": 12345}, typed=False) == 0


@pytest.mark.parametrize(("born", "on", "years"), [
    (dt.date(2000, 5, 10), dt.date(2020, 5, 9), 19),  # the day before the birthday
    (dt.date(2000, 5, 10), dt.date(2020, 5, 10), 20),  # on the birthday
    (dt.date(2000, 5, 10), dt.date(2020, 5, 11), 20),
    (dt.date(2000, 5, 10), dt.date(2000, 5, 10), 0),
    (dt.date(2000, 12, 31), dt.date(2001, 1, 1), 0),
    (dt.date(2006, 3, 2), dt.date(2024, 3, 1), 17),  # turns 18 tomorrow: still a child
    (dt.date(2006, 3, 1), dt.date(2024, 3, 1), 18),
    # born on 29 February: a year older on 1 March in other years, on 29 February in leap years
    (dt.date(2000, 2, 29), dt.date(2021, 2, 28), 20),
    (dt.date(2000, 2, 29), dt.date(2021, 3, 1), 21),
    (dt.date(2000, 2, 29), dt.date(2024, 2, 28), 23),
    (dt.date(2000, 2, 29), dt.date(2024, 2, 29), 24),
    (dt.date(2001, 2, 28), dt.date(2004, 2, 29), 3),
    # backwards: whole years counted down (floor)
    (dt.date(2020, 5, 10), dt.date(2019, 5, 10), -1),
])
def test_years_between(born, on, years):
    assert ev("years-between(${dob}, today())", {"dob": born},
              now=dt.datetime.combine(on, dt.time(23, 59))) == years
    assert ev("years-between(${a}, ${b})", {"a": born.isoformat(), "b": on.isoformat()},
              typed=False) == years


def test_years_between_accepts_datetimes_and_iso_text():
    values = {"dob": dt.date(2000, 5, 10), "arrived": dt.datetime(2020, 5, 10, 0, 1)}
    assert ev("years-between(${dob}, ${arrived})", values) == 20
    assert ev("years-between(${dob}, now())", values, now=dt.datetime(2020, 5, 9, 23, 59)) == 19
    assert ev("years-between(${a}, ${b})", {"a": "2000-05-10", "b": "2020-05-10T08:00:00"},
              typed=False) == 20
    for bad in [None, "", "10/05/2000", 2000, []]:
        assert ev("years-between(${a}, today())", {"a": bad}, typed=False) is None


def test_date_function():
    assert ev("date(${arrived})", {"arrived": dt.datetime(2020, 1, 2, 23, 59)}) == \
        dt.date(2020, 1, 2)
    assert ev("date('2020-01-02')") == dt.date(2020, 1, 2)
    assert ev("date('2020-01-02T10:00:00')") == dt.date(2020, 1, 2)
    assert ev("date(${dob})", {"dob": dt.date(2020, 1, 2)}) == dt.date(2020, 1, 2)
    assert type(ev("date(${arrived})", {"arrived": dt.datetime(2020, 1, 2)})) is dt.date
    for bad in ["2020-13-01", "yesterday", ""]:
        assert ev("date(${name})", {"name": bad}) is None
    assert ev("date(${name})", {}) is None
    assert ev("date(${x})", {"x": 20200102}, typed=False) is None
    assert ev("date('2020-01-02') = '2020-01-02'") is True


def test_if_and_coalesce():
    assert ev("if(${minor}, 'child', 'adult')", {"minor": True}) == "child"
    assert ev("if(${minor}, 'child', 'adult')", {"minor": False}) == "adult"
    assert ev("if(${minor}, 'child', 'adult')", {}) == "adult"
    assert ev("if(${x}, 1, 2)", {"x": "yes"}, typed=False) == 2  # only true counts
    assert ev("if(${age} < 18, ${age}, '')", {"age": 20}) == ""
    assert ev("coalesce(${age}, 0)", {}) == 0
    assert ev("coalesce(${age}, 0)", {"age": 7}) == 7
    assert ev("coalesce(${age}, 5)", {"age": 0}) == 0  # zero is a value
    assert ev("coalesce(${name}, 'unknown')", {"name": ""}) == "unknown"
    assert ev("coalesce(${langs}, ${langs})", {"langs": []}) == []
    assert ev("coalesce(${x}, ${y})", {"x": False, "y": True}, typed=False) is False


def test_today_and_now_come_from_the_context():
    now = dt.datetime(2023, 12, 31, 23, 59, 59)
    assert ev("today()", now=now) == dt.date(2023, 12, 31)
    assert ev("now()", now=now) == now
    assert ev("today() = '2023-12-31'", now=now) is True
    assert ev("now() > '2023-12-31T23:59:58'", now=now) is True
    assert ev("${dob} > today()", {"dob": dt.date(2024, 1, 1)}, now=now) is True


def test_current_comes_from_the_context():
    assert ev(". >= 0 and . < 120", current=30) is True
    assert ev(". >= 0 and . < 120", current=130) is False
    assert ev(". + 1", current=None) is None


def test_choice_index():
    # ORDERS numbers each list's values alphabetically: female 0, male 1
    assert ev("choice-index(${sex})", {"sex": "male"}) == 1
    assert ev("choice-index(${sex})", {"sex": "female"}) == 0
    assert ev("choice-index(${sex}) + 1", {"sex": "male"}) == 2
    assert ev("choice-index(${sex})", {"sex": "other"}) is None
    assert ev("choice-index(${sex})", {}) is None
    assert ev("choice-index(${sex})", {"sex": ["male"]}) is None
    # without a scope or choice order the compiler cannot know the list: always empty
    assert ev("choice-index(${sex})", {"sex": "male"}, typed=False) is None
    node = parse("choice-index(${sex})")
    fn = compile_expression(node, SCOPE)
    assert fn({"sex": "male"}, Context()) is None
    fn = compile_expression(node, SCOPE, lambda name: None)
    assert fn({"sex": "male"}, Context()) is None


def test_compiler_refuses_calls_the_checker_refuses():
    for text in ["nope(1)", "if(true(), 1)", "today(1)", "coalesce(1, 2, 3)"]:
        with pytest.raises(ExpressionTypeError):
            compile_expression(parse(text))


def test_compiled_expressions_are_reusable_and_pure():
    fn = compile_expression(parse("${age} + 1"))
    values = {"age": 1}
    assert [fn(values, Context()) for _ in range(3)] == [2, 2, 2]
    assert values == {"age": 1}


# == 4. properties ===============================================================================

REF_NAMES = ["age", "name", "sex", "langs", "dob", "arrived", "minor", "children", "x", "div"]
FUNCTIONS = [*sorted(FUNCTION_NAMES), "foo", "string_length", "count-selected-"]
OPERATORS = ["or", "and", "=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "div", "mod"]
SPACE = st.sampled_from([" ", " ", "  ", "\t"])
GAP = st.sampled_from(["", " ", "\n"])


def _quoted(text: str) -> str:
    return f"'{text}'" if "'" not in text else f'"{text}"'


NUMBER_TEXT = st.one_of(
    st.integers(0, 10**6).map(str),
    st.integers(0, 10**40).map(str),
    st.integers(1, 3).map(lambda n: "9" * (4000 * n)),  # beyond int()'s digit limit at 8000
    st.floats(0, 1e12, allow_nan=False).map(lambda f: format(Decimal(f), "f")),
    st.floats(0, allow_nan=False, allow_infinity=False).map(lambda f: f"{f:.3f}"),  # 1e308 too
    st.sampled_from(["0.0", ".5", "00", "1" * 400 + ".5"]),
)
STRING_TEXT = st.one_of(
    st.just("''"), st.just('""'),
    st.sampled_from(["'female'", "'male'", "'femal'", "'sq'", "'2020-01-01'",
                     "'2020-02-30'", "'2020-01-01T10:00'"]),
    st.text(max_size=12).filter(lambda s: not ("'" in s and '"' in s)).map(_quoted),
)
LEAF = st.one_of(
    st.sampled_from(REF_NAMES).map(lambda n: f"${{{n}}}"),
    st.just("."),
    NUMBER_TEXT,
    STRING_TEXT,
    st.sampled_from(["true()", "false()", "today()", "now()"]),
)


def _extend(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    call = st.builds(
        lambda name, args, gap: f"{name}({gap}{', '.join(args)})",
        st.sampled_from(FUNCTIONS), st.lists(children, max_size=3), GAP)
    binary = st.builds(lambda a, op, b, s: f"{a}{s}{op}{s}{b}",
                       children, st.sampled_from(OPERATORS), children, SPACE)
    return st.one_of(
        binary,
        binary,
        call,
        children.map(lambda c: f"-{c}"),
        children.map(lambda c: f"({c})"),
        st.builds(lambda c, n: "(" * n + c + ")" * n, children, st.integers(1, 70)),
        st.builds(lambda c, n: "-" * n + c, children, st.integers(1, 70)),
    )


EXPRESSION = st.recursive(LEAF, _extend, max_leaves=25)
# character soup, biased towards the language's own characters
SOUP = st.one_of(
    st.text(),
    st.text(alphabet="${}()'\",.-+*<>=! \tabcdeilmnorstuvx0123456789_", max_size=40),
    st.lists(st.sampled_from(["${age}", "${sex}", ".", "1", "2.5", "''", "'male'", "(", ")",
                              ",", " and ", " or ", " div ", " mod ", "=", "!=", "<", ">=",
                              "+", "-", "*", "not(", "if(", "selected(", "count-selected(",
                              "today()", "years-between(", "coalesce(", "choice-index("]),
             max_size=20).map("".join),
)

VALUE = st.one_of(
    st.none(),
    st.just(""),
    st.just([]),
    st.integers(),
    st.sampled_from([10**400, -(10**400), 0, -1, 2**63]),
    st.floats(),  # nan and both infinities included
    st.booleans(),
    st.text(max_size=12),
    st.sampled_from(["female", "male", "sq", "2020-01-01", "2020-01-01T10:00:00+02:00", "yes"]),
    st.lists(st.text(max_size=5), max_size=4),
    st.lists(st.sampled_from(["sq", "en", "it"]), max_size=3),
    st.dates(),
    st.datetimes(),
    st.datetimes(timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=2))])),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
ANSWERS = st.dictionaries(st.sampled_from(REF_NAMES), VALUE)
CONTEXT = st.builds(Context, current=VALUE, now=st.one_of(
    st.datetimes(), st.datetimes(timezones=st.just(dt.UTC))))
PROPERTY = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def _scopes() -> list[Scope]:
    return [Scope(TYPES, CHOICES.get), Scope(TYPES, CHOICES.get, NUMBER),
            Scope(TYPES, CHOICES.get, VType("string", "sex"))]


def _exercise(text: str, answer_sets: list[dict], contexts: list[Context]) -> None:
    """Whatever ``text`` is: parse raises only ExpressionSyntaxError; check only
    ExpressionTypeError; compiling refuses only what the checker refuses; compiled code never
    raises."""
    try:
        node = parse(text)
    except ExpressionSyntaxError as error:
        assert 1 <= error.column <= len(text) + 1
        return
    compiled = []
    try:
        compiled.append(compile_expression(node))
    except ExpressionTypeError:
        with pytest.raises(ExpressionTypeError):
            check(node, Scope(TYPES, CHOICES.get, NUMBER))
        return
    for scope in _scopes():
        try:
            check(node, scope)
        except ExpressionTypeError as error:
            assert error.column >= 1
            checked = False
        else:
            checked = True
        try:
            compiled.append(compile_expression(node, scope, ORDERS.get))
        except ExpressionTypeError:
            assert not checked  # a checked tree always compiles
        compiled.append(compile_expression(node, None, ORDERS.get))
    for fn in compiled:
        for answers in answer_sets:
            for context in contexts:
                fn(answers, context)


@PROPERTY
@given(EXPRESSION, st.lists(ANSWERS, min_size=1, max_size=4), st.lists(CONTEXT, min_size=1,
                                                                        max_size=2))
@example("1" + " + 1" * 3000, [{}], [Context()])  # RecursionError in check/compile/evaluation
@example("9" * 5000, [{}], [Context()])  # ValueError from int(): too many digits
@example("nope(${age})", [{}], [Context()])  # KeyError in the compiler
@example("if(true(), 1)", [{}], [Context()])  # ValueError unpacking the compiler's arguments
@example("${dob} - ${arrived}", [{"dob": dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
                                  "arrived": dt.datetime(2020, 1, 1)}], [Context()])  # TypeError
def test_generated_expressions_never_crash(text, answer_sets, contexts):
    _exercise(text, answer_sets, contexts)


@PROPERTY
@given(SOUP, st.lists(ANSWERS, min_size=1, max_size=3), st.lists(CONTEXT, min_size=1,
                                                                  max_size=2))
def test_character_soup_never_crashes(text, answer_sets, contexts):
    _exercise(text, answer_sets, contexts)


@PROPERTY
@given(st.text())
@example("\x00")
@example("${\u00e9}")
@example("١٢٣ + ٤")  # \d matches every script's digits
@example("'\ud800'")
def test_parse_raises_only_syntax_errors(text):
    try:
        parse(text)
    except ExpressionSyntaxError as error:
        assert 1 <= error.column <= len(text) + 1


def _render(node: Node) -> str:
    """Text for ``node`` that parses back to the same tree, parenthesising everything."""
    if isinstance(node, Literal):
        if isinstance(node.value, str):
            return _quoted(node.value)
        digits = format(Decimal(node.value), "f")
        return digits + ".0" if isinstance(node.value, float) and "." not in digits else digits
    if isinstance(node, Ref):
        return f"${{{node.name}}}"
    if isinstance(node, Current):
        return "."
    if isinstance(node, Unary):
        return f"-({_render(node.operand)})"
    if isinstance(node, Binary):
        return f"({_render(node.left)}) {node.op} ({_render(node.right)})"
    if isinstance(node, Call):
        return f"{node.name}({', '.join(_render(a) for a in node.args)})"
    raise AssertionError(node)


def _finite(node: Node) -> bool:
    if isinstance(node, Literal):
        return not isinstance(node.value, float) or math.isfinite(node.value)
    if isinstance(node, Unary):
        return _finite(node.operand)
    if isinstance(node, Binary):
        return _finite(node.left) and _finite(node.right)
    if isinstance(node, Call):
        return all(_finite(a) for a in node.args)
    return True


@PROPERTY
@given(EXPRESSION)
def test_rendered_trees_parse_back_to_themselves(text):
    try:
        node = parse(text)
    except ExpressionSyntaxError:
        return
    if not _finite(node):
        return
    try:
        again = parse(_render(node))
    except ExpressionSyntaxError as error:  # parentheses can push it past the nesting limit
        assert "nested too deeply" in str(error)
        return
    assert show(again) == show(node)

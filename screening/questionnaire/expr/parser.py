"""Recursive-descent parser with XPath's precedence: or < and < equality < relational <
additive < multiplicative < unary."""

from __future__ import annotations

from screening.questionnaire.expr.ast import Binary, Call, Current, Literal, Node, Ref, Unary
from screening.questionnaire.expr.lexer import LexError, Token, tokenize

MAX_DEPTH = 60  # deeper nesting is a mistake in a form, and would exhaust the Python stack
# Levels of the finished tree: a long run of operators (1+1+1+...) nests without parentheses, and
# the checker, compiler and compiled closures all recurse over the tree.
MAX_HEIGHT = 100


class ExpressionSyntaxError(ValueError):
    """The expression text is not valid; ``column`` is 1-based."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(f"{message} (at character {column})")
        self.column = column


_LEVELS: tuple[frozenset[str], ...] = (
    frozenset({"or"}),
    frozenset({"and"}),
    frozenset({"=", "!="}),
    frozenset({"<", "<=", ">", ">="}),
    frozenset({"+", "-"}),
    frozenset({"*", "div", "mod"}),
)
_WORD_OPERATORS = frozenset({"or", "and", "div", "mod"})


class _Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.depth = 0

    @property
    def token(self) -> Token:
        return self.tokens[self.pos]

    def advance(self) -> Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def operator(self) -> str | None:
        token = self.token
        if token.kind == "OP" or (token.kind == "NAME" and token.text in _WORD_OPERATORS):
            return token.text
        return None

    def expect(self, kind: str, what: str) -> Token:
        if self.token.kind != kind:
            raise ExpressionSyntaxError(f"expected {what}, found {_describe(self.token)}",
                                        self.token.column)
        return self.advance()

    def binary(self, level: int) -> Node:
        if level == len(_LEVELS):
            return self.unary()
        left = self.binary(level + 1)
        while (op := self.operator()) in _LEVELS[level]:
            column = self.advance().column
            right = self.binary(level + 1)
            left = Binary(column, op, left, right)
        return left

    def unary(self) -> Node:
        if self.token.kind == "OP" and self.token.text == "-":
            column = self.advance().column
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ExpressionSyntaxError("the expression is nested too deeply", column)
            operand = self.unary()
            self.depth -= 1
            return Unary(column, "-", operand)
        return self.primary()

    def primary(self) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionSyntaxError("the expression is nested too deeply", self.token.column)
        try:
            return self._primary()
        finally:
            self.depth -= 1

    def _primary(self) -> Node:
        token = self.advance()
        if token.kind == "NUMBER":
            try:
                value: object = float(token.text) if "." in token.text else int(token.text)
            except ValueError:  # more digits than int() converts
                raise ExpressionSyntaxError("the number is too long", token.column) from None
            return Literal(token.column, value)
        if token.kind == "STRING":
            return Literal(token.column, token.text[1:-1])
        if token.kind == "REF":
            return Ref(token.column, token.text)
        if token.kind == "DOT":
            return Current(token.column)
        if token.kind == "LPAREN":
            inner = self.binary(0)
            self.expect("RPAREN", "')'")
            return inner
        if token.kind == "NAME" and token.text not in _WORD_OPERATORS:
            if self.token.kind != "LPAREN":
                raise ExpressionSyntaxError(
                    f"'{token.text}' is not a function call; write ${{{token.text}}} "
                    "to use the answer to a question", token.column)
            self.advance()
            args: list[Node] = []
            if self.token.kind != "RPAREN":
                args.append(self.binary(0))
                while self.token.kind == "COMMA":
                    self.advance()
                    args.append(self.binary(0))
            self.expect("RPAREN", "',' or ')'")
            return Call(token.column, token.text, tuple(args))
        raise ExpressionSyntaxError(f"expected a value, found {_describe(token)}", token.column)


def _describe(token: Token) -> str:
    if token.kind == "END":
        return "the end of the expression"
    if token.kind == "REF":
        return f"${{{token.text}}}"
    return f"'{token.text}'"


def parse(text: str) -> Node:
    """Parse ``text`` into an AST or raise :class:`ExpressionSyntaxError`."""
    if not isinstance(text, str) or not text.strip():
        raise ExpressionSyntaxError("the expression is empty", 1)
    try:
        tokens = tokenize(text)
    except LexError as error:
        raise ExpressionSyntaxError(str(error), error.column) from None
    parser = _Parser(tokens)
    try:
        node = parser.binary(0)
    except RecursionError:
        raise ExpressionSyntaxError("the expression is nested too deeply", 1) from None
    if parser.token.kind != "END":
        raise ExpressionSyntaxError(f"unexpected {_describe(parser.token)}", parser.token.column)
    _check_height(node)
    return node


def _check_height(root: Node) -> None:
    stack = [(root, 1)]
    while stack:
        node, level = stack.pop()
        if level > MAX_HEIGHT:
            raise ExpressionSyntaxError("the expression is nested too deeply", node.column)
        if isinstance(node, Unary):
            stack.append((node.operand, level + 1))
        elif isinstance(node, Binary):
            stack.extend(((node.left, level + 1), (node.right, level + 1)))
        elif isinstance(node, Call):
            stack.extend((arg, level + 1) for arg in node.args)

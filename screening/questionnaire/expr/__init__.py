"""The form expression language: XLSForm's surface syntax, parsed into an AST and compiled.

Nothing here calls Python's ``eval``: text becomes tokens (``lexer``), tokens an AST (``parser``),
the AST is type-checked against the form (``typecheck``) and turned into plain closures
(``compiler``) that run over a dictionary of answers.
"""

from screening.questionnaire.expr.ast import Node
from screening.questionnaire.expr.compiler import compile_expression
from screening.questionnaire.expr.parser import ExpressionSyntaxError, parse
from screening.questionnaire.expr.typecheck import ExpressionTypeError, VType, check

__all__ = [
    "ExpressionSyntaxError",
    "ExpressionTypeError",
    "Node",
    "VType",
    "check",
    "compile_expression",
    "parse",
]

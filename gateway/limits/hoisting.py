"""Documents that differ only in their literal values share one prepared document.

A client that writes ids into its documents sends a new text for every id. Preparing each
text afresh (parse, validation, limits, plans, costs) would cost many times what running it
does, so a document is first reduced to its *shape*: its tokens with the values of string and
number literals left out. The first document of a shape is parsed, and each literal that is a
field argument of a built-in scalar type becomes a variable of that argument's type, as a
prepared SQL statement takes parameters; every later document of the shape brings only its
literal values, checked as validation would check them.

The prepared document is valid exactly when the documents it stands for are: its variables
stand where literals of their own type stood, and a literal that would not have been valid
there (a number too large for `Int`, say) sends its document down the ordinary path, which
reports the error as it always did. What differs is only where the shared document's nodes
lie in its text, which `Relocation` maps back to the text each client sent.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from graphql import (
    BREAK,
    DocumentNode,
    FloatValueNode,
    GraphQLError,
    GraphQLFloat,
    GraphQLID,
    GraphQLInt,
    GraphQLNamedType,
    GraphQLSchema,
    GraphQLString,
    IntValueNode,
    NameNode,
    OperationDefinitionNode,
    StringValueNode,
    TypeInfo,
    TypeInfoVisitor,
    VariableDefinitionNode,
    VariableNode,
    Visitor,
    get_named_type,
    parse_type,
    visit,
)
from graphql.language import Lexer, Source, TokenKind

# The literal tokens whose values are hoisted; every other token is part of the shape.
LITERALS = frozenset({TokenKind.STRING, TokenKind.BLOCK_STRING, TokenKind.INT, TokenKind.FLOAT})
# Names of the variables literals become; a document already using one is not hoisted.
PREFIX = "_literal"
# Int is a signed 32-bit integer (GraphQL spec, 3.5.1).
INT_RANGE = range(-(2**31), 2**31)
_NEWLINE = re.compile(r"\r\n|[\n\r]")


@dataclass(frozen=True, slots=True)
class Token:
    """A literal token of a document: its kind, where it starts, and its (decoded) value."""

    kind: TokenKind
    start: int
    value: str | None


Convert = Callable[[Token], Any]


@dataclass(frozen=True, slots=True)
class Tokens:
    """A document's shape (what identifies it with its literal values left out), its literal
    tokens, and how many tokens and comments it has."""

    shape: str
    literals: list[Token]
    count: int


def tokens(text: str, limit: int) -> Tokens | None:
    """The document's shape and literals, or None if it does not lex (its parse says why).

    Lexing stops at `limit` tokens: a text that long is measured on the ordinary path, whose
    parser stops there too, and its `count` says only that it reached the limit.
    """
    lexer = Lexer(Source(text))
    start = lexer.token
    parts: list[str] = []
    literals: list[Token] = []
    try:
        token = lexer.advance()
        while token.kind is not TokenKind.EOF:
            if len(parts) >= limit:
                return Tokens(" ".join(parts), literals, limit)
            if token.kind in LITERALS:
                literals.append(Token(token.kind, token.start, token.value))
                parts.append(f"\x00{token.kind.name}")
            else:
                parts.append(token.value or token.kind.value)
            token = lexer.advance()
    except GraphQLError:
        return None
    # Comments stay in the lexer's chain of tokens though `advance` passes over them.
    count = 0
    link = start.next
    while link is not None and link.kind is not TokenKind.EOF:
        count += 1
        link = link.next
    return Tokens(" ".join(parts), literals, count)


def token_starts(text: str) -> list[int]:
    """Where each of a document's tokens starts, comments left out."""
    lexer = Lexer(Source(text))
    starts: list[int] = []
    token = lexer.advance()
    while token.kind is not TokenKind.EOF:
        starts.append(token.start)
        token = lexer.advance()
    return starts


@dataclass(frozen=True, slots=True)
class Hoisted:
    """A literal the shared document takes as a variable."""

    ordinal: int  # among the document's literal tokens
    variable: str
    convert: Convert


@dataclass(frozen=True)
class Shape:
    """Which literals of a shape's documents become variables, and which stay as written."""

    hoisted: tuple[Hoisted, ...]
    # Literals kept as they are (arguments of other types, directive arguments, defaults):
    # their values pick the shared document along with the shape.
    kept: tuple[int, ...]

    def bind(self, literals: Sequence[Token]) -> dict[str, Any] | None:
        """The variables for a document's literals, or None if one of them would not be
        valid where it stands."""
        values: dict[str, Any] = {}
        for hoisted in self.hoisted:
            value = hoisted.convert(literals[hoisted.ordinal])
            if value is None:
                return None
            values[hoisted.variable] = value
        return values

    def key(self, shape: str, literals: Sequence[Token]) -> tuple[str, str, tuple[str | None, ...]]:
        """What identifies the shared document: the shape and the literals it keeps."""
        return ("shared", shape, tuple(literals[ordinal].value for ordinal in self.kept))


def template(
    schema: GraphQLSchema, document: DocumentNode, found: Tokens
) -> tuple[Shape, DocumentNode] | None:
    """What to hoist from a parsed document, and the document with those literals made
    variables; None when it has nothing to hoist.

    Only documents of one operation are hoisted, so that every new variable has one operation
    to be declared on.
    """
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if len(operations) != 1 or _uses_prefix(document):
        return None
    ordinals = {token.start: ordinal for ordinal, token in enumerate(found.literals)}
    finder = _Finder(TypeInfo(schema), ordinals)
    visit(document, TypeInfoVisitor(finder.type_info, finder))
    if not finder.hoisted:
        return None
    rewritten = visit(document, _Rewriter(finder.hoisted))
    hoisted = tuple(
        Hoisted(found.ordinal, found.variable, found.convert) for found in finder.hoisted.values()
    )
    chosen = {item.ordinal for item in hoisted}
    kept = tuple(ordinal for ordinal in range(len(found.literals)) if ordinal not in chosen)
    return Shape(hoisted, kept), rewritten


@dataclass(frozen=True, slots=True)
class Relocation:
    """Maps locations in the text a shared document was parsed from to the same tokens in the
    text a client sent. Both are lexed again only for a response with located errors."""

    shared_text: str
    text: str

    def apply(self, body: dict[str, Any]) -> None:
        """Rewrite the `locations` of the errors in a response body, in place."""
        located = [error for error in body.get("errors") or () if error.get("locations")]
        if not located:
            return
        shared, sent = token_starts(self.shared_text), token_starts(self.text)
        for error in located:
            error["locations"] = [
                self._locate(location, shared, sent) for location in error["locations"]
            ]

    def _locate(
        self, location: dict[str, int], shared: list[int], sent: list[int]
    ) -> dict[str, int]:
        offset = _offset(self.shared_text, location["line"], location["column"])
        index = bisect.bisect_left(shared, offset)
        if index >= len(sent) or index >= len(shared) or shared[index] != offset:
            return location
        line, column = _line_column(self.text, sent[index])
        return {"line": line, "column": column}


def _offset(text: str, line: int, column: int) -> int:
    starts = _line_starts(text)
    return starts[min(line, len(starts)) - 1] + column - 1


def _line_column(text: str, offset: int) -> tuple[int, int]:
    starts = _line_starts(text)
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def _line_starts(text: str) -> list[int]:
    """Where each line starts (GraphQL spec, 2.1.2: line terminators)."""
    return [0, *(match.end() for match in _NEWLINE.finditer(text))]


def _uses_prefix(document: DocumentNode) -> bool:
    found = False

    class Names(Visitor):
        def enter_variable(self, node: VariableNode, *_: object) -> object:
            nonlocal found
            if node.name.value.startswith(PREFIX):
                found = True
                return BREAK
            return None

    visit(document, Names())
    return found


def _string(token: Token) -> str | None:
    return token.value


def _integer(token: Token) -> int | None:
    digits = token.value or ""
    # Past 11 characters no integer is in range, and past 4,300 digits `int` refuses it.
    if len(digits) > len(str(INT_RANGE.start)):
        return None
    value = int(digits)
    return value if value in INT_RANGE else None


def _float(token: Token) -> float | None:
    value = float(token.value or "")
    return value if math.isfinite(value) else None


def _converter(named: GraphQLNamedType, kind: TokenKind) -> Convert | None:
    """How a literal of token `kind` becomes the value a variable of type `named` takes, the
    same as the literal's own coercion (GraphQL spec, 3.5): None where the two could differ.

    An `ID` written as an integer keeps its digits as written.
    """
    strings = kind in (TokenKind.STRING, TokenKind.BLOCK_STRING)
    if named is GraphQLString:
        return _string if strings else None
    if named is GraphQLID:
        return _string if strings or kind is TokenKind.INT else None
    if named is GraphQLInt:
        return _integer if kind is TokenKind.INT else None
    if named is GraphQLFloat:
        return _float if kind in (TokenKind.INT, TokenKind.FLOAT) else None
    return None


_KINDS = {
    StringValueNode: (TokenKind.STRING, TokenKind.BLOCK_STRING),
    IntValueNode: (TokenKind.INT,),
    FloatValueNode: (TokenKind.FLOAT,),
}


@dataclass(frozen=True, slots=True)
class _Found:
    ordinal: int
    variable: str
    type_name: str
    convert: Convert


class _Finder(Visitor):
    """Finds the literals of field arguments that can be variables, with their types."""

    def __init__(self, type_info: TypeInfo, ordinals: dict[int, int]) -> None:
        super().__init__()
        self.type_info = type_info
        self._ordinals = ordinals
        self._outside = 0  # inside directives and variable definitions
        # By where each literal starts in the text.
        self.hoisted: dict[int, _Found] = {}

    def enter_directive(self, *_: object) -> None:
        self._outside += 1

    def leave_directive(self, *_: object) -> None:
        self._outside -= 1

    def enter_variable_definition(self, *_: object) -> None:
        self._outside += 1

    def leave_variable_definition(self, *_: object) -> None:
        self._outside -= 1

    def enter_string_value(self, node: StringValueNode, *_: object) -> None:
        self._literal(node)

    def enter_int_value(self, node: IntValueNode, *_: object) -> None:
        self._literal(node)

    def enter_float_value(self, node: FloatValueNode, *_: object) -> None:
        self._literal(node)

    def _literal(self, node: StringValueNode | IntValueNode | FloatValueNode) -> None:
        input_type = self.type_info.get_input_type()
        if self._outside or input_type is None or node.loc is None:
            return
        ordinal = self._ordinals.get(node.loc.start)
        if ordinal is None:
            return
        kind = node.loc.start_token.kind
        if kind not in _KINDS[type(node)]:
            return
        convert = _converter(get_named_type(input_type), kind)
        if convert is not None:
            name = f"{PREFIX}{len(self.hoisted)}"
            self.hoisted[node.loc.start] = _Found(ordinal, name, str(input_type), convert)


class _Rewriter(Visitor):
    """Puts a variable where each hoisted literal stood, declared on the operation."""

    def __init__(self, hoisted: dict[int, _Found]) -> None:
        super().__init__()
        self._hoisted = hoisted

    def enter_string_value(self, node: StringValueNode, *_: object) -> VariableNode | None:
        return self._variable(node)

    def enter_int_value(self, node: IntValueNode, *_: object) -> VariableNode | None:
        return self._variable(node)

    def enter_float_value(self, node: FloatValueNode, *_: object) -> VariableNode | None:
        return self._variable(node)

    def leave_operation_definition(
        self, node: OperationDefinitionNode, *_: object
    ) -> OperationDefinitionNode:
        declared = [
            VariableDefinitionNode(
                variable=VariableNode(name=NameNode(value=found.variable)),
                type=parse_type(found.type_name, no_location=True),
                directives=(),
            )
            for found in self._hoisted.values()
        ]
        return OperationDefinitionNode(
            operation=node.operation,
            name=node.name,
            variable_definitions=(*(node.variable_definitions or ()), *declared),
            directives=node.directives,
            selection_set=node.selection_set,
            loc=node.loc,
        )

    def _variable(
        self, node: StringValueNode | IntValueNode | FloatValueNode
    ) -> VariableNode | None:
        found = self._hoisted.get(node.loc.start) if node.loc is not None else None
        if found is None:
            return None
        # It keeps the literal's place in the text, so errors about it point there.
        return VariableNode(name=NameNode(value=found.variable), loc=node.loc)

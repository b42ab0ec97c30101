"""graphql-core's execution suites for variables, directives and mutations, on every engine.

The cases of graphql-core's `tests/execution/test_variables.py`, `test_directives.py` and
`test_mutations.py` (graphql-js's `variables-test`, `directives-test` and `mutations-test`),
rebuilt here over Strawberry versions of their schemas. Each case runs through every engine
GRAPHQL_ENGINE chooses (compiled plans, `lean`, plain graphql-core) and is compared with what
graphql-core's own executor answers on the same Strawberry schema, its errors presented as the
gateway presents them. Some cases also state the answer upstream expects, in graphql-core
3.3's words (its messages are not graphql-js's); an exception that is not a GraphQLError is
presented as the gateway presents it, "Unexpected error.".

Upstream runs some cases on documents that do not validate (an argument of the wrong type, a
variable that is not defined); the gateway validates every document before it runs one, so
those cases are left out.
"""

from __future__ import annotations

import asyncio
import dataclasses
import enum
import json
import re
from dataclasses import dataclass, field
from typing import Any, NewType, NoReturn

import pytest
import strawberry
from graphql import GraphQLError, StringValueNode, ValueNode
from strawberry.schema.config import StrawberryConfig
from strawberry.types.unset import UnsetType

from gateway.config.settings import ENGINES
from gateway.engine import resolve_key
from gateway.schema import Context
from gateway.schema.scalars import SCALARS
from tests.engine.compare import has_plans, on_engine, reference

Response = dict[str, Any]

UNSET: Any = strawberry.UNSET


# -- Running a case ---------------------------------------------------------------------------


class Unchecked(enum.Enum):
    """Marks a case whose answer is only compared with graphql-core's."""

    UNCHECKED = 0


UNCHECKED = Unchecked.UNCHECKED


@dataclass(frozen=True)
class Case:
    """One upstream case: a document, its variables, and (for some) the answer upstream expects.

    `data` is the expected `data` (None for a request error, which has no `data`); `errors`
    the expected messages in order, each with its path. Every case compares errors in order:
    none of these has errors that plans order otherwise (DIFFERENCES.md item 1).
    """

    name: str
    query: str
    variables: dict[str, Any] | None = None
    data: Any = UNCHECKED
    errors: list[tuple[str, list[str | int] | None]] | Unchecked = UNCHECKED
    xfail: str | None = None

    def param(self) -> Any:
        marks = [pytest.mark.xfail(strict=True, reason=self.xfail)] if self.xfail else []
        return pytest.param(self, id=self.name, marks=marks)


def check_stated(case: Case, response: Response) -> None:
    """The response has what upstream expects, where the case says."""
    if case.data is not UNCHECKED:
        assert response.get("data") == case.data
    if not isinstance(case.errors, Unchecked):
        got = [(error["message"], error.get("path")) for error in response.get("errors", [])]
        assert got == case.errors


async def check_case(schema: strawberry.Schema, engine: str, case: Case, ctx: Context) -> None:
    expected = await reference(schema, case.query, case.variables, ctx)
    check_stated(case, expected)
    answer = await on_engine(schema, engine, case.query, case.variables, ctx)
    assert answer == expected


# -- Variables: the schema ---------------------------------------------------------------------
#
# Upstream's TestType: fields that answer with a description of the argument they got, or null
# when the argument was not given at all.

Complex = NewType("Complex", str)
Faulty = NewType("Faulty", str)


def parse_complex_value(value: Any) -> str:
    if value == "SerializedValue":
        return "DeserializedValue"
    raise ValueError(f"Complex cannot represent {value!r}")


def parse_complex_literal(node: ValueNode, _variables: Any = None) -> str:
    if isinstance(node, StringValueNode) and node.value == "SerializedValue":
        return "DeserializedValue"
    raise ValueError("Complex cannot represent this literal")


def serialize_complex(value: Any) -> str:
    return "SerializedValue" if value == "DeserializedValue" else str(value)


def faulty(*_: Any) -> NoReturn:
    raise GraphQLError(
        "FaultyScalarErrorMessage", extensions={"code": "FaultyScalarErrorExtensionCode"}
    )


VARIABLE_SCALARS = {
    **SCALARS,
    Complex: strawberry.scalar(
        name="ComplexScalar",
        serialize=serialize_complex,
        parse_value=parse_complex_value,
        parse_literal=parse_complex_literal,
    ),
    Faulty: strawberry.scalar(
        name="FaultyScalar", serialize=str, parse_value=faulty, parse_literal=faulty
    ),
}


@strawberry.enum(name="TestEnum")
class Tone(enum.Enum):
    FALSE = False
    CUSTOM = "custom value"
    DEFAULT_VALUE = "DEFAULT_VALUE"


@strawberry.input(name="TestInputObject")
class ObjectInput:
    a: str | None = UNSET
    b: list[str | None] | None = UNSET
    c: str
    d: Complex | None = UNSET
    e: Faulty | None = UNSET


@strawberry.input(name="TestNestedInputObject")
class NestedInput:
    na: ObjectInput
    nb: str


def show(value: Any) -> str:
    """A value as a resolver got it, written out; fields left out of an input are left out."""
    if isinstance(value, enum.Enum):
        return value.name
    if isinstance(value, list):
        return "[" + ", ".join(show(item) for item in value) + "]"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        shown = [
            f"{item.name}: {show(getattr(value, item.name))}"
            for item in dataclasses.fields(value)
            if not isinstance(getattr(value, item.name), UnsetType)
        ]
        return "{" + ", ".join(shown) + "}"
    return json.dumps(value)


def given(value: Any) -> str | None:
    return None if isinstance(value, UnsetType) else show(value)


def resolve_list(input: list[str | None] | None = UNSET) -> str | None:
    return given(input)


def resolve_nn_list(input: list[str | None]) -> str | None:
    return given(input)


def resolve_list_nn(input: list[str] | None = UNSET) -> str | None:
    return given(input)


def resolve_nn_list_nn(input: list[str]) -> str | None:
    return given(input)


@strawberry.input(name="WithDefaults")
class DefaultsInput:
    x: str | None = "x default"
    y: int = 2


@strawberry.type(name="TestType")
class VariablesQuery:
    @strawberry.field
    def field_with_enum_input(self, input: Tone | None = UNSET) -> str | None:
        return given(input)

    @strawberry.field
    def field_with_non_nullable_enum_input(self, input: Tone) -> str | None:
        return given(input)

    @strawberry.field
    def enum_echo(self, input: Tone | None = UNSET) -> Tone | None:
        return None if isinstance(input, UnsetType) else input

    @strawberry.field
    def field_with_enum_default(self, input: Tone | None = Tone.FALSE) -> str | None:
        return given(input)

    @strawberry.field
    def field_with_defaults_input(self, input: DefaultsInput | None = UNSET) -> str | None:
        return given(input)

    @strawberry.field
    def field_with_object_input(self, input: ObjectInput | None = UNSET) -> str | None:
        return given(input)

    @strawberry.field
    def field_with_nullable_string_input(self, input: str | None = UNSET) -> str | None:
        return given(input)

    @strawberry.field
    def field_with_non_nullable_string_input(self, input: str) -> str | None:
        return given(input)

    @strawberry.field
    def field_with_default_argument_value(self, input: str | None = "Hello World") -> str | None:
        return given(input)

    @strawberry.field
    def field_with_non_nullable_string_input_and_default_argument_value(
        self, input: str = "Hello World"
    ) -> str | None:
        return given(input)

    @strawberry.field
    def field_with_nested_object_input(self, input: NestedInput | None = UNSET) -> str | None:
        return given(input)

    # Upstream's list fields, named as upstream names them.
    nullable_list: str | None = strawberry.field(resolver=resolve_list, name="list")
    non_null_list: str | None = strawberry.field(resolver=resolve_nn_list, name="nnList")
    list_of_non_nulls: str | None = strawberry.field(resolver=resolve_list_nn, name="listNN")
    non_null_list_of_non_nulls: str | None = strawberry.field(
        resolver=resolve_nn_list_nn, name="nnListNN"
    )


VARIABLES_SCHEMA = strawberry.Schema(
    query=VariablesQuery,
    config=StrawberryConfig(default_resolver=resolve_key, scalar_map=VARIABLE_SCALARS),
)

OBJECT_VARIABLE = "query Q($input: TestInputObject) { fieldWithObjectInput(input: $input) }"
NESTED_VARIABLE = (
    "query Q($input: TestNestedInputObject) { fieldWithNestedObjectInput(input: $input) }"
)


def list_query(variable_type: str, field_name: str) -> str:
    return f"query Q($input: {variable_type}) {{ {field_name}(input: $input) }}"


VARIABLE_CASES = [
    # Handles objects and nullability: using inline structs.
    Case(
        "inline complex input",
        '{ fieldWithObjectInput(input: {a: "foo", b: ["bar"], c: "baz"}) }',
        data={"fieldWithObjectInput": '{a: "foo", b: ["bar"], c: "baz"}'},
    ),
    Case(
        "inline single value to list",
        '{ fieldWithObjectInput(input: {a: "foo", b: "bar", c: "baz"}) }',
        data={"fieldWithObjectInput": '{a: "foo", b: ["bar"], c: "baz"}'},
    ),
    Case(
        "inline null values",
        '{ fieldWithObjectInput(input: {a: null, b: null, c: "C", d: null}) }',
        data={"fieldWithObjectInput": '{a: null, b: null, c: "C", d: null}'},
    ),
    Case(
        "inline null in a list",
        '{ fieldWithObjectInput(input: {b: ["A", null, "C"], c: "C"}) }',
        data={"fieldWithObjectInput": '{b: ["A", null, "C"], c: "C"}'},
    ),
    Case(
        "inline custom scalar parses its literal",
        '{ fieldWithObjectInput(input: {c: "foo", d: "SerializedValue"}) }',
        data={"fieldWithObjectInput": '{c: "foo", d: "DeserializedValue"}'},
    ),
    # Variables inside an inline struct: one not given leaves its field out.
    Case(
        "variables inside an inline struct",
        'query Q($a: String, $b: String) { fieldWithObjectInput(input: {a: $a, b: ["x", $b], '
        'c: "c"}) }',
        {"a": "A", "b": "B"},
        data={"fieldWithObjectInput": '{a: "A", b: ["x", "B"], c: "c"}'},
    ),
    Case(
        "variables inside an inline struct, not given",
        'query Q($a: String, $b: String) { fieldWithObjectInput(input: {a: $a, b: ["x", $b], '
        'c: "c"}) }',
        {},
        data={"fieldWithObjectInput": '{b: ["x", null], c: "c"}'},
    ),
    # Handles objects and nullability: using variables.
    Case(
        "variable complex input",
        OBJECT_VARIABLE,
        {"input": {"a": "foo", "b": ["bar"], "c": "baz"}},
        data={"fieldWithObjectInput": '{a: "foo", b: ["bar"], c: "baz"}'},
    ),
    Case(
        "variable default value when not provided",
        'query Q($input: TestInputObject = {a: "foo", b: ["bar"], c: "baz"}) '
        "{ fieldWithObjectInput(input: $input) }",
        {},
        data={"fieldWithObjectInput": '{a: "foo", b: ["bar"], c: "baz"}'},
    ),
    Case(
        "variable single value to list",
        OBJECT_VARIABLE,
        {"input": {"a": "foo", "b": "bar", "c": "baz"}},
        data={"fieldWithObjectInput": '{a: "foo", b: ["bar"], c: "baz"}'},
    ),
    Case(
        "variable custom scalar parses its value",
        OBJECT_VARIABLE,
        {"input": {"c": "foo", "d": "SerializedValue"}},
        data={"fieldWithObjectInput": '{c: "foo", d: "DeserializedValue"}'},
    ),
    Case(
        "variable custom scalar refuses a value",
        OBJECT_VARIABLE,
        {"input": {"c": "foo", "d": "SomethingElse"}},
        data=None,
    ),
    Case(
        "variable faulty scalar keeps its error's code",
        OBJECT_VARIABLE,
        {"input": {"c": "foo", "e": "SerializedValue"}},
        data=None,
    ),
    Case(
        "variable null for a nested non-null",
        OBJECT_VARIABLE,
        {"input": {"a": "foo", "b": "bar", "c": None}},
        data=None,
    ),
    Case("variable of the wrong type", OBJECT_VARIABLE, {"input": "foo bar"}, data=None),
    Case(
        "variable omits a nested non-null",
        OBJECT_VARIABLE,
        {"input": {"a": "foo", "b": "bar"}},
        data=None,
    ),
    Case(
        "variable with deep nested errors, many of them",
        NESTED_VARIABLE,
        {"input": {"na": {"a": "foo"}}},
        data=None,
        errors=[
            (
                "Variable '$input' has invalid value at .na: Expected value of type "
                "'TestInputObject' to include required field 'c', found: {'a': 'foo'}.",
                None,
            ),
            (
                "Variable '$input' has invalid value: Expected value of type "
                "'TestNestedInputObject' to include required field 'nb', "
                "found: {'na': {'a': 'foo'}}.",
                None,
            ),
        ],
    ),
    Case(
        "variable nested input object",
        NESTED_VARIABLE,
        {"input": {"na": {"c": "x", "b": ["y"]}, "nb": "z"}},
        data={"fieldWithNestedObjectInput": '{na: {b: ["y"], c: "x"}, nb: "z"}'},
    ),
    Case(
        "variable with an unknown input field",
        OBJECT_VARIABLE,
        {"input": {"a": "foo", "b": "bar", "c": "baz", "extra": "dog"}},
        data=None,
    ),
    # Variables with defaults, given or not.
    Case(
        "variable not given is left out",
        "query Q($input: String) { fieldWithNullableStringInput(input: $input) }",
        {},
        data={"fieldWithNullableStringInput": None},
    ),
    Case(
        "variable given null",
        "query Q($input: String) { fieldWithNullableStringInput(input: $input) }",
        {"input": None},
        data={"fieldWithNullableStringInput": "null"},
    ),
    Case(
        "variable given over its default",
        'query Q($input: String = "Default value") { fieldWithNullableStringInput(input: $input) }',
        {"input": "Variable value"},
        data={"fieldWithNullableStringInput": '"Variable value"'},
    ),
    Case(
        "variable given null over its default",
        'query Q($input: String = "Default value") { fieldWithNullableStringInput(input: $input) }',
        {"input": None},
        data={"fieldWithNullableStringInput": "null"},
    ),
    Case(
        "variable not given takes its default",
        'query Q($input: String = "Default value") { fieldWithNullableStringInput(input: $input) }',
        {},
        data={"fieldWithNullableStringInput": '"Default value"'},
    ),
    Case(
        "variable not given takes its null default",
        "query Q($input: String = null) { fieldWithNullableStringInput(input: $input) }",
        {},
        data={"fieldWithNullableStringInput": "null"},
    ),
    # Handles nullable scalars.
    Case(
        "nullable argument left out",
        "{ fieldWithNullableStringInput }",
        data={"fieldWithNullableStringInput": None},
    ),
    Case(
        "nullable argument given a value directly",
        '{ fieldWithNullableStringInput(input: "a") }',
        data={"fieldWithNullableStringInput": '"a"'},
    ),
    Case(
        "nullable argument given a value in a variable",
        "query Q($value: String) { fieldWithNullableStringInput(input: $value) }",
        {"value": "a"},
        data={"fieldWithNullableStringInput": '"a"'},
    ),
    # Handles non-nullable scalars.
    Case(
        "non-null variable left out for its default",
        'query Q($value: String! = "default") { fieldWithNullableStringInput(input: $value) }',
        {},
        data={"fieldWithNullableStringInput": '"default"'},
    ),
    Case(
        "nullable variable with a default for a non-null argument",
        'query Q($value: String = "default") { fieldWithNonNullableStringInput(input: $value) }',
        {},
        data={"fieldWithNonNullableStringInput": '"default"'},
    ),
    Case(
        "non-null variable not given",
        "query Q($value: String!) { fieldWithNonNullableStringInput(input: $value) }",
        {},
        data=None,
        errors=[
            (
                "Variable '$value' has invalid value: "
                "Expected a value of non-null type 'String!' to be provided.",
                None,
            )
        ],
    ),
    Case(
        "non-null variable given null",
        "query Q($value: String!) { fieldWithNonNullableStringInput(input: $value) }",
        {"value": None},
        data=None,
        errors=[
            (
                "Variable '$value' has invalid value: "
                "Expected value of non-null type 'String!' not to be None.",
                None,
            )
        ],
    ),
    Case(
        "non-null variable given a value",
        "query Q($value: String!) { fieldWithNonNullableStringInput(input: $value) }",
        {"value": "a"},
        data={"fieldWithNonNullableStringInput": '"a"'},
    ),
    Case(
        "non-null argument given a value directly",
        '{ fieldWithNonNullableStringInput(input: "a") }',
        data={"fieldWithNonNullableStringInput": '"a"'},
    ),
    Case(
        "string variable given a list",
        "query Q($value: String!) { fieldWithNonNullableStringInput(input: $value) }",
        {"value": [1, 2, 3]},
        data=None,
    ),
    # Handles lists and nullability.
    Case(
        "[String] given null",
        list_query("[String]", "list"),
        {"input": None},
        data={"list": "null"},
    ),
    Case(
        "[String] given a value",
        list_query("[String]", "list"),
        {"input": ["A"]},
        data={"list": '["A"]'},
    ),
    Case(
        "[String] default of one item",
        'query Q($input: [String] = "A") { list(input: $input) }',
        {},
        data={"list": '["A"]'},
    ),
    Case(
        "[String] given one item",
        list_query("[String]", "list"),
        {"input": "A"},
        data={"list": '["A"]'},
    ),
    Case(
        "[String] holding null",
        list_query("[String]", "list"),
        {"input": ["A", None, "B"]},
        data={"list": '["A", null, "B"]'},
    ),
    Case("[String]! given null", list_query("[String]!", "nnList"), {"input": None}, data=None),
    Case(
        "[String]! holding null",
        list_query("[String]!", "nnList"),
        {"input": ["A", None, "B"]},
        data={"nnList": '["A", null, "B"]'},
    ),
    Case(
        "[String!] given null",
        list_query("[String!]", "listNN"),
        {"input": None},
        data={"listNN": "null"},
    ),
    Case(
        "[String!] given a value",
        list_query("[String!]", "listNN"),
        {"input": ["A"]},
        data={"listNN": '["A"]'},
    ),
    Case(
        "[String!] holding null",
        list_query("[String!]", "listNN"),
        {"input": ["A", None, "B"]},
        data=None,
    ),
    Case("[String!]! given null", list_query("[String!]!", "nnListNN"), {"input": None}, data=None),
    Case(
        "[String!]! given a value",
        list_query("[String!]!", "nnListNN"),
        {"input": ["A"]},
        data={"nnListNN": '["A"]'},
    ),
    Case(
        "[String!]! holding null",
        list_query("[String!]!", "nnListNN"),
        {"input": ["A", None, "B"]},
        data=None,
    ),
    Case(
        "[String!] with more errors than are reported",
        list_query("[String!]", "listNN"),
        {"input": list(range(60))},
        data=None,
        errors=[
            *(
                (
                    f"Variable '$input' has invalid value at [{n}]: "
                    f"String cannot represent a non string value: {n}",
                    None,
                )
                for n in range(50)
            ),
            ("Too many errors processing variables, error limit reached. Execution aborted.", None),
        ],
    ),
    # Uses argument default values.
    Case(
        "argument default when no argument is given",
        "{ fieldWithDefaultArgumentValue }",
        data={"fieldWithDefaultArgumentValue": '"Hello World"'},
    ),
    Case(
        "argument default when its variable is not given",
        "query Q($optional: String) { fieldWithDefaultArgumentValue(input: $optional) }",
        {},
        data={"fieldWithDefaultArgumentValue": '"Hello World"'},
    ),
    Case(
        "non-null argument default when its variable is not given",
        "query Q($optional: String) "
        "{ fieldWithNonNullableStringInputAndDefaultArgumentValue(input: $optional) }",
        {},
        data={"fieldWithNonNullableStringInputAndDefaultArgumentValue": '"Hello World"'},
    ),
    Case(
        "non-null argument with a default, its variable given null",
        "query Q($optional: String) "
        "{ fieldWithNonNullableStringInputAndDefaultArgumentValue(input: $optional) }",
        {"optional": None},
        data={"fieldWithNonNullableStringInputAndDefaultArgumentValue": None},
        errors=[
            (
                "Argument 'input' has invalid value: Expected variable '$optional' provided "
                "to non-null type 'String!' not to be None.",
                ["fieldWithNonNullableStringInputAndDefaultArgumentValue"],
            )
        ],
    ),
    Case(
        "two arguments given null, two field errors",
        "query Q($optional: String) { "
        "a: fieldWithNonNullableStringInputAndDefaultArgumentValue(input: $optional) "
        "b: fieldWithNullableStringInput(input: $optional) "
        "c: fieldWithNonNullableStringInputAndDefaultArgumentValue(input: $optional) }",
        {"optional": None},
        data={"a": None, "b": "null", "c": None},
    ),
    Case(
        "a variable with a default for a non-null field of an inline struct, not given",
        'query Q($c: String = "C") { fieldWithObjectInput(input: {a: "A", c: $c}) }',
        {},
        data={"fieldWithObjectInput": '{a: "A", c: "C"}'},
    ),
    Case(
        "a variable with a default for a non-null field of an inline struct, given null",
        'query Q($c: String = "C") { fieldWithObjectInput(input: {a: "A", c: $c}) }',
        {"c": None},
        data={"fieldWithObjectInput": None},
    ),
    Case(
        "a custom scalar in a variable's default",
        'query Q($input: TestInputObject = {c: "x", d: "SerializedValue"}) '
        "{ fieldWithObjectInput(input: $input) }",
        {},
        data={"fieldWithObjectInput": '{c: "x", d: "DeserializedValue"}'},
    ),
    Case(
        "input fields with defaults, from a literal and a variable",
        "query Q($input: WithDefaults) { a: fieldWithDefaultsInput(input: {}) "
        "b: fieldWithDefaultsInput(input: $input) c: fieldWithDefaultsInput(input: {y: 3}) }",
        {"input": {"x": None}},
        data={"a": '{x: "x default", y: 2}', "b": "{x: null, y: 2}", "c": '{x: "x default", y: 3}'},
    ),
    # Handles custom enum values.
    Case(
        "enum literals with their internal values",
        "{ a: fieldWithEnumInput(input: CUSTOM) b: fieldWithEnumInput(input: FALSE) "
        "c: fieldWithNonNullableEnumInput(input: DEFAULT_VALUE) d: enumEcho(input: FALSE) "
        "e: enumEcho(input: CUSTOM) }",
        data={"a": "CUSTOM", "b": "FALSE", "c": "DEFAULT_VALUE", "d": "FALSE", "e": "CUSTOM"},
    ),
    Case(
        "enum variables",
        "query Q($a: TestEnum, $b: TestEnum!) { a: fieldWithEnumInput(input: $a) "
        "b: fieldWithNonNullableEnumInput(input: $b) c: enumEcho(input: $b) }",
        {"a": "FALSE", "b": "CUSTOM"},
        data={"a": "FALSE", "b": "CUSTOM", "c": "CUSTOM"},
    ),
    Case(
        "enum variable given an internal value",
        "query Q($a: TestEnum) { fieldWithEnumInput(input: $a) }",
        {"a": "custom value"},
        data=None,
    ),
    Case(
        "enum defaults of a variable and of an argument",
        "query Q($e: TestEnum = CUSTOM) { a: fieldWithEnumInput(input: $e) "
        "b: fieldWithEnumDefault c: fieldWithEnumDefault(input: $e) }",
        {},
        data={"a": "CUSTOM", "b": "FALSE", "c": "CUSTOM"},
    ),
]


# -- Directives: the schema --------------------------------------------------------------------


@strawberry.type(name="TestType")
class DirectivesQuery:
    @strawberry.field
    def a(self) -> str | None:
        return "a"

    @strawberry.field
    def b(self) -> str | None:
        return "b"


DIRECTIVES_SCHEMA = strawberry.Schema(
    query=DirectivesQuery,
    config=StrawberryConfig(default_resolver=resolve_key, scalar_map=SCALARS),
)

AB = {"a": "a", "b": "b"}
A = {"a": "a"}

# Upstream's cases, each with literal arguments; each also runs with variables in their place.
DIRECTIVE_CASES: list[tuple[str, str, dict[str, str]]] = [
    ("basic query", "{ a b }", AB),
    ("scalar: include true", "{ a b @include(if: true) }", AB),
    ("scalar: include false", "{ a b @include(if: false) }", A),
    ("scalar: skip false", "{ a b @skip(if: false) }", AB),
    ("scalar: skip true", "{ a b @skip(if: true) }", A),
    (
        "fragment spread: include false",
        "{ a ...Frag @include(if: false) } fragment Frag on TestType { b }",
        A,
    ),
    (
        "fragment spread: include true",
        "{ a ...Frag @include(if: true) } fragment Frag on TestType { b }",
        AB,
    ),
    (
        "fragment spread: skip false",
        "{ a ...Frag @skip(if: false) } fragment Frag on TestType { b }",
        AB,
    ),
    (
        "fragment spread: skip true",
        "{ a ...Frag @skip(if: true) } fragment Frag on TestType { b }",
        A,
    ),
    ("inline fragment: include false", "{ a ... on TestType @include(if: false) { b } }", A),
    ("inline fragment: include true", "{ a ... on TestType @include(if: true) { b } }", AB),
    ("inline fragment: skip false", "{ a ... on TestType @skip(if: false) { b } }", AB),
    ("inline fragment: skip true", "{ a ... on TestType @skip(if: true) { b } }", A),
    ("anonymous inline fragment: include false", "{ a ... @include(if: false) { b } }", A),
    ("anonymous inline fragment: include true", "{ a ... @include(if: true) { b } }", AB),
    ("anonymous inline fragment: skip false", "{ a ... @skip(if: false) { b } }", AB),
    ("anonymous inline fragment: skip true", "{ a ... @skip(if: true) { b } }", A),
    ("include true and skip false", "{ a b @include(if: true) @skip(if: false) }", AB),
    ("include true and skip true", "{ a b @include(if: true) @skip(if: true) }", A),
    ("include false and skip false", "{ a b @include(if: false) @skip(if: false) }", A),
    # Not upstream's: a key one selection skips and another keeps, and directives nested.
    ("one of two selections skipped", "{ a b @skip(if: true) b }", AB),
    (
        "nested fragments",
        "{ ... @include(if: true) { a ...Frag @skip(if: true) } } fragment Frag on TestType { b }",
        A,
    ),
    ("everything skipped", "{ a @skip(if: true) b @include(if: false) }", {}),
    (
        "__typename switched",
        "{ __typename @include(if: false) t: __typename @include(if: true) a }",
        {"t": "TestType", "a": "a"},
    ),
]

_LITERAL = re.compile(r"\bif: (true|false)\b")


def with_variables(query: str) -> tuple[str, dict[str, Any]]:
    """The document with each literal `if:` argument a variable, and the variables' values."""
    variables: dict[str, Any] = {}

    def to_variable(match: re.Match[str]) -> str:
        name = f"v{len(variables)}"
        variables[name] = match.group(1) == "true"
        return f"if: ${name}"

    document = _LITERAL.sub(to_variable, query)
    if not variables:
        return document, variables
    definitions = ", ".join(f"${name}: Boolean!" for name in variables)
    return f"query Q({definitions}) {document}", variables


def directive_cases() -> list[Any]:
    cases = []
    for name, query, data in DIRECTIVE_CASES:
        cases.append(Case(f"{name} (literals)", query, data=data))
        document, variables = with_variables(query)
        if variables:
            cases.append(Case(f"{name} (variables)", document, variables, data=data))
    cases += [
        # Not upstream's: switches left to their defaults, and given nulls graphql-core refuses.
        Case(
            "switches left to their defaults",
            "query Q($s: Boolean = true, $i: Boolean! = true) "
            "{ a @skip(if: $s) b @include(if: $i) }",
            {},
            data={"b": "b"},
        ),
        Case(
            "a switch given null over its default",
            "query Q($s: Boolean = true) { a @skip(if: $s) b }",
            {"s": None},
        ),
    ]
    return [case.param() for case in cases]


# -- Mutations: the schema ---------------------------------------------------------------------


@strawberry.type
class NumberHolder:
    the_number: int | None

    @strawberry.field
    async def promise_to_get_the_number(self) -> int | None:
        await asyncio.sleep(0)
        return self.the_number


@dataclass
class Numbers:
    """The root value upstream mutates: one holder every mutation changes and returns."""

    holder: NumberHolder = field(default_factory=lambda: NumberHolder(the_number=0))
    events: list[str] = field(default_factory=list)

    def change(self, number: int | None) -> NumberHolder:
        self.holder.the_number = number
        self.events.append(f"set {number}")
        return self.holder


NUMBERS = Numbers()


def fresh_numbers() -> None:
    NUMBERS.holder = NumberHolder(the_number=0)
    NUMBERS.events = []


@strawberry.type(name="Query")
class NumbersQuery:
    @strawberry.field
    def number_holder(self) -> NumberHolder:
        return NUMBERS.holder


@strawberry.type(name="Mutation")
class NumbersMutation:
    @strawberry.mutation
    def immediately_change_the_number(self, new_number: int | None = None) -> NumberHolder | None:
        return NUMBERS.change(new_number)

    @strawberry.mutation
    async def promise_to_change_the_number(
        self, new_number: int | None = None
    ) -> NumberHolder | None:
        NUMBERS.events.append(f"start {new_number}")
        await asyncio.sleep(0.002)
        return NUMBERS.change(new_number)

    @strawberry.mutation
    def fail_to_change_the_number(self, new_number: int | None = None) -> NumberHolder | None:
        NUMBERS.events.append(f"fail {new_number}")
        raise ValueError("Cannot change the number")

    @strawberry.mutation
    async def promise_and_fail_to_change_the_number(
        self, new_number: int | None = None
    ) -> NumberHolder | None:
        NUMBERS.events.append(f"start {new_number}")
        await asyncio.sleep(0.002)
        NUMBERS.events.append(f"fail {new_number}")
        raise GraphQLError("Cannot change the number")

    # Not upstream's: a failure that nulls the whole mutation, and so stops those after it.
    @strawberry.mutation
    async def surely_change_the_number(self, new_number: int | None = None) -> NumberHolder:
        NUMBERS.events.append(f"start {new_number}")
        await asyncio.sleep(0)
        if new_number is None:
            raise GraphQLError("No number to change to")
        return NUMBERS.change(new_number)


MUTATIONS_SCHEMA = strawberry.Schema(
    query=NumbersQuery,
    mutation=NumbersMutation,
    config=StrawberryConfig(default_resolver=resolve_key, scalar_map=SCALARS),
)

SERIAL = """mutation M {
  first: immediatelyChangeTheNumber(newNumber: 1) { theNumber }
  second: promiseToChangeTheNumber(newNumber: 2) { theNumber }
  third: immediatelyChangeTheNumber(newNumber: 3) { theNumber }
  fourth: promiseToChangeTheNumber(newNumber: 4) { theNumber }
  fifth: immediatelyChangeTheNumber(newNumber: 5) { theNumber }
}"""

SERIAL_EVENTS = ["set 1", "start 2", "set 2", "set 3", "start 4", "set 4", "set 5"]

WITH_FAILURES = """mutation M {
  first: immediatelyChangeTheNumber(newNumber: 1) { theNumber }
  second: promiseToChangeTheNumber(newNumber: 2) { theNumber }
  third: failToChangeTheNumber(newNumber: 3) { theNumber }
  fourth: promiseToChangeTheNumber(newNumber: 4) { theNumber }
  fifth: immediatelyChangeTheNumber(newNumber: 5) { theNumber }
  sixth: promiseAndFailToChangeTheNumber(newNumber: 6) { theNumber }
}"""

MUTATION_CASES = [
    Case(
        "evaluates mutations serially",
        SERIAL,
        data={
            "first": {"theNumber": 1},
            "second": {"theNumber": 2},
            "third": {"theNumber": 3},
            "fourth": {"theNumber": 4},
            "fifth": {"theNumber": 5},
        },
    ),
    Case(
        "evaluates mutations correctly when one fails",
        WITH_FAILURES,
        data={
            "first": {"theNumber": 1},
            "second": {"theNumber": 2},
            "third": None,
            "fourth": {"theNumber": 4},
            "fifth": {"theNumber": 5},
            "sixth": None,
        },
        errors=[
            ("Unexpected error.", ["third"]),
            ("Cannot change the number", ["sixth"]),
        ],
    ),
    Case(
        "reads each result before the next mutation runs",
        "mutation M { first: promiseToChangeTheNumber(newNumber: 1) "
        "{ theNumber promiseToGetTheNumber } second: immediatelyChangeTheNumber(newNumber: 2) "
        "{ promiseToGetTheNumber theNumber } }",
        data={
            "first": {"theNumber": 1, "promiseToGetTheNumber": 1},
            "second": {"promiseToGetTheNumber": 2, "theNumber": 2},
        },
    ),
    Case(
        "mutations with variables and switches",
        "mutation M($n: Int, $skip: Boolean!) { "
        "first: immediatelyChangeTheNumber(newNumber: $n) { theNumber } "
        "second: promiseToChangeTheNumber(newNumber: 7) @skip(if: $skip) { theNumber } "
        "third: promiseToChangeTheNumber(newNumber: $n) { theNumber } }",
        {"n": 3, "skip": True},
        data={"first": {"theNumber": 3}, "third": {"theNumber": 3}},
    ),
    Case(
        "mutations through fragments keep their order",
        "mutation M { ...Two third: immediatelyChangeTheNumber(newNumber: 3) { theNumber } } "
        "fragment Two on Mutation { first: promiseToChangeTheNumber(newNumber: 1) "
        "{ theNumber } second: immediatelyChangeTheNumber(newNumber: 2) { theNumber } }",
        data={"first": {"theNumber": 1}, "second": {"theNumber": 2}, "third": {"theNumber": 3}},
    ),
    Case(
        "a non-null mutation fails and stops those after it",
        "mutation M { first: immediatelyChangeTheNumber(newNumber: 1) { theNumber } "
        "second: surelyChangeTheNumber { theNumber } "
        "third: immediatelyChangeTheNumber(newNumber: 3) { theNumber } }",
        data=None,
        errors=[("No number to change to", ["second"])],
    ),
    Case(
        "a mutation given a variable that does not fit",
        "mutation M($n: Int) { first: immediatelyChangeTheNumber(newNumber: $n) { theNumber } }",
        {"n": 2**31},
        data=None,
    ),
    Case(
        "a query after mutations",
        "query Q { numberHolder { theNumber promiseToGetTheNumber } }",
        data={"numberHolder": {"theNumber": 0, "promiseToGetTheNumber": 0}},
    ),
]


# -- The tests ---------------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", [case.param() for case in VARIABLE_CASES])
async def test_variables(engine: str, case: Case, context: Context) -> None:
    await check_case(VARIABLES_SCHEMA, engine, case, context)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", directive_cases())
async def test_directives(engine: str, case: Case, context: Context) -> None:
    await check_case(DIRECTIVES_SCHEMA, engine, case, context)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", [case.param() for case in MUTATION_CASES])
async def test_mutations(engine: str, case: Case, context: Context) -> None:
    fresh_numbers()
    expected = await reference(MUTATIONS_SCHEMA, case.query, case.variables, context)
    expected_events = NUMBERS.events
    check_stated(case, expected)
    fresh_numbers()
    answer = await on_engine(MUTATIONS_SCHEMA, engine, case.query, case.variables, context)
    assert answer == expected
    # The mutations ran as graphql-core runs them: each to the end before the next starts.
    assert NUMBERS.events == expected_events


@pytest.mark.parametrize("engine", ENGINES)
async def test_a_scalars_own_error_code_is_kept(engine: str, context: Context) -> None:
    variables = {"input": {"c": "foo", "e": "SerializedValue"}}
    answer = await on_engine(VARIABLES_SCHEMA, engine, OBJECT_VARIABLE, variables, context)
    assert answer == {
        "errors": [
            {
                "message": "Variable '$input' has invalid value at .e: FaultyScalarErrorMessage",
                "locations": [{"line": 1, "column": 9}],
                "extensions": {"code": "FaultyScalarErrorExtensionCode"},
            }
        ]
    }


async def test_mutations_run_one_after_another(context: Context) -> None:
    fresh_numbers()
    await on_engine(MUTATIONS_SCHEMA, "plans", SERIAL, None, context)
    assert NUMBERS.events == SERIAL_EVENTS


@pytest.mark.parametrize(
    ("schema", "query"),
    [
        *((VARIABLES_SCHEMA, case.query) for case in VARIABLE_CASES),
        *((DIRECTIVES_SCHEMA, with_variables(query)[0]) for _, query, _ in DIRECTIVE_CASES),
        *((MUTATIONS_SCHEMA, case.query) for case in MUTATION_CASES),
    ],
)
def test_the_cases_get_plans(schema: strawberry.Schema, query: str) -> None:
    """Every case is one plans cover, so the comparisons above test plans, not a fallback."""
    assert has_plans(schema, query)

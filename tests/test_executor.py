"""Compiled plans give exactly what graphql-core's executor gives: the same data and errors."""

from __future__ import annotations

import asyncio
import enum
from dataclasses import dataclass
from typing import Any, cast

import pytest
import strawberry
from graphql import DocumentNode, OperationDefinitionNode, parse, specified_rules
from strawberry.permission import BasePermission

from gateway.engine import compile_plans
from gateway.schema import Context, Executor, build_schema
from gateway.schema.base import StripeObject, schema_config
from gateway.schema.executor import DEFER_STREAM_RULES, VALIDATION_RULES
from tests.engine.compare import by_path, reference


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


@strawberry.type
class Part:
    label: str
    weight: float | None


@strawberry.input
class TagFilter:
    prefix: str


class Deny(BasePermission):
    message = "Not for you."

    def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        return False


class OnlyShortWords(BasePermission):
    message = "Too long."

    def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        return len(kwargs.get("word", "")) < 5


def resolve_hidden(root: strawberry.Parent[StripeObject]) -> str | None:
    return str(root["id"])


def resolve_echo(word: str) -> str | None:
    return word


@strawberry.type
class Thing:
    id: strawberry.ID
    secret: str | None = strawberry.field(permission_classes=[Deny])
    hidden: str | None = strawberry.field(resolver=resolve_hidden, permission_classes=[Deny])
    echo: str | None = strawberry.field(resolver=resolve_echo, permission_classes=[OnlyShortWords])
    colour: Colour
    size: int | None
    tags: list[str] | None
    part: Part | None
    parts: list[Part] | None
    sure_part: Part | None

    @strawberry.field
    def shout(self, root: strawberry.Parent[StripeObject], times: int = 1) -> str:
        return str(root["id"]).upper() * times

    @strawberry.field
    def where(self, info: strawberry.Info) -> str:
        return f"{info.field_name} at {info.path.as_list()}"

    @strawberry.field
    def tag_count(self, root: strawberry.Parent[StripeObject], match: TagFilter) -> int:
        return sum(1 for tag in root.get("tags") or [] if str(tag).startswith(match.prefix))

    @strawberry.field
    async def later(self, root: strawberry.Parent[StripeObject]) -> Part | None:
        await asyncio.sleep(0)
        if root["id"] == "t_2":
            raise ValueError("no part for t_2")
        return cast("Part | None", root.get("part"))

    @strawberry.field
    def eventually(self, root: strawberry.Parent[StripeObject]) -> list[str | None]:
        return cast("list[str | None]", [_later(str(root["id"])), _later(None)])

    @strawberry.field
    async def must(self, root: strawberry.Parent[StripeObject]) -> str:
        await asyncio.sleep(0)
        if root["id"] == "t_3":
            raise ValueError("t_3 has nothing to say")
        return "ok"


async def _later(value: str | None) -> str | None:
    await asyncio.sleep(0)
    if value == "t_2":
        raise ValueError("t_2 is never ready")
    return value


THINGS: list[StripeObject] = [
    {
        "id": "t_1",
        "secret": "s3cret",
        "colour": "red",
        "size": 3,
        "tags": ["a", "b"],
        "part": {"label": "lid", "weight": 1.5},
        "parts": [{"label": "x", "weight": 2}, {"label": "y", "weight": None}],
        "sure_part": {"label": "base", "weight": 0.5},
    },
    {
        "id": "t_2",
        "colour": "blue",
        "size": None,
        "tags": None,
        "part": None,
        "parts": [{"label": None, "weight": 1.0}, {"label": "z", "weight": "heavy"}],
        "sure_part": {"label": "base", "weight": 0.5},
    },
    {
        "id": "t_3",
        "colour": "green",
        "size": 2**40,
        "tags": ["c", None],
        "part": {"label": "lid", "weight": 1.5},
        "parts": "not a list",
        "sure_part": None,
    },
    {
        "id": "t_4",
        "colour": None,
        "size": 2,
        "tags": [],
        "part": None,
        "parts": [],
        "sure_part": {},
    },
    {
        "id": "t_5",
        "colour": "red",
        "size": "many",
        "tags": [],
        "part": None,
        "parts": None,
        "sure_part": {"label": "base", "weight": 0.5},
    },
]


@dataclass
class Note:
    text: str
    count: int


LOG: list[str] = []


@strawberry.type
class Query:
    @strawberry.field
    def things(self) -> list[Thing | None]:
        return cast("list[Thing | None]", THINGS)

    @strawberry.field
    def thing(self, id: strawberry.ID) -> Thing | None:
        found = [thing for thing in THINGS if thing["id"] == id]
        return cast("Thing | None", found[0] if found else None)

    @strawberry.field
    def strict_things(self) -> list[Thing]:
        return cast("list[Thing]", THINGS)

    @strawberry.field
    def note(self) -> NoteType:
        return cast("NoteType", Note("hello", 2))


@strawberry.type(name="Note")
class NoteType:
    text: str
    count: int
    missing: str | None


@strawberry.type
class Mutation:
    @strawberry.mutation
    async def first(self, word: str) -> str:
        await asyncio.sleep(0.01)
        LOG.append(word)
        return word

    @strawberry.mutation
    def second(self, word: str) -> str:
        LOG.append(word)
        return word


SCHEMA = strawberry.Schema(query=Query, mutation=Mutation, config=schema_config())

FIELDS = """
  id colour size tags shout(times: 2) where tagCount(match: {prefix: "a"})
  part { label weight }
  parts { label weight }
  later { label }
  eventually
  __typename
"""

QUERIES: list[tuple[str, dict[str, Any] | None]] = [
    (f"{{ things {{ {FIELDS} }} }}", None),
    ("{ things { id sure_part: surePart { label } } }", None),
    ("{ strictThings { id colour } }", None),
    ("{ things { id must } }", None),
    ("{ strictThings { id must } }", None),
    ("query One($id: ID!) { thing(id: $id) { id shout } }", {"id": "t_1"}),
    ("query One($id: ID!) { thing(id: $id) { id } }", {"id": 12}),
    ("query One($id: ID!) { thing(id: $id) { id } }", {}),
    ("query Times($n: Int) { things { shout(times: $n) } }", {"n": 3}),
    ("query Times($n: Int) { things { shout(times: $n) } }", {"n": "three"}),
    ("query Times($n: Int = 2) { things { shout(times: $n) } }", {}),
    ('{ a: thing(id: "t_1") { id } b: thing(id: "t_9") { id } }', None),
    ("{ things { ...Bits part { label } } } fragment Bits on Thing { id part { weight } }", None),
    ("{ things { ... on Thing { id } ... { size } } }", None),
    ("{ note { text count missing __typename } __typename }", None),
    ("{ things { id } }", {"unused": 1}),
    ("{ things { id @skip(if: true) size @include(if: false) colour } }", None),
    ("query Q($skip: Boolean!) { things { id @skip(if: $skip) size } }", {"skip": True}),
    ("query Q($skip: Boolean!) { things { id @skip(if: $skip) size } }", {"skip": False}),
    (
        "query Q($a: Boolean!, $b: Boolean = false) { things { ...F @include(if: $a) "
        "colour @skip(if: $b) } } fragment F on Thing { id part @include(if: $b) { label } }",
        {"a": True},
    ),
    ("query Q($b: Boolean = true) { things { id @include(if: $b) size } }", {"b": None}),
    ("query Q($b: Boolean!) { things { id @include(if: $b) } }", {}),
]


async def both(
    query: str, variables: dict[str, Any] | None, context: Context
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The response from the gateway's executor, and the one graphql-core's executor gives."""
    executor = Executor(SCHEMA)
    planned = await executor.run(
        executor.prepare(parse(query)), context=context, variables=variables
    )
    return planned, await expected_response(query, variables, context)


async def expected_response(
    query: str, variables: dict[str, Any] | None, context: Context
) -> dict[str, Any]:
    """What graphql-core's own executor answers, errors presented as the gateway does."""
    return await reference(SCHEMA, query, variables, context)


def operation_of(document: DocumentNode) -> OperationDefinitionNode:
    [operation] = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    return operation


@pytest.mark.parametrize(("query", "variables"), QUERIES)
async def test_plans_match_graphql_core(
    query: str, variables: dict[str, Any] | None, context: Context
) -> None:
    document = parse(query)
    assert compile_plans(SCHEMA, document, operation_of(document)) is not None
    planned, expected = await both(query, variables, context)
    assert by_path(planned) == by_path(expected)


async def test_the_comparison_sees_leaves_errors_and_nulls(context: Context) -> None:
    planned, _ = await both(f"{{ things {{ {FIELDS} }} }}", None, context)
    things = planned["data"]["things"]
    assert things[0]["colour"] == "RED"
    assert things[0]["parts"] == [{"label": "x", "weight": 2.0}, {"label": "y", "weight": None}]
    assert things[1]["parts"] is None  # a null label nulls its part, and so the list
    assert things[2] is None and things[3] is None
    paths = {tuple(error["path"]) for error in planned["errors"]}
    assert {
        ("things", 1, "later"),
        ("things", 1, "parts", 0, "label"),
        ("things", 2, "colour"),
        ("things", 4, "size"),
    } <= paths


@pytest.mark.parametrize(
    "query",
    [
        '{ things { id secret hidden echo(word: "hi") long: echo(word: "hello") } }',
        "query Q($a: Boolean!, $b: Boolean!, $c: Boolean!, $d: Boolean!) { things { id "
        '@skip(if: $a) secret @skip(if: $b) hidden @skip(if: $c) echo(word: "hi") '
        'long: echo(word: "hello") @skip(if: $d) } }',
    ],
)
async def test_permission_classes_hold_whichever_engine_runs(query: str, context: Context) -> None:
    variables = dict.fromkeys("abcd", False)
    planned, expected = await both(query, variables, context)
    assert by_path(planned) == by_path(expected)
    things = planned["data"]["things"]
    assert {(thing["secret"], thing["hidden"], thing["long"]) for thing in things} == {
        (None, None, None)
    }
    assert {thing["echo"] for thing in things} == {"hi"}
    assert {error["message"] for error in planned["errors"]} == {"Not for you.", "Too long."}


async def test_mutations_run_one_after_another(context: Context) -> None:
    LOG.clear()
    planned, _ = await both(
        'mutation { a: first(word: "one") b: second(word: "two") }', None, context
    )
    assert planned == {"data": {"a": "one", "b": "two"}}
    assert LOG == ["one", "two", "one", "two"]


FOUR_SWITCHES = (
    "query Q($a: Boolean!, $b: Boolean!, $c: Boolean!, $d: Boolean!) { things "
    "{ id @skip(if: $a) b: id @skip(if: $b) c: id @skip(if: $c) d: id @skip(if: $d) } }"
)


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        ("{ __schema { queryType { name } } }", None),
        (FOUR_SWITCHES, {"a": True, "b": False, "c": True, "d": False}),
    ],
)
async def test_what_plans_do_not_cover_runs_on_graphql_core(
    query: str, variables: dict[str, Any] | None, context: Context
) -> None:
    document = parse(query)
    assert compile_plans(SCHEMA, document, operation_of(document)) is None
    planned, expected = await both(query, variables, context)
    assert planned == expected
    assert "errors" not in planned


def test_the_rules_left_out_judge_only_directives_the_schema_lacks() -> None:
    """Validation leaves out graphql-core's rules for @defer and @stream only because the
    schema defines neither: any use of them is refused as an unknown directive."""
    executor = Executor(build_schema())
    assert {directive.name for directive in executor.schema.directives}.isdisjoint(
        {"defer", "stream"}
    )
    document = parse("{ checkoutSessions(first: 1) @stream { nodes { id } } }")
    assert [error.message for error in executor.prepare(document).errors] == [
        "Unknown directive '@stream'."
    ]
    assert set(VALIDATION_RULES) | DEFER_STREAM_RULES == set(specified_rules)

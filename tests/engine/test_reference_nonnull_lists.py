"""graphql-core's cases for non-null and list types, through every engine.

The cases are those of graphql-core's `tests/execution/test_nonnull.py` and
`tests/execution/test_lists.py` (after graphql-js's executor tests), written afresh over
Strawberry schemas: resolvers that return null or raise, synchronously or not; objects and
lists nested under nullable and non-null positions; non-null arguments. Each case runs on all
three engines `GRAPHQL_ENGINE` chooses and must give what graphql-core's own executor gives on
the same schema (`schema.execute`), errors presented as the gateway presents them: an error the
gateway did not raise on purpose (the `TypeError` behind "Cannot return null for non-nullable
field", a `RuntimeError` of a resolver) reads "Unexpected error." with the code
INTERNAL_SERVER_ERROR, while a `GraphQLError` keeps its message. Errors are compared in
graphql-core's order, and the cases also state their answer (data, messages, paths).
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Self, TypeGuard, TypeVar, cast

import pytest
import strawberry
from graphql import GraphQLError, execute, parse

from gateway.config.settings import ENGINES
from gateway.engine import Execution, compile_plans
from gateway.engine.compat import (
    StrawberryGraphQLCoreExecutionContext,
    graphql_schema,
    optimized_is_awaitable,
)
from gateway.schema import Context
from gateway.schema.base import schema_config
from gateway.schema.errors import present
from tests.engine.compare import on_engine, reference
from tests.test_executor import operation_of

Response = dict[str, Any]
T = TypeVar("T")

UNEXPECTED = "Unexpected error."


# Running and comparing


async def check(
    schema: strawberry.Schema,
    engine: str,
    query: str,
    ctx: Context,
    variables: Mapping[str, Any] | None = None,
) -> Response:
    """Run `query` on `engine` and on graphql-core: the answers must be the same, errors in
    the same order (no case here needs DIFFERENCES.md item 1's leeway). Returns the answer."""
    document = parse(query)
    # The cases are meant for plans: none may fall back to graphql-core unnoticed.
    assert compile_plans(schema, document, operation_of(document)) is not None
    expected = await reference(schema, query, variables, ctx)
    got = await on_engine(schema, engine, query, variables, ctx)
    assert got == expected
    return got


def summary(response: Response) -> tuple[Any, list[tuple[str, list[str | int]]]]:
    """A response's data and its errors' messages and paths, for stating answers briefly."""
    errors = [(error["message"], error.get("path")) for error in response.get("errors", [])]
    return response.get("data"), errors


def plans_differ(reason: str) -> list[Any]:
    """The engines, with plans expected to differ for `reason`, a difference DIFFERENCES.md
    lists."""
    mark = pytest.mark.xfail(strict=True, reason=reason)
    return [pytest.param(engine, marks=mark) if engine == "plans" else engine for engine in ENGINES]


# Non-null: a type whose every field returns null, or fails, synchronously or not


def data_schema(outcome: Callable[[str], str | None]) -> strawberry.Schema:
    """graphql-core's `DataType` as the query type: each leaf gives `outcome(field name)`, each
    nest another `DataType`, synchronously (`sync…`) or from a coroutine (`promise…`)."""

    @strawberry.type(name="DataType")
    class Data:
        @strawberry.field
        def sync(self) -> str | None:
            return outcome("sync")

        @strawberry.field
        def sync_non_null(self) -> str:
            return cast("str", outcome("syncNonNull"))

        @strawberry.field
        async def promise(self) -> str | None:
            return outcome("promise")

        @strawberry.field
        async def promise_non_null(self) -> str:
            return cast("str", outcome("promiseNonNull"))

        @strawberry.field
        def sync_nest(self) -> Self | None:
            return cast("Self", Data())

        @strawberry.field
        def sync_non_null_nest(self) -> Self:
            return cast("Self", Data())

        @strawberry.field
        async def promise_nest(self) -> Self | None:
            return cast("Self", Data())

        @strawberry.field
        async def promise_non_null_nest(self) -> Self:
            return cast("Self", Data())

    return strawberry.Schema(query=Data, config=schema_config())


def _null(name: str) -> None:
    return None


def _throw(name: str) -> None:
    # A GraphQLError keeps its message through the gateway's presentation of errors.
    raise GraphQLError(name)


def _crash(name: str) -> None:
    raise RuntimeError(name)


DATA = {
    "null": data_schema(_null),
    "throw": data_schema(_throw),
    "crash": data_schema(_crash),
}


def patch(query: str, kind: str) -> str:
    """The query for synchronous fields made the same over coroutines, as graphql-core's
    suite runs each of these cases twice."""
    if kind == "sync":
        return query
    query = re.sub(r"\bsyncNonNull\b", "promiseNonNull", query)
    return re.sub(r"\bsync\b", "promise", query)


KINDS = ("sync", "promise")
OUTCOMES = ("null", "throw")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("outcome", OUTCOMES)
@pytest.mark.parametrize("kind", KINDS)
async def test_a_nullable_field_is_null(
    kind: str, outcome: str, engine: str, context: Context
) -> None:
    got = await check(DATA[outcome], engine, patch("{\n  sync\n}", kind), context)
    if outcome == "null":
        assert got == {"data": {kind: None}}
    else:
        assert got == {
            "data": {kind: None},
            "errors": [{"message": kind, "locations": [{"line": 2, "column": 3}], "path": [kind]}],
        }


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("outcome", OUTCOMES)
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("nest", ["syncNest", "promiseNest"])
async def test_an_object_with_a_non_null_field_is_null(
    nest: str, kind: str, outcome: str, engine: str, context: Context
) -> None:
    """The nest (returned directly or from a coroutine) takes the null of its non-null field."""
    query = "{\n  NEST {\n    syncNonNull\n  }\n}"
    got = await check(DATA[outcome], engine, patch(query, kind).replace("NEST", nest), context)
    leaf = "syncNonNull" if kind == "sync" else "promiseNonNull"
    message = UNEXPECTED if outcome == "null" else leaf
    assert summary(got) == ({nest: None}, [(message, [nest, leaf])])
    assert got["errors"][0]["locations"] == [{"line": 3, "column": 5}]


TREE = """
{
  syncNest {
    sync
    promise
    syncNest { sync promise }
    promiseNest { sync promise }
  }
  promiseNest {
    sync
    promise
    syncNest { sync promise }
    promiseNest { sync promise }
  }
}
"""


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("outcome", OUTCOMES)
async def test_a_tree_of_nullable_fields_is_null_leaf_by_leaf(
    outcome: str, engine: str, context: Context
) -> None:
    """Errors in graphql-core's order (its synchronous failures first, then the awaited
    ones), which plans keep here though DIFFERENCES.md item 1 would let them differ."""
    got = await check(DATA[outcome], engine, TREE, context)
    leaves = {"sync": None, "promise": None}
    nest = {**leaves, "syncNest": leaves, "promiseNest": leaves}
    assert got["data"] == {"syncNest": nest, "promiseNest": nest}
    if outcome == "null":
        assert "errors" not in got
    else:
        assert summary(got)[1][:4] == [
            ("sync", ["syncNest", "sync"]),
            ("sync", ["syncNest", "syncNest", "sync"]),
            ("sync", ["promiseNest", "sync"]),
            ("sync", ["promiseNest", "syncNest", "sync"]),
        ]
        assert len(got["errors"]) == 12
        assert got["errors"][0]["locations"] == [{"line": 4, "column": 5}]


CHAIN = """
{
  syncNest {
    syncNonNullNest {
      promiseNonNullNest {
        syncNonNullNest {
          promiseNonNullNest {
            syncNonNull
          }
        }
      }
    }
  }
  promiseNest {
    syncNonNullNest {
      promiseNonNullNest {
        syncNonNullNest {
          promiseNonNullNest {
            syncNonNull
          }
        }
      }
    }
  }
  anotherNest: syncNest {
    syncNonNullNest {
      promiseNonNullNest {
        syncNonNullNest {
          promiseNonNullNest {
            promiseNonNull
          }
        }
      }
    }
  }
  anotherPromiseNest: promiseNest {
    syncNonNullNest {
      promiseNonNullNest {
        syncNonNullNest {
          promiseNonNullNest {
            promiseNonNull
          }
        }
      }
    }
  }
}
"""


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("outcome", OUTCOMES)
async def test_a_null_at_the_end_of_a_non_null_chain_nulls_the_first_nullable_field(
    outcome: str, engine: str, context: Context
) -> None:
    got = await check(DATA[outcome], engine, CHAIN, context)
    tops = ["syncNest", "promiseNest", "anotherNest", "anotherPromiseNest"]
    assert got["data"] == dict.fromkeys(tops)
    middle = ["syncNonNullNest", "promiseNonNullNest", "syncNonNullNest", "promiseNonNullNest"]
    leaves = ["syncNonNull", "syncNonNull", "promiseNonNull", "promiseNonNull"]
    assert [error["path"] for error in got["errors"]] == [
        [top, *middle, leaf] for top, leaf in zip(tops, leaves, strict=True)
    ]
    lines = [error["locations"][0]["line"] for error in got["errors"]]
    assert lines == [8, 19, 30, 41]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("outcome", [*OUTCOMES, "crash"])
@pytest.mark.parametrize("kind", KINDS)
async def test_a_non_null_root_field_nulls_the_data(
    kind: str, outcome: str, engine: str, context: Context
) -> None:
    got = await check(DATA[outcome], engine, patch("{ syncNonNull }", kind), context)
    leaf = "syncNonNull" if kind == "sync" else "promiseNonNull"
    message = leaf if outcome == "throw" else UNEXPECTED
    assert summary(got) == (None, [(message, [leaf])])
    if outcome != "throw":
        assert got["errors"][0]["extensions"] == {"code": "INTERNAL_SERVER_ERROR"}


@pytest.mark.parametrize("engine", ENGINES)
async def test_a_crash_below_non_null_fields_is_masked_where_it_is_nulled(
    engine: str, context: Context
) -> None:
    """A resolver's own exception travels up as graphql-core's does, masked as the gateway
    masks any exception it did not raise on purpose."""
    query = "{ syncNest { sync promiseNonNullNest { syncNonNullNest { promiseNonNull } } } }"
    got = await check(DATA["crash"], engine, query, context)
    assert got["data"] == {"syncNest": None}
    assert sorted(map(tuple, (error["path"] for error in got["errors"]))) == [
        ("syncNest", "promiseNonNullNest", "syncNonNullNest", "promiseNonNull"),
        ("syncNest", "sync"),
    ]
    assert {error["message"] for error in got["errors"]} == {UNEXPECTED}


# Non-null arguments


@strawberry.type
class ArgumentQuery:
    @strawberry.field
    def with_non_null_arg(self, cannot_be_null: str) -> str | None:
        return f"Passed: {cannot_be_null}"


ARGUMENTS = strawberry.Schema(query=ArgumentQuery, config=schema_config())


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("query", "variables", "expected"),
    [
        pytest.param(
            '{ withNonNullArg(cannotBeNull: "literal value") }',
            None,
            {"data": {"withNonNullArg": "Passed: literal value"}},
            id="literal",
        ),
        pytest.param(
            'query ($testVar: String = "default value") { withNonNullArg(cannotBeNull: $testVar) }',
            {},
            {"data": {"withNonNullArg": "Passed: default value"}},
            id="variable-left-to-its-default",
        ),
        pytest.param(
            "query ($testVar: String!) { withNonNullArg(cannotBeNull: $testVar) }",
            {"testVar": "given"},
            {"data": {"withNonNullArg": "Passed: given"}},
            id="variable-given",
        ),
        pytest.param(
            'query ($testVar: String = "default value") { withNonNullArg(cannotBeNull: $testVar) }',
            {"testVar": None},
            {
                "data": {"withNonNullArg": None},
                "errors": [
                    {
                        "message": "Argument 'cannotBeNull' has invalid value: Expected"
                        " variable '$testVar' provided to non-null type 'String!'"
                        " not to be None.",
                        "locations": [{"line": 1, "column": 75}],
                        "path": ["withNonNullArg"],
                    }
                ],
            },
            id="explicit-null-for-a-variable-with-a-default",
        ),
    ],
)
async def test_a_non_null_argument(
    query: str,
    variables: dict[str, Any] | None,
    expected: Response,
    engine: str,
    context: Context,
) -> None:
    assert await check(ARGUMENTS, engine, query, context, variables) == expected


INVALID_ARGUMENTS = [
    pytest.param("{ withNonNullArg }", None, id="argument-missing"),
    pytest.param("{ withNonNullArg(cannotBeNull: null) }", None, id="null-literal"),
    pytest.param(
        "query ($testVar: String) { withNonNullArg(cannotBeNull: $testVar) }",
        {},
        id="nullable-variable-not-given",
    ),
]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("query", "variables"), INVALID_ARGUMENTS)
async def test_validation_refuses_a_missing_or_null_non_null_argument(
    query: str, variables: dict[str, Any] | None, engine: str, context: Context
) -> None:
    """graphql-core's suite notes that validation catches these first, as it does here: no
    engine runs them, and each says what graphql-core's validation says."""
    got = await on_engine(ARGUMENTS, engine, query, variables, context)
    assert "data" not in got
    expected = await reference(ARGUMENTS, query, variables, context)
    assert [error["message"] for error in got["errors"]] == [
        error["message"] for error in expected["errors"]
    ]
    assert {error["extensions"]["code"] for error in got["errors"]} == {"GRAPHQL_VALIDATION_FAILED"}


@pytest.mark.parametrize(("query", "variables"), INVALID_ARGUMENTS)
async def test_a_plan_still_protects_a_non_null_argument_without_validation(
    query: str, variables: dict[str, Any] | None, context: Context
) -> None:
    """Run without validation, as graphql-core's suite runs these, a plan reports the
    argument on the field as graphql-core's executor does."""
    document = parse(query)
    schema = graphql_schema(ARGUMENTS)
    plans = compile_plans(ARGUMENTS, document, operation_of(document))
    assert plans is not None
    coerced = plans.first.coerce(schema, variables, hide_suggestions=False)
    assert not isinstance(coerced, list)
    plan = plans.choose(coerced)
    assert plan is not None
    is_awaitable = cast("Callable[[Any], TypeGuard[Awaitable[Any]]]", optimized_is_awaitable)
    data, errors = await Execution(schema, plan, context, coerced, is_awaitable).run()
    outcome = execute(
        schema,
        document,
        context_value=context,
        variable_values=variables,
        executor_class=StrawberryGraphQLCoreExecutionContext,
    )
    assert not isinstance(outcome, Awaitable)
    assert (data, [error.formatted for error in present(errors)]) == (
        outcome.data,
        [error.formatted for error in present(outcome.errors or [])],
    )
    assert data == {"withNonNullArg": None}
    assert len(errors) == 1
    assert errors[0].message.startswith("Argument 'cannotBeNull' ")


# Lists: a field whose value is any iterable


def list_schema(as_type: object, value: Callable[[], object]) -> strawberry.Schema:
    """A query type with `listField` of `as_type`, resolved to `value()`, and a non-null
    `holder` whose `listField` reads the same from a dictionary key (a plan's plain read)."""

    def resolve_list() -> Any:
        return value()

    def resolve_holder() -> Any:
        return {"list_field": value()}

    @strawberry.type
    class Holder:
        list_field: Any = strawberry.field(graphql_type=as_type)

    @strawberry.type
    class Query:
        list_field: Any = strawberry.field(resolver=resolve_list, graphql_type=as_type)
        holder: Any = strawberry.field(resolver=resolve_holder, graphql_type=Holder)

    return strawberry.Schema(query=Query, config=schema_config())


SOURCES = {"resolver": "{ listField }", "key": "{ holder { listField } }"}


def field_of(response: Response, source: str) -> Any:
    data = response["data"]
    return data["listField"] if source == "resolver" else data["holder"]["listField"]


def prefixed(path: list[str | int], source: str) -> list[str | int]:
    return path if source == "resolver" else ["holder", *path]


class TwoWords:
    """An iterable of its own making: "hello", then "world"."""

    def __iter__(self) -> Iterator[str]:
        self.last = "hello"
        return self

    def __next__(self) -> str:
        last = self.last
        if last == "stop":
            raise StopIteration
        self.last = "world" if last == "hello" else "stop"
        return last


def _mixed() -> Iterator[object]:
    yield "one"
    yield 2
    yield True


def _arguments(*args: str) -> tuple[str, ...]:
    return args


ITERABLES: list[Any] = [
    pytest.param(lambda: [], [], id="empty-list"),
    pytest.param(lambda: ["just an apple"], ["just an apple"], id="list-of-one"),
    pytest.param(lambda: ["apple", "banana", "coconut"], ["apple", "banana", "coconut"], id="list"),
    pytest.param(
        lambda: ("apple", "banana", "coconut"), ["apple", "banana", "coconut"], id="tuple"
    ),
    pytest.param(_mixed, ["one", "2", "true"], id="generator-of-mixed-values"),
    pytest.param(TwoWords, ["hello", "world"], id="iterable-object"),
    pytest.param(lambda: _arguments("one", "two"), ["one", "two"], id="function-arguments"),
]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize(("value", "expected"), ITERABLES)
async def test_any_iterable_is_a_list(
    value: Callable[[], object], expected: list[str], source: str, engine: str, context: Context
) -> None:
    schema = list_schema(list[str | None] | None, value)
    got = await check(schema, engine, SOURCES[source], context)
    assert field_of(got, source) == expected
    assert "errors" not in got


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("source", SOURCES)
async def test_a_set_is_a_list_in_its_own_order(source: str, engine: str, context: Context) -> None:
    fruit = {"apple", "banana", "coconut"}
    got = await check(
        list_schema(list[str | None] | None, lambda: fruit), engine, SOURCES[source], context
    )
    assert sorted(field_of(got, source)) == sorted(fruit)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize(
    "value",
    [
        pytest.param(lambda: {1: "one", 2: "two"}, id="dict"),
        pytest.param(lambda: "Singular", id="string"),
    ],
)
async def test_a_dict_or_a_string_is_not_a_list(
    value: Callable[[], object], source: str, engine: str, context: Context
) -> None:
    got = await check(list_schema(list[str | None] | None, value), engine, SOURCES[source], context)
    parent = "Query" if source == "resolver" else "Holder"
    assert field_of(got, source) is None
    assert summary(got)[1] == [
        (
            f"Expected Iterable, but did not find one for field '{parent}.listField'.",
            prefixed(["listField"], source),
        )
    ]


# Lists: nullability of the list and of its items


async def later(value: T) -> T:
    await asyncio.sleep(0)
    return value


TYPES: dict[str, object] = {
    "[Int]": list[int | None] | None,
    "[Int]!": list[int | None],
    "[Int!]": list[int] | None,
    "[Int!]!": list[int],
}

VALUES: dict[str, Callable[[], Any]] = {
    "values": lambda: [1, 2],
    "a-null": lambda: [1, None, 2],
    "null": lambda: None,
    "an-error": lambda: [1, RuntimeError("bad"), 2],
    "error": lambda: RuntimeError("bad"),
}

# What each value completes to, by type: the field's value (PARENT: the null reaches the
# field's parent, and with it the data) and the path of the one error below the field, if any.
PARENT = object()
NULLABILITY: dict[tuple[str, str], tuple[Any, list[int] | None]] = {
    **{("values", as_type): ([1, 2], None) for as_type in TYPES},
    ("a-null", "[Int]"): ([1, None, 2], None),
    ("a-null", "[Int]!"): ([1, None, 2], None),
    ("a-null", "[Int!]"): (None, [1]),
    ("a-null", "[Int!]!"): (PARENT, [1]),
    ("null", "[Int]"): (None, None),
    ("null", "[Int]!"): (PARENT, []),
    ("null", "[Int!]"): (None, None),
    ("null", "[Int!]!"): (PARENT, []),
    ("an-error", "[Int]"): ([1, None, 2], [1]),
    ("an-error", "[Int]!"): ([1, None, 2], [1]),
    ("an-error", "[Int!]"): (None, [1]),
    ("an-error", "[Int!]!"): (PARENT, [1]),
    ("error", "[Int]"): (None, []),
    ("error", "[Int]!"): (PARENT, []),
    ("error", "[Int!]"): (None, []),
    ("error", "[Int!]!"): (PARENT, []),
}

AWAITED_KEY = (
    "A plan reads a key of the parent's dictionary without awaiting what it holds: a list "
    "behind an awaitable is reported 'Expected Iterable, but did not find one for field "
    "Holder.listField', where graphql-core's default resolver hands the awaitable on and "
    "the executor awaits it (DIFFERENCES.md item 8)."
)


AWAITED_KEY_MARKS = [
    pytest.mark.xfail(strict=True, reason=AWAITED_KEY),
    # The plan leaves the coroutine it does not await as it is.
    pytest.mark.filterwarnings("ignore:coroutine .* was never awaited"),
]


def nullability_cases() -> list[Any]:
    """Each value as each type, reaching the executor as it is, from a coroutine, or as a
    list of coroutines (lists only), each through a resolver and through a dictionary key."""
    cases = []
    for value, make in VALUES.items():
        for as_type in TYPES:
            for source in SOURCES:
                for delivery in ("as-is", "awaited", "items-awaited"):
                    if delivery == "items-awaited" and not isinstance(make(), list):
                        continue
                    for engine in ENGINES:
                        differs = engine == "plans" and source == "key" and delivery == "awaited"
                        cases.append(
                            pytest.param(
                                value,
                                as_type,
                                delivery,
                                source,
                                engine,
                                marks=AWAITED_KEY_MARKS if differs else (),
                                id=f"{value}-{as_type}-{delivery}-{source}-{engine}",
                            )
                        )
    return cases


def deliver(delivery: str, value: Any) -> Any:
    if delivery == "awaited":
        return later(value)
    if delivery == "items-awaited":
        return [later(item) for item in value]
    return value


@pytest.mark.parametrize(("value", "as_type", "delivery", "source", "engine"), nullability_cases())
async def test_list_nullability(
    value: str, as_type: str, delivery: str, source: str, engine: str, context: Context
) -> None:
    schema = list_schema(TYPES[as_type], lambda: deliver(delivery, VALUES[value]()))
    got = await check(schema, engine, SOURCES[source], context)
    completed, error_path = NULLABILITY[value, as_type]
    if completed is PARENT:
        assert got["data"] is None
    else:
        assert field_of(got, source) == completed
    if error_path is None:
        assert "errors" not in got
    else:
        path = prefixed(["listField", *error_path], source)
        assert summary(got)[1] == [(UNEXPECTED, path)]
        assert got["errors"][0]["locations"] == [
            {"line": 1, "column": 3 if source == "resolver" else 12}
        ]


# Lists: async iterables


ASYNC_ITERABLES = (
    "graphql-core 3.3 completes an async iterable as a list (awaiting its items one by one); "
    'a plan takes only iterables and reports "Expected Iterable, but did not find one for '
    "field 'Query.listField'\" (DIFFERENCES.md item 7)."
)


async def _two_four_false() -> AsyncIterator[object]:
    yield "two"
    yield 4
    yield False


class AsyncTwoWords:
    """An async iterable of its own making: "hello", then "world"."""

    def __aiter__(self) -> Self:
        self.last = "hello"
        return self

    async def __anext__(self) -> str:
        last = self.last
        if last == "stop":
            raise StopAsyncIteration
        self.last = "world" if last == "hello" else "stop"
        return last


async def _fails_after_two() -> AsyncIterator[object]:
    yield "two"
    yield 4
    raise RuntimeError("bad")


async def _bad_value_between() -> AsyncIterator[object]:
    yield "two"
    yield {}
    yield 4


@pytest.mark.parametrize("engine", plans_differ(ASYNC_ITERABLES))
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(_two_four_false, ({"listField": ["two", "4", "false"]}, []), id="generator"),
        pytest.param(AsyncTwoWords, ({"listField": ["hello", "world"]}, []), id="iterable"),
        pytest.param(
            _fails_after_two,
            ({"listField": None}, [(UNEXPECTED, ["listField"])]),
            id="generator-that-raises",
        ),
        pytest.param(
            _bad_value_between,
            (
                {"listField": ["two", None, "4"]},
                [("String cannot represent value: {}", ["listField", 1])],
            ),
            id="value-the-item-type-refuses",
        ),
    ],
)
async def test_an_async_iterable_is_a_list(
    value: Callable[[], object],
    expected: tuple[Any, list[Any]],
    engine: str,
    context: Context,
) -> None:
    schema = list_schema(list[str | None] | None, value)
    assert summary(await check(schema, engine, "{ listField }", context)) == expected


async def _one_none_two() -> AsyncIterator[int | None]:
    yield 1
    yield None
    yield 2


@pytest.mark.parametrize("engine", plans_differ(ASYNC_ITERABLES))
@pytest.mark.parametrize("as_type", TYPES)
async def test_nulls_from_an_async_iterable(as_type: str, engine: str, context: Context) -> None:
    schema = list_schema(TYPES[as_type], _one_none_two)
    got = await check(schema, engine, "{ listField }", context)
    completed, error_path = NULLABILITY["a-null", as_type]
    assert summary(got) == (
        None if completed is PARENT else {"listField": completed},
        [] if error_path is None else [(UNEXPECTED, ["listField", *error_path])],
    )


@dataclass
class Closing:
    """An async iterator of 1, None, 2 that notes whether it was closed."""

    index: int = 0
    closed: bool = False

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> int | None:
        value = (1, None, 2)[self.index]
        self.index += 1
        return value

    async def aclose(self) -> None:
        self.closed = True


@pytest.mark.parametrize("engine", plans_differ(ASYNC_ITERABLES))
async def test_an_async_iterator_is_closed_when_a_non_null_item_fails(
    engine: str, context: Context
) -> None:
    made: list[Closing] = []

    def make() -> Closing:
        made.append(Closing())
        return made[-1]

    got = await check(list_schema(list[int] | None, make), engine, "{ listField }", context)
    assert summary(got) == ({"listField": None}, [(UNEXPECTED, ["listField", 1])])
    assert [iterator.closed for iterator in made] == [True, True]


def index_schema(count: int, fail_at: int | None) -> strawberry.Schema:
    """A list of objects from an async generator, each with an index its own coroutine
    resolves (an int for a String!, which serialises it), failing at `fail_at`."""

    @strawberry.type(name="ObjectWrapper")
    class Wrapper:
        number: strawberry.Private[int]

        @strawberry.field
        async def index(self) -> str:
            if self.number == fail_at:
                raise RuntimeError("bad")
            return cast("str", self.number)

    async def wrappers() -> AsyncIterator[Wrapper]:
        for number in range(count):
            yield Wrapper(number=number)

    def resolve_list() -> Any:
        return wrappers()

    @strawberry.type
    class Query:
        list_field: Any = strawberry.field(
            resolver=resolve_list, graphql_type=list[Wrapper | None] | None
        )

    return strawberry.Schema(query=Query, config=schema_config())


@pytest.mark.parametrize("engine", plans_differ(ASYNC_ITERABLES))
@pytest.mark.parametrize(
    ("count", "fail_at", "expected"),
    [
        (3, None, ([{"index": "0"}, {"index": "1"}, {"index": "2"}], [])),
        (1, None, ([{"index": "0"}], [])),
        (3, 2, ([{"index": "0"}, {"index": "1"}, None], [(UNEXPECTED, ["listField", 2, "index"])])),
    ],
)
async def test_objects_from_an_async_iterable_resolve_their_own_fields(
    count: int, fail_at: int | None, expected: tuple[Any, list[Any]], engine: str, context: Context
) -> None:
    got = await check(index_schema(count, fail_at), engine, "{ listField { index } }", context)
    data, errors = expected
    assert summary(got) == ({"listField": data}, errors)


# Lists nested in lists and objects in lists: a null goes up to the nearest nullable position


@strawberry.type
class Item:
    id: int
    label: str | None


@strawberry.type
class NestingQuery:
    @strawberry.field
    def matrix(self) -> list[list[int] | None]:
        return [[1, 2], [3, cast("int", None)], [4]]

    @strawberry.field
    def strict_matrix(self) -> list[list[int]] | None:
        return [[1, 2], [3, cast("int", None)], [4]]

    @strawberry.field
    async def async_matrix(self) -> list[list[int] | None]:
        return cast("list[list[int] | None]", [later([1]), [later(2), later(None)]])

    @strawberry.field
    def items(self) -> list[Item | None]:
        return [
            Item(id=1, label="one"),
            cast("Item", {"id": None, "label": "two"}),
            Item(id=3, label=None),
        ]

    @strawberry.field
    def strict_items(self) -> list[Item] | None:
        return cast("list[Item]", [{"id": 1, "label": "one"}, {"id": None, "label": "two"}])

    @strawberry.field
    async def required_items(self) -> list[Item]:
        return [Item(id=1, label=None), cast("Item", later({"id": None}))]

    @strawberry.field
    def items_with_errors(self) -> list[Item | None]:
        return cast("list[Item | None]", [Item(id=1, label="one"), GraphQLError("no item"), None])


NESTING = strawberry.Schema(query=NestingQuery, config=schema_config())


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param(
            "{ matrix }",
            ({"matrix": [[1, 2], None, [4]]}, [(UNEXPECTED, ["matrix", 1, 1])]),
            id="inner-list-nulled",
        ),
        pytest.param(
            "{ strictMatrix }",
            ({"strictMatrix": None}, [(UNEXPECTED, ["strictMatrix", 1, 1])]),
            id="outer-list-nulled",
        ),
        pytest.param(
            "{ asyncMatrix }",
            ({"asyncMatrix": [[1], None]}, [(UNEXPECTED, ["asyncMatrix", 1, 1])]),
            id="awaited-items-of-inner-lists",
        ),
        pytest.param(
            "{ items { id label } }",
            (
                {"items": [{"id": 1, "label": "one"}, None, {"id": 3, "label": None}]},
                [(UNEXPECTED, ["items", 1, "id"])],
            ),
            id="object-item-nulled",
        ),
        pytest.param(
            "{ strictItems { id } }",
            ({"strictItems": None}, [(UNEXPECTED, ["strictItems", 1, "id"])]),
            id="list-of-non-null-objects-nulled",
        ),
        pytest.param(
            "{ requiredItems { label id } items { id } }",
            (
                None,
                [(UNEXPECTED, ["items", 1, "id"]), (UNEXPECTED, ["requiredItems", 1, "id"])],
            ),
            id="data-nulled-from-an-awaited-item",
        ),
        pytest.param(
            "{ itemsWithErrors { id } }",
            (
                {"itemsWithErrors": [{"id": 1}, None, None]},
                [("no item", ["itemsWithErrors", 1])],
            ),
            id="error-as-an-item",
        ),
    ],
)
async def test_nested_lists_and_objects(
    query: str, expected: tuple[Any, list[Any]], engine: str, context: Context
) -> None:
    assert summary(await check(NESTING, engine, query, context)) == expected

"""Plans against graphql-core on queries hypothesis makes up over the real schema, with the
emulator's sessions as data: both engines must give the same data and the same errors."""

from __future__ import annotations

import asyncio
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLObjectType,
    get_named_type,
    is_leaf_type,
    is_non_null_type,
    is_object_type,
    parse,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gateway.config import CacheSettings
from gateway.engine.compat import graphql_schema
from gateway.identity import ALL_SCOPES, Caller
from gateway.loaders import CheckoutLoaders, ResponseCache, SessionStore
from gateway.schema import Context, Executor, build_schema
from gateway.stripe import StripeClient
from tests.conftest import Upstream
from tests.engine.compare import by_path

SCHEMA = build_schema()
TYPES = graphql_schema(SCHEMA).type_map


def object_type(name: str) -> GraphQLObjectType:
    found = TYPES[name]
    assert isinstance(found, GraphQLObjectType)
    return found


SESSION = object_type("CheckoutSession")
# Fields whose arguments the generator fills in, and with what.
ARGUMENTS = {"lineItems": st.integers(1, 12).map(lambda n: f"(first: {n})")}


def usable(name: str, field: GraphQLField) -> bool:
    """Fields the generator can ask for: every argument optional or filled in, and no type
    that only an inline fragment could select from."""
    if name.startswith("__"):
        return False
    named = get_named_type(field.type)
    required = any(is_non_null_type(arg.type) for arg in field.args.values())
    return (is_leaf_type(named) or is_object_type(named)) and (not required or name in ARGUMENTS)


@st.composite
def selection(draw: st.DrawFn, parent: GraphQLObjectType, depth: int) -> str:
    fields = sorted(
        name
        for name, field in parent.fields.items()
        if usable(name, field) and (depth > 0 or is_leaf_type(get_named_type(field.type)))
    )
    chosen = draw(st.lists(st.sampled_from(fields), min_size=1, max_size=6, unique=True))
    parts = []
    for name in chosen:
        field = parent.fields[name]
        arguments = draw(ARGUMENTS[name]) if name in ARGUMENTS else ""
        alias = draw(st.sampled_from(["", "", f"{name}Again: "]))
        named = get_named_type(field.type)
        text = f"{alias}{name}{arguments}"
        if draw(st.integers(0, 9)) == 0:
            text += f" @include(if: {draw(st.sampled_from(['true', 'false']))})"
        if isinstance(named, GraphQLObjectType):
            text += " { " + draw(selection(named, depth - 1)) + " }"
        parts.append(text)
    if draw(st.booleans()):
        parts.append("__typename")
    return " ".join(parts)


@st.composite
def documents(draw: st.DrawFn, ids: list[str]) -> str:
    fields = draw(selection(SESSION, 3))
    if draw(st.booleans()):
        first = draw(st.integers(1, 8))
        return f"{{ checkoutSessions(first: {first}) {{ nodes {{ {fields} }} }} }}"
    return f'{{ checkoutSession(id: "{draw(st.sampled_from(ids))}") {{ {fields} }} }}'


async def answers(upstream: Upstream, query: str) -> list[dict[str, Any]]:
    """The responses of plans and of graphql-core, each with loaders of its own."""
    client = StripeClient(upstream.stripe_settings())
    try:
        store = SessionStore(client, ResponseCache(CacheSettings(url="off")))
        responses = []
        for engine in ("plans", "graphql-core"):
            executor = Executor(SCHEMA, engine=engine)
            context = Context(loaders=CheckoutLoaders(store), caller=Caller("test", ALL_SCOPES))
            responses.append(await executor.run(executor.prepare(parse(query)), context=context))
        return responses
    finally:
        await client.aclose()


def test_plans_answer_as_graphql_core_does(upstream: Upstream) -> None:
    ids = asyncio.run(session_ids(upstream))

    @settings(
        max_examples=100,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
    )
    @given(documents(ids))
    def check(query: str) -> None:
        planned, reference = asyncio.run(answers(upstream, query))
        assert by_path(planned) == by_path(reference), query

    check()


async def session_ids(upstream: Upstream) -> list[str]:
    """Sessions of every kind the emulator makes: open, paid, and with a delayed payment."""
    made = [await upstream.new_session() for _ in range(2)]
    await upstream.complete(made[0]["id"])
    await upstream.complete(made[1]["id"], delayed=True)
    listed = await upstream.rest("GET", "/v1/checkout/sessions", params={"limit": 20})
    return [session["id"] for session in listed["data"]] + ["cs_test_missing"]

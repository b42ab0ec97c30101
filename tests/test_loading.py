"""How many REST calls an operation costs, counted by the emulator."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator

import httpx
import pytest

from gateway.app import create_app
from gateway.config import CacheSettings
from tests.conftest import GraphQLClient, Upstream
from tests.queries import CREATE, EXPIRE, payment_input
from tests.servers import serve

RETRIEVE = "GET /v1/checkout/sessions/{id}"


async def make(gql: GraphQLClient, *amounts: int) -> str:
    data = await gql.data(CREATE, input=payment_input(*amounts))
    session_id: str = data["createCheckoutSession"]["checkoutSession"]["id"]
    return session_id


async def test_repeated_ids_in_one_operation_cost_one_call(
    gql: GraphQLClient, upstream: Upstream
) -> None:
    session_id = await make(gql, 10)
    await upstream.reset_requests()
    data = await gql.data(
        "query($id: ID!) { a: checkoutSession(id: $id) { id } b: checkoutSession(id: $id) "
        "{ status } c: checkoutSession(id: $id) { amountTotal } }",
        id=session_id,
    )
    assert data == {"a": {"id": session_id}, "b": {"status": "OPEN"}, "c": {"amountTotal": 10}}
    assert await upstream.calls() == {RETRIEVE: 1}


async def test_line_items_ride_along_with_the_session(
    gql: GraphQLClient, upstream: Upstream
) -> None:
    session_id = await make(gql, 10, 20)
    await upstream.reset_requests()
    data = await gql.data(
        "query($id: ID!) { checkoutSession(id: $id) { ...Items } } "
        "fragment Items on CheckoutSession { lineItems { nodes { amountTotal } } }",
        id=session_id,
    )
    assert data["checkoutSession"]["lineItems"]["nodes"] == [
        {"amountTotal": 10},
        {"amountTotal": 20},
    ]
    assert await upstream.calls() == {RETRIEVE: 1}


@pytest.fixture
def cached_gateway(upstream: Upstream) -> Iterator[str]:
    settings = upstream.gateway_settings(cache=CacheSettings(open_ttl=60))
    with serve(create_app(settings)) as url:
        yield url


async def test_the_cache_answers_across_requests_and_mutations_refresh_it(
    cached_gateway: str, upstream: Upstream
) -> None:
    async with httpx.AsyncClient(base_url=cached_gateway) as http:
        gql = GraphQLClient(http)
        session_id = await make(gql, 40)
        query = "query($id: ID!) { checkoutSession(id: $id) { status } }"
        await upstream.reset_requests()
        for _ in range(3):
            assert (await gql.data(query, id=session_id))["checkoutSession"]["status"] == "OPEN"
        assert await upstream.calls() == {}

        await gql.data(EXPIRE, id=session_id)
        await upstream.reset_requests()
        assert (await gql.data(query, id=session_id))["checkoutSession"]["status"] == "EXPIRED"
        assert await upstream.calls() == {}


LIST = "GET /v1/checkout/sessions"


async def test_a_page_of_sessions_with_their_line_items_is_one_call(
    gql: GraphQLClient, upstream: Upstream
) -> None:
    made = [await make(gql, 100 + n, 200 + n) for n in range(3)]
    await upstream.reset_requests()
    data = await gql.data(
        "{ checkoutSessions(first: 50) { nodes { id lineItems { nodes { amountTotal } } } "
        "edges { node { lineItems { pageInfo { hasNextPage } } } } } }"
    )
    nodes = {node["id"]: node for node in data["checkoutSessions"]["nodes"]}
    for n, session_id in enumerate(reversed(made)):
        amounts = [item["amountTotal"] for item in nodes[session_id]["lineItems"]["nodes"]]
        assert amounts == [100 + (2 - n), 200 + (2 - n)]
    assert await upstream.calls() == {LIST: 1}


async def test_distinct_aliases_fan_out_concurrently_and_repeats_are_free(
    gql: GraphQLClient, upstream: Upstream
) -> None:
    made = [await make(gql, 300 + n) for n in range(20)]
    fields = [f"s{n}: checkoutSession(id: {sid!r}) {{ amountTotal }}" for n, sid in enumerate(made)]
    fields += [f"r{n}: checkoutSession(id: {made[n * 3]!r}) {{ id }}" for n in range(5)]
    query = "{ " + " ".join(fields).replace("'", '"') + " }"
    await upstream.reset_requests()
    # Long enough that all twenty calls overlap even when the machine stalls for a moment.
    async with upstream.latency(400):
        data = await gql.data(query)
    assert [data[f"s{n}"]["amountTotal"] for n in range(20)] == [300 + n for n in range(20)]
    assert data["r4"] == {"id": made[12]}
    counts = await upstream.requests()
    assert counts["routes"] == {RETRIEVE: 20}
    assert counts["peak_in_flight"] == 20


async def test_the_fan_out_keeps_to_the_configured_limit(upstream: Upstream) -> None:
    settings = upstream.gateway_settings(max_concurrency=4)
    with serve(create_app(settings)) as url:
        async with httpx.AsyncClient(base_url=url, timeout=30) as http:
            gql = GraphQLClient(http)
            made = [await make(gql, 400 + n) for n in range(10)]
            query = " ".join(
                f's{n}: checkoutSession(id: "{sid}") {{ id }}' for n, sid in enumerate(made)
            )
            await upstream.reset_requests()
            async with upstream.latency(50):
                data = await gql.data("{ " + query + " }")
    assert len(data) == 10
    counts = await upstream.requests()
    assert counts["routes"] == {RETRIEVE: 10}
    assert counts["peak_in_flight"] == 4


@pytest.mark.parametrize("list_first", [True, False])
async def test_a_session_the_list_returned_is_not_fetched_again(
    gql: GraphQLClient, upstream: Upstream, list_first: bool
) -> None:
    session_id = await make(gql, 500)
    by_id = "one: checkoutSession(id: $id) { id amountTotal }"
    listed = "all: checkoutSessions(first: 5) { nodes { id } }"
    fields = f"{listed} {by_id}" if list_first else f"{by_id} {listed}"
    await upstream.reset_requests()
    async with upstream.latency(50):
        data = await gql.data(f"query($id: ID!) {{ {fields} }}", id=session_id)
    assert data["one"] == {"id": session_id, "amountTotal": 500}
    assert data["all"]["nodes"][0] == {"id": session_id}
    assert await upstream.calls() == {LIST: 1}


async def test_concurrent_identical_requests_share_one_call(
    gateway_url: str, upstream: Upstream
) -> None:
    async with httpx.AsyncClient(base_url=gateway_url, timeout=30) as http:
        gql = GraphQLClient(http)
        session_id = await make(gql, 600)
        query = "query($id: ID!) { checkoutSession(id: $id) { id amountTotal } }"
        await upstream.reset_requests()
        async with upstream.latency(300):
            results = await asyncio.gather(*(gql.data(query, id=session_id) for _ in range(8)))
    assert all(r["checkoutSession"] == {"id": session_id, "amountTotal": 600} for r in results)
    assert await upstream.calls() == {RETRIEVE: 1}


@pytest.fixture
def status_cached_gateway(upstream: Upstream) -> Iterator[str]:
    cache = CacheSettings(open_ttl=0, complete_ttl=60, expired_ttl=60)
    with serve(create_app(upstream.gateway_settings(cache=cache))) as url:
        yield url


async def test_the_cache_keeps_sessions_as_long_as_their_status_allows(
    status_cached_gateway: str, upstream: Upstream
) -> None:
    query = "query($id: ID!) { checkoutSession(id: $id) { status } }"
    async with httpx.AsyncClient(base_url=status_cached_gateway) as http:
        gql = GraphQLClient(http)
        paid, expired = await make(gql, 700), await make(gql, 701)

        async def read_twice(session_id: str) -> dict[str, int]:
            await upstream.reset_requests()
            for _ in range(2):
                await gql.data(query, id=session_id)
            return await upstream.calls()

        assert await read_twice(paid) == {RETRIEVE: 2}
        await upstream.complete(paid)
        assert await read_twice(paid) == {RETRIEVE: 1}
        await gql.data(EXPIRE, id=expired)
        assert await read_twice(expired) == {}


async def test_a_finished_operation_leaves_nothing_for_the_garbage_collector(
    gql: GraphQLClient,
) -> None:
    """Each request's Stripe objects are freed when it ends, not when a collection finds them.

    A reference cycle through the request's loaders or execution would keep every page of
    sessions alive until the collector ran, and make each collection walk them all.
    """
    session_id = await make(gql, 10, 20)
    query = (
        "query($id: ID!) { one: checkoutSession(id: $id) { id lineItems { nodes { id } } } "
        "page: checkoutSessions(first: 5) { nodes { id lineItems { nodes { id } } } } }"
    )
    await gql.data(query, id=session_id)
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            await gql.data(query, id=session_id)
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        left = [type(thing).__name__ for thing in gc.garbage if _belongs_to_a_request(thing)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert left == []


def _belongs_to_a_request(thing: object) -> bool:
    if isinstance(thing, dict):
        return thing.get("object") == "checkout.session"
    return type(thing).__module__.startswith(("gateway.", "strawberry."))

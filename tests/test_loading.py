"""How many REST calls an operation costs, counted by the emulator."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from gateway.app import create_app
from gateway.config import CacheSettings, Settings
from tests.conftest import GraphQLClient, Upstream
from tests.queries import CREATE, EXPIRE, payment_input
from tests.servers import serve

RETRIEVE = "GET /v1/checkout/sessions/{id}"


async def make(gql: GraphQLClient, *amounts: int) -> str:
    data = await gql.data(CREATE, input=payment_input(*amounts))
    session_id: str = data["createCheckoutSession"]["checkoutSession"]["id"]
    return session_id


async def calls(upstream: Upstream) -> dict[str, int]:
    counts: dict[str, int] = (await upstream.requests())["routes"]
    return {route: n for route, n in counts.items() if n}


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
    assert await calls(upstream) == {RETRIEVE: 1}


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
    assert await calls(upstream) == {RETRIEVE: 1}


@pytest.fixture
def cached_gateway(upstream: Upstream) -> Iterator[str]:
    settings = Settings(stripe=upstream.stripe_settings(), cache=CacheSettings(ttl=60))
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
        assert await calls(upstream) == {}

        await gql.data(EXPIRE, id=session_id)
        await upstream.reset_requests()
        assert (await gql.data(query, id=session_id))["checkoutSession"]["status"] == "EXPIRED"
        assert await calls(upstream) == {}

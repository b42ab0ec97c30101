from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.conftest import GraphQLClient, Upstream
from tests.queries import CREATE, EXPIRE, LIST, SESSION_FIELDS, payment_input, subscription_input

BY_ID = f"query($id: ID!) {{ checkoutSession(id: $id) {{ {SESSION_FIELDS} }} }}"


async def create(gql: GraphQLClient, request: dict[str, Any]) -> dict[str, Any]:
    data = await gql.data(CREATE, input=request)
    session: dict[str, Any] = data["createCheckoutSession"]["checkoutSession"]
    return session


async def ids(gql: GraphQLClient, **filter: Any) -> list[str]:
    data = await gql.data(LIST, first=100, filter=filter)
    return [node["id"] for node in data["checkoutSessions"]["nodes"]]


def iso(timestamp: int) -> str:
    return datetime.fromtimestamp(timestamp, UTC).isoformat()


async def test_session_by_id(gql: GraphQLClient) -> None:
    created = await create(gql, payment_input(1200))
    data = await gql.data(BY_ID, id=created["id"])
    assert data["checkoutSession"] == created


async def test_unknown_session_is_null_with_not_found(gql: GraphQLClient) -> None:
    result = await gql.execute(BY_ID, id="cs_test_nothing_here")
    assert result["data"] == {"checkoutSession": None}
    [error] = result["errors"]
    assert error["extensions"]["code"] == "NOT_FOUND"
    assert error["path"] == ["checkoutSession"]


@pytest.mark.parametrize(
    "session_id", [".", "..", "../../v1/prices", "", "  ", "cs_test_x?limit=1", "cs_test_é"]
)
async def test_ids_cannot_reach_other_paths(
    gql: GraphQLClient, upstream: Upstream, session_id: str
) -> None:
    await upstream.reset_requests()
    result = await gql.execute(BY_ID, id=session_id)
    assert result["data"] == {"checkoutSession": None}
    [error] = result["errors"]
    assert error["extensions"]["code"] == "NOT_FOUND"
    assert error["message"] == f"No Checkout Session has the id {session_id!r}."
    # Refused by its shape, before any call: nothing reached Stripe.
    assert await upstream.calls() == {}


async def test_filter_by_status(gql: GraphQLClient) -> None:
    session = await create(gql, payment_input(300))
    assert session["id"] in await ids(gql, status="OPEN")
    await gql.data(EXPIRE, id=session["id"])
    assert session["id"] in await ids(gql, status="EXPIRED")
    assert session["id"] not in await ids(gql, status="OPEN")


async def test_filter_by_what_completion_fills_in(gql: GraphQLClient, upstream: Upstream) -> None:
    email = f"{secrets.token_hex(4)}@example.com"
    payment = await create(gql, payment_input(400))
    paid = await upstream.complete(payment["id"], email=email)
    subscription = await create(gql, subscription_input())
    subscribed = await upstream.complete(subscription["id"])

    assert await ids(gql, paymentIntent=paid["payment_intent"]) == [payment["id"]]
    assert await ids(gql, customerEmail=email) == [payment["id"]]
    assert await ids(gql, subscription=subscribed["subscription"]) == [subscription["id"]]
    assert await ids(gql, customer=subscribed["customer"]) == [subscription["id"]]
    assert await ids(gql, status="COMPLETE", customer=subscribed["customer"]) == [
        subscription["id"]
    ]


async def test_filter_by_payment_link(gql: GraphQLClient, upstream: Upstream) -> None:
    listing = await upstream.rest("GET", "/v1/checkout/sessions", params={"limit": 100})
    linked = [s for s in listing["data"] if s["payment_link"]]
    assert await ids(gql, paymentLink="plink_nothing") == []
    for session in linked:
        assert session["id"] in await ids(gql, paymentLink=session["payment_link"])


async def test_filter_by_created(gql: GraphQLClient, upstream: Upstream) -> None:
    session = await create(gql, payment_input(100))
    created = int(datetime.fromisoformat(session["created"]).timestamp())
    assert session["id"] in await ids(gql, created={"eq": iso(created)})
    assert session["id"] in await ids(gql, created={"gte": iso(created)})
    assert session["id"] in await ids(gql, created={"lte": iso(created)})
    assert session["id"] not in await ids(gql, created={"gt": iso(created)})
    assert session["id"] not in await ids(gql, created={"lt": iso(created)})
    assert session["id"] in await ids(gql, created={"gt": iso(created - 1), "lt": iso(created + 1)})
    result = await gql.execute(LIST, filter={"created": {"eq": iso(created), "gt": iso(created)}})
    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_sessions_page_forward_and_back(gql: GraphQLClient) -> None:
    for amount in (11, 12, 13, 14, 15):
        await create(gql, payment_input(amount))
    everything = await ids(gql)
    first = (await gql.data(LIST, first=2))["checkoutSessions"]
    assert [e["node"]["id"] for e in first["edges"]] == everything[:2]
    assert [e["cursor"] for e in first["edges"]] == everything[:2]
    assert first["pageInfo"] == {
        "hasNextPage": True,
        "hasPreviousPage": False,
        "startCursor": everything[0],
        "endCursor": everything[1],
    }
    second = (await gql.data(LIST, first=2, after=first["pageInfo"]["endCursor"]))[
        "checkoutSessions"
    ]
    assert [n["id"] for n in second["nodes"]] == everything[2:4]
    assert second["pageInfo"]["hasPreviousPage"] is True

    back = (await gql.data(LIST, last=2, before=second["pageInfo"]["startCursor"]))[
        "checkoutSessions"
    ]
    assert [n["id"] for n in back["nodes"]] == everything[:2]
    assert back["pageInfo"]["hasPreviousPage"] is False
    assert back["pageInfo"]["hasNextPage"] is True


@pytest.mark.parametrize(
    "arguments",
    [
        {"first": 0},
        {"first": 101},
        {"first": 1, "last": 1},
        {"last": 2},
        {"first": 2, "before": "x"},
    ],
)
async def test_bad_page_arguments(gql: GraphQLClient, arguments: dict[str, Any]) -> None:
    result = await gql.execute(LIST, **arguments)
    [error] = result["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"


LINE_ITEMS = """
query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  checkoutSession(id: $id) {
    lineItems(first: $first, after: $after, last: $last, before: $before) {
      edges { cursor }
      nodes { id description amountTotal quantity price { unitAmount currency } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}
"""


async def line_items(gql: GraphQLClient, session_id: str, **arguments: Any) -> dict[str, Any]:
    data = await gql.data(LINE_ITEMS, id=session_id, **arguments)
    page: dict[str, Any] = data["checkoutSession"]["lineItems"]
    return page


async def test_line_items_page_forward_and_back(gql: GraphQLClient) -> None:
    session = await create(gql, payment_input(10, 20, 30, 40, 50))
    first = await line_items(gql, session["id"], first=2)
    assert [n["amountTotal"] for n in first["nodes"]] == [10, 20]
    assert first["nodes"][0]["price"] == {"unitAmount": 10, "currency": "usd"}
    assert first["pageInfo"]["hasNextPage"] is True
    second = await line_items(gql, session["id"], first=2, after=first["pageInfo"]["endCursor"])
    assert [n["amountTotal"] for n in second["nodes"]] == [30, 40]
    back = await line_items(gql, session["id"], last=2, before=second["pageInfo"]["startCursor"])
    assert [n["amountTotal"] for n in back["nodes"]] == [10, 20]
    assert back["pageInfo"]["hasPreviousPage"] is False
    rest = await line_items(gql, session["id"], first=10, after=second["pageInfo"]["endCursor"])
    assert [n["amountTotal"] for n in rest["nodes"]] == [50]
    assert rest["pageInfo"]["hasNextPage"] is False


async def test_line_items_beyond_the_expanded_page(gql: GraphQLClient, upstream: Upstream) -> None:
    session = await create(gql, payment_input(*range(1, 13)))
    page = await line_items(gql, session["id"], first=15)
    assert [n["amountTotal"] for n in page["nodes"]] == list(range(1, 13))
    assert page["pageInfo"]["hasNextPage"] is False
    rest = await upstream.rest(
        "GET", f"/v1/checkout/sessions/{session['id']}/line_items", params={"limit": 100}
    )
    assert [n["id"] for n in page["nodes"]] == [item["id"] for item in rest["data"]]

"""Callers bound to a customer see and touch only that customer's sessions; bound to an account,
they act as that account."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from gateway.app import create_app
from gateway.config import AuthSettings, CacheSettings
from gateway.config.files import read_api_keys
from tests.conftest import Upstream
from tests.identities import Client, write_key_file
from tests.identities import post_as as gql
from tests.queries import CREATE, EXPIRE, payment_input
from tests.servers import serve

ALICE = "cus_Alice1"
BOB = "cus_Bob2"
EVERYTHING = [
    "checkout:read",
    "checkout:read_customer_data",
    "checkout:create",
    "checkout:expire",
    "schema:introspect",
]
ADMIN = Client("admin", EVERYTHING)
SHOP = Client("alice-shop", EVERYTHING, customer=ALICE)
PLATFORM = Client("platform", EVERYTHING, account="acct_Platform9")
READ = "query($id: ID!) { checkoutSession(id: $id) { id customer { id } } }"
ENTITIES = (
    "query($r: [_Any!]!) "
    "{ _entities(representations: $r) { ... on CheckoutSession { id customer { id } } } }"
)
LIST = """query($filter: CheckoutSessionFilter) {
  checkoutSessions(first: 100, filter: $filter) { nodes { id customer { id } } }
}"""


@pytest.fixture(scope="module")
def gateway(upstream: Upstream, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = write_key_file(tmp_path_factory.mktemp("rows") / "keys.toml", [ADMIN, SHOP, PLATFORM])
    auth = AuthSettings(keys=read_api_keys(path))
    # Cached copies of other customers' sessions must not change what a bound caller sees.
    settings = upstream.gateway_settings(auth=auth, cache=CacheSettings(open_ttl=60))
    with serve(create_app(settings)) as url:
        yield url


def without(body: dict[str, Any], session_id: str) -> str:
    """The response with an id taken out, to compare answers about different ids."""
    return str(body).replace(session_id, "<id>")


async def test_another_customers_session_reads_exactly_as_a_missing_one(
    http: httpx.AsyncClient, upstream: Upstream
) -> None:
    own = (await upstream.new_session(customer=ALICE))["id"]
    theirs = (await upstream.new_session(customer=BOB))["id"]
    missing = theirs[:-4] + "zzzz"
    body = await gql(http, SHOP, READ, id=own)
    assert body["data"]["checkoutSession"] == {"id": own, "customer": {"id": ALICE}}

    # Bob's session is now cached, from the admin's read.
    assert (await gql(http, ADMIN, READ, id=theirs))["data"]["checkoutSession"]["id"] == theirs
    answers, calls = [], []
    for session_id in (theirs, missing):
        await upstream.reset_requests()
        body = await gql(http, SHOP, READ, id=session_id)
        calls.append(sum((await upstream.calls()).values()))
        answers.append(without(body, session_id))
        assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert answers[0] == answers[1]
    assert calls == [1, 1]


async def test_entities_follow_the_same_rule(http: httpx.AsyncClient, upstream: Upstream) -> None:
    own = (await upstream.new_session(customer=ALICE))["id"]
    theirs = (await upstream.new_session(customer=BOB))["id"]
    representations = [{"__typename": "CheckoutSession", "id": i} for i in (own, theirs)]
    body = await gql(http, SHOP, ENTITIES, r=representations)
    assert body["data"]["_entities"] == [{"id": own, "customer": {"id": ALICE}}, None]
    admin = await gql(http, ADMIN, ENTITIES, r=representations)
    assert admin["data"]["_entities"][1] == {"id": theirs, "customer": {"id": BOB}}


async def test_node_follows_the_same_rule(http: httpx.AsyncClient, upstream: Upstream) -> None:
    own = (await upstream.new_session(customer=ALICE))["id"]
    theirs = (await upstream.new_session(customer=BOB))["id"]
    query = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"
    body = await gql(http, SHOP, query, ids=[own, theirs])
    assert body["data"]["nodes"] == [{"id": own}, None]
    [error] = body["errors"]
    assert (error["path"], error["extensions"]["code"]) == (["nodes", 1], "NOT_FOUND")


async def test_lists_hold_only_the_callers_sessions(
    http: httpx.AsyncClient, upstream: Upstream
) -> None:
    for customer in (ALICE, BOB, None):
        await upstream.new_session(customer=customer)
    nodes = (await gql(http, SHOP, LIST))["data"]["checkoutSessions"]["nodes"]
    assert nodes and {node["customer"]["id"] for node in nodes} == {ALICE}
    everyone = (await gql(http, ADMIN, LIST))["data"]["checkoutSessions"]["nodes"]
    assert len(everyone) > len(nodes)

    await upstream.reset_requests()
    body = await gql(http, SHOP, LIST, filter={"customer": BOB})
    assert body["data"]["checkoutSessions"]["nodes"] == []
    assert await upstream.calls() == {}


async def test_another_customers_entity_lists_none_of_their_sessions(
    http: httpx.AsyncClient, upstream: Upstream
) -> None:
    own = (await upstream.new_session(customer=ALICE))["id"]
    theirs = (await upstream.new_session(customer=BOB))["id"]
    query = (
        "query($r: [_Any!]!) { _entities(representations: $r) "
        "{ ... on Customer { id checkoutSessions(first: 100) { nodes { id } } } } }"
    )
    representations = [{"__typename": "Customer", "id": i} for i in (ALICE, BOB)]
    await upstream.reset_requests()
    body = await gql(http, SHOP, query, r=representations)
    alices, bobs = body["data"]["_entities"]
    assert own in {node["id"] for node in alices["checkoutSessions"]["nodes"]}
    assert bobs == {"id": BOB, "checkoutSessions": {"nodes": []}}
    # Only Alice's list reached Stripe.
    assert await upstream.calls() == {"GET /v1/checkout/sessions": 1}
    admin = await gql(http, ADMIN, query, r=representations)
    assert theirs in {
        node["id"] for node in admin["data"]["_entities"][1]["checkoutSessions"]["nodes"]
    }


async def test_a_cursor_from_another_customer_reads_as_a_missing_one(
    http: httpx.AsyncClient, upstream: Upstream
) -> None:
    own = (await upstream.new_session(customer=ALICE))["id"]
    theirs = (await upstream.new_session(customer=BOB))["id"]
    missing = theirs[:-4] + "zzzz"
    query = "query($after: String) { checkoutSessions(first: 5, after: $after) { nodes { id } } }"
    answers = []
    for cursor in (theirs, missing):
        body = await gql(http, SHOP, query, after=cursor)
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
        answers.append(without(body, cursor))
    assert answers[0] == answers[1]
    assert "errors" not in await gql(http, SHOP, query, after=own)


async def test_creates_are_made_for_the_bound_customer_whatever_the_input_says(
    http: httpx.AsyncClient,
) -> None:
    for extra in ({"customer": BOB}, {"customerEmail": "mallory@example.com"}):
        body = await gql(http, SHOP, CREATE, input={**payment_input(700), **extra})
        payload = body["data"]["createCheckoutSession"]
        assert payload["userErrors"] == []
        assert payload["checkoutSession"]["customer"] == {"id": ALICE}


async def test_expiring_another_customers_session_fails_as_for_a_missing_one(
    http: httpx.AsyncClient, upstream: Upstream
) -> None:
    theirs = (await upstream.new_session(customer=BOB))["id"]
    missing = theirs[:-4] + "zzzz"
    answers = [without(await gql(http, SHOP, EXPIRE, id=i), i) for i in (theirs, missing)]
    assert answers[0] == answers[1]
    assert "RESOURCE_MISSING" in answers[0]
    assert (await upstream.rest("GET", f"/v1/checkout/sessions/{theirs}"))["status"] == "open"

    own = (await upstream.new_session(customer=ALICE))["id"]
    body = await gql(http, SHOP, EXPIRE, id=own)
    assert body["data"]["expireCheckoutSession"]["checkoutSession"]["status"] == "EXPIRED"


async def test_idempotency_keys_are_each_callers_own(http: httpx.AsyncClient) -> None:
    key = f"order-{id(http)}"
    first = await gql(http, ADMIN, CREATE, input=payment_input(100), key=key)
    other = await gql(http, SHOP, CREATE, input=payment_input(200), key=key)
    again = await gql(http, ADMIN, CREATE, input=payment_input(100), key=key)
    sessions = [
        body["data"]["createCheckoutSession"]["checkoutSession"] for body in (first, other, again)
    ]
    assert sessions[1]["amountTotal"] == 200
    assert sessions[0]["id"] == sessions[2]["id"] != sessions[1]["id"]


async def test_an_account_bound_caller_acts_as_that_account(
    http: httpx.AsyncClient, upstream: Upstream
) -> None:
    body = await gql(http, PLATFORM, CREATE, input=payment_input(900))
    session_id = body["data"]["createCheckoutSession"]["checkoutSession"]["id"]
    found = await upstream.rest(
        "GET", f"/v1/checkout/sessions/{session_id}", account=PLATFORM.account
    )
    assert found["id"] == session_id
    assert "error" in await upstream.rest("GET", f"/v1/checkout/sessions/{session_id}")

    assert (await gql(http, PLATFORM, READ, id=session_id))["data"]["checkoutSession"]
    admin = await gql(http, ADMIN, READ, id=session_id)
    assert admin["errors"][0]["extensions"]["code"] == "NOT_FOUND"

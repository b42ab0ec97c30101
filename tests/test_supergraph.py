"""The subgraph in a real supergraph: Apollo's own composition, gateway and server (in Node, by
tests/node/supergraph.mjs) join it with a customer accounts subgraph, and queries cross between
the two both ways at the Stripe calls the subgraph alone would make."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from tests.conftest import Upstream
from tests.nodejs import node_script

# The accounts subgraph's customers, as supergraph.mjs defines them.
ADA, GRACE, ALAN = "cus_SupergraphAda", "cus_SupergraphGrace", "cus_SupergraphAlan"
NAMES = {ADA: "Ada Lovelace", GRACE: "Grace Hopper", ALAN: "Alan Turing"}
SESSIONS_EACH = {ADA: 2, GRACE: 1, ALAN: 0}
STARTUP_SECONDS = 30
LIST = "GET /v1/checkout/sessions"
READ = "GET /v1/checkout/sessions/{id}"


@dataclass
class Supergraph:
    url: str
    composition: dict[str, Any]
    # Each customer's sessions, newest first, as the lists give them.
    sessions: dict[str, list[str]]
    featured: str


@pytest.fixture(scope="module")
async def supergraph(gateway_url: str, upstream: Upstream) -> AsyncIterator[Supergraph]:
    sessions: dict[str, list[str]] = {}
    for customer, count in SESSIONS_EACH.items():
        made = [(await upstream.new_session(customer=customer))["id"] for _ in range(count)]
        sessions[customer] = made[::-1]
    featured = sessions[GRACE][0]
    process = await asyncio.create_subprocess_exec(
        *node_script("supergraph.mjs"),
        f"{gateway_url}/graphql",
        featured,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        line = await asyncio.wait_for(process.stdout.readline(), STARTUP_SECONDS)
        assert line, "supergraph.mjs exited before reporting (its stderr is above)"
        composition = json.loads(line)
        yield Supergraph(composition["gateway"], composition, sessions, featured)
    finally:
        # Closing stdin asks it to exit; one that does not is killed.
        process.stdin.close()
        try:
            await asyncio.wait_for(process.wait(), 10)
        except TimeoutError:
            process.kill()
            await process.wait()


async def post(supergraph: Supergraph, query: str) -> httpx.Response:
    assert supergraph.composition["errors"] == []
    async with httpx.AsyncClient(timeout=30) as client:
        return await client.post(supergraph.url, json={"query": query})


async def data(supergraph: Supergraph, query: str) -> dict[str, Any]:
    response = await post(supergraph, query)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert "errors" not in body, body["errors"]
    result: dict[str, Any] = body["data"]
    return result


async def test_the_subscription_root_holds_only_the_gateways_subscriptions(
    supergraph: Supergraph,
) -> None:
    """Stripe's subscription object is StripeSubscription, so no stub becomes the root."""
    assert supergraph.composition["errors"] == []
    assert supergraph.composition["subscriptionFields"] == [
        "checkoutSessionEvents",
        "checkoutSessionUpdated",
    ]


async def test_customers_reach_their_sessions_in_one_list_call_each(
    supergraph: Supergraph, upstream: Upstream
) -> None:
    query = """{
      customers {
        id name
        checkoutSessions(first: 5) { nodes { id lineItems { nodes { description } } } }
      }
    }"""
    await upstream.reset_requests()
    customers = (await data(supergraph, query))["customers"]
    assert [(c["id"], c["name"]) for c in customers] == list(NAMES.items())
    for customer in customers:
        nodes = customer["checkoutSessions"]["nodes"]
        assert [node["id"] for node in nodes] == supergraph.sessions[customer["id"]]
        assert all(node["lineItems"]["nodes"] == [{"description": "Mug"}] for node in nodes)
    # Line items came expanded in the lists: no call per session.
    assert await upstream.calls() == {LIST: len(NAMES)}


async def test_sessions_reach_their_customers_names(
    supergraph: Supergraph, upstream: Upstream
) -> None:
    query = f"""{{
      checkoutSessions(first: 5, filter: {{customer: "{ADA}"}}) {{
        nodes {{ id customer {{ id name }} }}
      }}
    }}"""
    await upstream.reset_requests()
    nodes = (await data(supergraph, query))["checkoutSessions"]["nodes"]
    assert nodes == [
        {"id": session, "customer": {"id": ADA, "name": NAMES[ADA]}}
        for session in supergraph.sessions[ADA]
    ]
    assert await upstream.calls() == {LIST: 1}

    session = supergraph.sessions[GRACE][0]
    query = f'{{ checkoutSession(id: "{session}") {{ customer {{ name email }} }} }}'
    await upstream.reset_requests()
    found = (await data(supergraph, query))["checkoutSession"]
    assert found == {"customer": {"name": NAMES[GRACE], "email": "grace@example.com"}}
    assert await upstream.calls() == {READ: 1}


async def test_a_session_the_accounts_subgraph_names_resolves_here_and_back(
    supergraph: Supergraph, upstream: Upstream
) -> None:
    query = """{
      featuredSession {
        id amountTotal lineItems { nodes { description } } customer { name }
      }
    }"""
    await upstream.reset_requests()
    featured = (await data(supergraph, query))["featuredSession"]
    assert featured == {
        "id": supergraph.featured,
        "amountTotal": 1200,
        "lineItems": {"nodes": [{"description": "Mug"}]},
        "customer": {"name": NAMES[GRACE]},
    }
    assert await upstream.calls() == {READ: 1}


async def test_a_subscription_is_a_graphql_error_not_a_crash(supergraph: Supergraph) -> None:
    response = await post(
        supergraph, 'subscription { checkoutSessionUpdated(id: "cs_test_x") { id } }'
    )
    assert response.status_code == 400, response.text
    body = response.json()
    assert "data" not in body
    [error] = body["errors"]
    assert error["extensions"] == {"code": "GRAPHQL_VALIDATION_FAILED"}

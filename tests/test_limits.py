"""Every limit refuses before Stripe hears of the operation, and every answer reports its cost."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from graphql import Source

from gateway.app import create_app
from gateway.config import CacheSettings, LimitSettings
from gateway.limits.documents import IndexedSource
from tests.conftest import Upstream
from tests.servers import serve

LIMITS = LimitSettings(
    max_document_bytes=4000,
    max_tokens=600,
    max_depth=6,
    max_aliases=5,
    max_root_fields=8,
    max_fields=60,
    max_directives=2,
    max_introspection_depth=2,
    max_introspection_fields=1,
    max_operation_cost=10,
    max_result_fields=500,
    rate_limit_points=None,
)


@pytest.fixture(scope="module")
def gateway(upstream: Upstream) -> Iterator[str]:
    settings = upstream.gateway_settings(limits=LIMITS, cache=CacheSettings(open_ttl=60))
    with serve(create_app(settings)) as url:
        yield url


async def post(http: httpx.AsyncClient, query: str, **variables: Any) -> dict[str, Any]:
    response = await http.post("/graphql", json={"query": query, "variables": variables})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def aliases(count: int, selection: str = "checkoutSession(id: $id) { id }") -> str:
    return " ".join(f"a{index}: {selection}" for index in range(count))


def nested(depth: int) -> str:
    inner = "id"
    for _ in range(depth - 2):
        inner = f"customFields {{ label {{ custom }} }} lineItems {{ nodes {{ {inner} }} }}"
    return f"query($id: ID!) {{ checkoutSession(id: $id) {{ {inner} }} }}"


ONE = "checkoutSession(id: $id) { id }"
REFUSED = {
    "DOCUMENT_TOO_LARGE": ("query($id: ID!) { " + ONE + " }" + " " * 4000, 4000),
    "TOKEN_LIMIT_EXCEEDED": (
        "query($id: ID!) { checkoutSession(id: $id) { " + "id " * 700 + "} }",
        600,
    ),
    "DEPTH_LIMIT_EXCEEDED": (nested(8), 6),
    "ALIAS_LIMIT_EXCEEDED": ("query($id: ID!) { " + aliases(6) + " }", 5),
    "ROOT_FIELD_LIMIT_EXCEEDED": (
        "query($id: ID!) { " + aliases(4) + " " + " ".join(["__typename"] * 5) + " }",
        8,
    ),
    "FIELD_LIMIT_EXCEEDED": (
        "query($id: ID!) { checkoutSession(id: $id) { ...A ...B } } "
        "fragment A on CheckoutSession { id status mode currency url locale created lineItems "
        "{ nodes { ...L } edges { node { ...L } } } } "
        "fragment B on CheckoutSession { lineItems { nodes { ...L } } } "
        "fragment L on LineItem { id description quantity amountTotal amountSubtotal "
        "amountDiscount amountTax currency price { id currency unitAmount active type "
        "nickname lookupKey } }",
        60,
    ),
    # A fragment no operation spreads is still validated, so it counts too.
    "FIELD_LIMIT_EXCEEDED by an unused fragment": (
        "query($id: ID!) { " + ONE + " } fragment F on CheckoutSession { " + "id " * 70 + "}",
        60,
    ),
    "DIRECTIVE_LIMIT_EXCEEDED": (
        "query($id: ID!, $t: Boolean = true) { checkoutSession(id: $id) "
        "@include(if: $t) @skip(if: false) @include(if: true) { id } }",
        2,
    ),
    "INTROSPECTION_LIMIT_EXCEEDED": (
        "query($id: ID!) { " + ONE + " a: __schema { queryType { name } } "
        'b: __type(name: "Query") { name } }',
        1,
    ),
    "INTROSPECTION_DEPTH_LIMIT_EXCEEDED": (
        "query($id: ID!) { " + ONE + ' __type(name: "Query") '
        "{ interfaces { interfaces { interfaces { name } } } } }",
        2,
    ),
}


@pytest.mark.parametrize(("code", "case"), REFUSED.items(), ids=REFUSED.keys())
async def test_each_limit_refuses_before_any_call(
    http: httpx.AsyncClient, upstream: Upstream, code: str, case: tuple[str, int]
) -> None:
    query, limit = case
    session = await upstream.new_session()
    await upstream.reset_requests()
    body = await post(http, query, id=session["id"])
    [error] = body["errors"]
    assert error["extensions"]["code"] == code.split()[0], error
    assert error["extensions"]["limit"] == limit
    measured = error["extensions"]["measured"]
    assert measured is None or measured > limit
    assert "data" not in body
    assert await upstream.calls() == {}


async def test_the_cost_limit_refuses_before_any_call(
    http: httpx.AsyncClient, upstream: Upstream
) -> None:
    await upstream.reset_requests()
    # One list call, and one more per node for line items beyond the expanded first page.
    query = "{ checkoutSessions(first: 10) { nodes { lineItems(first: 20) { nodes { id } } } } }"
    body = await post(http, query)
    [error] = body["errors"]
    assert error["extensions"] == {
        "code": "COST_LIMIT_EXCEEDED",
        "limit": 10,
        "measured": 11,
    }
    assert body["extensions"]["cost"] == {"requestedQueryCost": 11, "actualQueryCost": 0}
    assert await upstream.calls() == {}


async def test_the_result_size_limit_refuses_before_any_call(
    http: httpx.AsyncClient, upstream: Upstream
) -> None:
    await upstream.reset_requests()
    # The page, its list, and five fields of each of 100 sessions.
    query = "{ checkoutSessions(first: 100) { nodes { id status mode currency url } } }"
    body = await post(http, query)
    [error] = body["errors"]
    assert error["extensions"] == {
        "code": "RESULT_SIZE_LIMIT_EXCEEDED",
        "limit": 500,
        "measured": 502,
    }
    assert await upstream.calls() == {}
    fits = await post(http, query.replace("100", "98"))
    assert "errors" not in fits


@pytest.mark.parametrize(
    "query",
    [
        "query($r: [_Any!]! = ["
        + ", ".join(f'{{__typename: "CheckoutSession", id: "cs_test_{n}"}}' for n in range(40))
        + "]) { _entities(representations: $r) { __typename } }",
        'query($n: Int = 100) { checkoutSessions(first: $n) { nodes { lineItems(after: "li_x") '
        "{ nodes { id } } } } }",
    ],
)
async def test_variables_left_to_their_defaults_are_costed_at_them(
    http: httpx.AsyncClient, upstream: Upstream, query: str
) -> None:
    await upstream.reset_requests()
    response = await http.post("/graphql", json={"query": query})
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] in {"COST_LIMIT_EXCEEDED", "RESULT_SIZE_LIMIT_EXCEEDED"}
    assert error["extensions"]["measured"] > error["extensions"]["limit"]
    assert await upstream.calls() == {}


COSTS = [
    ("query($id: ID!) { checkoutSession(id: $id) { id } }", {}, 1),
    (
        "query($id: ID!) { checkoutSession(id: $id) { lineItems(first: 10) { nodes { id } } } }",
        {},
        1,
    ),
    (
        "query($id: ID!) { checkoutSession(id: $id) { lineItems(first: 11) { nodes { id } } } }",
        {},
        2,
    ),
    (
        "query($id: ID!, $n: Int) { checkoutSession(id: $id) "
        "{ lineItems(first: $n) { nodes { id } } } }",
        {"n": 30},
        2,
    ),
    (
        "query($n: Int) { checkoutSessions(first: $n) { nodes { lineItems { nodes { id } } } } }",
        {"n": 5},
        1,
    ),
    (
        "query($n: Int) { checkoutSessions(first: $n) "
        '{ edges { node { lineItems(last: 2, before: "li_x") { nodes { id } } } } } }',
        {"n": 4},
        5,
    ),
    (
        "query($r: [_Any!]!) { _entities(representations: $r) { ... on CheckoutSession { id } } }",
        {"r": [{"__typename": "CheckoutSession", "id": f"cs_test_{i}"} for i in range(3)]},
        3,
    ),
    ("{ __typename }", {}, 0),
]


@pytest.mark.parametrize(("query", "variables", "cost"), COSTS)
async def test_the_requested_cost_is_the_most_calls_the_operation_can_make(
    http: httpx.AsyncClient, upstream: Upstream, query: str, variables: dict[str, Any], cost: int
) -> None:
    session = await upstream.new_session()
    await upstream.reset_requests()
    body = await post(http, query, id=session["id"], **variables)
    reported = body["extensions"]["cost"]
    assert reported["requestedQueryCost"] == cost
    made = sum((await upstream.calls()).values())
    assert reported["actualQueryCost"] == made <= cost


async def test_a_cache_hit_costs_nothing(http: httpx.AsyncClient, upstream: Upstream) -> None:
    session = await upstream.new_session()
    query = "query($id: ID!) { checkoutSession(id: $id) { id status } }"
    first = await post(http, query, id=session["id"])
    second = await post(http, query, id=session["id"])
    assert first["extensions"]["cost"] == {"requestedQueryCost": 1, "actualQueryCost": 1}
    assert second["extensions"]["cost"] == {"requestedQueryCost": 1, "actualQueryCost": 0}


async def test_errors_past_the_hundredth_are_dropped(upstream: Upstream) -> None:
    limits = LimitSettings(
        max_aliases=300, max_root_fields=300, max_operation_cost=300, rate_limit_points=None
    )
    settings = upstream.gateway_settings(limits=limits)
    # A blank id is refused without a call, so each alias fails on its own.
    query = "{ " + aliases(150, 'checkoutSession(id: " ") { id }') + " }"
    with serve(create_app(settings)) as url:
        async with httpx.AsyncClient(base_url=url, timeout=30) as http:
            body = await post(http, query)
    assert len(body["data"]) == 150
    assert len(body["errors"]) == 100
    assert {error["extensions"]["code"] for error in body["errors"]} == {"NOT_FOUND"}
    last = body["errors"][99]
    assert last["locations"] == [{"line": 1, "column": query.index(f"{last['path'][0]}:") + 1}]


def test_an_indexed_source_locates_as_graphql_core_does() -> None:
    body = "query {\r\n  a\n\n  b\r  c }\n"
    for position, character in enumerate(body):
        if character in "\r\n":
            continue  # no token starts inside a line break
        assert IndexedSource(body).get_location(position) == Source(body).get_location(position)

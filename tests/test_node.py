"""Relay's refetching: `node(id:)` and `nodes(ids:)` over the ids every field hands out."""

from __future__ import annotations

from tests.conftest import GraphQLClient, Upstream
from tests.queries import CREATE, payment_input

NODE = """
query($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on CheckoutSession { amountTotal lineItems { nodes { description } } }
  }
}
"""
NODES = """
query($ids: [ID!]!) {
  nodes(ids: $ids) {
    __typename
    id
    ... on CheckoutSession { status }
    ... on Customer { checkoutSessions(first: 3) { nodes { id } } }
  }
}
"""


async def test_an_id_from_a_list_fetches_its_session_again_in_one_call(
    gql: GraphQLClient, upstream: Upstream
) -> None:
    created = await gql.data(CREATE, input=payment_input(4242))
    session_id = created["createCheckoutSession"]["checkoutSession"]["id"]
    await upstream.reset_requests()

    data = await gql.data(NODE, id=session_id)

    assert data["node"] == {
        "__typename": "CheckoutSession",
        "id": session_id,
        "amountTotal": 4242,
        "lineItems": {"nodes": [{"description": "Item 0"}]},
    }
    # The line items came in the same read, expanded.
    assert await upstream.calls() == {"GET /v1/checkout/sessions/{id}": 1}


async def test_nodes_answer_in_order_with_an_error_for_each_missing_one(
    gql: GraphQLClient, upstream: Upstream
) -> None:
    customer = "cus_NodeTest1"
    session = await upstream.new_session(customer=customer)
    missing = "cs_test_" + "z" * 20
    await upstream.reset_requests()

    result = await gql.execute(NODES, ids=[session["id"], missing, customer, "price_123", "."])

    assert result["data"]["nodes"] == [
        {"__typename": "CheckoutSession", "id": session["id"], "status": "OPEN"},
        None,
        {
            "__typename": "Customer",
            "id": customer,
            "checkoutSessions": {"nodes": [{"id": session["id"]}]},
        },
        None,
        None,
    ]
    errors = {tuple(error["path"]): error["extensions"]["code"] for error in result["errors"]}
    assert errors == {
        ("nodes", 1): "NOT_FOUND",
        ("nodes", 3): "NOT_FOUND",
        ("nodes", 4): "NOT_FOUND",
    }
    # Ids of no node's shape never reach Stripe; a customer is its id, its sessions one list.
    assert await upstream.calls() == {
        "GET /v1/checkout/sessions/{id}": 2,
        "GET /v1/checkout/sessions": 1,
    }


async def test_node_of_an_unknown_id_is_null_and_not_found(gql: GraphQLClient) -> None:
    result = await gql.execute(NODE, id="../v1/customers")
    assert result["data"] == {"node": None}
    [error] = result["errors"]
    assert error["extensions"]["code"] == "NOT_FOUND"
    assert error["message"] == "No object has the id '../v1/customers'."


async def test_each_id_counts_in_the_cost(gql: GraphQLClient, upstream: Upstream) -> None:
    await upstream.reset_requests()
    result = await gql.execute(NODES, ids=[f"cs_test_{n}" for n in range(60)])
    [error] = result["errors"]
    assert error["extensions"]["code"] == "COST_LIMIT_EXCEEDED"
    assert "data" not in result
    assert await upstream.calls() == {}


async def test_a_failed_read_fails_its_own_index_only(
    gql: GraphQLClient, upstream: Upstream
) -> None:
    missing = "cs_test_" + "f" * 20
    await upstream.configure(failure_rate=1.0, failure_kinds=["server_error"])
    try:
        result = await gql.execute(
            "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", ids=["cus_NodeTest2", missing]
        )
    finally:
        await upstream.configure(failure_rate=0.0)
    assert result["data"]["nodes"][1] is None
    assert result["data"]["nodes"][0]["id"] == "cus_NodeTest2"
    codes = {tuple(error["path"]): error["extensions"]["code"] for error in result["errors"]}
    assert codes[("nodes", 1)] == "UPSTREAM_UNAVAILABLE"

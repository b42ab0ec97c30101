from __future__ import annotations

import logging
import secrets

import pytest
from graphql import build_schema

from tests.conftest import GraphQLClient, Upstream
from tests.queries import CREATE, payment_input

ENTITIES = """
query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on CheckoutSession { id status amountTotal lineItems { nodes { amountTotal } } }
  }
}
"""


async def test_service_sdl_declares_the_entity(gql: GraphQLClient) -> None:
    data = await gql.data("{ _service { sdl } }")
    sdl = data["_service"]["sdl"]
    assert 'type CheckoutSession implements Node @key(fields: "id")' in sdl
    assert "https://specs.apollo.dev/federation/v2" in sdl
    assert 'type Customer implements Node @key(fields: "id") {' in sdl
    assert 'type Invoice @key(fields: "id", resolvable: false)' in sdl


async def test_no_stub_takes_a_name_composition_treats_as_a_root(gql: GraphQLClient) -> None:
    """Apollo composition makes a type named Subscription the supergraph's subscription root:
    it is the gateway's own subscriptions, and Stripe's subscription object has another name."""
    sdl = (await gql.data("{ _service { sdl } }"))["_service"]["sdl"]
    # Federation's own directives are used undeclared: the roots are all this asks of it.
    schema = build_schema(sdl, assume_valid_sdl=True)
    assert schema.subscription_type is not None
    assert set(schema.subscription_type.fields) == {
        "checkoutSessionUpdated",
        "checkoutSessionEvents",
    }
    assert 'type StripeSubscription @key(fields: "id", resolvable: false)' in sdl
    data = await gql.data('{ __type(name: "CheckoutSession") { fields { name type { name } } } }')
    types = {f["name"]: f["type"]["name"] for f in data["__type"]["fields"]}
    assert types["subscription"] == "StripeSubscription"


async def test_entities_resolve_through_one_loader(gql: GraphQLClient, upstream: Upstream) -> None:
    made = [
        (await gql.data(CREATE, input=payment_input(amount)))["createCheckoutSession"][
            "checkoutSession"
        ]["id"]
        for amount in (70, 80)
    ]
    representations = [
        {"__typename": "CheckoutSession", "id": made[0]},
        {"__typename": "CheckoutSession", "id": made[1]},
        {"__typename": "CheckoutSession", "id": made[0]},
        {"__typename": "CheckoutSession", "id": "cs_test_missing"},
    ]
    await upstream.reset_requests()
    data = await gql.data(ENTITIES, representations=representations)
    entities = data["_entities"]
    assert [e and e["id"] for e in entities] == [made[0], made[1], made[0], None]
    assert entities[1]["lineItems"]["nodes"] == [{"amountTotal": 80}]
    assert (await upstream.requests())["total"] == 3


async def test_fifty_representations_cost_one_call_per_distinct_session(
    gql: GraphQLClient, upstream: Upstream
) -> None:
    made = [
        (await gql.data(CREATE, input=payment_input(900 + n)))["createCheckoutSession"][
            "checkoutSession"
        ]["id"]
        for n in range(25)
    ]
    representations = [{"__typename": "CheckoutSession", "id": made[n % 25]} for n in range(50)]
    await upstream.reset_requests()
    data = await gql.data(ENTITIES, representations=representations)
    assert [e["amountTotal"] for e in data["_entities"]] == [900 + n % 25 for n in range(50)]
    counts = await upstream.requests()
    assert counts["routes"] == {"GET /v1/checkout/sessions/{id}": 25}


async def test_malformed_representations_are_refused_one_by_one(
    gql: GraphQLClient, upstream: Upstream, caplog: pytest.LogCaptureFixture
) -> None:
    made = (await gql.data(CREATE, input=payment_input(60)))["createCheckoutSession"][
        "checkoutSession"
    ]["id"]
    representations: list[object] = [
        {"__typename": "CheckoutSession", "id": made},
        {"id": made},
        {"__typename": "Invoice", "id": "in_1"},
        {"__typename": "CheckoutSession", "id": made, "extra": 1},
        {"__typename": "CheckoutSession", "id": 7},
        "cs_test_1",
        {"__typename": "Customer", "id": "cus_1/../x"},
        {"__typename": "Customer", "id": "cs_test_1"},
        {"__typename": "Customer", "id": "cus_"},
        {"__typename": ["CheckoutSession"], "id": made},
        {"__typename": {"name": "Customer"}, "id": "cus_1"},
        {"__typename": "CheckoutSession", "id": "."},
    ]
    caplog.set_level(logging.INFO)
    await upstream.reset_requests()
    result = await gql.execute(ENTITIES, representations=representations)
    entities = result["data"]["_entities"]
    assert entities[0]["id"] == made and entities[1:] == [None] * 11
    assert sorted(error["path"][1] for error in result["errors"]) == list(range(1, 12))
    assert {error["extensions"]["code"] for error in result["errors"]} == {"BAD_USER_INPUT"}
    assert await upstream.calls() == {"GET /v1/checkout/sessions/{id}": 1}
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


CUSTOMER_ENTITIES = """
query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Customer {
      id
      checkoutSessions(first: 5) { nodes { id lineItems { nodes { description } } } }
    }
  }
}
"""


def new_customer() -> str:
    return f"cus_{secrets.token_hex(8)}"


async def test_customer_entities_list_their_sessions_in_one_call_each(
    gql: GraphQLClient, upstream: Upstream
) -> None:
    customers = [new_customer(), new_customer(), new_customer()]
    made = {
        customer: [(await upstream.new_session(customer=customer))["id"] for _ in range(count)]
        for customer, count in zip(customers, (2, 1, 0), strict=True)
    }
    representations = [{"__typename": "Customer", "id": customer} for customer in customers]
    await upstream.reset_requests()
    data = await gql.data(CUSTOMER_ENTITIES, representations=representations)
    for entity, customer in zip(data["_entities"], customers, strict=True):
        assert entity["id"] == customer
        nodes = entity["checkoutSessions"]["nodes"]
        # Newest first.
        assert [node["id"] for node in nodes] == made[customer][::-1]
        assert all(node["lineItems"]["nodes"] == [{"description": "Mug"}] for node in nodes)
    assert await upstream.calls() == {"GET /v1/checkout/sessions": 3}


async def test_a_sessions_customer_leads_to_the_customers_other_sessions(
    gql: GraphQLClient, upstream: Upstream
) -> None:
    customer = new_customer()
    made = [(await upstream.new_session(customer=customer))["id"] for _ in range(2)]
    query = """query($id: ID!) {
      checkoutSession(id: $id) { customer { id checkoutSessions { nodes { id } } } }
    }"""
    await upstream.reset_requests()
    data = await gql.data(query, id=made[0])
    found = data["checkoutSession"]["customer"]
    assert found["id"] == customer
    assert [node["id"] for node in found["checkoutSessions"]["nodes"]] == made[::-1]
    assert await upstream.calls() == {
        "GET /v1/checkout/sessions/{id}": 1,
        "GET /v1/checkout/sessions": 1,
    }

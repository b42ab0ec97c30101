from __future__ import annotations

import logging

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
    assert 'type CheckoutSession @key(fields: "id")' in sdl
    assert "https://specs.apollo.dev/federation/v2" in sdl
    assert 'type Customer @key(fields: "id", resolvable: false)' in sdl


async def test_no_type_takes_a_name_composition_treats_as_a_root(gql: GraphQLClient) -> None:
    """Apollo composition makes a type named Subscription the supergraph's subscription root."""
    sdl = (await gql.data("{ _service { sdl } }"))["_service"]["sdl"]
    # Federation's own directives are used undeclared: the roots are all this asks of it.
    schema = build_schema(sdl, assume_valid_sdl=True)
    assert schema.subscription_type is None
    assert "Subscription" not in schema.type_map
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
        {"__typename": "Customer", "id": "cus_1"},
        {"__typename": "CheckoutSession", "id": made, "extra": 1},
        {"__typename": "CheckoutSession", "id": 7},
        "cs_test_1",
    ]
    caplog.set_level(logging.INFO)
    await upstream.reset_requests()
    result = await gql.execute(ENTITIES, representations=representations)
    entities = result["data"]["_entities"]
    assert entities[0]["id"] == made and entities[1:] == [None] * 5
    assert sorted(error["path"][1] for error in result["errors"]) == [1, 2, 3, 4, 5]
    assert {error["extensions"]["code"] for error in result["errors"]} == {"BAD_USER_INPUT"}
    assert await upstream.calls() == {"GET /v1/checkout/sessions/{id}": 1}
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]

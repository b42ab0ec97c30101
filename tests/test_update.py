"""updateCheckoutSession end to end: the gateway over HTTP in front of the emulator."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterator
from typing import Any, get_args, get_type_hints

import httpx
import pytest
import strawberry
from strawberry.types.base import StrawberryList, StrawberryOptional
from stripe.params.checkout import _session_update_params as update_params
from typing_extensions import is_typeddict

from gateway.app import create_app
from gateway.config import AuthSettings, CacheSettings
from gateway.config.files import read_api_keys
from gateway.schema.inputs import UpdateCheckoutSessionInput, to_stripe_params
from gateway.schema.inputs.encode import MAP_KEY
from gateway.schema.inputs.settings import ShippingOptionInput
from gateway.schema.inputs.update import UpdateLineItemInput
from tests.conftest import GraphQLClient, Upstream
from tests.identities import Client, write_key_file
from tests.identities import post_as as post
from tests.servers import serve

ROUTE = "POST /v1/checkout/sessions/{id}"
ALICE = "cus_UpdAlice1"
BOB = "cus_UpdBob2"
EVERYTHING = [
    "checkout:read",
    "checkout:read_customer_data",
    "checkout:create",
    "checkout:update",
    "checkout:expire",
    "schema:introspect",
]
ADMIN = Client("admin", EVERYTHING)
SHOP = Client("alice-shop", EVERYTHING, customer=ALICE)
CREATOR = Client("creator", ["checkout:read", "checkout:create"])
UPDATER = Client("updater", ["checkout:read", "checkout:update"])

UPDATE = """
mutation Update($id: ID!, $input: UpdateCheckoutSessionInput!, $key: String) {
  updateCheckoutSession(id: $id, input: $input, idempotencyKey: $key) {
    checkoutSession {
      id status metadata amountSubtotal amountTotal
      lineItems(first: 10) { nodes { id quantity amountTotal price { unitAmount } } }
      shippingOptions { shippingAmount shippingRate { id } }
      shippingCost { amountTotal }
      totalDetails { amountShipping }
    }
    userErrors { field code stripeCode message }
  }
}
"""
READ = "query($id: ID!) { checkoutSession(id: $id) { id metadata } }"
SPOON = {"currency": "usd", "unitAmount": 250, "productData": {"name": "Spoon"}}


async def update(gql: GraphQLClient, session_id: str, **input: Any) -> dict[str, Any]:
    """The payload of an update that the gateway ran without a top-level error."""
    data = await gql.data(UPDATE, id=session_id, input=input)
    payload: dict[str, Any] = data["updateCheckoutSession"]
    return payload


async def updated(gql: GraphQLClient, session_id: str, **input: Any) -> dict[str, Any]:
    """The session an update answers with, insisting that it was accepted."""
    payload = await update(gql, session_id, **input)
    assert payload["userErrors"] == []
    session: dict[str, Any] = payload["checkoutSession"]
    return session


async def line_item_ids(upstream: Upstream, session_id: str) -> list[str]:
    listed = await upstream.rest("GET", f"/v1/checkout/sessions/{session_id}/line_items")
    return [item["id"] for item in listed["data"]]


async def test_metadata_is_merged_and_an_empty_value_removes_a_key(
    gql: GraphQLClient, upstream: Upstream
) -> None:
    session = await upstream.new_session(**{"metadata[order]": "42", "metadata[gift]": "yes"})
    changed = await updated(gql, session["id"], metadata={"gift": "", "note": "ring twice"})
    assert changed["metadata"] == {"order": "42", "note": "ring twice"}
    rest = await upstream.rest("GET", f"/v1/checkout/sessions/{session['id']}")
    assert rest["metadata"] == {"order": "42", "note": "ring twice"}


async def test_line_items_are_changed_by_id_and_the_amounts_worked_out_again(
    gql: GraphQLClient, upstream: Upstream
) -> None:
    session = await upstream.new_session()
    [mug] = await line_item_ids(upstream, session["id"])
    await upstream.reset_requests()
    changed = await updated(
        gql,
        session["id"],
        lineItems=[{"id": mug, "quantity": 3}, {"priceData": SPOON, "quantity": 2}],
    )
    # The items come in the update's own answer: one call.
    assert await upstream.calls() == {ROUTE: 1}
    first, spoon = changed["lineItems"]["nodes"]
    assert (first["id"], first["quantity"], first["amountTotal"]) == (mug, 3, 3600)
    assert (spoon["quantity"], spoon["amountTotal"], spoon["price"]) == (
        2,
        500,
        {"unitAmount": 250},
    )
    assert (changed["amountSubtotal"], changed["amountTotal"]) == (4100, 4100)

    # The mug, left out, is removed.
    changed = await updated(gql, session["id"], lineItems=[{"id": spoon["id"]}])
    assert [node["id"] for node in changed["lineItems"]["nodes"]] == [spoon["id"]]
    assert changed["amountTotal"] == 500
    assert await line_item_ids(upstream, session["id"]) == [spoon["id"]]


async def test_shipping_options_are_priced_in_and_an_empty_list_removes_them(
    gql: GraphQLClient, upstream: Upstream
) -> None:
    session = await upstream.new_session()
    courier = {"displayName": "Courier", "fixedAmount": {"amount": 700, "currency": "usd"}}
    changed = await updated(gql, session["id"], shippingOptions=[{"shippingRateData": courier}])
    [option] = changed["shippingOptions"]
    assert option["shippingAmount"] == 700 and option["shippingRate"]["id"].startswith("shr_")
    assert changed["shippingCost"] == {"amountTotal": 700}
    assert changed["totalDetails"]["amountShipping"] == 700
    assert (changed["amountSubtotal"], changed["amountTotal"]) == (1200, 1900)

    changed = await updated(gql, session["id"], shippingOptions=[])
    assert (changed["shippingOptions"], changed["shippingCost"]) == ([], None)
    assert changed["amountTotal"] == 1200


async def test_shipping_details_are_set_on_an_embedded_session(
    gql: GraphQLClient, upstream: Upstream
) -> None:
    document = """
    mutation($id: ID!, $input: UpdateCheckoutSessionInput!) {
      updateCheckoutSession(id: $id, input: $input) {
        checkoutSession {
          collectedInformation { shippingDetails { name address { city country } } }
        }
        userErrors { field code message }
      }
    }
    """
    embedded = await upstream.rest(
        "POST",
        "/v1/checkout/sessions",
        data={
            "mode": "setup",
            "currency": "usd",
            "ui_mode": "embedded",
            "return_url": "https://example.com/back",
        },
    )
    details = {
        "name": "Ada Lovelace",
        "address": {"country": "GB", "line1": "12 St James's Square", "city": "London"},
    }
    input = {"collectedInformation": {"shippingDetails": details}}
    data = await gql.data(document, id=embedded["id"], input=input)
    payload = data["updateCheckoutSession"]
    assert payload["checkoutSession"]["collectedInformation"]["shippingDetails"] == {
        "name": "Ada Lovelace",
        "address": {"city": "London", "country": "GB"},
    }

    hosted = await upstream.new_session()
    [error] = (await update(gql, hosted["id"], **input))["userErrors"]
    assert (error["field"], error["code"]) == (["input", "collectedInformation"], "INVALID")
    assert "collectedInformation" in error["message"]


@pytest.mark.parametrize("ending", ["expired", "complete"])
async def test_a_session_no_longer_open_is_refused_and_left_alone(
    gql: GraphQLClient, upstream: Upstream, caplog: pytest.LogCaptureFixture, ending: str
) -> None:
    caplog.set_level(logging.INFO, logger="gateway.audit")
    session = await upstream.new_session(**{"metadata[order]": "7"})
    if ending == "expired":
        await upstream.rest("POST", f"/v1/checkout/sessions/{session['id']}/expire")
    else:
        await upstream.complete(session["id"])
    payload = await update(gql, session["id"], metadata={"order": "8"})
    assert payload["checkoutSession"] is None
    [error] = payload["userErrors"]
    assert (error["field"], error["code"]) == (["id"], "INVALID")
    assert f"`{ending}`" in error["message"]
    rest = await upstream.rest("GET", f"/v1/checkout/sessions/{session['id']}")
    assert rest["metadata"] == {"order": "7"}
    [line] = [r.audit for r in caplog.records if r.name == "gateway.audit"]  # type: ignore[attr-defined]
    assert line == {
        "client": "anonymous",
        "operation": "updateCheckoutSession",
        "session": session["id"],
        "outcome": "refused",
        "code": "INVALID",
    }


async def test_an_update_leaves_an_audit_line(
    gql: GraphQLClient, upstream: Upstream, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="gateway.audit")
    session = await upstream.new_session()
    await updated(gql, session["id"], metadata={"a": "b"})
    [line] = [r.audit for r in caplog.records if r.name == "gateway.audit"]  # type: ignore[attr-defined]
    assert (line["session"], line["outcome"]) == (session["id"], "updated")


async def test_an_unknown_session_is_a_missing_resource_on_the_id(gql: GraphQLClient) -> None:
    [error] = (await update(gql, "cs_test_unknown", metadata={"a": "b"}))["userErrors"]
    assert (error["field"], error["code"]) == (["id"], "RESOURCE_MISSING")
    assert "cs_test_unknown" in error["message"]


@pytest.mark.parametrize("session_id", [".", "..", "cs_x/../../v1/customers", "cs_ x", "pi_123"])
async def test_an_id_that_is_no_session_id_never_reaches_stripe(
    gql: GraphQLClient, upstream: Upstream, session_id: str
) -> None:
    await upstream.reset_requests()
    [error] = (await update(gql, session_id, metadata={"a": "b"}))["userErrors"]
    assert (error["field"], error["code"]) == (["id"], "RESOURCE_MISSING")
    assert await upstream.calls() == {}


@pytest.mark.parametrize(
    ("input", "field", "code"),
    [
        ({}, ["input"], "PARAMETER_MISSING"),
        ({"metadata": {}}, ["input"], "PARAMETER_MISSING"),
        ({"collectedInformation": {}}, ["input"], "PARAMETER_MISSING"),
        ({"lineItems": []}, ["input", "lineItems"], "PARAMETER_INVALID_EMPTY"),
        (
            {"metadata": {"a": "b"}, "lineItems": []},
            ["input", "lineItems"],
            "PARAMETER_INVALID_EMPTY",
        ),
    ],
)
async def test_an_update_that_would_send_nothing_is_refused_without_a_call(
    gql: GraphQLClient, upstream: Upstream, input: dict[str, Any], field: list[str], code: str
) -> None:
    session = await upstream.new_session()
    await upstream.reset_requests()
    [error] = (await update(gql, session["id"], **input))["userErrors"]
    assert (error["field"], error["code"], error["stripeCode"]) == (field, code, None)
    assert await upstream.calls() == {}


@pytest.mark.parametrize(
    ("item", "field", "code", "words"),
    [
        ({"id": "li_missing"}, ["input", "lineItems", "0", "id"], "RESOURCE_MISSING", "li_missing"),
        (
            {"priceData": SPOON},
            ["input", "lineItems", "0", "quantity"],
            "PARAMETER_MISSING",
            "lineItems[0].quantity",
        ),
    ],
)
async def test_stripes_refusals_point_at_the_input_in_schema_words(
    gql: GraphQLClient,
    upstream: Upstream,
    item: dict[str, Any],
    field: list[str],
    code: str,
    words: str,
) -> None:
    session = await upstream.new_session()
    [error] = (await update(gql, session["id"], lineItems=[item]))["userErrors"]
    assert (error["field"], error["code"]) == (field, code)
    assert words in error["message"] and "line_items" not in error["message"]


async def test_an_idempotency_key_replays_the_update(
    gql: GraphQLClient, upstream: Upstream
) -> None:
    session = await upstream.new_session()
    [mug] = await line_item_ids(upstream, session["id"])
    key = secrets.token_hex(8)
    input = {"lineItems": [{"id": mug}, {"priceData": SPOON, "quantity": 1}]}
    first = await gql.data(UPDATE, id=session["id"], input=input, key=key)
    again = await gql.data(UPDATE, id=session["id"], input=input, key=key)
    assert first == again
    assert len(await line_item_ids(upstream, session["id"])) == 2

    other = await gql.execute(UPDATE, id=session["id"], input={"metadata": {"a": "b"}}, key=key)
    [error] = other["errors"]
    assert (error["path"], error["extensions"]["code"]) == (
        ["updateCheckoutSession"],
        "IDEMPOTENCY_CONFLICT",
    )

    await upstream.reset_requests()
    [error] = (await gql.data(UPDATE, id=session["id"], input={"metadata": {"a": "b"}}, key=""))[
        "updateCheckoutSession"
    ]["userErrors"]
    assert (error["field"], error["code"]) == (["idempotencyKey"], "INVALID")
    assert await upstream.calls() == {}


def test_empty_lists_that_stripe_clears_are_sent_as_empty_strings() -> None:
    input = UpdateCheckoutSessionInput(
        shipping_options=[],
        line_items=[UpdateLineItemInput(id=strawberry.ID("li_1"), tax_rates=[])],
    )
    assert to_stripe_params(input) == {
        "shipping_options": "",
        "line_items": [{"id": "li_1", "tax_rates": ""}],
    }
    kept = UpdateCheckoutSessionInput(shipping_options=[ShippingOptionInput(shipping_rate="shr_1")])
    assert to_stripe_params(kept) == {"shipping_options": [{"shipping_rate": "shr_1"}]}


def _typed_dict_in(annotation: Any) -> Any:
    if is_typeddict(annotation):
        return annotation
    for argument in get_args(annotation):
        found = _typed_dict_in(argument)
        if found is not None:
            return found
    return None


def _input_in(field_type: Any) -> Any:
    while isinstance(field_type, StrawberryList | StrawberryOptional):
        field_type = field_type.of_type
    return field_type if hasattr(field_type, "__strawberry_definition__") else None


def _differences(typed_dict: Any, input_class: Any, path: str, map_key: str = "") -> list[str]:
    """Where an input differs from the Stripe parameters it models: names, required-ness, and
    the same for each nested parameter."""
    hints = get_type_hints(typed_dict)
    stripe_keys = set(hints) - {"expand"}
    fields = {f.python_name: f for f in input_class.__strawberry_definition__.fields}
    problems = []
    if set(fields) - {map_key} != stripe_keys:
        problems.append(f"{path}: {sorted((set(fields) - {map_key}) ^ stripe_keys)}")
    for key in stripe_keys & set(fields):
        field = fields[key]
        if isinstance(field.type, StrawberryOptional) == (key in typed_dict.__required_keys__):
            problems.append(f"{path}.{key}: required on one side only")
        child = _typed_dict_in(hints[key])
        if child is not None:
            nested = _input_in(field.type)
            problems += _differences(
                child, nested, f"{path}.{key}", field.metadata.get(MAP_KEY, "")
            )
    return problems


def test_the_input_takes_what_stripes_update_takes() -> None:
    problems = _differences(update_params.SessionUpdateParams, UpdateCheckoutSessionInput, "update")
    assert problems == []


@pytest.fixture(scope="module")
def gateway(upstream: Upstream, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    clients = [ADMIN, SHOP, CREATOR, UPDATER]
    path = write_key_file(tmp_path_factory.mktemp("update") / "keys.toml", clients)
    auth = AuthSettings(keys=read_api_keys(path))
    settings = upstream.gateway_settings(auth=auth, cache=CacheSettings(open_ttl=60))
    with serve(create_app(settings)) as url:
        yield url


async def test_another_customers_session_is_refused_as_a_missing_one(
    http: httpx.AsyncClient, upstream: Upstream
) -> None:
    theirs = (await upstream.new_session(customer=BOB))["id"]
    missing = theirs[:-4] + "zzzz"
    input = {"metadata": {"taken": "yes"}}
    answers = []
    for session_id in (theirs, missing):
        body = await post(http, SHOP, UPDATE, id=session_id, input=input)
        answers.append(str(body["data"]).replace(session_id, "<id>"))
        [error] = body["data"]["updateCheckoutSession"]["userErrors"]
        assert (error["field"], error["code"]) == (["id"], "RESOURCE_MISSING")
    assert answers[0] == answers[1]
    assert (await upstream.rest("GET", f"/v1/checkout/sessions/{theirs}"))["metadata"] == {}

    own = (await upstream.new_session(customer=ALICE))["id"]
    await upstream.reset_requests()
    body = await post(http, SHOP, UPDATE, id=own, input=input)
    assert body["data"]["updateCheckoutSession"]["checkoutSession"]["metadata"] == {"taken": "yes"}
    # The session is read first, to know it is Alice's: two calls, as the cost said.
    assert await upstream.calls() == {"GET /v1/checkout/sessions/{id}": 1, ROUTE: 1}
    assert body["extensions"]["cost"] == {"requestedQueryCost": 2, "actualQueryCost": 2}


async def test_updating_needs_the_update_scope(http: httpx.AsyncClient, upstream: Upstream) -> None:
    session = (await upstream.new_session())["id"]
    await upstream.reset_requests()
    # Creating is not enough: an update can lower the amount of a session already in use.
    body = await post(http, CREATOR, UPDATE, id=session, input={"metadata": {"a": "b"}})
    [error] = body["errors"]
    assert error["extensions"] == {"code": "FORBIDDEN", "scope": "checkout:update"}
    assert body["data"]["updateCheckoutSession"] is None
    assert await upstream.calls() == {}

    body = await post(http, UPDATER, UPDATE, id=session, input={"metadata": {"a": "b"}})
    assert body["data"]["updateCheckoutSession"]["checkoutSession"]["metadata"] == {"a": "b"}


async def test_the_updated_session_replaces_the_cached_copy(
    http: httpx.AsyncClient, upstream: Upstream
) -> None:
    session = (await upstream.new_session())["id"]
    assert (await post(http, ADMIN, READ, id=session))["data"]["checkoutSession"]["metadata"] == {}
    await post(http, ADMIN, UPDATE, id=session, input={"metadata": {"a": "b"}})
    await upstream.reset_requests()
    read = await post(http, ADMIN, READ, id=session)
    assert read["data"]["checkoutSession"]["metadata"] == {"a": "b"}
    assert await upstream.calls() == {}

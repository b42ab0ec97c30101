from __future__ import annotations

import secrets
from datetime import datetime

import pytest

from tests.conftest import GraphQLClient, Upstream
from tests.queries import CREATE, EXPIRE, payment_input, subscription_input


async def test_create_in_payment_mode_computes_totals(gql: GraphQLClient) -> None:
    data = await gql.data(CREATE, input=payment_input(1500, 250))
    payload = data["createCheckoutSession"]
    assert payload["userErrors"] == []
    session = payload["checkoutSession"]
    assert session["id"].startswith("cs_test_")
    assert (session["mode"], session["status"], session["paymentStatus"]) == (
        "PAYMENT",
        "OPEN",
        "UNPAID",
    )
    assert (session["amountSubtotal"], session["amountTotal"], session["currency"]) == (
        1750,
        1750,
        "usd",
    )
    created = datetime.fromisoformat(session["created"])
    expires = datetime.fromisoformat(session["expiresAt"])
    assert (expires - created).total_seconds() == 86400
    assert session["url"]


async def test_create_in_subscription_and_setup_modes(gql: GraphQLClient) -> None:
    data = await gql.data(CREATE, input=subscription_input(900))
    session = data["createCheckoutSession"]["checkoutSession"]
    assert (session["mode"], session["amountTotal"]) == ("SUBSCRIPTION", 900)

    setup = {"mode": "SETUP", "currency": "eur", "successUrl": "https://example.com/done"}
    data = await gql.data(CREATE, input=setup)
    session = data["createCheckoutSession"]["checkoutSession"]
    assert (session["mode"], session["currency"], session["status"]) == ("SETUP", "eur", "OPEN")


async def test_create_with_typed_nested_input_reaches_stripe(gql: GraphQLClient) -> None:
    query = """
    mutation($input: CreateCheckoutSessionInput!) {
      createCheckoutSession(input: $input) {
        checkoutSession {
          id metadata clientReferenceId expiresAt
          customFields { key type optional label { custom type } }
          phoneNumberCollection { enabled }
          lineItems { nodes { quantity amountTotal price { unitAmount product { id } } } }
        }
        userErrors { field message }
      }
    }
    """
    expires_at = int(datetime.now().timestamp()) + 3600
    request = payment_input(700, quantity=3) | {
        "clientReferenceId": "cart-42",
        "metadata": {"order": "42"},
        "expiresAt": datetime.fromtimestamp(expires_at).astimezone().isoformat(),
        "customFields": [
            {"key": "gift", "type": "TEXT", "label": {"type": "CUSTOM", "custom": "Gift note"}}
        ],
        "phoneNumberCollection": {"enabled": True},
    }
    data = await gql.data(query, input=request)
    session = data["createCheckoutSession"]["checkoutSession"]
    assert session["metadata"] == {"order": "42"}
    assert session["clientReferenceId"] == "cart-42"
    assert datetime.fromisoformat(session["expiresAt"]).timestamp() == expires_at
    assert session["customFields"] == [
        {
            "key": "gift",
            "type": "TEXT",
            "optional": False,
            "label": {"custom": "Gift note", "type": "CUSTOM"},
        }
    ]
    assert session["phoneNumberCollection"] == {"enabled": True}
    [item] = session["lineItems"]["nodes"]
    assert (item["quantity"], item["amountTotal"], item["price"]["unitAmount"]) == (3, 2100, 700)
    assert item["price"]["product"]["id"].startswith("prod_")


async def test_missing_line_items_is_a_user_error_on_the_input_path(gql: GraphQLClient) -> None:
    data = await gql.data(CREATE, input={"mode": "PAYMENT", "successUrl": "https://x.test/ok"})
    payload = data["createCheckoutSession"]
    assert payload["checkoutSession"] is None
    [error] = payload["userErrors"]
    assert error["field"] == ["input", "lineItems"]
    assert (error["code"], error["stripeCode"]) == ("PARAMETER_MISSING", "parameter_missing")
    # In the schema's words, as the client wrote its input.
    assert "lineItems" in error["message"]
    assert "line_items" not in error["message"]


async def test_unknown_price_points_at_the_line_item(gql: GraphQLClient) -> None:
    request = {
        "mode": "PAYMENT",
        "successUrl": "https://x.test/ok",
        "lineItems": [{"price": "price_doesnotexist", "quantity": 1}],
    }
    data = await gql.data(CREATE, input=request)
    [error] = data["createCheckoutSession"]["userErrors"]
    assert error["field"] == ["input", "lineItems", "0", "price"]
    assert error["code"] == "RESOURCE_MISSING"


async def test_a_refusal_without_a_known_code_is_invalid_in_schema_words(
    gql: GraphQLClient,
) -> None:
    request = {**payment_input(100), "mode": "SETUP", "currency": "usd"}
    data = await gql.data(CREATE, input=request)
    [error] = data["createCheckoutSession"]["userErrors"]
    assert (error["field"], error["code"]) == (["input", "lineItems"], "INVALID")
    assert error["message"] == "You cannot pass `lineItems` in `SETUP` mode."


async def test_idempotency_key_replays_and_refuses_a_different_input(gql: GraphQLClient) -> None:
    key = secrets.token_hex(8)
    first = await gql.data(CREATE, input=payment_input(100), key=key)
    again = await gql.data(CREATE, input=payment_input(100), key=key)
    first_id = first["createCheckoutSession"]["checkoutSession"]["id"]
    assert again["createCheckoutSession"]["checkoutSession"]["id"] == first_id

    result = await gql.execute(CREATE, input=payment_input(999), key=key)
    [error] = result["errors"]
    assert error["extensions"]["code"] == "IDEMPOTENCY_CONFLICT"
    assert error["path"] == ["createCheckoutSession"]


@pytest.mark.parametrize("key", ["", "k" * 256, "commande-n°1", "order\n1", "tab\there", "🔑"])
async def test_an_unusable_idempotency_key_is_a_user_error(
    gql: GraphQLClient, upstream: Upstream, key: str
) -> None:
    before = (await upstream.requests())["total"]
    data = await gql.data(CREATE, input=payment_input(100), key=key)
    payload = data["createCheckoutSession"]
    assert payload["checkoutSession"] is None
    assert payload["userErrors"] == [
        {
            "field": ["idempotencyKey"],
            "code": "INVALID",
            "stripeCode": None,
            "message": (
                "An idempotency key must be 1 to 255 printable ASCII characters "
                "(letters, digits, punctuation and spaces)."
            ),
        }
    ]
    assert (await upstream.requests())["total"] == before


async def test_expire_then_expire_again(gql: GraphQLClient, upstream: Upstream) -> None:
    created = await gql.data(CREATE, input=payment_input(500))
    session_id = created["createCheckoutSession"]["checkoutSession"]["id"]

    data = await gql.data(EXPIRE, id=session_id)
    payload = data["expireCheckoutSession"]
    assert payload["userErrors"] == []
    assert payload["checkoutSession"]["status"] == "EXPIRED"
    assert payload["checkoutSession"]["url"] is None
    rest = await upstream.rest("GET", f"/v1/checkout/sessions/{session_id}")
    assert rest["status"] == "expired"

    data = await gql.data(EXPIRE, id=session_id)
    payload = data["expireCheckoutSession"]
    assert payload["checkoutSession"] is None
    [error] = payload["userErrors"]
    assert error["field"] == ["id"]
    assert "expired" in error["message"]


async def test_expiring_an_unknown_session_is_a_user_error(gql: GraphQLClient) -> None:
    data = await gql.data(EXPIRE, id="cs_test_unknown")
    [error] = data["expireCheckoutSession"]["userErrors"]
    assert (error["field"], error["code"]) == (["id"], "RESOURCE_MISSING")
    assert "cs_test_unknown" in error["message"]


@pytest.mark.parametrize("session_id", [".", "..", "cs_x/../../v1/customers", "cs_ x", "pi_123"])
async def test_an_id_that_is_no_session_id_reaches_no_path(
    gql: GraphQLClient, upstream: Upstream, session_id: str
) -> None:
    await upstream.reset_requests()
    read = await gql.execute("query($id: ID!) { checkoutSession(id: $id) { id } }", id=session_id)
    assert read["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    expired = await gql.data(EXPIRE, id=session_id)
    [error] = expired["expireCheckoutSession"]["userErrors"]
    assert error["code"] == "RESOURCE_MISSING"
    assert await upstream.calls() == {}


async def test_invalid_enum_is_refused_before_any_upstream_call(
    gql: GraphQLClient, upstream: Upstream
) -> None:
    before = (await upstream.requests())["total"]
    result = await gql.execute(CREATE, input={"mode": "BARTER"})
    assert result["errors"] and "BARTER" in result["errors"][0]["message"]
    assert (await upstream.requests())["total"] == before

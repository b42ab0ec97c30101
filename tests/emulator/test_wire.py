"""The HTTP surface: keys, headers, bracket encoding, accounts and malformed input."""

from __future__ import annotations

import base64

import httpx
import pytest
import stripe

from tests.emulator.conftest import make_price, new_account, new_key, stripe_client


def test_missing_and_invalid_keys(base_url: str) -> None:
    response = httpx.get(f"{base_url}/v1/checkout/sessions")
    assert response.status_code == 401
    error = response.json()["error"]
    assert error["type"] == "invalid_request_error" and "API key" in error["message"]
    bad = stripe.StripeClient("not-a-key", base_addresses={"api": base_url}, max_network_retries=0)
    with pytest.raises(stripe.AuthenticationError) as caught:
        bad.v1.checkout.sessions.list()
    assert caught.value.http_status == 401


def test_basic_auth_with_key_as_user(base_url: str) -> None:
    token = base64.b64encode(f"{new_key()}:".encode()).decode()
    response = httpx.get(
        f"{base_url}/v1/checkout/sessions", headers={"Authorization": f"Basic {token}"}
    )
    assert response.status_code == 200 and response.json()["object"] == "list"


def test_request_id_and_version_headers(http: httpx.Client) -> None:
    plain = http.get("/v1/checkout/sessions")
    assert plain.headers["request-id"].startswith("req_")
    assert plain.headers["stripe-version"] == "2026-02-25.clover"
    pinned = http.get("/v1/checkout/sessions", headers={"Stripe-Version": "2025-01-27.acacia"})
    assert pinned.headers["stripe-version"] == "2025-01-27.acacia"
    assert http.get("/v1/nowhere").headers["request-id"] != plain.headers["request-id"]


def test_bracket_arrays_in_both_forms(client: stripe.StripeClient, http: httpx.Client) -> None:
    price = make_price(client, 300)
    indexed = (
        f"mode=payment&line_items[0][price]={price.id}&line_items[0][quantity]=2"
        "&payment_method_types[0]=card&payment_method_types[1]=link&expand[0]=line_items"
    )
    appended = (
        f"mode=payment&line_items[][price]={price.id}&line_items[][quantity]=2"
        "&payment_method_types[]=card&payment_method_types[]=link&expand[]=line_items"
    )
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    for body in (indexed, appended):
        session = http.post("/v1/checkout/sessions", content=body, headers=headers).json()
        assert session["payment_method_types"] == ["card", "link"]
        assert session["line_items"]["data"][0]["quantity"] == 2
        assert session["amount_total"] == 600


def test_accounts_are_separate(base_url: str) -> None:
    first, second = stripe_client(base_url, new_account()), stripe_client(base_url, new_account())
    price = make_price(first)
    session = first.v1.checkout.sessions.create(
        {"mode": "payment", "line_items": [{"price": price.id, "quantity": 1}]}
    )
    assert [s.id for s in first.v1.checkout.sessions.list().data] == [session.id]
    assert second.v1.checkout.sessions.list().data == []
    with pytest.raises(stripe.InvalidRequestError):
        second.v1.checkout.sessions.retrieve(session.id)
    with pytest.raises(stripe.InvalidRequestError):
        second.v1.prices.retrieve(price.id)
    platform_ids = {s.id for s in stripe_client(base_url).v1.checkout.sessions.list().data}
    assert session.id not in platform_ids


@pytest.mark.parametrize(
    "body",
    [
        b"\xff\xfe=1",
        b"mode=payment&mode[x]=1",
        b"line_items[0=1",
        b"a]b[=1",
        b"mode=payment&line_items=abc",
        b"mode=payment&line_items[0]=abc",
        b"metadata=x&mode=setup&currency=usd",
        b"%%%%",
        b"expires_at=99999999999999999999999&mode=setup&currency=usd",
        b"line_items[0][price_data][unit_amount_decimal]=abc&mode=payment",
    ],
)
def test_malformed_bodies_get_400(http: httpx.Client, body: bytes) -> None:
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    response = http.post("/v1/checkout/sessions", content=body, headers=headers)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["type"] == "invalid_request_error"


def test_malformed_queries_and_control_bodies(http: httpx.Client) -> None:
    for query in ("created[gt]=x", "created[foo]=1", "limit[]=1", "customer_details=1"):
        response = http.get(f"/v1/checkout/sessions?{query}")
        assert response.status_code == 400, query
    response = http.post(
        "/_emulator/clock/advance",
        content=b"{not json",
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400
    response = http.post("/_emulator/config", json={"failure_rate": 7})
    assert response.status_code == 400


def test_unknown_route_is_stripe_shaped_404(http: httpx.Client) -> None:
    for method, path in (("GET", "/v1/charges"), ("DELETE", "/v1/checkout/sessions")):
        response = http.request(method, path)
        assert response.status_code == 404
        assert "Unrecognized request URL" in response.json()["error"]["message"]


def test_products_and_prices(client: stripe.StripeClient) -> None:
    product = client.v1.products.create({"name": "Poster", "metadata": {"size": "A2"}})
    assert product.id.startswith("prod_") and product.name == "Poster"
    price = client.v1.prices.create(
        {
            "currency": "usd",
            "unit_amount": 1800,
            "product": product.id,
            "recurring": {"interval": "week"},
        }
    )
    assert price.id.startswith("price_") and price.type == "recurring"
    assert price.recurring is not None and price.recurring.interval_count == 1
    assert client.v1.prices.retrieve(price.id).unit_amount == 1800
    assert client.v1.products.retrieve(product.id).metadata == {"size": "A2"}
    assert [p.id for p in client.v1.prices.list({"product": product.id}).data] == [price.id]
    assert product.id in [p.id for p in client.v1.products.list({"limit": 100}).data]
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.prices.create({"currency": "usd", "unit_amount": 1, "product": "prod_nope"})
    assert caught.value.code == "resource_missing"
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.products.retrieve("prod_nope")
    assert caught.value.http_status == 404

"""Creating, retrieving, expiring and completing sessions through the official SDK."""

from __future__ import annotations

import time

import httpx
import pytest
import stripe

from tests.emulator.conftest import make_price


def complete(http: httpx.Client, session_id: str, **fields: str) -> httpx.Response:
    return http.post(f"/_emulator/checkout/sessions/{session_id}/complete", data=fields)


def test_create_payment_with_price(client: stripe.StripeClient) -> None:
    price = make_price(client, 1099)
    session = client.v1.checkout.sessions.create(
        {
            "mode": "payment",
            "line_items": [{"price": price.id, "quantity": 2}],
            "success_url": "https://example.com/ok",
        }
    )
    assert session.id.startswith("cs_test_") and len(session.id) == 8 + 58
    assert session.object == "checkout.session"
    assert (session.amount_subtotal, session.amount_total, session.currency) == (2198, 2198, "usd")
    assert session.expires_at == session.created + 86400
    assert session.url and session.url.startswith(f"https://checkout.stripe.com/c/pay/{session.id}")
    assert session.client_secret is None
    assert (session.status, session.payment_status) == ("open", "unpaid")
    assert session.total_details is not None and session.total_details.amount_tax == 0
    assert session.customer_creation == "if_required"
    assert session.invoice_creation is not None and session.invoice_creation.enabled is False


def test_create_subscription_embedded_with_price_data(client: stripe.StripeClient) -> None:
    session = client.v1.checkout.sessions.create(
        {
            "mode": "subscription",
            "ui_mode": "embedded",
            "return_url": "https://example.com/back",
            "line_items": [
                {
                    "price_data": {
                        "currency": "eur",
                        "unit_amount": 900,
                        "recurring": {"interval": "month"},
                        "product_data": {"name": "Plan"},
                    },
                    "quantity": 3,
                }
            ],
        }
    )
    assert (session.amount_total, session.currency) == (2700, "eur")
    assert session.url is None
    assert session.client_secret and session.client_secret.startswith(f"{session.id}_secret_")
    assert session.redirect_on_completion == "always"
    assert session.customer_creation == "always"
    assert session.invoice_creation is None


def test_create_setup_custom(client: stripe.StripeClient) -> None:
    expires_at = int(time.time()) + 3600
    session = client.v1.checkout.sessions.create(
        {
            "mode": "setup",
            "currency": "gbp",
            "ui_mode": "custom",
            "return_url": "https://example.com/back",
            "expires_at": expires_at,
        }
    )
    assert session.mode == "setup" and session.currency == "gbp"
    assert session.amount_total is None and session.total_details is None
    assert session.payment_status == "no_payment_required"
    assert session.expires_at == expires_at
    assert session.url is None and session.client_secret


def test_create_reflects_nested_parameters(client: stripe.StripeClient) -> None:
    price = make_price(client)
    session = client.v1.checkout.sessions.create(
        {
            "mode": "payment",
            "line_items": [{"price": price.id, "quantity": 1}],
            "consent_collection": {"terms_of_service": "required"},
            "custom_fields": [
                {
                    "key": "size",
                    "label": {"type": "custom", "custom": "Size"},
                    "type": "dropdown",
                    "dropdown": {"options": [{"label": "S", "value": "s"}]},
                }
            ],
            "custom_text": {"submit": {"message": "Thanks"}},
            "phone_number_collection": {"enabled": True},
            "shipping_address_collection": {"allowed_countries": ["US", "FR"]},
            "tax_id_collection": {"enabled": True},
            "payment_method_options": {"card": {"installments": {"enabled": True}}},
            "metadata": {"order": "42"},
            "locale": "fr",
            "submit_type": "donate",
            "wallet_options": {"link": {"display": "never"}},
        }
    )
    assert session.consent_collection is not None
    assert session.consent_collection.terms_of_service == "required"
    assert session.consent_collection.promotions is None
    field = session.custom_fields[0]
    assert (field.key, field.optional, field.text) == ("size", False, None)
    assert field.dropdown is not None and field.dropdown.options[0].value == "s"
    assert session.custom_text.submit is not None
    assert session.custom_text.submit.message == "Thanks"
    assert session.custom_text.after_submit is None
    assert session.phone_number_collection is not None
    assert session.phone_number_collection.enabled is True
    assert session.shipping_address_collection is not None
    assert session.shipping_address_collection.allowed_countries == ["US", "FR"]
    assert session.tax_id_collection is not None
    assert (session.tax_id_collection.enabled, session.tax_id_collection.required) == (
        True,
        "never",
    )
    card = session.payment_method_options and session.payment_method_options.card
    assert card and card.installments and card.installments.enabled is True
    assert card.request_three_d_secure == "automatic"
    assert session.metadata == {"order": "42"}
    assert (session.locale, session.submit_type) == ("fr", "donate")
    assert session.wallet_options and session.wallet_options.link
    assert session.wallet_options.link.display == "never"


def test_retrieve_and_expand_line_items(client: stripe.StripeClient) -> None:
    price = make_price(client, 250)
    created = client.v1.checkout.sessions.create(
        {"mode": "payment", "line_items": [{"price": price.id, "quantity": 4}]}
    )
    fetched = client.v1.checkout.sessions.retrieve(created.id)
    assert fetched.id == created.id and fetched.amount_total == 1000
    assert fetched.get("line_items") is None
    expanded = client.v1.checkout.sessions.retrieve(created.id, {"expand": ["line_items"]})
    assert expanded.line_items is not None
    assert expanded.line_items.url == f"/v1/checkout/sessions/{created.id}/line_items"
    item = expanded.line_items.data[0]
    assert (item.quantity, item.amount_total, item.price and item.price.id) == (4, 1000, price.id)


def test_expire_then_expire_again(client: stripe.StripeClient) -> None:
    price = make_price(client)
    session = client.v1.checkout.sessions.create(
        {"mode": "payment", "line_items": [{"price": price.id, "quantity": 1}]}
    )
    expired = client.v1.checkout.sessions.expire(session.id)
    assert (expired.status, expired.url) == ("expired", None)
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.checkout.sessions.expire(session.id)
    assert "expired" in str(caught.value.user_message)
    assert caught.value.http_status == 400


def test_unknown_session_is_404(client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.checkout.sessions.retrieve("cs_test_missing")
    error = caught.value
    assert error.http_status == 404 and error.code == "resource_missing"
    assert error.param == "session"
    assert error.user_message == "No such checkout.session: 'cs_test_missing'"


def test_complete_payment_session(client: stripe.StripeClient, http: httpx.Client) -> None:
    price = make_price(client, 800)
    session = client.v1.checkout.sessions.create(
        {
            "mode": "payment",
            "line_items": [{"price": price.id, "quantity": 1}],
            "customer_creation": "always",
        }
    )
    response = complete(http, session.id, email="pat@example.com", name="Pat Doe")
    assert response.status_code == 200
    done = client.v1.checkout.sessions.retrieve(session.id)
    assert (done.status, done.payment_status, done.url) == ("complete", "paid", None)
    assert done.payment_intent and str(done.payment_intent).startswith("pi_")
    assert done.customer and str(done.customer).startswith("cus_")
    details = done.customer_details
    assert details is not None and details.email == "pat@example.com"
    assert (details.name, details.tax_exempt, details.tax_ids) == ("Pat Doe", "none", [])
    assert details.address is not None and details.address.country == "US"
    assert done.collected_information is not None
    assert done.setup_intent is None and done.subscription is None
    again = complete(http, session.id)
    assert again.status_code == 400
    assert "complete" in again.json()["error"]["message"]


def test_complete_setup_session(client: stripe.StripeClient, http: httpx.Client) -> None:
    session = client.v1.checkout.sessions.create({"mode": "setup", "currency": "usd"})
    body = complete(http, session.id).json()
    assert (body["status"], body["payment_status"]) == ("complete", "no_payment_required")
    assert body["setup_intent"].startswith("seti_")
    assert body["payment_intent"] is None and body["customer"] is None
    assert body["customer_details"]["address"] is None


def test_complete_subscription_session(client: stripe.StripeClient, http: httpx.Client) -> None:
    price = make_price(client, 1200, interval="month")
    customer = "cus_" + "A1b2C3d4E5f6G7"
    session = client.v1.checkout.sessions.create(
        {
            "mode": "subscription",
            "line_items": [{"price": price.id, "quantity": 1}],
            "customer": customer,
        }
    )
    body = complete(http, session.id).json()
    assert (body["status"], body["payment_status"]) == ("complete", "paid")
    assert body["subscription"].startswith("sub_") and body["invoice"].startswith("in_")
    assert body["customer"] == customer
    assert body["saved_payment_method_options"]["allow_redisplay_filters"] == ["always"]


def test_complete_unknown_session_is_404(http: httpx.Client) -> None:
    response = complete(http, "cs_test_nothing")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "resource_missing"

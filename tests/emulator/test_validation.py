"""Create and list parameters that Stripe refuses, and the error bodies it refuses them with."""

from __future__ import annotations

import time
from typing import Any, cast

import httpx
import pytest
import stripe
from stripe.params.checkout import SessionCreateParams

from tests.emulator.conftest import make_price


def create_error(http: httpx.Client, form: dict[str, Any]) -> dict[str, Any]:
    response = http.post("/v1/checkout/sessions", data=form)
    assert response.status_code == 400, response.text
    error: dict[str, Any] = response.json()["error"]
    assert error["type"] == "invalid_request_error"
    return error


def test_unknown_parameter_through_sdk(client: stripe.StripeClient) -> None:
    # The SDK's types would refuse the unknown parameter before the emulator could.
    unknown = cast("SessionCreateParams", {"mode": "setup", "currency": "usd", "colour": "red"})
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.checkout.sessions.create(unknown)
    assert caught.value.code == "parameter_unknown"
    assert caught.value.param == "colour"
    assert caught.value.user_message == "Received unknown parameter: colour"


def test_unknown_nested_parameter(http: httpx.Client) -> None:
    form = {
        "mode": "payment",
        "line_items[0][price_data][currency]": "usd",
        "line_items[0][price_data][unit_amount]": "100",
        "line_items[0][price_data][product_data][name]": "A",
        "line_items[0][price_data][product_data][colour]": "red",
        "line_items[0][quantity]": "1",
    }
    error = create_error(http, form)
    assert error["code"] == "parameter_unknown"
    assert error["param"] == "line_items[0][price_data][product_data][colour]"


def test_missing_mode_and_line_items(http: httpx.Client) -> None:
    assert create_error(http, {})["code"] == "parameter_missing"
    error = create_error(http, {"mode": "payment"})
    assert (error["code"], error["param"]) == ("parameter_missing", "line_items")
    error = create_error(http, {"mode": "subscription"})
    assert error["param"] == "line_items"


def test_bad_enum_lists_allowed_values(http: httpx.Client) -> None:
    error = create_error(http, {"mode": "donation"})
    assert error["param"] == "mode"
    assert all(value in error["message"] for value in ("payment", "setup", "subscription"))
    error = create_error(
        http,
        {
            "mode": "setup",
            "currency": "usd",
            "shipping_address_collection[allowed_countries][]": "XX",
        },
    )
    assert error["param"] == "shipping_address_collection[allowed_countries][0]"


def test_invalid_integers(http: httpx.Client) -> None:
    error = create_error(
        http, {"mode": "payment", "line_items[0][price]": "p", "line_items[0][quantity]": "x"}
    )
    assert (error["code"], error["param"]) == (
        "parameter_invalid_integer",
        "line_items[0][quantity]",
    )
    response = http.get("/v1/checkout/sessions", params={"limit": "abc"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "parameter_invalid_integer"


def test_limit_out_of_range_and_both_cursors(http: httpx.Client) -> None:
    for limit in ("0", "101"):
        response = http.get("/v1/checkout/sessions", params={"limit": limit})
        assert response.status_code == 400 and response.json()["error"]["param"] == "limit"
    response = http.get(
        "/v1/checkout/sessions", params={"starting_after": "cs_a", "ending_before": "cs_b"}
    )
    assert response.status_code == 400


def test_unknown_price(http: httpx.Client) -> None:
    error = create_error(
        http,
        {"mode": "payment", "line_items[0][price]": "price_nope", "line_items[0][quantity]": "1"},
    )
    assert (error["code"], error["param"]) == ("resource_missing", "line_items[0][price]")


def test_mode_rules(client: stripe.StripeClient, http: httpx.Client) -> None:
    one_time = make_price(client)
    monthly = make_price(client, interval="month")
    euro = client.v1.prices.create(
        {"currency": "eur", "unit_amount": 100, "product_data": {"name": "Euro"}}
    )

    def items(*ids: str) -> dict[str, str]:
        form = {}
        for i, price in enumerate(ids):
            form[f"line_items[{i}][price]"] = price
            form[f"line_items[{i}][quantity]"] = "1"
        return form

    assert (
        create_error(http, {"mode": "setup", "currency": "usd", **items(one_time.id)})["param"]
        == "line_items"
    )
    assert create_error(http, {"mode": "setup"})["param"] == "currency"
    assert create_error(http, {"mode": "payment", **items(monthly.id)})["param"] == "line_items"
    assert (
        create_error(http, {"mode": "subscription", **items(one_time.id)})["param"] == "line_items"
    )
    mixed = create_error(http, {"mode": "payment", **items(one_time.id, euro.id)})
    assert "currency" in mixed["message"]
    too_many = items(*[one_time.id] * 101)
    assert create_error(http, {"mode": "payment", **too_many})["param"] == "line_items"


def test_ui_mode_rules_and_expiry_window(client: stripe.StripeClient, http: httpx.Client) -> None:
    price = make_price(client)
    base = {"mode": "payment", "line_items[0][price]": price.id, "line_items[0][quantity]": "1"}
    error = create_error(
        http,
        {
            **base,
            "ui_mode": "embedded",
            "return_url": "https://e.x/r",
            "success_url": "https://e.x",
        },
    )
    assert error["param"] == "success_url"
    for offset in (60, 2 * 86400):
        error = create_error(http, {**base, "expires_at": str(int(time.time()) + offset)})
        assert error["param"] == "expires_at"


def test_bad_boolean_and_unset_required(http: httpx.Client) -> None:
    error = create_error(
        http, {"mode": "setup", "currency": "usd", "phone_number_collection[enabled]": "yes"}
    )
    assert error["param"] == "phone_number_collection[enabled]"
    error = create_error(
        http, {"mode": "setup", "currency": "usd", "phone_number_collection[foo]": "1"}
    )
    assert error["code"] == "parameter_unknown"

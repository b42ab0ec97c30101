"""`POST /v1/checkout/sessions/{id}`: what an update may change, and what it refuses."""

from __future__ import annotations

import secrets
from typing import Any, cast

import httpx
import pytest
import stripe
from stripe.params.checkout import SessionCreateParams, SessionUpdateParams

from tests.emulator.conftest import make_price

ROUTE = "POST /v1/checkout/sessions/{id}"


def inline(amount: int, name: str = "Item") -> dict[str, Any]:
    return {"currency": "usd", "unit_amount": amount, "product_data": {"name": name}}


def open_session(client: stripe.StripeClient, **extra: Any) -> Any:
    params: dict[str, Any] = {
        "mode": "payment",
        "success_url": "https://example.com/done",
        "line_items": [{"price_data": inline(1000, "Mug"), "quantity": 2}],
        **extra,
    }
    return client.v1.checkout.sessions.create(cast("SessionCreateParams", params))


def update(client: stripe.StripeClient, session_id: str, params: dict[str, Any]) -> Any:
    """Send `params` as they are: some are ones the SDK's types would not admit, such as
    the updates Stripe refuses."""
    return client.v1.checkout.sessions.update(session_id, cast("SessionUpdateParams", params))


def refusal(client: stripe.StripeClient, session_id: str, params: dict[str, Any]) -> Any:
    with pytest.raises(stripe.InvalidRequestError) as caught:
        update(client, session_id, params)
    return caught.value


def test_metadata_is_merged_and_empty_values_remove(client: stripe.StripeClient) -> None:
    session = open_session(client, metadata={"order": "42", "gift": "yes"})
    updated = update(client, session.id, {"metadata": {"gift": "", "note": "ring twice"}})
    assert updated.metadata == {"order": "42", "note": "ring twice"}
    assert update(client, session.id, {"metadata": ""}).metadata == {}
    assert client.v1.checkout.sessions.retrieve(session.id).metadata == {}


def test_line_items_are_kept_changed_added_and_removed_by_id(
    client: stripe.StripeClient,
) -> None:
    price = make_price(client, 300)
    session = open_session(client)
    [mug] = client.v1.checkout.sessions.line_items.list(session.id).data
    extra = open_session(client)
    updated = update(
        client,
        session.id,
        {
            "line_items": [
                {"price": price.id, "quantity": 4, "metadata": {"size": "s"}},
                {"id": mug.id, "quantity": 3, "metadata": {"engraved": "yes"}},
            ],
            "expand": ["line_items"],
        },
    )
    added, changed = updated.line_items.data
    assert (changed.id, changed.quantity, changed.amount_total) == (mug.id, 3, 3000)
    assert changed.metadata == {"engraved": "yes"}
    assert (added.price.id, added.quantity, added.amount_total) == (price.id, 4, 1200)
    assert added.metadata == {"size": "s"}
    assert (updated.amount_subtotal, updated.amount_total) == (4200, 4200)

    # Leaving the mug out removes it; the other session is untouched.
    updated = update(client, session.id, {"line_items": [{"id": added.id}]})
    assert (updated.amount_subtotal, updated.amount_total) == (1200, 1200)
    listed = client.v1.checkout.sessions.line_items.list(session.id).data
    assert [(item.id, item.quantity) for item in listed] == [(added.id, 4)]
    assert client.v1.checkout.sessions.retrieve(extra.id).amount_total == 2000


def test_a_line_item_given_a_new_price_keeps_its_id(client: stripe.StripeClient) -> None:
    session = open_session(client)
    [mug] = client.v1.checkout.sessions.line_items.list(session.id).data
    updated = update(
        client,
        session.id,
        {"line_items": [{"id": mug.id, "price_data": inline(250)}], "expand": ["line_items"]},
    )
    [item] = updated.line_items.data
    assert (item.id, item.quantity, item.price.unit_amount, item.amount_total) == (
        mug.id,
        2,
        250,
        500,
    )
    assert updated.amount_total == 500


def test_shipping_options_price_the_session_and_can_be_cleared(
    client: stripe.StripeClient,
) -> None:
    session = open_session(client)
    rate = {"display_name": "Courier", "fixed_amount": {"amount": 700, "currency": "usd"}}
    updated = update(client, session.id, {"shipping_options": [{"shipping_rate_data": rate}]})
    [option] = updated.shipping_options
    assert option.shipping_amount == 700
    assert updated.shipping_cost.shipping_rate == option.shipping_rate
    assert (updated.amount_subtotal, updated.amount_total) == (2000, 2700)
    assert updated.total_details.amount_shipping == 700

    again = update(
        client, session.id, {"shipping_options": [{"shipping_rate": option.shipping_rate}]}
    )
    assert again.amount_total == 2700

    cleared = update(client, session.id, {"shipping_options": ""})
    assert cleared.shipping_options == [] and cleared.shipping_cost is None
    assert (cleared.amount_total, cleared.total_details.amount_shipping) == (2000, 0)


def test_shipping_details_are_set_on_embedded_sessions_only(
    client: stripe.StripeClient,
) -> None:
    details = {
        "name": "Ada Lovelace",
        "address": {"country": "GB", "line1": "12 St James's Square", "city": "London"},
    }
    embedded = open_session(
        client, ui_mode="embedded", return_url="https://example.com/back", success_url=None
    )
    updated = update(client, embedded.id, {"collected_information": {"shipping_details": details}})
    shipping = updated.collected_information.shipping_details
    assert shipping.name == "Ada Lovelace"
    assert shipping.address == {
        "city": "London",
        "country": "GB",
        "line1": "12 St James's Square",
        "line2": None,
        "postal_code": None,
        "state": None,
    }

    hosted = open_session(client)
    error = refusal(client, hosted.id, {"collected_information": {"shipping_details": details}})
    assert error.param == "collected_information"


def test_sessions_that_are_not_open_are_refused(client: stripe.StripeClient, base_url: str) -> None:
    expired = open_session(client)
    client.v1.checkout.sessions.expire(expired.id)
    completed = open_session(client)
    httpx.post(f"{base_url}/_emulator/checkout/sessions/{completed.id}/complete").raise_for_status()
    for session, status in ((expired, "expired"), (completed, "complete")):
        error = refusal(client, session.id, {"metadata": {"late": "yes"}})
        assert error.http_status == 400
        assert f"`{status}`" in str(error.user_message)
        assert "late" not in (client.v1.checkout.sessions.retrieve(session.id).metadata or {})


def test_an_unknown_session_is_missing(client: stripe.StripeClient) -> None:
    error = refusal(client, "cs_test_nothing", {"metadata": {"a": "b"}})
    assert (error.http_status, error.code) == (404, "resource_missing")


@pytest.mark.parametrize(
    ("form", "param"),
    [
        ({"mode": "setup"}, "mode"),
        ({"line_items[0][dynamic_tax_rates][0]": "txr_1"}, "line_items[0][dynamic_tax_rates]"),
        (
            {"collected_information[shipping_details][phone]": "+1"},
            "collected_information[shipping_details][phone]",
        ),
    ],
)
def test_parameters_update_does_not_take_are_unknown(
    client: stripe.StripeClient, http: httpx.Client, form: dict[str, str], param: str
) -> None:
    session = open_session(client)
    response = http.post(f"/v1/checkout/sessions/{session.id}", data=form)
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["code"], error["param"]) == ("parameter_unknown", param)


@pytest.mark.parametrize(
    ("line_items", "param"),
    [
        ([{"id": "li_missing"}], "line_items[0][id]"),
        ([{"quantity": 1}], "line_items[0][price]"),
        ([{"price_data": inline(100)}], "line_items[0][quantity]"),
        ([{"price_data": {**inline(100), "currency": "eur"}, "quantity": 1}], "line_items"),
        (
            [
                {
                    "price_data": {**inline(100), "recurring": {"interval": "month"}},
                    "quantity": 1,
                }
            ],
            "line_items",
        ),
    ],
)
def test_a_refused_update_changes_nothing(
    client: stripe.StripeClient, line_items: list[dict[str, Any]], param: str
) -> None:
    session = open_session(client, metadata={"order": "7"})
    error = refusal(client, session.id, {"metadata": {"order": "8"}, "line_items": line_items})
    assert error.param == param
    after = client.v1.checkout.sessions.retrieve(session.id)
    assert (after.metadata, after.amount_total) == ({"order": "7"}, 2000)


def test_a_line_item_listed_twice_is_refused(client: stripe.StripeClient) -> None:
    session = open_session(client)
    [mug] = client.v1.checkout.sessions.line_items.list(session.id).data
    error = refusal(client, session.id, {"line_items": [{"id": mug.id}, {"id": mug.id}]})
    assert error.param == "line_items[1][id]"


def test_setup_sessions_take_no_line_items(client: stripe.StripeClient) -> None:
    session = client.v1.checkout.sessions.create({"mode": "setup", "currency": "usd"})
    error = refusal(client, session.id, {"line_items": [{"price_data": inline(1), "quantity": 1}]})
    assert error.param == "line_items"


def test_an_expand_other_than_line_items_is_refused(client: stripe.StripeClient) -> None:
    session = open_session(client)
    error = refusal(client, session.id, {"expand": ["customer"]})
    assert error.param == "expand"


def test_idempotency_keys_replay_an_update(client: stripe.StripeClient, http: httpx.Client) -> None:
    session = open_session(client)
    path = f"/v1/checkout/sessions/{session.id}"
    form = {
        "line_items[0][price_data][currency]": "usd",
        "line_items[0][price_data][unit_amount]": "900",
        "line_items[0][price_data][product_data][name]": "Plate",
        "line_items[0][quantity]": "1",
        "expand[0]": "line_items",
    }
    key = {"Idempotency-Key": secrets.token_hex(8)}
    first = http.post(path, data=form, headers=key)
    again = http.post(path, data=form, headers=key)
    assert first.status_code == again.status_code == 200
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json()["line_items"] == first.json()["line_items"]
    other = http.post(path, data={**form, "line_items[0][quantity]": "2"}, headers=key)
    assert other.status_code == 400
    assert other.json()["error"]["type"] == "idempotency_error"


def test_updates_are_counted_under_their_route(client: stripe.StripeClient, base_url: str) -> None:
    session = open_session(client)
    before = httpx.get(f"{base_url}/_emulator/requests").json()["routes"].get(ROUTE, 0)
    update(client, session.id, {"metadata": {"a": "b"}})
    after = httpx.get(f"{base_url}/_emulator/requests").json()["routes"][ROUTE]
    assert after == before + 1

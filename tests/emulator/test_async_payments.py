"""Delayed payments: a session completes unpaid, then its payment succeeds or fails later."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import stripe

from stripe_emulator import EmulatorOptions, create_app
from tests.emulator.conftest import make_price, new_account, stripe_client
from tests.emulator.receiver import Receiver, settled
from tests.servers import serve

SECRET = "whsec_" + secrets.token_hex(16)


@pytest.fixture(scope="module")
def receiver() -> Iterator[tuple[str, Receiver]]:
    inbox = Receiver()
    with serve(inbox.app()) as url:
        yield f"{url}/hook", inbox


@pytest.fixture(scope="module")
def emulator(receiver: tuple[str, Receiver]) -> Iterator[str]:
    options = EmulatorOptions(seed_demo_data=False, webhook_url=receiver[0], webhook_secret=SECRET)
    with serve(create_app(options)) as url:
        yield url


@pytest.fixture
def client(emulator: str) -> stripe.StripeClient:
    return stripe_client(emulator, new_account())


def session(client: stripe.StripeClient, mode: str = "payment") -> str:
    if mode == "setup":
        params: Any = {"mode": "setup", "currency": "usd"}
    else:
        price = make_price(client, interval="month" if mode == "subscription" else None)
        params = {"mode": mode, "line_items": [{"price": price.id, "quantity": 1}]}
    session_id: str = client.v1.checkout.sessions.create(params).id
    return session_id


def complete(emulator: str, session_id: str, **body: Any) -> httpx.Response:
    return httpx.post(f"{emulator}/_emulator/checkout/sessions/{session_id}/complete", json=body)


def settle(emulator: str, session_id: str, **body: Any) -> httpx.Response:
    path = f"/_emulator/checkout/sessions/{session_id}/async_payment"
    return httpx.post(f"{emulator}{path}", json=body)


def delivered(
    emulator: str, receiver: tuple[str, Receiver], session_id: str, count: int
) -> dict[str, dict[str, Any]]:
    """The session's events once all `count` have arrived, by type, as the receiver saw them."""
    settled(emulator, session_id, count)
    deliveries = receiver[1].about(session_id)
    assert len(deliveries) == count
    return {event["type"]: event for event in (d.verified(SECRET) for d in deliveries)}


@pytest.mark.parametrize("mode", ["payment", "subscription"])
def test_a_delayed_payment_that_succeeds(
    emulator: str, receiver: tuple[str, Receiver], client: stripe.StripeClient, mode: str
) -> None:
    session_id = session(client, mode)
    done = complete(emulator, session_id, delayed=True).json()
    assert (done["status"], done["payment_status"]) == ("complete", "unpaid")
    assert client.v1.checkout.sessions.retrieve(session_id).payment_status == "unpaid"

    paid = settle(emulator, session_id, outcome="succeeded")
    assert paid.status_code == 200
    assert (paid.json()["status"], paid.json()["payment_status"]) == ("complete", "paid")
    assert client.v1.checkout.sessions.retrieve(session_id).payment_status == "paid"

    sent = delivered(emulator, receiver, session_id, 2)
    assert set(sent) == {
        "checkout.session.completed",
        "checkout.session.async_payment_succeeded",
    }
    assert sent["checkout.session.completed"]["data"]["object"]["payment_status"] == "unpaid"
    succeeded = sent["checkout.session.async_payment_succeeded"]["data"]["object"]
    assert succeeded["payment_status"] == "paid" and succeeded["id"] == session_id

    again = settle(emulator, session_id, outcome="failed")
    assert again.status_code == 400
    assert "already succeeded" in again.json()["error"]["message"]


def test_a_delayed_payment_that_fails(
    emulator: str, receiver: tuple[str, Receiver], client: stripe.StripeClient
) -> None:
    session_id = session(client)
    complete(emulator, session_id, delayed=True)
    failed = settle(emulator, session_id, outcome="failed").json()
    assert (failed["status"], failed["payment_status"]) == ("complete", "unpaid")
    assert client.v1.checkout.sessions.retrieve(session_id).payment_status == "unpaid"

    sent = delivered(emulator, receiver, session_id, 2)
    failure = sent["checkout.session.async_payment_failed"]["data"]["object"]
    assert failure["payment_status"] == "unpaid"

    again = settle(emulator, session_id, outcome="succeeded")
    assert again.status_code == 400
    assert "already failed" in again.json()["error"]["message"]


def test_delayed_in_a_form_body(emulator: str, client: stripe.StripeClient) -> None:
    session_id = session(client)
    path = f"{emulator}/_emulator/checkout/sessions/{session_id}/complete"
    done = httpx.post(path, data={"delayed": "true", "name": "Pat"}).json()
    assert (done["payment_status"], done["customer_details"]["name"]) == ("unpaid", "Pat")
    form = httpx.post(
        f"{emulator}/_emulator/checkout/sessions/{session_id}/async_payment",
        data={"outcome": "succeeded"},
    )
    assert form.json()["payment_status"] == "paid"


def test_the_session_keeps_exactly_stripes_fields(
    emulator: str, client: stripe.StripeClient
) -> None:
    plain, delayed = session(client), session(client)
    plain_json = complete(emulator, plain).json()
    delayed_json = complete(emulator, delayed, delayed=True).json()
    assert set(delayed_json) == set(plain_json)
    assert set(settle(emulator, delayed, outcome="succeeded").json()) == set(plain_json)


@pytest.mark.parametrize(
    ("prepare", "fragment"),
    [
        ("open", "is `open`"),
        ("expired", "is `expired`"),
        ("complete", "without a delayed payment"),
    ],
)
def test_only_a_pending_delayed_payment_can_be_settled(
    emulator: str, client: stripe.StripeClient, prepare: str, fragment: str
) -> None:
    session_id = session(client)
    if prepare == "expired":
        client.v1.checkout.sessions.expire(session_id)
    elif prepare == "complete":
        complete(emulator, session_id)
    response = settle(emulator, session_id, outcome="succeeded")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "invalid_request_error" and fragment in error["message"]


def test_settling_an_unknown_session_is_404(emulator: str) -> None:
    response = settle(emulator, "cs_test_nothing", outcome="succeeded")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "resource_missing"


@pytest.mark.parametrize(
    ("body", "code", "param"),
    [
        ({}, "parameter_missing", "outcome"),
        ({"outcome": "paid"}, "parameter_invalid_string", "outcome"),
        ({"outcome": ["succeeded"]}, "parameter_invalid_string", "outcome"),
        ({"outcome": "succeeded", "amount": 5}, "parameter_unknown", "amount"),
    ],
)
def test_bad_settlements_are_refused(
    emulator: str, client: stripe.StripeClient, body: dict[str, Any], code: str, param: str
) -> None:
    session_id = session(client)
    complete(emulator, session_id, delayed=True)
    response = settle(emulator, session_id, **body)
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["code"], error["param"]) == (code, param)
    assert settle(emulator, session_id, outcome="succeeded").status_code == 200


@pytest.mark.parametrize(
    ("mode", "body", "code", "param"),
    [
        ("payment", {"delayed": "true"}, None, "delayed"),
        ("payment", {"delayed": 1}, None, "delayed"),
        ("payment", {"delay": True}, "parameter_unknown", "delay"),
        ("setup", {"delayed": True}, None, "delayed"),
    ],
)
def test_bad_delayed_completions_change_nothing(
    emulator: str,
    client: stripe.StripeClient,
    mode: str,
    body: dict[str, Any],
    code: str | None,
    param: str,
) -> None:
    session_id = session(client, mode)
    response = complete(emulator, session_id, **body)
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["code"], error["param"]) == (code, param)
    assert client.v1.checkout.sessions.retrieve(session_id).status == "open"

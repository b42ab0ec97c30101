"""Expiry by the emulator's clock, and signed webhooks for completed and expired sessions."""

from __future__ import annotations

import queue
import secrets
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import stripe
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from stripe_emulator import EmulatorOptions, create_app
from tests.emulator.conftest import make_price, new_account, stripe_client
from tests.servers import serve

SECRET = "whsec_" + secrets.token_hex(16)


@pytest.fixture(scope="module")
def received() -> Iterator[tuple[str, queue.Queue[tuple[bytes, str]]]]:
    """A webhook receiver that queues each delivery's body and signature header."""
    inbox: queue.Queue[tuple[bytes, str]] = queue.Queue()

    async def hook(request: Request) -> Response:
        inbox.put((await request.body(), request.headers.get("stripe-signature", "")))
        return Response(status_code=200)

    with serve(Starlette(routes=[Route("/hook", hook, methods=["POST"])])) as url:
        yield f"{url}/hook", inbox


@pytest.fixture(scope="module")
def emulator(received: tuple[str, Any]) -> Iterator[str]:
    options = EmulatorOptions(seed_demo_data=False, webhook_url=received[0], webhook_secret=SECRET)
    with serve(create_app(options)) as url:
        yield url


def next_event(client: stripe.StripeClient, inbox: queue.Queue[tuple[bytes, str]]) -> Any:
    body, signature = inbox.get(timeout=5)
    return client.construct_event(body, signature, SECRET)


def open_session(client: stripe.StripeClient) -> stripe.checkout.Session:
    price = make_price(client)
    return client.v1.checkout.sessions.create(
        {"mode": "payment", "line_items": [{"price": price.id, "quantity": 1}]}
    )


def test_completed_and_expired_events(emulator: str, received: tuple[str, Any]) -> None:
    inbox = received[1]
    client = stripe_client(emulator, new_account())
    paid = open_session(client)
    httpx.post(f"{emulator}/_emulator/checkout/sessions/{paid.id}/complete", data={"name": "Al"})
    event = next_event(client, inbox)
    assert event.type == "checkout.session.completed" and event.id.startswith("evt_")
    assert event.data.object.id == paid.id and event.data.object.status == "complete"
    assert event.api_version == "2026-02-25.clover" and event.livemode is False

    dropped = open_session(client)
    client.v1.checkout.sessions.expire(dropped.id)
    event = next_event(client, inbox)
    assert event.type == "checkout.session.expired" and event.data.object.id == dropped.id
    assert event["request"]["id"].startswith("req_")


def test_bad_signature_is_rejected(emulator: str, received: tuple[str, Any]) -> None:
    client = stripe_client(emulator, new_account())
    client.v1.checkout.sessions.expire(open_session(client).id)
    body, signature = received[1].get(timeout=5)
    with pytest.raises(stripe.SignatureVerificationError):
        client.construct_event(body, signature, "whsec_other")


def test_clock_expires_sessions(emulator: str, received: tuple[str, Any]) -> None:
    client = stripe_client(emulator, new_account())
    session = open_session(client)
    later = httpx.post(f"{emulator}/_emulator/clock/advance", json={"seconds": 3600})
    assert later.status_code == 200 and later.json()["offset"] == 3600
    assert client.v1.checkout.sessions.retrieve(session.id).status == "open"
    httpx.post(f"{emulator}/_emulator/clock/advance", json={"seconds": 86400})
    gone = client.v1.checkout.sessions.retrieve(session.id)
    assert (gone.status, gone.url) == ("expired", None)
    event = next_event(client, received[1])
    assert (event.type, event.data.object.id) == ("checkout.session.expired", session.id)
    assert event["request"]["id"] is None
    refused = httpx.post(f"{emulator}/_emulator/checkout/sessions/{session.id}/complete")
    assert refused.status_code == 400 and "expired" in refused.json()["error"]["message"]


def test_failed_delivery_does_not_break_anything() -> None:
    options = EmulatorOptions(
        seed_demo_data=False, webhook_url="http://127.0.0.1:9/nowhere", webhook_secret=SECRET
    )
    with serve(create_app(options)) as url:
        client = stripe_client(url)
        session = open_session(client)
        assert client.v1.checkout.sessions.expire(session.id).status == "expired"
        assert client.v1.checkout.sessions.retrieve(session.id).status == "expired"

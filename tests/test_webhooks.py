"""Stripe webhooks: only signed, fresh deliveries are accepted, and they refresh the cache."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator, Mapping

import httpx
import orjson
import pytest

from gateway.app import create_app
from gateway.config import CacheSettings
from stripe_emulator import EmulatorOptions
from stripe_emulator import create_app as create_emulator
from stripe_emulator.webhooks import signature_header
from tests.conftest import GraphQLClient, Upstream, fake_key
from tests.queries import CREATE, payment_input
from tests.servers import free_port, serve

SECRET = "whsec_test_gateway"


@pytest.fixture(scope="module")
def linked() -> Iterator[tuple[str, Upstream]]:
    """A gateway that caches open sessions for a minute, and an emulator sending it webhooks."""
    emulator_port = free_port()
    upstream = Upstream(url=f"http://127.0.0.1:{emulator_port}", key=fake_key())
    settings = upstream.gateway_settings(cache=CacheSettings(open_ttl=60), webhook_secret=SECRET)
    with serve(create_app(settings)) as gateway:
        options = EmulatorOptions(webhook_url=f"{gateway}/webhooks/stripe", webhook_secret=SECRET)
        with serve(create_emulator(options), port=emulator_port):
            yield gateway, upstream


def signed(payload: bytes, secret: str = SECRET, at: int | None = None) -> dict[str, str]:
    timestamp = int(time.time()) if at is None else at
    return {"Stripe-Signature": signature_header(payload, secret, timestamp)}


async def test_a_completed_payment_reaches_clients_before_the_cache_expires(
    linked: tuple[str, Upstream],
) -> None:
    gateway, upstream = linked
    query = "query($id: ID!) { checkoutSession(id: $id) { status } }"
    async with httpx.AsyncClient(base_url=gateway) as http:
        gql = GraphQLClient(http)
        created = await gql.data(CREATE, input=payment_input(1200))
        session_id = created["createCheckoutSession"]["checkoutSession"]["id"]
        assert (await gql.data(query, id=session_id))["checkoutSession"]["status"] == "OPEN"
        await upstream.complete(session_id)
        for _ in range(100):
            status = (await gql.data(query, id=session_id))["checkoutSession"]["status"]
            if status == "COMPLETE":
                break
            await asyncio.sleep(0.05)
    assert status == "COMPLETE"


# Signatures are made when each test runs, not when tests are collected: a long run would
# otherwise take the fresh ones past the tolerance.
Headers = Callable[[], Mapping[str, str] | Mapping[bytes, bytes]]


@pytest.mark.parametrize(
    ("body", "headers", "fragment"),
    [
        (b"{}", dict, "missing or malformed"),
        (b"{}", lambda: {"Stripe-Signature": "t=abc,v1=00"}, "missing or malformed"),
        (b"{}", lambda: signed(b"{}", secret="whsec_someone_else"), "No signature matches"),
        (b'{"type": "checkout.session.expired"}', lambda: signed(b"{}"), "No signature matches"),
        (b"{}", lambda: signed(b"{}", at=int(time.time()) - 3600), "outside the tolerance"),
        (b"not json", lambda: signed(b"not json"), "not JSON"),
        (b"[1, 2]", lambda: signed(b"[1, 2]"), "not a Stripe event"),
        # Characters str.isdigit() admits and int() refuses, and signatures that are not ASCII.
        (
            b"{}",
            lambda: {b"Stripe-Signature": "t=\u00b2,v1=a".encode("latin-1")},
            "missing or malformed",
        ),
        (
            b"{}",
            lambda: {b"Stripe-Signature": "t=1,v1=\u00e9".encode("latin-1")},
            "No signature matches",
        ),
    ],
)
async def test_unsigned_tampered_stale_or_malformed_deliveries_are_refused(
    linked: tuple[str, Upstream],
    body: bytes,
    headers: Headers,
    fragment: str,
) -> None:
    gateway, _ = linked
    async with httpx.AsyncClient(base_url=gateway) as http:
        response = await http.post("/webhooks/stripe", content=body, headers=headers())
    assert response.status_code == 400
    assert fragment in response.json()["error"]


async def test_events_about_other_objects_are_acknowledged(linked: tuple[str, Upstream]) -> None:
    gateway, _ = linked
    payload = orjson.dumps({"type": "invoice.paid", "data": {"object": {"id": "in_1"}}})
    async with httpx.AsyncClient(base_url=gateway) as http:
        response = await http.post("/webhooks/stripe", content=payload, headers=signed(payload))
    assert response.status_code == 200
    assert response.json() == {"received": True}


async def test_without_a_secret_there_is_no_webhook_endpoint(gateway_url: str) -> None:
    async with httpx.AsyncClient(base_url=gateway_url) as http:
        response = await http.post("/webhooks/stripe", content=b"{}")
    assert response.status_code == 404


async def test_oversized_deliveries_are_refused_unread(linked: tuple[str, Upstream]) -> None:
    gateway, _ = linked
    payload = b'{"type": "x", "pad": "' + b" " * (1 << 20) + b'"}'
    async with httpx.AsyncClient(base_url=gateway) as http:
        response = await http.post("/webhooks/stripe", content=payload, headers=signed(payload))
    assert response.status_code == 413

"""Subscriptions on one gateway: over WebSocket and Server-Sent Events, fed by webhooks."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import websockets
from websockets.typing import Origin, Subprotocol

from gateway.app import create_app
from gateway.config import AuthSettings, CacheSettings, CorsSettings, JwtSettings
from gateway.config.files import read_api_keys
from tests.conftest import UNLIMITED, Upstream
from tests.identities import AUDIENCE, ISSUER, Client, KeyServer, SigningKey, write_key_file
from tests.live import EVENTS, SECRET, UPDATED, Socket, deliver, stripe_event
from tests.nodejs import node_script
from tests.servers import serve
from tests.test_metrics import scrape, value

ALICE = "cus_LiveAlice1"
BOB = "cus_LiveBob2"
READER = Client("reader", ["checkout:read"])
SHOP = Client("alice-shop", ["checkout:read"], customer=ALICE)
UPDATER = Client("updater", ["checkout:read", "checkout:update", "checkout:expire"])
COMPLETED = "checkout.session.completed"


@pytest.fixture(scope="module")
def gateway(upstream: Upstream, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = write_key_file(tmp_path_factory.mktemp("live") / "keys.toml", [READER, SHOP, UPDATER])
    settings = upstream.gateway_settings(
        auth=AuthSettings(keys=read_api_keys(path)),
        # A cached open session must not outlive the webhook that says it changed.
        cache=CacheSettings(open_ttl=60),
        limits=dataclasses.replace(UNLIMITED, max_subscriptions=3),
        webhook_secret=SECRET,
    )
    with serve(create_app(settings)) as url:
        yield url


async def open_subscriptions(gateway: str, expected: int) -> None:
    """Wait for the gauge of open subscriptions to read `expected`: the gateway counts one out
    once it has seen its client go, which may be a moment after the client went."""
    for _ in range(100):
        if value(scrape(gateway), "gateway_subscriptions") == expected:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"gateway_subscriptions never read {expected}")


def socket(gateway: str, client: Client) -> Socket:
    return Socket(gateway, {"Authorization": client.headers["Authorization"]})


async def test_a_subscriber_hears_the_payment_and_then_the_end(
    gateway: str, upstream: Upstream
) -> None:
    session = await upstream.new_session()
    async with socket(gateway, READER) as ws:
        operation = await ws.subscribe(UPDATED, id=session["id"])
        first = await ws.receive()
        assert first["id"] == operation and first["type"] == "next"
        assert first["payload"]["data"]["checkoutSessionUpdated"]["status"] == "OPEN"

        await upstream.complete(session["id"])
        assert (await deliver(gateway, stripe_event(COMPLETED, session["id"]))).status_code == 200

        paid = (await ws.receive())["payload"]["data"]["checkoutSessionUpdated"]
        assert (paid["status"], paid["paymentStatus"]) == ("COMPLETE", "PAID")
        assert paid["lineItems"]["nodes"] == [{"description": "Mug"}]
        # Paid is final: the stream ends.
        assert await ws.receive() == {"id": operation, "type": "complete"}


async def test_changes_made_through_the_gateway_are_heard_at_once(
    gateway: str, upstream: Upstream
) -> None:
    session = await upstream.new_session()
    update = """mutation($id: ID!) {
      updateCheckoutSession(id: $id, input: {metadata: {order: "A-17"}}) {
        userErrors { code }
      }
      expireCheckoutSession(id: $id) { userErrors { code } }
    }"""
    follow = "subscription($id: ID!) { checkoutSessionUpdated(id: $id) { status metadata } }"
    async with socket(gateway, READER) as ws, httpx.AsyncClient(base_url=gateway) as client:
        operation = await ws.subscribe(follow, id=session["id"])
        assert (await ws.receive())["payload"]["data"]["checkoutSessionUpdated"]["status"] == "OPEN"
        await open_subscriptions(gateway, 1)
        response = await client.post(
            "/graphql",
            json={"query": update, "variables": {"id": session["id"]}},
            headers=UPDATER.headers,
        )
        assert "errors" not in response.json(), response.json()
        seen = []
        while (message := await ws.receive())["type"] == "next":
            seen.append(message["payload"]["data"]["checkoutSessionUpdated"])
        assert message == {"id": operation, "type": "complete"}
    # A subscriber that reads after both changes hears the last state only.
    assert seen in (
        [
            {"status": "OPEN", "metadata": {"order": "A-17"}},
            {"status": "EXPIRED", "metadata": {"order": "A-17"}},
        ],
        [{"status": "EXPIRED", "metadata": {"order": "A-17"}}],
    )
    await open_subscriptions(gateway, 0)


async def test_server_sent_events_carry_the_same_stream(gateway: str, upstream: Upstream) -> None:
    session = await upstream.new_session()
    await upstream.rest("POST", f"/v1/checkout/sessions/{session['id']}/expire")
    body = {"query": UPDATED, "variables": {"id": session["id"]}}
    headers = {"Accept": "text/event-stream", **READER.headers}
    async with (
        httpx.AsyncClient(base_url=gateway, timeout=10) as client,
        client.stream("POST", "/graphql", json=body, headers=headers) as response,
    ):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        lines = [line async for line in response.aiter_lines() if line]
    assert lines[0] == "event: next"
    data = json.loads(lines[1].removeprefix("data: "))
    assert data["data"]["checkoutSessionUpdated"]["status"] == "EXPIRED"
    assert lines[2] == "event: complete"


async def test_server_sent_events_need_credentials(gateway: str) -> None:
    async with httpx.AsyncClient(base_url=gateway) as client:
        response = await client.post(
            "/graphql",
            json={"query": UPDATED, "variables": {"id": "cs_test_x"}},
            headers={"Accept": "text/event-stream"},
        )
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_socket_without_credentials_is_closed(gateway: str) -> None:
    url = gateway.replace("http://", "ws://") + "/graphql"
    async with websockets.connect(url, subprotocols=[Subprotocol("graphql-transport-ws")]) as ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": {}}))
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await ws.recv()
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4403


async def test_a_duplicate_delivery_is_heard_once(gateway: str, upstream: Upstream) -> None:
    session = await upstream.new_session()
    await upstream.complete(session["id"])
    event = stripe_event(COMPLETED, session["id"])
    async with socket(gateway, READER) as ws:
        await ws.subscribe(EVENTS)
        first = await deliver(gateway, event)
        again = await deliver(gateway, event)
        assert first.json() == {"received": True}
        assert again.json() == {"received": True, "duplicate": True}
        heard = (await ws.receive())["payload"]["data"]["checkoutSessionEvents"]
        assert (heard["id"], heard["type"]) == (event["id"], "COMPLETED")
        assert heard["checkoutSession"]["paymentStatus"] == "PAID"
        assert await ws.quiet()


async def test_a_customer_bound_client_hears_only_its_customer(
    gateway: str, upstream: Upstream
) -> None:
    own = await upstream.new_session(customer=ALICE)
    theirs = await upstream.new_session(customer=BOB)
    async with socket(gateway, SHOP) as ws:
        await ws.subscribe(EVENTS)
        refused = await ws.subscribe(UPDATED, id=theirs["id"])
        error = await ws.receive()
        assert (error["id"], error["type"]) == (refused, "error")
        assert error["payload"][0]["extensions"]["code"] == "NOT_FOUND"

        for session in (theirs, own):
            await upstream.complete(session["id"])
            await deliver(gateway, stripe_event(COMPLETED, session["id"]))
        heard = (await ws.receive())["payload"]["data"]["checkoutSessionEvents"]
        assert heard["checkoutSession"]["id"] == own["id"]
        assert heard["checkoutSession"]["customer"] == {"id": ALICE}
        assert await ws.quiet()


async def test_each_client_holds_a_bounded_number_of_subscriptions(
    gateway: str, upstream: Upstream
) -> None:
    session = await upstream.new_session()
    async with socket(gateway, READER) as first, socket(gateway, READER) as second:
        for _ in range(3):
            await first.subscribe(UPDATED, id=session["id"])
            assert (await first.receive())["type"] == "next"
        # The limit counts the client's subscriptions on every connection.
        refused = await second.subscribe(UPDATED, id=session["id"])
        error = await second.receive()
        assert (error["id"], error["type"]) == (refused, "error")
        assert error["payload"][0]["extensions"]["code"] == "SUBSCRIPTION_LIMIT_EXCEEDED"


async def test_only_subscriptions_stream_and_only_queries_post(gateway: str) -> None:
    async with socket(gateway, READER) as ws:
        refused = await ws.subscribe("{ __typename }")
        error = await ws.receive()
        assert (error["id"], error["type"]) == (refused, "error")
        assert error["payload"][0]["extensions"]["code"] == "BAD_REQUEST"
    async with httpx.AsyncClient(base_url=gateway) as client:
        response = await client.post(
            "/graphql",
            json={"query": UPDATED, "variables": {"id": "cs_test_x"}},
            headers=READER.headers,
        )
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


@pytest.mark.parametrize("data", ["a string", [1, 2], {"object": "not a session"}, None])
async def test_a_signed_but_malformed_event_is_refused_with_one_line(
    gateway: str, caplog: pytest.LogCaptureFixture, data: Any
) -> None:
    event = {**stripe_event(COMPLETED, "cs_test_x"), "data": data}
    caplog.set_level(logging.INFO, logger="gateway")
    response = await deliver(gateway, event)
    assert response.status_code == 400
    lines = [record for record in caplog.records if record.name.startswith("gateway.webhooks")]
    assert len(lines) == 1 and lines[0].levelno == logging.WARNING
    assert not [record for record in caplog.records if record.exc_info]


async def test_the_graphql_ws_client_follows_a_session_to_its_end(
    gateway: str, upstream: Upstream
) -> None:
    """The README's browser snippet, run by the graphql-ws client itself."""
    session = await upstream.new_session()
    url = gateway.replace("http://", "ws://") + "/graphql"
    process = await asyncio.create_subprocess_exec(
        *node_script("subscribe.mjs"),
        url,
        READER.key,
        session["id"],
        stdout=asyncio.subprocess.PIPE,
    )
    assert process.stdout is not None

    async def line() -> Any:
        assert process.stdout is not None
        return json.loads(await asyncio.wait_for(process.stdout.readline(), 15))

    try:
        first = await line()
        assert first["data"]["checkoutSessionUpdated"]["status"] == "OPEN"
        await upstream.complete(session["id"])
        await deliver(gateway, stripe_event(COMPLETED, session["id"]))
        paid = await line()
        assert paid["data"]["checkoutSessionUpdated"]["paymentStatus"] == "PAID"
        assert await line() == {"complete": True}
        assert await asyncio.wait_for(process.wait(), 15) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


@pytest.mark.parametrize(
    "frame",
    [
        "[1, 2]",
        "5",
        "not json",
        '{"id": "1", "type": "subscribe", "payload": "x"}',
        '{"id": [1], "type": "subscribe", "payload": {"query": "subscription { a }"}}',
        '{"id": "1", "type": "subscribe", "payload": {"query": 5}}',
        '{"id": "1", "type": "subscribe", "payload": {"query": "s", "variables": [1]}}',
        '{"id": "1", "type": "subscribe", "payload": {"query": "s", "operationName": [1]}}',
    ],
)
async def test_a_malformed_frame_closes_the_socket_and_logs_nothing(
    gateway: str, caplog: pytest.LogCaptureFixture, frame: str
) -> None:
    caplog.set_level(logging.WARNING)
    async with socket(gateway, READER) as ws:
        await ws.ws.send(frame)
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await ws.receive()
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4400
    assert not [record for record in caplog.records if record.levelno >= logging.WARNING]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b'"x"', 400),
        (b"5", 400),
        (b"null", 400),
        (b'{"query": "subscription { a }", "operationName": [1]}', 400),
        (b'{"query": "' + b"a" * (2 << 20) + b'"}', 413),
    ],
)
async def test_a_malformed_event_stream_request_is_refused_with_a_code(
    gateway: str, caplog: pytest.LogCaptureFixture, body: bytes, status: int
) -> None:
    caplog.set_level(logging.WARNING)
    headers = {
        "Accept": "text/event-stream",
        "Content-Type": "application/json",
        **READER.headers,
    }
    async with httpx.AsyncClient(base_url=gateway) as client:
        response = await client.post("/graphql", content=body, headers=headers)
    assert response.status_code == status
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
    assert not [record for record in caplog.records if record.levelno >= logging.WARNING]


async def test_a_session_whose_payment_failed_ends_its_subscription_at_once(
    gateway: str, upstream: Upstream
) -> None:
    session = await upstream.new_session()
    await upstream.complete(session["id"], delayed=True)
    await upstream.settle(session["id"], "failed")
    failed = stripe_event("checkout.session.async_payment_failed", session["id"])
    await deliver(gateway, failed)
    async with socket(gateway, READER) as ws:
        for _ in range(50):
            operation = await ws.subscribe(UPDATED, id=session["id"])
            first = await ws.receive()
            assert first["payload"]["data"]["checkoutSessionUpdated"]["paymentStatus"] == "UNPAID"
            last = await ws.receive()
            if last == {"id": operation, "type": "complete"}:
                return
            await asyncio.sleep(0.05)
    raise AssertionError("the subscription did not end")


async def test_browsers_of_an_allowed_origin_may_open_a_socket(upstream: Upstream) -> None:
    settings = dataclasses.replace(
        upstream.gateway_settings(), cors=CorsSettings(allow_origins=("https://shop.test",))
    )
    with serve(create_app(settings)) as url:
        ws_url = url.replace("http://", "ws://") + "/graphql"
        protocols = [Subprotocol("graphql-transport-ws")]
        async with websockets.connect(
            ws_url, subprotocols=protocols, origin=Origin("https://shop.test")
        ) as ws:
            await ws.send(json.dumps({"type": "connection_init"}))
            assert json.loads(await ws.recv())["type"] == "connection_ack"
        with pytest.raises(websockets.InvalidStatus) as refused:
            await websockets.connect(
                ws_url, subprotocols=protocols, origin=Origin("https://elsewhere.test")
            )
    assert refused.value.response.status_code == 403


async def test_an_event_filter_naming_no_type_is_refused(gateway: str) -> None:
    async with socket(gateway, READER) as ws:
        refused = await ws.subscribe(EVENTS, filter={"types": []})
        error = await ws.receive()
    assert (error["id"], error["type"]) == (refused, "error")
    assert error["payload"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_a_subscription_ends_when_its_token_expires(upstream: Upstream) -> None:
    key = SigningKey.rsa("live-1")
    with serve(KeyServer(key).app) as idp:
        jwt = JwtSettings(ISSUER, AUDIENCE, jwks_url=f"{idp}/jwks.json", leeway=0)
        settings = upstream.gateway_settings(auth=AuthSettings(jwt=jwt))
        with serve(create_app(settings)) as gateway:
            session = await upstream.new_session()
            token = key.token("checkout:read", lifetime=2)
            async with Socket(gateway, {"Authorization": f"Bearer {token}"}) as ws:
                operation = await ws.subscribe(UPDATED, id=session["id"])
                assert (await ws.receive())["type"] == "next"
                expired = await ws.receive(seconds=10)
                assert expired["payload"]["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
                assert await ws.receive() == {"id": operation, "type": "complete"}


async def test_a_socket_gets_a_request_id_and_an_access_line(
    gateway: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="gateway.access")
    async with socket(gateway, READER) as ws:
        assert ws.ws.response is not None
        request_id = ws.ws.response.headers["x-request-id"]
    for _ in range(50):
        lines = [r for r in caplog.records if getattr(r, "request_id", None) == request_id]
        if lines:
            break
        await asyncio.sleep(0.05)
    [line] = lines
    assert (line.getMessage(), line.__dict__["status"]) == ("WS /graphql 101", 101)

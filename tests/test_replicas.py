"""Two gateways sharing one Redis, one emulator sending its webhooks to the first: whatever
replica a client subscribes on, it hears every change, in the end state Stripe holds."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from gateway.app import create_app
from gateway.config import CacheSettings
from stripe_emulator import EmulatorOptions
from stripe_emulator import create_app as create_emulator
from tests.conftest import Upstream, fake_key
from tests.live import EVENTS, SECRET, UPDATED, Socket
from tests.processes import RedisServer, redis_server
from tests.servers import serve


@dataclass
class Cluster:
    emulator: Upstream
    a: str
    b: str
    redis: RedisServer


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    options = EmulatorOptions(seed_demo_data=False, webhook_retry_base_ms=50)
    with redis_server() as redis, serve(create_emulator(options)) as emulator_url:
        emulator = Upstream(url=emulator_url, key=fake_key())
        settings = emulator.gateway_settings(
            cache=CacheSettings(url=redis.url, open_ttl=60), webhook_secret=SECRET
        )
        with serve(create_app(settings)) as a, serve(create_app(settings)) as b:
            asyncio.run(
                emulator.configure(webhook_url=f"{a}/webhooks/stripe", webhook_secret=SECRET)
            )
            yield Cluster(emulator, a, b, redis)


async def updates(ws: Socket) -> dict[str, Any]:
    message = await ws.receive()
    assert message["type"] == "next", message
    session: dict[str, Any] = message["payload"]["data"]["checkoutSessionUpdated"]
    return session


async def delivered(emulator: Upstream, session_id: str, count: int) -> None:
    """Wait until the emulator has delivered `count` events about the session."""
    async with httpx.AsyncClient(base_url=emulator.url) as client:
        for _ in range(200):
            log = await client.get("/_emulator/webhooks/events", params={"session": session_id})
            events = log.json()["data"]
            if sum(event["delivered"] for event in events) >= count:
                return
            await asyncio.sleep(0.05)
    raise AssertionError(f"the emulator delivered fewer than {count} events")


async def test_a_payment_whose_webhook_reached_a_is_heard_on_b(cluster: Cluster) -> None:
    session = await cluster.emulator.new_session()
    async with Socket(cluster.b) as ws:
        operation = await ws.subscribe(UPDATED, id=session["id"])
        assert (await updates(ws))["status"] == "OPEN"
        await cluster.emulator.complete(session["id"])
        paid = await updates(ws)
        assert (paid["status"], paid["paymentStatus"]) == ("COMPLETE", "PAID")
        assert await ws.receive() == {"id": operation, "type": "complete"}


@pytest.mark.parametrize("outcome", ["succeeded", "failed"])
async def test_a_delayed_payment_is_followed_to_its_outcome(cluster: Cluster, outcome: str) -> None:
    session = await cluster.emulator.new_session()
    async with Socket(cluster.b) as events, Socket(cluster.b) as ws:
        await events.subscribe(EVENTS)
        operation = await ws.subscribe(UPDATED, id=session["id"])
        assert (await updates(ws))["status"] == "OPEN"

        await cluster.emulator.complete(session["id"], delayed=True)
        pending = await updates(ws)
        # Complete and unpaid is not the end: the bank debit can still go either way.
        assert (pending["status"], pending["paymentStatus"]) == ("COMPLETE", "UNPAID")

        await cluster.emulator.settle(session["id"], outcome)
        if outcome == "succeeded":
            assert (await updates(ws))["paymentStatus"] == "PAID"
        # Either outcome is the end.
        assert await ws.receive() == {"id": operation, "type": "complete"}
        heard = [
            (await events.receive())["payload"]["data"]["checkoutSessionEvents"] for _ in range(2)
        ]
    assert [event["type"] for event in heard] == ["COMPLETED", f"ASYNC_PAYMENT_{outcome.upper()}"]
    assert {event["checkoutSession"]["id"] for event in heard} == {session["id"]}


async def test_events_out_of_order_and_twice_end_in_the_true_state(cluster: Cluster) -> None:
    session = await cluster.emulator.new_session()
    async with httpx.AsyncClient(base_url=cluster.emulator.url) as client:
        await client.post("/_emulator/webhooks/hold")
        await cluster.emulator.complete(session["id"], delayed=True)
        await cluster.emulator.settle(session["id"], "succeeded")
        async with Socket(cluster.b) as ws:
            await ws.subscribe(EVENTS)
            operation = await ws.subscribe(UPDATED, id=session["id"])
            assert (await updates(ws))["paymentStatus"] == "PAID"
            # Paid is final: nothing later can take the subscriber back.
            assert await ws.receive() == {"id": operation, "type": "complete"}

            # The success first, then the completion it followed, each delivered twice.
            released = await client.post(
                "/_emulator/webhooks/release", json={"order": "reversed", "duplicate": True}
            )
            assert len(released.json()["released"]) == 4
            heard = [
                (await ws.receive())["payload"]["data"]["checkoutSessionEvents"] for _ in range(2)
            ]
            assert await ws.quiet()
    assert [event["type"] for event in heard] == ["ASYNC_PAYMENT_SUCCEEDED", "COMPLETED"]
    # Each event carries the session as it is now, not as it was when the event was made.
    assert {event["checkoutSession"]["paymentStatus"] for event in heard} == {"PAID"}
    async with httpx.AsyncClient(base_url=cluster.b) as client:
        read = await client.post(
            "/graphql",
            json={
                "query": "query($id: ID!) { checkoutSession(id: $id) { paymentStatus } }",
                "variables": {"id": session["id"]},
            },
        )
    assert read.json()["data"]["checkoutSession"]["paymentStatus"] == "PAID"


async def test_a_redis_restart_loses_no_final_state(cluster: Cluster) -> None:
    session = await cluster.emulator.new_session()
    async with Socket(cluster.b) as ws:
        operation = await ws.subscribe(UPDATED, id=session["id"])
        assert (await updates(ws))["status"] == "OPEN"
        cluster.redis.stop()
        try:
            # The webhook reaches A while Redis is down: B cannot hear it from A.
            await cluster.emulator.complete(session["id"])
            await delivered(cluster.emulator, session["id"], 1)
        finally:
            cluster.redis.start()
        # Back on Redis, B reads what it watches again and finds the session paid.
        paid = await updates(ws)
        assert paid["paymentStatus"] == "PAID"
        assert await ws.receive(seconds=15) == {"id": operation, "type": "complete"}


async def test_a_payment_that_failed_while_redis_was_down_ends_the_subscription(
    cluster: Cluster,
) -> None:
    session = await cluster.emulator.new_session()
    async with Socket(cluster.b) as events, Socket(cluster.b) as ws:
        await events.subscribe(EVENTS)
        operation = await ws.subscribe(UPDATED, id=session["id"])
        assert (await updates(ws))["status"] == "OPEN"
        await cluster.emulator.complete(session["id"], delayed=True)
        assert (await updates(ws))["paymentStatus"] == "UNPAID"
        cluster.redis.stop()
        try:
            await cluster.emulator.settle(session["id"], "failed")
            await delivered(cluster.emulator, session["id"], 2)
        finally:
            cluster.redis.start()
        # A publishes what it heard once Redis is back: B's subscribers hear the failure.
        assert await ws.receive(seconds=15) == {"id": operation, "type": "complete"}
        heard: list[str] = []
        while len(heard) < 2:
            event = (await events.receive(seconds=15))["payload"]["data"]["checkoutSessionEvents"]
            # Other tests' sessions may be told late, once Redis is back.
            if event["checkoutSession"]["id"] == session["id"]:
                heard.append(event["type"])
    assert heard == ["COMPLETED", "ASYNC_PAYMENT_FAILED"]

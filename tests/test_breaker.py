"""The circuit breaker, alone and in front of a Redis that accepts connections but never
answers."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from gateway.app import create_app
from gateway.breaker import CLOSED, HALF_OPEN, OPEN, Breaker
from gateway.config import CacheSettings
from tests.conftest import Upstream
from tests.servers import serve
from tests.test_metrics import scrape, value

READ = "query($id: ID!) { checkoutSession(id: $id) { id } }"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_it_opens_after_repeated_failures_and_probes_once_after_the_cool_down(
    caplog: pytest.LogCaptureFixture,
) -> None:
    clock, changes = Clock(), []
    breaker = Breaker(
        "thing", failures=3, cool_down=5, clock=clock, changed=lambda n, s: changes.append(s)
    )
    caplog.set_level(logging.INFO, logger="gateway.breaker")
    for _ in range(2):
        assert breaker.allow()
        breaker.failed()
    assert breaker.state == CLOSED
    breaker.failed()
    assert breaker.state == OPEN and not breaker.allow()
    for _ in range(100):
        breaker.allow()
        breaker.failed()
    clock.now = 5
    assert breaker.allow() and not breaker.allow()  # one probe at a time
    assert breaker.state == HALF_OPEN
    breaker.failed()
    assert breaker.state == OPEN and not breaker.allow()
    clock.now = 10
    assert breaker.allow()
    breaker.succeeded()
    assert breaker.state == CLOSED and breaker.allow()
    assert changes == [OPEN, HALF_OPEN, OPEN, HALF_OPEN, CLOSED]
    # One line per change of state, however many calls it stopped.
    assert len(caplog.records) == 3


class HungRedis:
    """Takes connections and what is sent on them, and never answers."""

    def __init__(self) -> None:
        self.received = 0
        self.writers: list[asyncio.StreamWriter] = []

    async def client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.writers.append(writer)
        while await reader.read(1024):
            self.received += 1


@pytest.fixture
async def hung() -> AsyncIterator[tuple[HungRedis, int]]:
    redis = HungRedis()
    server = await asyncio.start_server(redis.client, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield redis, port
    finally:
        server.close()
        for writer in redis.writers:
            writer.close()


@pytest.fixture
def gateway_on_hung(
    upstream: Upstream, hung: tuple[HungRedis, int]
) -> Iterator[tuple[HungRedis, str]]:
    redis, port = hung
    settings = upstream.gateway_settings(cache=CacheSettings(url=f"redis://127.0.0.1:{port}/0"))
    with serve(create_app(settings)) as url:
        yield redis, url


async def test_a_hung_redis_is_asked_a_few_times_then_left_alone(
    gateway_on_hung: tuple[HungRedis, str],
    upstream: Upstream,
    caplog: pytest.LogCaptureFixture,
) -> None:
    redis, gateway = gateway_on_hung
    session = (await upstream.new_session())["id"]
    caplog.set_level(logging.WARNING)
    async with httpx.AsyncClient(base_url=gateway, timeout=30) as client:
        answers, asked = [], []
        for _ in range(12):
            asked.append(redis.received)
            body = {"query": READ, "variables": {"id": session}}
            answers.append((await client.post("/graphql", json=body)).json())
        asked.append(redis.received)
        ready = (await client.get("/readyz")).json()
    # Every read was answered, from Stripe.
    assert all(answer["data"]["checkoutSession"]["id"] == session for answer in answers)
    # Once open, the breaker kept the reads from asking Redis at all.
    assert asked[0] < asked[3] and asked[-1] == asked[6]
    assert ready["circuits"] == {"stripe": "closed", "redis-cache": "open"}
    assert value(scrape(gateway), "gateway_circuit_open", dependency="redis-cache") == 1
    warnings = [r for r in caplog.records if r.name == "gateway.breaker"]
    assert [r.getMessage() for r in warnings] == [
        "redis-cache keeps failing: not asking it for 5 s"
    ]


async def test_a_failing_stripe_is_left_alone_after_ten_failures(upstream: Upstream) -> None:
    settings = upstream.gateway_settings(max_retries=0)
    with serve(create_app(settings)) as gateway:
        session = (await upstream.new_session())["id"]
        body = {"query": READ, "variables": {"id": session}}
        await upstream.reset_requests()
        await upstream.configure(failure_rate=1.0, failure_kinds=["server_error"])
        try:
            async with httpx.AsyncClient(base_url=gateway, timeout=30) as client:
                answers = [(await client.post("/graphql", json=body)).json() for _ in range(14)]
                ready = (await client.get("/readyz")).json()
        finally:
            await upstream.configure(failure_rate=0.0)
        codes = {answer["errors"][0]["extensions"]["code"] for answer in answers}
        # Every read failed with the same code; only the first ten reached Stripe.
        assert codes == {"UPSTREAM_UNAVAILABLE"}
        assert (await upstream.requests())["routes"]["GET /v1/checkout/sessions/{id}"] == 10
        assert ready["circuits"]["stripe"] == "open"
        assert value(scrape(gateway), "gateway_circuit_open", dependency="stripe") == 1

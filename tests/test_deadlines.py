"""An operation stops at its deadline, or as soon as its client hangs up: no call starts after."""

from __future__ import annotations

import asyncio
import contextlib
import time

import httpx

from gateway.app import create_app
from gateway.config import LimitSettings
from tests.conftest import Upstream
from tests.servers import serve


def reads(ids: list[str]) -> str:
    return (
        "{ "
        + " ".join(f'a{i}: checkoutSession(id: "{s}") {{ id }}' for i, s in enumerate(ids))
        + " }"
    )


async def test_an_operation_past_its_deadline_answers_at_the_deadline(upstream: Upstream) -> None:
    session = await upstream.new_session()
    limits = LimitSettings(operation_timeout=0.3, rate_limit_points=None)
    with serve(create_app(upstream.gateway_settings(limits=limits))) as url:
        async with upstream.latency(1500), httpx.AsyncClient(base_url=url, timeout=30) as http:
            started = time.monotonic()
            response = await http.post("/graphql", json={"query": reads([session["id"]])})
            elapsed = time.monotonic() - started
    body = response.json()
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "OPERATION_TIMEOUT"
    assert elapsed < 1.0


async def test_a_client_that_hangs_up_stops_the_calls_it_started(upstream: Upstream) -> None:
    ids = [(await upstream.new_session())["id"] for _ in range(20)]
    # Two calls at a time, 400 ms each: the 20 would take 4 s.
    settings = upstream.gateway_settings(max_concurrency=2)
    with serve(create_app(settings)) as url:
        async with upstream.latency(400):
            await upstream.reset_requests()
            async with httpx.AsyncClient(base_url=url, timeout=0.6) as http:
                with contextlib.suppress(httpx.ReadTimeout):
                    await http.post("/graphql", json={"query": reads(ids)})
            await asyncio.sleep(1.2)
            made = sum((await upstream.calls()).values())
            await asyncio.sleep(1.0)
            later = sum((await upstream.calls()).values())
    assert made == later
    assert made <= 6

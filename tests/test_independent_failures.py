"""Reads that share a call fail no more often than reads that do not: over real HTTP, with a
Stripe whose first answer is a failure."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from gateway.app import create_app
from tests.conftest import Upstream
from tests.proxies import pass_on, serve_proxy
from tests.servers import serve

READ = "query($id: ID!) { checkoutSession(id: $id) { id } }"


@dataclass
class FlakyProxy:
    """Passes calls on to the emulator, but answers the first read it is armed for with a 500,
    after a moment in which other reads can join it."""

    upstream: str
    armed: bool = False
    reads: int = 0

    async def forward(self, request: Request) -> Response:
        if request.method == "GET" and request.url.path.startswith("/v1/checkout/sessions/"):
            self.reads += 1
            if self.armed:
                self.armed = False
                await asyncio.sleep(0.3)
                error = {"error": {"type": "api_error", "message": "Something went wrong."}}
                return JSONResponse(error, 500)
        return await pass_on(self.upstream, request)


@pytest.fixture(scope="module")
def flaky(upstream: Upstream) -> Iterator[tuple[FlakyProxy, str]]:
    flaky_proxy = FlakyProxy(upstream.url)
    with serve_proxy(flaky_proxy.forward) as proxy_url:
        settings = upstream.gateway_settings()
        # One try per call, so each read's chances are those of one call.
        stripe = dataclasses.replace(settings.stripe, api_base=proxy_url, max_retries=0)
        with serve(create_app(dataclasses.replace(settings, stripe=stripe))) as gateway:
            yield flaky_proxy, gateway


async def failures(gateway: str, ids: list[str]) -> int:
    async with httpx.AsyncClient(base_url=gateway, timeout=30) as client:
        answers = await asyncio.gather(
            *(client.post("/graphql", json={"query": READ, "variables": {"id": i}}) for i in ids)
        )
    return sum("errors" in answer.json() for answer in answers)


async def test_sharing_a_call_fails_no_more_reads_than_not_sharing(
    flaky: tuple[FlakyProxy, str], upstream: Upstream
) -> None:
    proxy, gateway = flaky
    sessions = [(await upstream.new_session())["id"] for _ in range(8)]

    proxy.armed = True
    apart = await failures(gateway, sessions)
    proxy.armed, proxy.reads = True, 0
    together = await failures(gateway, [sessions[0]] * 8)

    # Apart, the failed call is one read's; together, it was the leader's, and the seven
    # waiting for it shared one call of their own.
    assert (apart, together) == (1, 1)
    assert proxy.reads == 2

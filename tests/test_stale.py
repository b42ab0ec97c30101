"""While Stripe fails, a settled session read before is answered from its last copy, said to
be one; an open session never is."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from gateway.app import create_app
from gateway.config import CacheSettings
from tests.conftest import Upstream
from tests.servers import serve
from tests.test_metrics import scrape, value

READ = "query($id: ID!) { checkoutSession(id: $id) { id status } }"


@pytest.fixture(scope="module")
def gateway(upstream: Upstream) -> Iterator[str]:
    # Nothing stays fresh, so every read asks Stripe; a settled one is kept for a minute more.
    cache = CacheSettings(open_ttl=0, complete_ttl=0, expired_ttl=0, stale_if_error=60)
    settings = upstream.gateway_settings(cache=cache, max_retries=0)
    with serve(create_app(settings)) as url:
        yield url


async def read(gateway: str, session_id: str) -> dict[str, Any]:
    body = {"query": READ, "variables": {"id": session_id}}
    async with httpx.AsyncClient(base_url=gateway) as client:
        answer: dict[str, Any] = (await client.post("/graphql", json=body)).json()
        return answer


async def test_a_settled_session_is_answered_from_its_last_copy_and_marked(
    gateway: str, upstream: Upstream
) -> None:
    expired = (await upstream.new_session())["id"]
    await upstream.rest("POST", f"/v1/checkout/sessions/{expired}/expire")
    still_open = (await upstream.new_session())["id"]
    fresh = await read(gateway, expired)
    assert "stale" not in fresh["extensions"]
    assert "errors" not in await read(gateway, still_open)

    await upstream.configure(failure_rate=1.0, failure_kinds=["server_error"])
    try:
        stale = await read(gateway, expired)
        refused = await read(gateway, still_open)
    finally:
        await upstream.configure(failure_rate=0.0)

    assert stale["data"] == {"checkoutSession": {"id": expired, "status": "EXPIRED"}}
    age = stale["extensions"]["stale"]["ageSeconds"]
    assert 0 <= age < 60
    # An open session may have been paid since: it is an error, not an old answer.
    assert refused["errors"][0]["extensions"]["code"] == "UPSTREAM_UNAVAILABLE"
    assert value(scrape(gateway), "gateway_stale_answers_total") == 1

"""Failures of the upstream reach clients as coded errors that never carry the key."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from gateway.app import create_app
from gateway.config import CacheSettings, Settings, StripeSettings
from stripe_emulator import EmulatorOptions
from stripe_emulator import create_app as create_emulator
from tests.conftest import OPEN, UNLIMITED, Upstream, fake_key
from tests.queries import LIST
from tests.servers import free_port, serve


@pytest.fixture
def faulty() -> Iterator[Upstream]:
    with serve(create_emulator(EmulatorOptions(seed_demo_data=False))) as url:
        yield Upstream(url=url, key=fake_key())


async def query(stripe: StripeSettings) -> dict[str, Any]:
    settings = Settings(stripe=stripe, cache=CacheSettings(url="off"), auth=OPEN, limits=UNLIMITED)
    with serve(create_app(settings)) as url:
        async with httpx.AsyncClient(base_url=url) as http:
            response = await http.post("/graphql", json={"query": LIST})
            assert response.status_code == 200
            result: dict[str, Any] = response.json()
            return result


async def test_rejected_key_is_upstream_authentication_without_the_key(faulty: Upstream) -> None:
    key = "sk_live_" + "x" * 4
    result = await query(StripeSettings(api_key=key, api_base=faulty.url, max_retries=0))
    [error] = result["errors"]
    assert error["extensions"]["code"] == "UPSTREAM_AUTHENTICATION"
    assert "sk_" not in str(result)


async def test_unreachable_stripe_is_upstream_unavailable() -> None:
    stripe = StripeSettings(
        api_key=fake_key(),
        api_base=f"http://127.0.0.1:{free_port()}",
        max_retries=1,
        retry_delay=0.01,
    )
    result = await query(stripe)
    [error] = result["errors"]
    assert error["extensions"]["code"] == "UPSTREAM_UNAVAILABLE"
    assert result["data"] is None


async def test_rate_limit_is_coded_with_the_stripe_request_id(faulty: Upstream) -> None:
    await faulty.configure(failure_rate=1.0, failure_kinds=["rate_limited"])
    result = await query(faulty.stripe_settings(max_retries=0))
    [error] = result["errors"]
    assert error["extensions"]["code"] == "UPSTREAM_RATE_LIMITED"
    assert error["extensions"]["stripeRequestId"].startswith("req_")


async def test_server_errors_are_retried_then_reported(faulty: Upstream) -> None:
    await faulty.configure(failure_rate=1.0, failure_kinds=["server_error"])
    await faulty.reset_requests()
    result = await query(faulty.stripe_settings(max_retries=2, retry_delay=0.01))
    assert result["errors"][0]["extensions"]["code"] == "UPSTREAM_UNAVAILABLE"
    assert (await faulty.requests())["total"] == 3


async def test_retries_recover_from_dropped_connections(faulty: Upstream) -> None:
    # One call in four dropped: ten in a row, which would open the circuit breaker and end
    # the retries, happen about once in a million runs (one in two made it one in a thousand).
    await faulty.configure(failure_rate=0.25, failure_kinds=["disconnect"])
    result = await query(faulty.stripe_settings(max_retries=20, retry_delay=0.001))
    assert "errors" not in result
    assert result["data"]["checkoutSessions"]["nodes"] == []

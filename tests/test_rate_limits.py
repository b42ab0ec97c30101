"""Buckets per caller that empty, refuse with 429 and refill; shared by replicas through Redis;
and the account's guard holding calls to Stripe at its rate."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx

from gateway.app import create_app
from gateway.config import AuthSettings, CacheSettings, LimitSettings
from gateway.config.files import read_api_keys
from gateway.identity import ALL_SCOPES
from tests.conftest import Upstream, fake_key
from tests.identities import Client, write_key_file
from tests.servers import serve

SMALL = LimitSettings(rate_limit_points=6, rate_limit_restore=2, max_operation_cost=6)


def three_reads(ids: list[str]) -> str:
    return (
        "{ "
        + " ".join(f'a{i}: checkoutSession(id: "{s}") {{ id }}' for i, s in enumerate(ids))
        + " }"
    )


async def post(
    url: str, query: str, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], dict[str, Any]]:
    async with httpx.AsyncClient(base_url=url, timeout=30) as http:
        response = await http.post("/graphql", json={"query": query}, headers=headers or {})
    return response.status_code, dict(response.headers), response.json()


async def sessions(upstream: Upstream, count: int) -> list[str]:
    made = await asyncio.gather(*(upstream.new_session() for _ in range(count)))
    return [session["id"] for session in made]


async def test_the_bucket_empties_refuses_with_retry_after_and_refills(
    upstream: Upstream, tmp_path: Path
) -> None:
    ci = Client("ci", ["checkout:read"])
    auth = AuthSettings(
        keys=read_api_keys(write_key_file(tmp_path / "keys.toml", [ci])),
        anonymous_scopes=ALL_SCOPES,
    )
    query = three_reads(await sessions(upstream, 3))
    with serve(create_app(upstream.gateway_settings(limits=SMALL, auth=auth))) as url:
        status, _, body = await post(url, query)
        assert status == 200
        assert body["extensions"]["cost"] == {
            "requestedQueryCost": 3,
            "actualQueryCost": 3,
            "throttleStatus": {"maximumAvailable": 6, "currentlyAvailable": 3, "restoreRate": 2},
        }
        await post(url, query)

        await upstream.reset_requests()
        status, headers, body = await post(url, query)
        assert status == 429
        assert headers["retry-after"] == "2"
        assert body["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
        assert body["extensions"]["cost"]["throttleStatus"]["currentlyAvailable"] == 0
        assert await upstream.calls() == {}

        # Another caller has a bucket of its own.
        status, _, _ = await post(url, query, ci.headers)
        assert status == 200

        await asyncio.sleep(1.6)
        status, _, body = await post(url, query)
        assert status == 200, body


async def test_what_an_operation_does_not_spend_is_refunded(upstream: Upstream) -> None:
    query = three_reads(await sessions(upstream, 3))
    settings = upstream.gateway_settings(limits=SMALL, cache=CacheSettings(open_ttl=60))
    with serve(create_app(settings)) as url:
        _, _, first = await post(url, query)
        _, _, second = await post(url, query)
    assert first["extensions"]["cost"]["actualQueryCost"] == 3
    cost = second["extensions"]["cost"]
    assert (cost["requestedQueryCost"], cost["actualQueryCost"]) == (3, 0)
    # Charged 3 up front, all 3 given back: only the first operation's calls are spent.
    assert cost["throttleStatus"]["currentlyAvailable"] == 3


async def test_replicas_share_one_bucket_through_redis(upstream: Upstream) -> None:
    query = three_reads(await sessions(upstream, 3))
    # A key of its own gives these replicas buckets no other test touches.
    settings = upstream.gateway_settings(
        limits=SMALL, cache=CacheSettings(url="redis://127.0.0.1:6379/0", open_ttl=0)
    )
    settings = replace(settings, stripe=replace(settings.stripe, api_key=fake_key()))
    with serve(create_app(settings)) as first, serve(create_app(settings)) as second:
        assert (await post(first, query))[0] == 200
        assert (await post(second, query))[0] == 200
        status, _, body = await post(first, query)
        assert status == 429, body
        status, _, _ = await post(second, query)
        assert status == 429


async def test_the_guard_holds_calls_to_stripe_at_its_rate(upstream: Upstream) -> None:
    ids = await sessions(upstream, 50)
    settings = upstream.gateway_settings(rate_limit=20)
    with serve(create_app(settings)) as url:
        await upstream.reset_requests()
        started = time.monotonic()
        async with httpx.AsyncClient(base_url=url, timeout=30) as http:
            responses = await asyncio.gather(
                *(
                    http.post("/graphql", json={"query": three_reads([session_id])})
                    for session_id in ids
                )
            )
        elapsed = time.monotonic() - started
    assert all("errors" not in response.json() for response in responses)
    calls = sum((await upstream.calls()).values())
    assert calls == 50
    # 20 at once (a second's worth), then 20 a second: the other 30 take 1.5 s at least.
    assert elapsed >= 1.4
    assert (calls - 20) / elapsed <= 20 * 1.1


async def test_a_call_the_guard_cannot_admit_in_time_fails_fast(upstream: Upstream) -> None:
    ids = await sessions(upstream, 4)
    settings = upstream.gateway_settings(
        rate_limit=1, limits=LimitSettings(operation_timeout=0.5, rate_limit_points=None)
    )
    with serve(create_app(settings)) as url:
        started = time.monotonic()
        _, _, body = await post(url, three_reads(ids))
        elapsed = time.monotonic() - started
    served = [value for value in body["data"].values() if value is not None]
    codes = [error["extensions"]["code"] for error in body["errors"]]
    assert len(served) == 1
    assert codes == ["UPSTREAM_RATE_LIMITED"] * 3
    assert elapsed < 0.5

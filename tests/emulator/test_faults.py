"""Injected latency and failures, and the per-route request counters."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import httpx
import pytest

from stripe_emulator import EmulatorOptions, create_app
from tests.emulator.conftest import new_key
from tests.servers import serve


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with serve(create_app(EmulatorOptions(seed_demo_data=False))) as base:
        yield base


@pytest.fixture
def api(url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {new_key()}"}) as c:
        yield c
    httpx.post(f"{url}/_emulator/config", json={"failure_rate": 0, "latency_ms": 0})


def configure(api: httpx.Client, **settings: object) -> None:
    response = api.post("/_emulator/config", json=settings)
    assert response.status_code == 200
    assert all(response.json()[name] == value for name, value in settings.items())


def test_server_error(api: httpx.Client) -> None:
    configure(api, failure_rate=1.0, failure_kinds=["server_error"])
    response = api.get("/v1/checkout/sessions")
    assert response.status_code == 500
    assert response.json()["error"]["type"] == "api_error"


def test_rate_limited(api: httpx.Client) -> None:
    configure(api, failure_rate=1.0, failure_kinds=["rate_limited"])
    response = api.get("/v1/checkout/sessions")
    assert response.status_code == 429
    assert response.headers["stripe-should-retry"] == "true"
    assert response.json()["error"]["code"] == "rate_limit"


def test_dropped_connection(api: httpx.Client) -> None:
    configure(api, failure_rate=1.0, failure_kinds=["disconnect"])
    with pytest.raises(httpx.RemoteProtocolError):
        api.get("/v1/checkout/sessions")
    configure(api, failure_rate=0.0)
    assert api.get("/v1/checkout/sessions").status_code == 200


def test_latency(api: httpx.Client) -> None:
    configure(api, latency_ms=150.0)
    started = time.monotonic()
    assert api.get("/v1/checkout/sessions").status_code == 200
    assert time.monotonic() - started >= 0.15
    assert api.get("/_emulator/config").json()["latency_ms"] == 150.0


def test_request_counters_and_reset(api: httpx.Client) -> None:
    reset = api.post("/_emulator/requests/reset").json()
    assert reset == {"total": 0, "routes": {}, "peak_in_flight": 0}
    created = api.post("/v1/checkout/sessions", data={"mode": "setup", "currency": "usd"}).json()
    api.get(f"/v1/checkout/sessions/{created['id']}")
    api.get(f"/v1/checkout/sessions/{created['id']}")
    api.get("/v1/checkout/sessions")
    api.get("/_emulator/config")
    counts = api.get("/_emulator/requests").json()
    assert counts == {
        "total": 4,
        "routes": {
            "POST /v1/checkout/sessions": 1,
            "GET /v1/checkout/sessions/{id}": 2,
            "GET /v1/checkout/sessions": 1,
        },
        "peak_in_flight": 1,
    }
    api.post("/_emulator/requests/reset")
    assert api.get("/_emulator/requests").json()["total"] == 0


async def test_the_peak_counts_requests_in_progress_together(url: str) -> None:
    headers = {"Authorization": f"Bearer {new_key()}"}
    async with httpx.AsyncClient(base_url=url, headers=headers) as client:
        await client.post("/_emulator/config", json={"latency_ms": 300})
        try:
            await client.post("/_emulator/requests/reset")
            responses = await asyncio.gather(
                *(client.get("/v1/checkout/sessions") for _ in range(6))
            )
            assert all(r.status_code == 200 for r in responses)
            counts = (await client.get("/_emulator/requests")).json()
            assert counts["total"] == 6
            assert counts["peak_in_flight"] == 6
        finally:
            await client.post("/_emulator/config", json={"latency_ms": 0})

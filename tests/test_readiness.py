"""`/healthz` answers while the process does; `/readyz` only while Stripe and Redis do."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import replace

import httpx

from gateway.app import create_app
from gateway.config import CacheSettings, ObservabilitySettings, Settings, StripeSettings
from tests.conftest import Upstream, fake_key
from tests.processes import stop_process
from tests.servers import free_port, serve

# Every probe checks afresh, so the tests see a change at once.
FRESH = ObservabilitySettings(ready_ttl=0)


def ready(url: str) -> httpx.Response:
    return httpx.get(f"{url}/readyz", timeout=10)


def test_ready_while_stripe_takes_the_key_and_not_once_it_is_revoked(upstream: Upstream) -> None:
    key = fake_key()
    settings = replace(upstream.gateway_settings(), observability=FRESH)
    settings = replace(settings, stripe=replace(settings.stripe, api_key=key))
    with serve(create_app(settings)) as url:
        response = ready(url)
        assert response.status_code == 200
        assert response.json() == {
            "status": "ready",
            "mode": "test",
            "checks": {"stripe": {"status": "ok"}},
            "circuits": {"stripe": "closed"},
        }
        httpx.post(f"{upstream.url}/_emulator/config", json={"revoked_keys": [key]})
        try:
            response = ready(url)
            assert response.status_code == 503
            body = response.json()
            assert body["status"] == "unavailable"
            assert body["failed"] == ["stripe"]
            assert body["checks"]["stripe"]["reason"] == "Stripe refused the API key (401)."
            assert key not in response.text
            # Liveness is not readiness: the process still answers.
            health = httpx.get(f"{url}/healthz")
            assert health.status_code == 200
            assert health.json() == {"status": "ok", "mode": "test"}
        finally:
            httpx.post(f"{upstream.url}/_emulator/config", json={"revoked_keys": []})
        assert ready(url).status_code == 200


def test_not_ready_while_stripe_is_down_and_ready_once_it_is_back() -> None:
    port = free_port()
    settings = Settings(
        stripe=StripeSettings(
            api_key=fake_key(), api_base=f"http://127.0.0.1:{port}", max_retries=0
        ),
        cache=CacheSettings(url="off"),
        observability=FRESH,
    )
    with serve(create_app(settings)) as url:
        response = ready(url)
        assert response.status_code == 503
        assert response.json()["checks"]["stripe"] == {
            "status": "failed",
            "reason": "Stripe could not be reached.",
        }
        emulator = subprocess.Popen(
            [sys.executable, "-m", "stripe_emulator", "--port", str(port), "--empty"]
        )
        try:
            deadline = time.monotonic() + 15
            while ready(url).status_code != 200:
                assert time.monotonic() < deadline, "never ready after Stripe came back"
                time.sleep(0.1)
        finally:
            stop_process(emulator)
        assert ready(url).status_code == 503


def test_one_check_answers_every_probe_within_its_ttl(upstream: Upstream) -> None:
    settings = replace(
        upstream.gateway_settings(), observability=ObservabilitySettings(ready_ttl=60)
    )
    with serve(create_app(settings)) as url:
        before = httpx.get(f"{upstream.url}/_emulator/requests").json()["routes"]
        for _ in range(20):
            assert ready(url).status_code == 200
        after = httpx.get(f"{upstream.url}/_emulator/requests").json()["routes"]
    route = "GET /v1/checkout/sessions"
    assert after.get(route, 0) - before.get(route, 0) == 1


def test_redis_is_checked_when_the_cache_is_there(upstream: Upstream) -> None:
    shared = replace(
        upstream.gateway_settings(cache=CacheSettings(url="redis://127.0.0.1:6379/0")),
        observability=FRESH,
    )
    with serve(create_app(shared)) as url:
        response = ready(url)
        assert response.status_code == 200
        assert response.json()["checks"]["redis"] == {"status": "ok"}
    down = replace(shared, cache=CacheSettings(url=f"redis://127.0.0.1:{free_port()}/0"))
    with serve(create_app(down)) as url:
        response = ready(url)
        assert response.status_code == 503
        body = response.json()
        assert body["failed"] == ["redis"]
        assert body["checks"]["stripe"] == {"status": "ok"}
        assert body["checks"]["redis"]["status"] == "failed"


def test_a_slow_check_answers_probes_with_the_last_result_at_once(upstream: Upstream) -> None:
    settings = replace(upstream.gateway_settings(), observability=FRESH)
    with serve(create_app(settings)) as url:
        assert ready(url).status_code == 200
        httpx.post(f"{upstream.url}/_emulator/config", json={"latency_ms": 2000})
        try:
            started = time.monotonic()
            responses = [ready(url) for _ in range(3)]
            elapsed = time.monotonic() - started
        finally:
            httpx.post(f"{upstream.url}/_emulator/config", json={"latency_ms": 0})
    assert [response.status_code for response in responses] == [200, 200, 200]
    # Each probe waits half a second at most for the check under way.
    assert elapsed < 2.5


def test_ready_while_the_gateway_uses_all_of_the_accounts_rate(upstream: Upstream) -> None:
    # One call to Stripe a minute, which the first query spends.
    settings = replace(upstream.gateway_settings(rate_limit=1 / 60), observability=FRESH)
    query = {"query": "{ checkoutSessions(first: 1) { nodes { id } } }"}
    with serve(create_app(settings)) as url:
        assert "errors" not in httpx.post(f"{url}/graphql", json=query).json()
        limited = httpx.post(f"{url}/graphql", json=query, timeout=60).json()
        assert limited["errors"][0]["extensions"]["code"] == "UPSTREAM_RATE_LIMITED"
        assert ready(url).status_code == 200

"""`/metrics` counts what happened: a known sequence of operations moves each counter by the
right amount, in one worker process and across two."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from gateway.app import create_app
from gateway.config import CacheSettings, LimitSettings
from tests.conftest import Upstream
from tests.processes import gateway_process
from tests.queries import EXPIRE
from tests.servers import serve

SESSION = "query Read($id: ID!) { checkoutSession(id: $id) { id status } }"
Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def scrape(url: str) -> Samples:
    response = httpx.get(f"{url}/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=")
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


@pytest.fixture(scope="module")
def gateway(upstream: Upstream) -> Iterator[str]:
    settings = upstream.gateway_settings(
        cache=CacheSettings(url="memory://"),
        limits=LimitSettings(rate_limit_points=None, max_operation_cost=5),
        webhook_secret="whsec_metrics",
    )
    with serve(create_app(settings)) as url:
        yield url


async def test_counters_move_by_what_a_known_sequence_does(
    gateway: str, upstream: Upstream, http: httpx.AsyncClient
) -> None:
    session = (await upstream.new_session())["id"]
    before = scrape(gateway)

    for _ in range(2):  # a miss that calls Stripe, then a hit
        response = await http.post(
            "/graphql", json={"query": SESSION, "variables": {"id": session}}
        )
        assert response.json()["data"]["checkoutSession"]["id"] == session
    expired = await http.post("/graphql", json={"query": EXPIRE, "variables": {"id": session}})
    assert expired.json()["data"]["expireCheckoutSession"]["userErrors"] == []
    costly = " ".join(f'a{i}: checkoutSession(id: "{session}") {{ id }}' for i in range(6))
    refused = await http.post("/graphql", json={"query": f"{{ {costly} }}"})
    assert refused.json()["errors"][0]["extensions"]["code"] == "COST_LIMIT_EXCEEDED"
    broken = await http.post("/graphql", json={"query": "{ checkoutSession("})
    assert broken.json()["errors"]
    webhook = await http.post(
        "/webhooks/stripe", content=b"{}", headers={"Stripe-Signature": "t=1"}
    )
    assert webhook.status_code == 400

    after = scrape(gateway)

    def delta(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    requests = "gateway_graphql_requests_total"
    assert delta(requests, operation_type="query", operation_name="other", outcome="ok") == 2
    assert delta(requests, operation_type="mutation", operation_name="other", outcome="ok") == 1
    assert delta(requests, operation_type="query", operation_name="other", outcome="refused") == 1
    assert delta(requests, operation_type="unknown", operation_name="other", outcome="error") == 1
    assert delta("gateway_graphql_request_duration_seconds_count", operation_type="query") == 3
    assert delta("gateway_refusals_total", code="COST_LIMIT_EXCEEDED") == 1

    stripe = "gateway_stripe_requests_total"
    read = "GET /v1/checkout/sessions/{id}"
    assert delta(stripe, route=read, status="200", retry="false") == 1
    expire = "POST /v1/checkout/sessions/{id}/expire"
    assert delta(stripe, route=expire, status="200", retry="false") == 1
    assert delta("gateway_stripe_request_duration_seconds_count", route=read) == 1

    assert delta("gateway_cache_requests_total", kind="session", result="miss") == 1
    assert delta("gateway_cache_requests_total", kind="session", result="hit") == 1
    assert delta("gateway_webhook_deliveries_total", outcome="refused") == 1
    # The scrape itself is the one request in flight.
    assert value(after, "gateway_http_requests_in_flight") == 1


async def test_reads_that_share_a_call_are_counted(
    gateway: str, upstream: Upstream, http: httpx.AsyncClient
) -> None:
    session = (await upstream.new_session())["id"]
    before = scrape(gateway)
    body = {"query": SESSION, "variables": {"id": session}}
    async with upstream.latency(300):
        responses = await asyncio.gather(*(http.post("/graphql", json=body) for _ in range(5)))
    assert all(r.json()["data"]["checkoutSession"]["id"] == session for r in responses)
    after = scrape(gateway)
    shared = "gateway_single_flight_shared_total"
    calls = "gateway_stripe_requests_total"
    labels = {"route": "GET /v1/checkout/sessions/{id}", "status": "200", "retry": "false"}
    assert value(after, calls, **labels) - value(before, calls, **labels) == 1
    assert value(after, shared, kind="session") - value(before, shared, kind="session") == 4


def test_two_workers_report_every_request_whichever_answers_the_scrape(
    upstream: Upstream, tmp_path: Path
) -> None:
    env = {
        "WORKERS": "2",
        "STRIPE_API_KEY": upstream.key,
        "STRIPE_API_BASE": upstream.url,
        "CACHE_URL": "redis://127.0.0.1:6379/3",
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path),
        "AUTH_ANONYMOUS_SCOPES": "checkout:read",
        "LOG_LEVEL": "warning",
    }
    query = {"query": "{ checkoutSessions(first: 1) { nodes { id } } }"}
    with gateway_process(env) as gateway:
        for _ in range(30):
            # A connection per request, so the kernel spreads them over both workers.
            response = httpx.post(f"{gateway.url}/graphql", json=query)
            assert response.status_code == 200 and "errors" not in response.json()
        totals = {
            value(
                scrape(gateway.url),
                "gateway_graphql_requests_total",
                operation_type="query",
                operation_name="other",
                outcome="ok",
            )
            for _ in range(10)
        }
        workers = {path.name for path in tmp_path.glob("counter_*.db")}
    assert totals == {30}
    assert len(workers) == 2, workers


def test_several_workers_without_redis_are_refused() -> None:
    from gateway.config import ConfigError, load_settings

    for env in ({}, {"CACHE_URL": "off", "RATE_LIMIT_POINTS": "off", "STRIPE_RATE_LIMIT": "off"}):
        with pytest.raises(ConfigError, match="WORKERS=2 needs CACHE_URL=redis://"):
            load_settings({"WORKERS": "2", **env})
    settings = load_settings({"WORKERS": "2", "CACHE_URL": "redis://127.0.0.1:6379/3"})
    assert settings.workers == 2

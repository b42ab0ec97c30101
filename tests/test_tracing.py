"""Spans: one per operation (the request's server span) and one per Stripe call, linked, and
continuing the caller's trace."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace

import httpx
import pytest
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from gateway.app import create_app
from gateway.config import CacheSettings, LimitSettings, TracingSettings
from gateway.telemetry import tracer_provider
from tests.conftest import Upstream
from tests.servers import serve

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT_ID = "00f067aa0ba902b7"
READ = (
    "query Read($id: ID!) { checkoutSession(id: $id) { id lineItems(first: 2) { nodes { id } } } }"
)


@pytest.fixture
def exported(upstream: Upstream) -> Iterator[tuple[str, InMemorySpanExporter, TracerProvider]]:
    exporter = InMemorySpanExporter()
    provider = tracer_provider(TracingSettings(sample_ratio=1.0), exporter)
    assert provider is not None
    settings = upstream.gateway_settings(cache=CacheSettings(url="memory://"))
    with serve(create_app(settings, provider)) as url:
        yield url, exporter, provider


def test_an_operation_and_its_stripe_calls_continue_the_callers_trace(
    exported: tuple[str, InMemorySpanExporter, TracerProvider], upstream: Upstream
) -> None:
    url, exporter, provider = exported
    session = httpx.post(
        f"{upstream.url}/v1/checkout/sessions",
        headers={"Authorization": f"Bearer {upstream.key}"},
        data={
            "mode": "payment",
            "success_url": "https://example.com/done",
            "line_items[0][quantity]": "1",
            "line_items[0][price_data][currency]": "usd",
            "line_items[0][price_data][unit_amount]": "500",
            "line_items[0][price_data][product_data][name]": "Tea",
        },
    ).json()["id"]
    response = httpx.post(
        f"{url}/graphql",
        json={"query": READ, "variables": {"id": session}, "operationName": "Read"},
        headers={
            "traceparent": f"00-{TRACE_ID}-{PARENT_ID}-01",
            "X-Request-Id": "trace-test-1",
        },
    )
    assert response.json()["data"]["checkoutSession"]["id"] == session
    assert response.headers["x-request-id"] == "trace-test-1"
    provider.force_flush()
    spans = [s for s in exporter.get_finished_spans() if s.context.trace_id == int(TRACE_ID, 16)]

    [operation] = [s for s in spans if s.kind is SpanKind.SERVER]
    stripe = [s for s in spans if s.kind is SpanKind.CLIENT]
    assert len(spans) == 2
    assert operation.name == "query Read"
    assert operation.parent is not None and operation.parent.is_remote
    assert operation.parent.span_id == int(PARENT_ID, 16)
    assert operation.attributes is not None
    assert operation.attributes["graphql.operation.type"] == "query"
    assert operation.attributes["graphql.operation.name"] == "Read"
    assert operation.attributes["gateway.cost.actual"] == 1
    assert operation.attributes["gateway.client"] == "127.0.0.1"

    # The session, with its first line items expanded into the same call.
    [call] = stripe
    assert call.name == "stripe GET /v1/checkout/sessions/{id}"
    assert call.parent is not None and call.parent.span_id == operation.context.span_id
    assert call.attributes is not None
    assert call.attributes["http.response.status_code"] == 200
    assert str(call.attributes["stripe.request_id"]).startswith("req_")
    assert call.attributes["gateway.stripe.retry"] == 0
    assert _events(operation) == ["cache.miss"]
    for span in (operation, call):
        assert span.attributes is not None
        assert span.attributes["gateway.request_id"] == "trace-test-1"


def test_a_cached_read_makes_no_stripe_span(
    exported: tuple[str, InMemorySpanExporter, TracerProvider], upstream: Upstream
) -> None:
    url, exporter, provider = exported
    [session] = httpx.get(
        f"{upstream.url}/v1/checkout/sessions",
        params={"limit": 1, "status": "complete"},
        headers={"Authorization": f"Bearer {upstream.key}"},
    ).json()["data"]
    query = {
        "query": "query($id: ID!) { checkoutSession(id: $id) { id } }",
        "variables": {"id": session["id"]},
    }
    httpx.post(f"{url}/graphql", json=query)
    provider.force_flush()
    exporter.clear()
    httpx.post(f"{url}/graphql", json=query)
    provider.force_flush()
    spans = exporter.get_finished_spans()
    assert not [s for s in spans if s.kind is SpanKind.CLIENT]
    [operation] = [s for s in spans if s.name == "query"]
    assert operation.parent is None
    assert _events(operation) == ["cache.hit"]


def test_a_caller_that_does_not_sample_its_trace_gets_no_spans(
    exported: tuple[str, InMemorySpanExporter, TracerProvider], upstream: Upstream
) -> None:
    url, exporter, provider = exported
    exporter.clear()
    response = httpx.post(
        f"{url}/graphql",
        json={"query": "{ checkoutSessions(first: 2) { nodes { id } } }"},
        headers={"traceparent": f"00-{TRACE_ID}-{PARENT_ID}-00"},
    )
    assert len(response.json()["data"]["checkoutSessions"]["nodes"]) == 2
    provider.force_flush()
    assert exporter.get_finished_spans() == ()


def test_redis_commands_have_spans_of_their_own_with_their_values_hidden(
    upstream: Upstream,
) -> None:
    exporter = InMemorySpanExporter()
    provider = tracer_provider(TracingSettings(sample_ratio=1.0), exporter)
    assert provider is not None
    settings = replace(
        upstream.gateway_settings(cache=CacheSettings(url="redis://127.0.0.1:6379/4")),
        limits=LimitSettings(),
    )
    with serve(create_app(settings, provider)) as url:
        response = httpx.post(
            f"{url}/graphql",
            json={"query": "{ checkoutSessions(first: 1) { nodes { id } } }"},
            headers={"traceparent": f"00-{TRACE_ID}-{PARENT_ID}-01"},
        )
        assert "errors" not in response.json()
    provider.force_flush()
    spans = [s for s in exporter.get_finished_spans() if s.context.trace_id == int(TRACE_ID, 16)]
    [operation] = [s for s in spans if s.kind is SpanKind.SERVER]
    commands = [s for s in spans if s.attributes and s.attributes.get("db.system") == "redis"]
    # The caller's rate limit, charged in Redis before the operation runs and refunded after.
    assert commands
    for command in commands:
        assert command.parent is not None
        assert command.parent.span_id == operation.context.span_id
        assert command.attributes is not None
        assert command.attributes["gateway.request_id"]
        statement = str(command.attributes.get("db.statement", ""))
        assert statement.split()[1:] == ["?"] * (len(statement.split()) - 1)


@pytest.mark.parametrize(
    "headers",
    [
        {"traceparent": "00-not-a-trace-01"},
        {"traceparent": "ff-" + "0" * 32 + "-" + "0" * 16 + "-01", "tracestate": "=,=,="},
        {"traceparent": f"00-{TRACE_ID}-{PARENT_ID}-01", "baggage": ",".join(["x"] * 200)},
        {"traceparent": "\u00e9" * 100},
    ],
)
def test_malformed_trace_headers_start_a_new_trace_quietly(
    exported: tuple[str, InMemorySpanExporter, TracerProvider],
    headers: dict[str, str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    url, exporter, provider = exported
    exporter.clear()
    encoded = {name.encode(): value.encode("utf-8") for name, value in headers.items()}
    with caplog.at_level(logging.INFO):
        response = httpx.post(
            f"{url}/graphql",
            json={"query": "{ checkoutSessions(first: 1) { nodes { id } } }"},
            headers=encoded,
        )
    assert response.status_code == 200 and "errors" not in response.json()
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    provider.force_flush()
    [operation] = [s for s in exporter.get_finished_spans() if s.kind is SpanKind.SERVER]
    assert operation.parent is None or operation.parent.span_id == int(PARENT_ID, 16)


def _events(span: ReadableSpan) -> list[str]:
    return [event.name for event in span.events]

"""Prometheus metrics, correct under one worker process or several.

With several workers, prometheus-client's multiprocess mode keeps each process's values in
files under `PROMETHEUS_MULTIPROC_DIR` (set before any worker starts), and a scrape of any
worker adds up all of them.
"""

from __future__ import annotations

import os

from prometheus_client import CONTENT_TYPE_LATEST as CONTENT_TYPE
from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

__all__ = ["CONTENT_TYPE", "Metrics"]

# Seconds: a cached read answers in about a millisecond, a page of Stripe calls in hundreds.
DURATION_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    """The gateway's metrics, in a registry of their own (so two apps in one process, as in
    the tests, count apart)."""

    def __init__(self) -> None:
        self.multiprocess = bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))
        self.registry = CollectorRegistry(auto_describe=True)
        registry = self.registry
        self.graphql_requests = Counter(
            "gateway_graphql_requests",
            "GraphQL requests answered, by operation type, operation name and outcome.",
            ["operation_type", "operation_name", "outcome"],
            registry=registry,
        )
        self.graphql_duration = Histogram(
            "gateway_graphql_request_duration_seconds",
            "Time from reading a GraphQL request to its response, by operation type.",
            ["operation_type"],
            buckets=DURATION_BUCKETS,
            registry=registry,
        )
        self.in_flight = Gauge(
            "gateway_http_requests_in_flight",
            "HTTP requests being served now.",
            registry=registry,
            multiprocess_mode="livesum",
        )
        # In one process the gauge reads a plain count when scraped, which costs a request
        # nothing; across processes each must write its own.
        self.requests_in_flight = 0
        if not self.multiprocess:
            self.in_flight.set_function(lambda: self.requests_in_flight)
        self.stale_answers = Counter(
            "gateway_stale_answers",
            "Sessions answered from a last copy while Stripe could not be asked.",
            registry=registry,
        )
        self.circuits = Gauge(
            "gateway_circuit_open",
            "1 while the gateway has stopped asking a dependency that kept failing, by name.",
            ["dependency"],
            registry=registry,
            multiprocess_mode="livemax",
        )
        self.subscriptions = Gauge(
            "gateway_subscriptions",
            "Subscriptions open now, over WebSocket and Server-Sent Events.",
            registry=registry,
            multiprocess_mode="livesum",
        )
        self.refusals = Counter(
            "gateway_refusals",
            "Requests refused by a limit, a rate limit or authentication, by error code.",
            ["code"],
            registry=registry,
        )
        self.stripe_requests = Counter(
            "gateway_stripe_requests",
            "Calls to Stripe, by route, HTTP status (`error` when none came) and whether the "
            "call was a retry.",
            ["route", "status", "retry"],
            registry=registry,
        )
        self.stripe_duration = Histogram(
            "gateway_stripe_request_duration_seconds",
            "Time each call to Stripe took, by route.",
            ["route"],
            buckets=DURATION_BUCKETS,
            registry=registry,
        )
        self.cache_requests = Counter(
            "gateway_cache_requests",
            "Cache reads, by kind of object and result (hit or miss).",
            ["kind", "result"],
            registry=registry,
        )
        self.shared_calls = Counter(
            "gateway_single_flight_shared",
            "Reads that shared a call to Stripe already in flight instead of making their own.",
            ["kind"],
            registry=registry,
        )
        self.webhooks = Counter(
            "gateway_webhook_deliveries",
            "Stripe webhook deliveries, by outcome.",
            ["outcome"],
            registry=registry,
        )

    def request_started(self) -> None:
        if self.multiprocess:
            self.in_flight.inc()
        else:
            self.requests_in_flight += 1

    def request_ended(self) -> None:
        if self.multiprocess:
            self.in_flight.dec()
        else:
            self.requests_in_flight -= 1

    def render(self) -> bytes:
        """The text a Prometheus scrape reads: every worker's values when there are several."""
        if not self.multiprocess:
            return generate_latest(self.registry)
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry)

    def close(self) -> None:
        """Drop this process's live gauges from the shared files as the worker stops."""
        if self.multiprocess:
            multiprocess.mark_process_dead(os.getpid())  # type: ignore[no-untyped-call]

"""One place every layer reports to: metrics, the request's record and its trace.

Lower layers (the Stripe client, the cache, single flight) call these methods and know nothing
of Prometheus or OpenTelemetry. With tracing off, no span is made and no span event added.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.trace import Span, SpanKind, Status, StatusCode
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator
from prometheus_client import Counter, Histogram

from gateway.telemetry.metrics import Metrics
from gateway.telemetry.record import RequestRecord, current_request, current_request_id

REQUEST_ID = "gateway.request_id"
# Only W3C trace context is read from callers: the gateway uses no baggage, and the baggage
# propagator logs a warning for each malformed entry a caller sends.
_TRACE_CONTEXT = TraceContextTextMapPropagator()
# Operation names in span names are cut to this many characters.
MAX_NAME = 100

# Path segments that name a route; any other segment of a Stripe path is an object id.
_ROUTE_WORDS = frozenset(
    {"v1", "checkout", "sessions", "line_items", "expire", "products", "prices"}
)


def stripe_route(method: str, path: str) -> str:
    """`GET /v1/checkout/sessions/{id}` for any session: a label of bounded cardinality."""
    parts = path.partition("?")[0].split("/")
    return f"{method} " + "/".join(
        part if not part or part in _ROUTE_WORDS else "{id}" for part in parts
    )


class Telemetry:
    """Counts, times and traces what the gateway does."""

    def __init__(self, metrics: Metrics | None = None, tracing: TracerProvider | None = None):
        self.metrics = metrics or Metrics()
        self.tracer = tracing.get_tracer("checkout-gateway") if tracing is not None else None
        # Labelled series, found once: prometheus-client checks and locks on every lookup.
        # Every label comes from a bounded set, so these stay small.
        self._requests: dict[tuple[str, str, str], tuple[Counter, Histogram]] = {}
        self._stripe: dict[tuple[str, str, bool], tuple[Counter, Histogram]] = {}
        self._cache: dict[tuple[str, bool], Counter] = {}
        self._shared: dict[str, Counter] = {}

    # Operations

    @contextmanager
    def operation(self, headers: Mapping[str, str]) -> Iterator[Span | None]:
        """The span of one GraphQL operation, from reading its document to its response.

        It is the request's server span, continuing the trace of the caller's `traceparent`
        (in `headers`) if it sent one. What the operation was is known only once its document
        is prepared: `describe` names the span then.
        """
        if self.tracer is None:
            yield None
            return
        attributes = {}
        request_id = current_request_id()
        if request_id is not None:
            attributes[REQUEST_ID] = request_id
        # Most requests carry no trace context: nothing to parse then.
        parent = _TRACE_CONTEXT.extract(headers) if "traceparent" in headers else None
        with self.tracer.start_as_current_span(
            "GraphQL operation", context=parent, kind=SpanKind.SERVER, attributes=attributes
        ) as span:
            yield span

    @staticmethod
    def describe(span: Span, record: RequestRecord) -> None:
        """Name the operation's span as OpenTelemetry's GraphQL conventions say, and give it
        what the operation was, who asked and what it cost."""
        if not span.is_recording():
            return
        kind, name = record.operation_type or "unknown", record.operation_name
        span.update_name(f"{kind} {name[:MAX_NAME]}" if name else kind)
        span.set_attribute("graphql.operation.type", kind)
        if name:
            span.set_attribute("graphql.operation.name", name)
        if record.client:
            span.set_attribute("gateway.client", record.client)
        if record.cost is not None:
            span.set_attribute("gateway.cost.requested", record.cost)
        if record.actual_cost is not None:
            span.set_attribute("gateway.cost.actual", record.actual_cost)
        if record.outcome:
            span.set_attribute("gateway.outcome", record.outcome)

    def graphql_request(self, kind: str, name: str, outcome: str, seconds: float) -> None:
        key = (kind, name, outcome)
        series = self._requests.get(key)
        if series is None:
            metrics = self.metrics
            series = self._requests[key] = (
                metrics.graphql_requests.labels(kind, name, outcome),
                metrics.graphql_duration.labels(kind),
            )
        series[0].inc()
        series[1].observe(seconds)

    def refused(self, code: str) -> None:
        self.metrics.refusals.labels(code).inc()

    # Stripe calls

    def stripe_call_started(self, route: str, method: str, attempt: int) -> Span | None:
        """The span of one attempt at a call; `route` is what `stripe_route` made of it.

        None outside a recorded trace: the sampler would drop the span anyway, and this
        skips making it.
        """
        if self.tracer is None or not trace.get_current_span().is_recording():
            return None
        attributes: dict[str, str | int] = {
            "http.request.method": method,
            "http.route": route.partition(" ")[2],
            "gateway.stripe.retry": attempt,
        }
        request_id = current_request_id()
        if request_id is not None:
            attributes[REQUEST_ID] = request_id
        return self.tracer.start_span(
            f"stripe {route}", kind=SpanKind.CLIENT, attributes=attributes
        )

    def stripe_call_ended(
        self,
        span: Span | None,
        route: str,
        attempt: int,
        started: float,
        status: int | str,
        request_id: str | None,
    ) -> None:
        """Count a finished attempt: `status` is the HTTP status, or `error` when no response
        came, or `cancelled` when the request making it went away."""
        key = (route, str(status), attempt > 0)
        series = self._stripe.get(key)
        if series is None:
            metrics = self.metrics
            series = self._stripe[key] = (
                metrics.stripe_requests.labels(route, key[1], "true" if attempt else "false"),
                metrics.stripe_duration.labels(route),
            )
        series[0].inc()
        series[1].observe(time.perf_counter() - started)
        record = current_request.get()
        if record is not None:
            record.stripe_calls += 1
        if span is not None:
            if isinstance(status, int):
                span.set_attribute("http.response.status_code", status)
            if request_id:
                span.set_attribute("stripe.request_id", request_id)
            if not isinstance(status, int) or status >= 500:
                span.set_status(Status(StatusCode.ERROR))
            span.end()

    # Cache and single flight

    def cache_read(self, kind: str, hit: bool) -> None:
        counter = self._cache.get((kind, hit))
        if counter is None:
            counter = self._cache[kind, hit] = self.metrics.cache_requests.labels(
                kind, "hit" if hit else "miss"
            )
        counter.inc()
        record = current_request.get()
        if record is not None:
            if hit:
                record.cache_hits += 1
            else:
                record.cache_misses += 1
        if self.tracer is not None:
            span = trace.get_current_span()
            if span.is_recording():
                span.add_event("cache.hit" if hit else "cache.miss", {"gateway.cache.kind": kind})

    def shared_call(self, kind: str) -> None:
        counter = self._shared.get(kind)
        if counter is None:
            counter = self._shared[kind] = self.metrics.shared_calls.labels(kind)
        counter.inc()
        if self.tracer is not None:
            trace.get_current_span().add_event("single_flight.shared", {"gateway.cache.kind": kind})

    @staticmethod
    def redis_command(span: Span, *_: object) -> None:
        """Give a Redis command's span (made by OpenTelemetry's instrumentation) the request id."""
        request_id = current_request_id()
        if request_id is not None and span.is_recording():
            span.set_attribute(REQUEST_ID, request_id)

    # Webhooks

    def stale_answer(self, age: float) -> None:
        """Count a session answered from its last copy, and keep the oldest such copy's age on
        the request's record."""
        self.metrics.stale_answers.inc()
        record = current_request.get()
        if record is not None:
            record.stale_age = max(age, record.stale_age or 0.0)

    def circuit(self, name: str, state: str) -> None:
        """Record a circuit breaker's new state: open (or probing) is 1, closed 0."""
        self.metrics.circuits.labels(name).set(0 if state == "closed" else 1)

    def subscription(self, opened: bool) -> None:
        """Count a subscription in while it is open, and out when it ends."""
        if opened:
            self.metrics.subscriptions.inc()
        else:
            self.metrics.subscriptions.dec()

    def webhook(self, outcome: str) -> None:
        self.metrics.webhooks.labels(outcome).inc()

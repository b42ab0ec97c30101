"""OpenTelemetry: a tracer provider built from the standard `OTEL_*` variables.

The exporter reads its endpoint, headers and timeouts from those variables itself, and the
provider its sampler (`OTEL_TRACES_SAMPLER`); the settings only say whether to trace at all.
"""

from __future__ import annotations

from opentelemetry.context import Context
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import Span, SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter, SpanExporter

from gateway.config import TracingSettings
from gateway.telemetry.record import current_request_id

REQUEST_ID = "gateway.request_id"


class RequestIdProcessor(SpanProcessor):
    """Puts the id of the request a span belongs to on the span, whichever code starts it."""

    def on_start(self, span: Span, parent_context: Context | None = None) -> None:
        request_id = current_request_id()
        if request_id is not None:
            span.set_attribute(REQUEST_ID, request_id)


def tracer_provider(
    settings: TracingSettings, exporter: SpanExporter | None = None
) -> TracerProvider | None:
    """A provider exporting in batches, or None when tracing is off and no `exporter` given."""
    if exporter is None:
        if settings.exporter is None:
            return None
        exporter = OTLPSpanExporter() if settings.exporter == "otlp" else ConsoleSpanExporter()
    provider = TracerProvider(resource=Resource.create({"service.name": settings.service_name}))
    provider.add_span_processor(RequestIdProcessor())
    provider.add_span_processor(BatchSpanProcessor(exporter))
    return provider

"""OpenTelemetry: a tracer provider built from the standard `OTEL_*` variables.

The exporter reads its endpoint, headers and timeouts from those variables itself, and the
provider its sampler (`OTEL_TRACES_SAMPLER` and `OTEL_TRACES_SAMPLER_ARG`); the settings only
say whether to trace at all.
"""

from __future__ import annotations

from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter, SpanExporter
from opentelemetry.sdk.trace.sampling import ParentBased, TraceIdRatioBased

from gateway.config import TracingSettings


def tracer_provider(
    settings: TracingSettings, exporter: SpanExporter | None = None
) -> TracerProvider | None:
    """A provider exporting in batches, or None when tracing is off and no `exporter` given."""
    if exporter is None:
        if settings.exporter is None:
            return None
        if settings.exporter == "otlp":
            # Imported only when used: it brings protobuf and requests, a tenth of a second
            # of every start.
            from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

            exporter = OTLPSpanExporter()
        else:
            exporter = ConsoleSpanExporter()
    sampler = None
    if settings.sample_ratio is not None:
        sampler = ParentBased(TraceIdRatioBased(settings.sample_ratio))
    provider = TracerProvider(
        resource=Resource.create({"service.name": settings.service_name}), sampler=sampler
    )
    provider.add_span_processor(BatchSpanProcessor(exporter))
    return provider

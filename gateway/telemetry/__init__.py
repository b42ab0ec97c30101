"""Metrics, traces and logs: what the gateway reports of itself, and nothing it serves."""

from gateway.telemetry.events import Telemetry, stripe_route
from gateway.telemetry.logs import log_config
from gateway.telemetry.metrics import Metrics
from gateway.telemetry.middleware import RequestTelemetry
from gateway.telemetry.record import RequestRecord, current_request
from gateway.telemetry.tracing import tracer_provider

__all__ = [
    "Metrics",
    "RequestRecord",
    "RequestTelemetry",
    "Telemetry",
    "current_request",
    "log_config",
    "stripe_route",
    "tracer_provider",
]

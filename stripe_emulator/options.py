"""Settings chosen when the emulator starts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

FAILURE_KINDS = ("server_error", "rate_limited", "disconnect")
API_VERSION = "2026-02-25.clover"
MAX_WEBHOOK_ATTEMPTS = 100
MAX_RETRY_BASE_MS = 24 * 60 * 60 * 1000


@dataclass(frozen=True)
class EmulatorOptions:
    """How the emulator starts: demo data, fault injection and where to send webhooks.

    `latency_ms` is added to every `/v1` request; `failure_rate` (0 to 1) of them fail with one
    of `failure_kinds`. Webhooks go out only when both `webhook_url` and `webhook_secret` are set;
    a delivery that fails is tried again after `webhook_retry_base_ms`, then twice as long after
    each further failure, until `webhook_max_attempts` have been made.
    """

    seed_demo_data: bool = True
    latency_ms: float = 0.0
    failure_rate: float = 0.0
    failure_kinds: tuple[str, ...] = FAILURE_KINDS
    webhook_url: str | None = None
    webhook_secret: str | None = None
    webhook_retry_base_ms: float = 1000.0
    webhook_max_attempts: int = 8

    def __post_init__(self) -> None:
        check_faults(self.latency_ms, self.failure_rate, self.failure_kinds)
        check_webhooks(self.webhook_url, self.webhook_retry_base_ms, self.webhook_max_attempts)


def check_faults(latency_ms: float, failure_rate: float, failure_kinds: tuple[str, ...]) -> None:
    if latency_ms < 0:
        raise ValueError("latency_ms must not be negative")
    if not 0.0 <= failure_rate <= 1.0:
        raise ValueError("failure_rate must be between 0 and 1")
    unknown = set(failure_kinds) - set(FAILURE_KINDS)
    if unknown or not failure_kinds:
        raise ValueError(f"failure_kinds must be a non-empty subset of {FAILURE_KINDS}")


def check_webhooks(url: Any, retry_base_ms: Any, max_attempts: Any) -> None:
    """Refuse settings deliveries could never use.

    The back-off is bounded so that even the last retry waits a finite time asyncio can sleep.
    """
    if url is not None:
        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, TypeError):
            parsed = None
        if parsed is None or parsed.scheme not in ("http", "https") or not parsed.host:
            raise ValueError("webhook_url must be an http(s) URL, or null to stop sending")
    if isinstance(retry_base_ms, bool) or not isinstance(retry_base_ms, int | float):
        raise ValueError("webhook_retry_base_ms must be a number")
    if not 0 <= retry_base_ms <= MAX_RETRY_BASE_MS:
        raise ValueError(f"webhook_retry_base_ms must be between 0 and {MAX_RETRY_BASE_MS}")
    if isinstance(max_attempts, bool) or not isinstance(max_attempts, int):
        raise ValueError("webhook_max_attempts must be an integer")
    if not 1 <= max_attempts <= MAX_WEBHOOK_ATTEMPTS:
        raise ValueError(f"webhook_max_attempts must be between 1 and {MAX_WEBHOOK_ATTEMPTS}")

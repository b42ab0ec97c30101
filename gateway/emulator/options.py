"""Settings chosen when the emulator starts."""

from __future__ import annotations

from dataclasses import dataclass

FAILURE_KINDS = ("server_error", "rate_limited", "disconnect")
API_VERSION = "2026-02-25.clover"


@dataclass(frozen=True)
class EmulatorOptions:
    """How the emulator starts: demo data, fault injection and where to send webhooks.

    `latency_ms` is added to every `/v1` request; `failure_rate` (0 to 1) of them fail with one
    of `failure_kinds`. Webhooks go out only when both `webhook_url` and `webhook_secret` are set.
    """

    seed_demo_data: bool = True
    latency_ms: float = 0.0
    failure_rate: float = 0.0
    failure_kinds: tuple[str, ...] = FAILURE_KINDS
    webhook_url: str | None = None
    webhook_secret: str | None = None

    def __post_init__(self) -> None:
        check_faults(self.latency_ms, self.failure_rate, self.failure_kinds)


def check_faults(latency_ms: float, failure_rate: float, failure_kinds: tuple[str, ...]) -> None:
    if latency_ms < 0:
        raise ValueError("latency_ms must not be negative")
    if not 0.0 <= failure_rate <= 1.0:
        raise ValueError("failure_rate must be between 0 and 1")
    unknown = set(failure_kinds) - set(FAILURE_KINDS)
    if unknown or not failure_kinds:
        raise ValueError(f"failure_kinds must be a non-empty subset of {FAILURE_KINDS}")

"""Fault injection for tests and benchmarks: added latency, a rate of failed requests, and
keys refused as if rolled in the Dashboard."""

from __future__ import annotations

import asyncio
import random
from typing import Any

from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from stripe_emulator.errors import StripeError
from stripe_emulator.options import EmulatorOptions, check_faults


class Faults:
    """The fault settings in force, changeable at run time through `/_emulator/config`."""

    def __init__(self, options: EmulatorOptions) -> None:
        self.latency_ms = options.latency_ms
        self.failure_rate = options.failure_rate
        self.failure_kinds = tuple(options.failure_kinds)
        self.revoked_keys: frozenset[str] = frozenset()
        self._random = random.Random()

    def as_json(self) -> dict[str, Any]:
        return {
            "latency_ms": self.latency_ms,
            "failure_rate": self.failure_rate,
            "failure_kinds": list(self.failure_kinds),
            "revoked_keys": sorted(self.revoked_keys),
        }

    def update(self, changes: dict[str, Any]) -> None:
        """Apply a partial update; raise ValueError and change nothing if it is invalid."""
        unknown = set(changes) - {"latency_ms", "failure_rate", "failure_kinds", "revoked_keys"}
        if unknown:
            raise ValueError(f"unknown settings: {', '.join(sorted(unknown))}")
        latency = float(changes.get("latency_ms", self.latency_ms))
        rate = float(changes.get("failure_rate", self.failure_rate))
        kinds = changes.get("failure_kinds", self.failure_kinds)
        if not isinstance(kinds, list | tuple) or not all(isinstance(k, str) for k in kinds):
            raise ValueError("failure_kinds must be a list of strings")
        check_faults(latency, rate, tuple(kinds))
        revoked = changes.get("revoked_keys", self.revoked_keys)
        if not isinstance(revoked, list | frozenset) or not all(
            isinstance(key, str) for key in revoked
        ):
            raise ValueError("revoked_keys must be a list of strings")
        self.latency_ms, self.failure_rate, self.failure_kinds = latency, rate, tuple(kinds)
        self.revoked_keys = frozenset(revoked)

    def pick(self) -> str | None:
        """Decide whether this request fails, and how."""
        if self.failure_rate and self._random.random() < self.failure_rate:
            return self._random.choice(self.failure_kinds)
        return None

    async def delay(self) -> None:
        if self.latency_ms:
            await asyncio.sleep(self.latency_ms / 1000)


def failure(kind: str) -> StripeError | Response:
    """The error for an injected failure, or a response that drops the connection."""
    if kind == "server_error":
        return StripeError(
            500,
            "An injected server error occurred. Retrying the request may succeed.",
            type="api_error",
        )
    if kind == "rate_limited":
        return StripeError(
            429,
            "Too many requests hit the API too quickly (an injected rate limit).",
            type="invalid_request_error",
            code="rate_limit",
            headers={"Stripe-Should-Retry": "true"},
        )
    return DroppedConnection()


class DroppedConnection(Response):
    """Close the connection without sending a single byte of response.

    ASGI has no message for "drop this connection", so this relies on how uvicorn's HTTP
    protocols (httptools and h11) behave: they mark the response as started, then refuse a
    header value that contains a line break before writing anything. Once a response has
    started but the app returns without finishing it, uvicorn closes the transport. The client
    sees the connection close with no status line, as when a server or proxy dies mid-request.
    """

    def __init__(self) -> None:
        super().__init__(status_code=500)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await send(
                {
                    "type": "http.response.start",
                    "status": 500,
                    "headers": [(b"x-emulator-drop", b"connection\r\ndropped")],
                }
            )
        except RuntimeError:
            return

"""Webhook events, signed and delivered the way Stripe delivers them.

Each event is sent on its own, so receivers see them in no guaranteed order. A delivery that
fails (an answer outside 2xx, or no answer) is tried again with exponential back-off until
the attempts run out. For tests, events can also be held back and released later, reversed or
sent twice, to show how a receiver copes with the disorder and duplicates Stripe allows.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import random
import time
from collections import deque
from collections.abc import Coroutine
from dataclasses import dataclass, replace
from typing import Any

import httpx
import orjson

from stripe_emulator.ids import random_id
from stripe_emulator.options import API_VERSION, EmulatorOptions, check_webhooks

log = logging.getLogger(__name__)

ATTEMPT_TIMEOUT_S = 10.0
JITTER = 0.1
MAX_LOGGED_EVENTS = 1000


def signature_header(payload: bytes, secret: str, timestamp: int) -> str:
    """`Stripe-Signature`: the time and an HMAC-SHA256 of `{time}.{payload}` keyed by the secret."""
    signed = f"{timestamp}.".encode() + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


@dataclass(frozen=True)
class WebhookSettings:
    """Where events go and how failed deliveries are retried; replaced whole when changed."""

    url: str | None
    secret: str | None
    retry_base_ms: float
    max_attempts: int

    @classmethod
    def from_options(cls, options: EmulatorOptions) -> WebhookSettings:
        return cls(
            url=options.webhook_url,
            secret=options.webhook_secret,
            retry_base_ms=options.webhook_retry_base_ms,
            max_attempts=options.webhook_max_attempts,
        )

    def as_json(self) -> dict[str, Any]:
        """The settings under their `/_emulator/config` names; the secret only says if it is set."""
        return {
            "webhook_url": self.url,
            "webhook_secret_set": self.secret is not None,
            "webhook_retry_base_ms": self.retry_base_ms,
            "webhook_max_attempts": self.max_attempts,
        }

    def updated(self, changes: dict[str, Any]) -> WebhookSettings:
        """A copy with `changes` applied; ValueError, and nothing changed, if any is invalid."""
        names = {
            "webhook_url": "url",
            "webhook_secret": "secret",
            "webhook_retry_base_ms": "retry_base_ms",
            "webhook_max_attempts": "max_attempts",
        }
        unknown = set(changes) - set(names)
        if unknown:
            raise ValueError(f"unknown settings: {', '.join(sorted(unknown))}")
        new = replace(self, **{names[key]: value for key, value in changes.items()})
        if new.secret is not None and (not isinstance(new.secret, str) or not new.secret):
            raise ValueError("webhook_secret must be a non-empty string, or null to stop sending")
        check_webhooks(new.url, new.retry_base_ms, new.max_attempts)
        return new


@dataclass(eq=False)
class Event:
    """One emitted event and how its delivery is going.

    `attempts` counts every POST made for it, duplicates included; `sending` counts the copies
    still being tried, so the event stays pending while any of them may yet succeed.
    """

    id: str
    type: str
    session: str | None
    payload: bytes
    held: bool = False
    attempts: int = 0
    delivered: bool = False
    sending: int = 0

    @property
    def status(self) -> str:
        if self.held:
            return "held"
        if self.delivered:
            return "delivered"
        if self.sending:
            return "pending"
        return "failed" if self.attempts else "unsent"

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "session": self.session,
            "attempts": self.attempts,
            "delivered": self.delivered,
            "status": self.status,
        }


class Webhooks:
    """Emits events and delivers them in background tasks, never delaying the API call."""

    def __init__(self, settings: WebhookSettings) -> None:
        self.settings = settings
        self.holding = False
        self._held: list[Event] = []
        self._log: deque[Event] = deque(maxlen=MAX_LOGGED_EVENTS)
        self._client: httpx.AsyncClient | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._random = random.Random()

    def emit(
        self,
        event_type: str,
        obj: dict[str, Any],
        now: int,
        request_id: str | None = None,
        idempotency_key: str | None = None,
    ) -> None:
        """Record an event and send it, or queue it while holding; never raises."""
        event_id = random_id("evt_", 24)
        body = {
            "id": event_id,
            "object": "event",
            "api_version": API_VERSION,
            "created": now,
            "data": {"object": obj},
            "livemode": False,
            "pending_webhooks": 1,
            "request": {"id": request_id, "idempotency_key": idempotency_key},
            "type": event_type,
        }
        event = Event(event_id, event_type, obj.get("id"), orjson.dumps(body))
        self._log.append(event)
        if self.holding:
            event.held = True
            self._held.append(event)
        elif self.settings.url and self.settings.secret:
            event.sending += 1
            self._spawn(self._deliver(event))

    def hold(self) -> int:
        """Queue events instead of sending them, until released; returns how many wait."""
        self.holding = True
        return len(self._held)

    def release(self, reverse: bool, duplicate: bool, keep_holding: bool) -> list[Event]:
        """Send the held events one after another, in the order emitted or reversed.

        The next one goes only once the previous one's first attempt is over, so the receiver
        sees exactly this order. With `duplicate` the whole batch is sent a second time (same
        event ids), so a stale copy arrives after newer events. Returns the sending order.
        """
        batch = self._held[::-1] if reverse else self._held[:]
        self._held.clear()
        self.holding = keep_holding
        sequence = batch * 2 if duplicate else batch
        for event in sequence:
            event.held = False
            event.sending += 1
        if sequence:
            self._spawn(self._send_in_turn(sequence))
        return sequence

    def events(self, session: str | None = None) -> list[Event]:
        """The most recent events, oldest first, optionally only those about one session."""
        return [e for e in self._log if session is None or e.session == session]

    async def close(self) -> None:
        """Stop at once: deliveries under way and pending retries are dropped, not awaited."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    def _spawn(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _send_in_turn(self, sequence: list[Event]) -> None:
        for event in sequence:
            await self._deliver(event)

    async def _deliver(self, event: Event, attempt: int = 1) -> None:
        """Make one attempt; after a failure, schedule the next in a task of its own.

        The settings are read afresh for every attempt, so a URL or retry policy changed at
        run time applies to deliveries already under way.
        """
        outcome = await self._attempt(event)
        if outcome is False and attempt < self.settings.max_attempts:
            self._spawn(self._retry(event, attempt))
        else:
            event.sending -= 1

    async def _retry(self, event: Event, failed: int) -> None:
        await asyncio.sleep(self._backoff(failed))
        await self._deliver(event, failed + 1)

    def _backoff(self, failed: int) -> float:
        """Seconds to wait after attempt number `failed`: doubling each time, plus some jitter."""
        seconds = self.settings.retry_base_ms / 1000 * 2.0 ** (failed - 1)
        return seconds * (1 + self._random.uniform(0, JITTER))

    async def _attempt(self, event: Event) -> bool | None:
        """POST the event once: whether the receiver took it, or None with nowhere to send it."""
        url, secret = self.settings.url, self.settings.secret
        if not (url and secret):
            return None
        if self._client is None:
            self._client = httpx.AsyncClient(timeout=ATTEMPT_TIMEOUT_S)
        event.attempts += 1
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            # Signed with the real time, not the emulator's clock, so receivers' tolerance holds.
            "Stripe-Signature": signature_header(event.payload, secret, int(time.time())),
        }
        try:
            response = await self._client.post(url, content=event.payload, headers=headers)
        except httpx.HTTPError as exc:
            log.warning("webhook %s to %s failed: %s", event.id, url, exc)
            return False
        if response.is_success:
            event.delivered = True
            return True
        log.warning("webhook %s to %s answered %s", event.id, url, response.status_code)
        return False

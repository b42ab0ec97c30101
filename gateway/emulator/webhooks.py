"""Webhook events, signed the way Stripe signs them and delivered in the background."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import time
from typing import Any

import httpx
import orjson

from gateway.emulator.ids import random_id
from gateway.emulator.options import API_VERSION

log = logging.getLogger(__name__)


def signature_header(payload: bytes, secret: str, timestamp: int) -> str:
    """`Stripe-Signature`: the time and an HMAC-SHA256 of `{time}.{payload}` keyed by the secret."""
    signed = f"{timestamp}.".encode() + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


class Webhooks:
    def __init__(self, url: str | None, secret: str | None) -> None:
        self.url = url
        self.secret = secret
        self._client: httpx.AsyncClient | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    def emit(
        self,
        event_type: str,
        obj: dict[str, Any],
        now: int,
        request_id: str | None = None,
        idempotency_key: str | None = None,
    ) -> None:
        """Queue an event for delivery if webhooks are configured; never raises."""
        if not (self.url and self.secret):
            return
        event = {
            "id": random_id("evt_", 24),
            "object": "event",
            "api_version": API_VERSION,
            "created": now,
            "data": {"object": obj},
            "livemode": False,
            "pending_webhooks": 1,
            "request": {"id": request_id, "idempotency_key": idempotency_key},
            "type": event_type,
        }
        task = asyncio.get_running_loop().create_task(self._deliver(orjson.dumps(event)))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _deliver(self, payload: bytes) -> None:
        assert self.url and self.secret
        if self._client is None:
            self._client = httpx.AsyncClient(timeout=10)
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            # Signed with the real time, not the emulator's clock, so receivers' tolerance holds.
            "Stripe-Signature": signature_header(payload, self.secret, int(time.time())),
        }
        try:
            response = await self._client.post(self.url, content=payload, headers=headers)
            if response.status_code >= 300:
                log.warning("webhook to %s answered %s", self.url, response.status_code)
        except httpx.HTTPError as exc:
            log.warning("webhook to %s failed: %s", self.url, exc)

    async def close(self) -> None:
        if self._tasks:
            await asyncio.wait(self._tasks, timeout=5)
        if self._client is not None:
            await self._client.aclose()
            self._client = None

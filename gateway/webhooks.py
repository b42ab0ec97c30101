"""Stripe webhooks at /webhooks/stripe: verified, taken once each, then fed to subscribers."""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import time
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import JSONResponse

from gateway.bodies import BodyTooLarge, read_body
from gateway.live import SESSION_EVENTS, Feed
from gateway.loaders.checkout import SESSION_ID
from gateway.telemetry import Telemetry

logger = logging.getLogger(__name__)

TOLERANCE_SECONDS = 300
MAX_PAYLOAD_BYTES = 1 << 20


class InvalidWebhook(ValueError):
    """A delivery that did not come from Stripe, or came too late to trust."""


def verify(payload: bytes, header: str, secret: str, now: float) -> dict[str, Any]:
    """Check a `Stripe-Signature` header and return the event it signs.

    Stripe signs `{timestamp}.{payload}` with HMAC-SHA256 under the endpoint's secret, and may
    send several `v1` signatures while a secret is being rolled; any one of them will do. An
    old timestamp is refused, so a captured delivery cannot be replayed later.
    """
    parts = [part.partition("=") for part in header.split(",")]
    timestamps = [value.strip() for key, _, value in parts if key.strip() == "t"]
    signatures = [value.strip().encode() for key, _, value in parts if key.strip() == "v1"]
    # ASCII digits only: str.isdigit() also admits characters int() refuses, such as '²'.
    if len(timestamps) != 1 or not re.fullmatch(r"[0-9]{1,12}", timestamps[0]) or not signatures:
        raise InvalidWebhook("The Stripe-Signature header is missing or malformed.")
    timestamp = int(timestamps[0])
    expected = (
        hmac.new(secret.encode(), timestamps[0].encode() + b"." + payload, hashlib.sha256)
        .hexdigest()
        .encode()
    )
    # Compared as bytes: compare_digest refuses str holding anything but ASCII.
    if not any(hmac.compare_digest(expected, signature) for signature in signatures):
        raise InvalidWebhook("No signature matches the payload.")
    if abs(now - timestamp) > TOLERANCE_SECONDS:
        raise InvalidWebhook("The signature's timestamp is outside the tolerance.")
    try:
        event = orjson.loads(payload)
    except orjson.JSONDecodeError:
        raise InvalidWebhook("The payload is not JSON.") from None
    if not isinstance(event, dict) or not isinstance(event.get("type"), str):
        raise InvalidWebhook("The payload is not a Stripe event.")
    return event


class WebhookEndpoint:
    """Receives Stripe's events and hands each change to a session to the feed.

    Stripe waits for the answer and retries for days when it is slow or not 2xx, so the answer
    comes as soon as the event is verified and taken; reading the session again and telling
    subscribers happen after.
    """

    def __init__(self, secret: str, feed: Feed, telemetry: Telemetry) -> None:
        self._secret = secret
        self._feed = feed
        self._telemetry = telemetry

    async def handle(self, request: Request) -> JSONResponse:
        try:
            payload = await read_body(request, MAX_PAYLOAD_BYTES)
        except BodyTooLarge as exc:
            self._telemetry.webhook("refused")
            return JSONResponse({"error": str(exc)}, 413)
        try:
            event = verify(
                payload, request.headers.get("stripe-signature", ""), self._secret, time.time()
            )
            change = _session_change(event)
        except InvalidWebhook as exc:
            logger.warning("refused a webhook delivery: %s", exc)
            self._telemetry.webhook("refused")
            return JSONResponse({"error": str(exc)}, 400)
        if change is None:
            self._telemetry.webhook("ignored")
            return JSONResponse({"received": True})
        if not await self._feed.take(*change):
            self._telemetry.webhook("duplicate")
            return JSONResponse({"received": True, "duplicate": True})
        self._telemetry.webhook("applied")
        return JSONResponse({"received": True})


def _session_change(event: dict[str, Any]) -> tuple[str, str, str, str | None, int] | None:
    """The change a session event reports (event id, type, session id, account, time), or
    None for an event of another kind; InvalidWebhook when it is not shaped as Stripe sends it.
    """
    if event["type"] not in SESSION_EVENTS:
        return None
    data = event.get("data")
    session = data.get("object") if isinstance(data, dict) else None
    event_id, account, created = event.get("id"), event.get("account"), event.get("created")
    if not isinstance(session, dict) or not isinstance(session.get("id"), str):
        raise InvalidWebhook("The event holds no Checkout Session in data.object.")
    if not isinstance(event_id, str) or not event_id:
        raise InvalidWebhook("The event has no id.")
    if not isinstance(account, str | None) or not isinstance(created, int):
        raise InvalidWebhook("The event's account or created time is malformed.")
    if not SESSION_ID.fullmatch(session["id"]):
        raise InvalidWebhook("The event's session id is malformed.")
    return event_id, event["type"], session["id"], account, created

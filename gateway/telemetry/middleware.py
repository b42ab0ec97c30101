"""The outermost layer of the app: a request id, an access line and in-flight counting.

It wraps everything else, Starlette's own error handling included, so even a 500 carries
its `X-Request-Id`.
"""

from __future__ import annotations

import itertools
import logging
import re
import secrets
import time
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gateway.telemetry.events import Telemetry
from gateway.telemetry.record import RequestRecord, current_request

access_logger = logging.getLogger("gateway.access")

# Ids as proxies and load balancers make them (UUIDs, hex, base64url); anything else, or a
# longer one, is replaced rather than echoed into logs.
_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:+/=-]{0,127}")


class RequestIds:
    """Ids for requests that bring none: a random prefix for the process, then a count.

    Unique across processes and restarts (64 random bits) without asking the OS for
    randomness on every request, which the ids need not be.
    """

    def __init__(self) -> None:
        self._prefix = secrets.token_hex(8)
        self._count = itertools.count(1)

    def take(self, scope: Scope) -> str:
        """The caller's `X-Request-Id` if it is a well-formed one, else a new one."""
        for name, value in scope["headers"]:
            if name == b"x-request-id":
                text: str = value.decode("latin-1")
                if _REQUEST_ID.fullmatch(text):
                    return text
                break
        return f"{self._prefix}{next(self._count):016x}"


class RequestTelemetry:
    """Gives every HTTP request an id and a record, and writes its access line when it ends."""

    def __init__(self, app: ASGIApp, telemetry: Telemetry, headers: dict[str, str]) -> None:
        self._app = app
        self._telemetry = telemetry
        self._ids = RequestIds()
        # Sent on every response besides the request id (the demo mode's, say).
        self._headers = [(k.lower().encode(), v.encode()) for k, v in headers.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            await self._socket(scope, receive, send)
            return
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        record = RequestRecord(self._ids.take(scope), scope["method"], scope["path"])
        token = current_request.set(record)
        status = 0
        extra = [(b"x-request-id", record.request_id.encode()), *self._headers]

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message).raw.extend(extra)
            await send(message)

        started = time.perf_counter()
        metrics = self._telemetry.metrics
        metrics.request_started()
        try:
            await self._app(scope, receive, send_with_id)
        except Exception:
            # A fault of the gateway's own: logged here, with the request's id, rather than by
            # the server without it. Starlette has answered 500 already, unless the response
            # had begun.
            access_logger.exception(
                "unhandled error while serving %s %s", record.method, record.path
            )
            if not status:
                await send_with_id({"type": "http.response.start", "status": 500, "headers": []})
                await send_with_id({"type": "http.response.body", "body": b""})
        finally:
            metrics.request_ended()
            # 499, as nginx logs it: the client went away before any response began.
            self._finish(record, scope, status or 499, time.perf_counter() - started)
            current_request.reset(token)

    async def _socket(self, scope: Scope, receive: Receive, send: Send) -> None:
        """A WebSocket connection: an id, and one access line (`WS`) when it closes, with 101
        if it was accepted, or the status it was refused with."""
        record = RequestRecord(self._ids.take(scope), "WS", scope["path"])
        token = current_request.set(record)
        status = 0

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "websocket.accept":
                status = 101
                headers = list(message.get("headers") or [])
                message = {
                    **message,
                    "headers": [*headers, (b"x-request-id", record.request_id.encode())],
                }
            elif message["type"] == "websocket.close" and not status:
                status = 403
            await send(message)

        started = time.perf_counter()
        try:
            await self._app(scope, receive, send_with_id)
        finally:
            self._finish(record, scope, status or 499, time.perf_counter() - started)
            current_request.reset(token)

    def _finish(self, record: RequestRecord, scope: Scope, status: int, seconds: float) -> None:
        if record.operation_type is not None:
            self._telemetry.graphql_request(
                record.operation_type,
                record.operation_label,
                record.outcome or "error",
                seconds,
            )
        if not access_logger.isEnabledFor(logging.INFO):
            return
        client = scope.get("client")
        fields: dict[str, Any] = {
            "method": record.method,
            "path": record.path,
            "status": status,
            "duration_ms": round(seconds * 1000, 3),
            "client": record.client or (client[0] if client else None),
        }
        if record.operation_type is not None:
            fields.update(
                operation_name=record.operation_name,
                operation_type=record.operation_type,
                outcome=record.outcome,
                cost=record.cost,
                stripe_calls=record.stripe_calls,
                cache_hits=record.cache_hits,
                cache_misses=record.cache_misses,
            )
        access_logger.info(
            "%s %s %d",
            record.method,
            record.path,
            status,
            extra={"request_id": record.request_id, **fields},
        )

"""A webhook endpoint for tests: it records every delivery and can be told to fail some."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx
import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gateway.webhooks import verify

T = TypeVar("T")


@dataclass(frozen=True)
class Delivery:
    """One attempt as the receiver saw it, with the monotonic time it arrived."""

    event_id: str
    session: str
    body: bytes
    signature: str
    status: int
    at: float

    def verified(self, secret: str) -> dict[str, Any]:
        """The event, after checking the signature as the gateway does."""
        return verify(self.body, self.signature, secret, time.time())


class Receiver:
    """Answers 500 to the first `fail_first` attempts of each event, then 200.

    The server runs in a thread of its own, so what it records is guarded by a lock.
    """

    def __init__(self) -> None:
        self.fail_first = 0
        self.delay_s = 0.0
        self._deliveries: list[Delivery] = []
        self._lock = threading.Lock()

    def reset(self) -> None:
        self.fail_first, self.delay_s = 0, 0.0

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/hook", self._hook, methods=["POST"])])

    def about(self, *sessions: str) -> list[Delivery]:
        """Every attempt for events about these sessions, in the order they arrived."""
        with self._lock:
            return [d for d in self._deliveries if d.session in sessions]

    def wait(self, count: int, *sessions: str) -> list[Delivery]:
        """The attempts about these sessions, once at least `count` have arrived."""
        wait_for(lambda: len(self.about(*sessions)) >= count)
        return self.about(*sessions)

    async def _hook(self, request: Request) -> Response:
        body = await request.body()
        event = orjson.loads(body)
        if self.delay_s:
            await asyncio.sleep(self.delay_s)
        with self._lock:
            tries = sum(d.event_id == event["id"] for d in self._deliveries)
            status = 500 if tries < self.fail_first else 200
            signature = request.headers.get("stripe-signature", "")
            session = event["data"]["object"]["id"]
            arrived = time.monotonic()
            self._deliveries.append(
                Delivery(event["id"], session, body, signature, status, arrived)
            )
        return Response(status_code=status)


def wait_for(check: Callable[[], T | None], timeout: float = 5.0) -> T:
    """Poll until `check` returns something other than None or False."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result is not None and result is not False:
            return result
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for webhook deliveries")
        time.sleep(0.01)


def events(emulator: str, session: str) -> list[dict[str, Any]]:
    """The emulator's log of events about one session."""
    response = httpx.get(f"{emulator}/_emulator/webhooks/events", params={"session": session})
    data: list[dict[str, Any]] = response.json()["data"]
    return data


def settled(emulator: str, session: str, count: int) -> list[dict[str, Any]]:
    """The session's events, once there are `count` and none is held or pending any more."""

    def done() -> list[dict[str, Any]] | None:
        logged = events(emulator, session)
        finished = all(e["status"] not in ("held", "pending") for e in logged)
        return logged if len(logged) == count and finished else None

    return wait_for(done)

"""Single flight: concurrent identical reads share one upstream call."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class SingleFlight:
    """Runs one call per key at a time; whoever asks while it runs waits for the same result.

    Shared by every request of the process, so a burst of clients reading the same session
    costs Stripe one request. A waiter that gives up (its client went away) does not cancel
    the call the others are waiting for.
    """

    def __init__(self) -> None:
        self._calls: dict[Hashable, asyncio.Future[Any]] = {}

    async def run(self, key: Hashable, call: Callable[[], Awaitable[T]]) -> T:
        flight: asyncio.Future[T] | None = self._calls.get(key)
        if flight is None:
            flight = asyncio.ensure_future(call())
            self._calls[key] = flight
            flight.add_done_callback(lambda done: self._land(key, done))
        return await asyncio.shield(flight)

    def _land(self, key: Hashable, flight: asyncio.Future[Any]) -> None:
        if self._calls.get(key) is flight:
            del self._calls[key]
        if not flight.cancelled():
            # Mark the outcome as seen even when every waiter has gone, so a failure that
            # nobody waited for is not reported as an unhandled task exception.
            flight.exception()

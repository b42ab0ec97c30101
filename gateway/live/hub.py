"""This replica's subscribers, and the events every replica hears fanned out to them.

A subscriber registers before it reads the session, so no change can fall between its read
and its first event. Each subscriber has a queue of its own; one that falls too far behind is
ended with an error of its own, rather than holding memory or slowing the others.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from gateway.live.events import PAYMENT_FAILED, SessionEvent

logger = logging.getLogger(__name__)

# Events one subscriber may have waiting; a session changes a handful of times in its life.
QUEUE_SIZE = 256
# Sessions whose delayed payment this replica has heard fail, newest kept.
FAILED_REMEMBERED = 100_000
# Sessions read again at once when catching up.
CATCH_UP_CONCURRENCY = 8

Refresh = Callable[[str, str | None], Awaitable[None]]
Lookup = Callable[[str], Awaitable[bool]]


class SubscriberBehind(Exception):
    """The subscriber did not keep up with the events sent to it."""


class Subscriber:
    """Events for one subscription: those of one session, or of every session."""

    def __init__(self) -> None:
        self._queue: asyncio.Queue[SessionEvent | None] = asyncio.Queue(QUEUE_SIZE)
        self._behind = False

    def offer(self, event: SessionEvent) -> None:
        if self._behind:
            return
        try:
            self._queue.put_nowait(event)
        except asyncio.QueueFull:
            self._behind = True
            # Room is made for the marker that ends the stream.
            self._queue.get_nowait()
            self._queue.put_nowait(None)

    async def next(self) -> SessionEvent:
        event = await self._queue.get()
        if event is None:
            raise SubscriberBehind("The subscription fell behind its events and was ended.")
        return event


class Hub:
    """Who on this replica listens, and what they are told.

    `refresh` reads a session again (under an account) and announces it, for catching up
    after events may have been missed; `recorded_failure` asks whether any replica recorded a
    session's delayed payment as failed, which the session itself does not show.
    """

    def __init__(self, refresh: Refresh, recorded_failure: Lookup) -> None:
        self._refresh = refresh
        self._recorded_failure = recorded_failure
        self._watchers: dict[tuple[str, str | None], set[Subscriber]] = {}
        self._everything: set[Subscriber] = set()
        self._failed: OrderedDict[str, None] = OrderedDict()
        self._catching_up: asyncio.Task[None] | None = None

    @asynccontextmanager
    async def subscribe(
        self, session_id: str | None, account: str | None = None
    ) -> AsyncIterator[Subscriber]:
        """Listen for one session's events (read under `account`), or, with None, for every
        session's."""
        subscriber = Subscriber()
        key = (session_id, account) if session_id is not None else None
        if key is None:
            self._everything.add(subscriber)
        else:
            self._watchers.setdefault(key, set()).add(subscriber)
        try:
            yield subscriber
        finally:
            if key is None:
                self._everything.discard(subscriber)
            else:
                watchers = self._watchers.get(key, set())
                watchers.discard(subscriber)
                if not watchers:
                    self._watchers.pop(key, None)

    def deliver(self, event: SessionEvent) -> None:
        if event.type == PAYMENT_FAILED:
            self._failed[event.session_id] = None
            self._failed.move_to_end(event.session_id)
            if len(self._failed) > FAILED_REMEMBERED:
                self._failed.popitem(last=False)
        watchers = self._watchers.get((event.session_id, event.account), ())
        for subscriber in (*watchers, *self._everything):
            subscriber.offer(event)

    async def payment_failed(self, session_id: str) -> bool:
        """Whether the session's delayed payment failed, as heard here or recorded by any
        replica."""
        return session_id in self._failed or await self._recorded_failure(session_id)

    async def catch_up(self) -> None:
        """Start reading every watched session again, after events may have gone unheard.

        The reads run beside the events that keep coming, a few at a time, so a replica
        watching thousands of sessions does not hold up the next payment while it catches up.
        """
        if self._catching_up is not None and not self._catching_up.done():
            self._catching_up.cancel()
        watched = list(self._watchers)
        if watched:
            logger.info("reading %d watched sessions again after a gap in events", len(watched))
            self._catching_up = asyncio.get_running_loop().create_task(self._read_again(watched))

    async def close(self) -> None:
        if self._catching_up is not None:
            self._catching_up.cancel()
            await asyncio.gather(self._catching_up, return_exceptions=True)

    async def _read_again(self, watched: list[tuple[str, str | None]]) -> None:
        slots = asyncio.Semaphore(CATCH_UP_CONCURRENCY)

        async def one(session_id: str, account: str | None) -> None:
            async with slots:
                try:
                    await self._refresh(session_id, account)
                except Exception as exc:
                    logger.warning("could not read a watched session: %s", type(exc).__name__)

        await asyncio.gather(*(one(*key) for key in watched))

"""This replica's subscribers, and the events every replica hears fanned out to them.

A subscriber registers before it reads the session, so no change can fall between its read
and its first event. Each subscriber has a queue of its own; one that falls too far behind is
told so and dropped, rather than holding memory or slowing the others.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from gateway.live.events import SessionEvent

logger = logging.getLogger(__name__)

# Events one subscriber may have waiting; a session changes a handful of times in its life.
QUEUE_SIZE = 256


class SubscriberBehind(Exception):
    """The subscriber did not keep up with the events sent to it."""


class Subscriber:
    """Events for one subscription: those of one session, or of every session."""

    def __init__(self, session_id: str | None) -> None:
        self.session_id = session_id
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

    `refresh` reads a session again and announces it, for catching up after events may have
    been missed (the connection to the other replicas was lost).
    """

    def __init__(self) -> None:
        self._by_session: dict[str, set[Subscriber]] = {}
        self._everything: set[Subscriber] = set()
        self._clients: dict[str, int] = {}
        self.refresh: Callable[[str, str | None], Awaitable[None]] | None = None
        self._accounts: dict[str, str | None] = {}

    @asynccontextmanager
    async def subscribe(
        self, session_id: str | None, account: str | None = None
    ) -> AsyncIterator[Subscriber]:
        """Listen for one session's events, or (with None) for every session's."""
        subscriber = Subscriber(session_id)
        if session_id is None:
            self._everything.add(subscriber)
        else:
            self._by_session.setdefault(session_id, set()).add(subscriber)
            self._accounts[session_id] = account
        try:
            yield subscriber
        finally:
            if session_id is None:
                self._everything.discard(subscriber)
            else:
                watchers = self._by_session.get(session_id, set())
                watchers.discard(subscriber)
                if not watchers:
                    self._by_session.pop(session_id, None)
                    self._accounts.pop(session_id, None)

    def deliver(self, event: SessionEvent) -> None:
        for subscriber in (*self._by_session.get(event.session_id, ()), *self._everything):
            subscriber.offer(event)

    async def catch_up(self) -> None:
        """Refresh every watched session, after events may have gone unheard."""
        if self.refresh is None:
            return
        watched = list(self._accounts.items())
        if watched:
            logger.info("refreshing %d watched sessions after a gap in events", len(watched))
        for session_id, account in watched:
            try:
                await self.refresh(session_id, account)
            except Exception as exc:
                logger.warning("could not refresh a watched session: %s", type(exc).__name__)

    @asynccontextmanager
    async def client_slot(self, client: str, limit: int) -> AsyncIterator[bool]:
        """Hold one of `client`'s `limit` subscriptions on this replica; False when all are
        taken."""
        held = self._clients.get(client, 0)
        if held >= limit:
            yield False
            return
        self._clients[client] = held + 1
        try:
            yield True
        finally:
            left = self._clients[client] - 1
            if left:
                self._clients[client] = left
            else:
                del self._clients[client]

    @property
    def subscribers(self) -> int:
        return sum(map(len, self._by_session.values())) + len(self._everything)

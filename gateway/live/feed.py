"""The feed of session changes: in from Stripe's webhooks and the gateway's own writes, out to
the subscribers of every replica."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid

import redis.asyncio as redis

from gateway.live.bus import Bus, LocalBus, RedisBus
from gateway.live.events import UPDATED, SessionEvent, StripeObject
from gateway.live.hub import Hub
from gateway.live.seen import MemorySeen, RedisSeen
from gateway.loaders import SessionStore
from gateway.stripe import StripeError

logger = logging.getLogger(__name__)


class Feed:
    """Takes each change once, reads the session as it is now, and tells every replica.

    The session is read again rather than taken from the event, as events can arrive late and
    out of order; changes to one session are applied one at a time, in the order they came.
    Every replica caches the fresh copy and tells its own subscribers.
    """

    def __init__(self, store: SessionStore, shared: redis.Redis | None, prefix: str) -> None:
        self.hub = Hub()
        self.hub.refresh = self._refresh
        self._store = store
        self._seen: MemorySeen | RedisSeen
        self._bus: Bus
        if shared is None:
            self._seen = MemorySeen()
            self._bus = LocalBus(self._receive)
        else:
            self._seen = RedisSeen(shared, f"{prefix}:events:seen")
            self._bus = RedisBus(shared, f"{prefix}:events", self._receive, self.hub.catch_up)
        # Each session's lock, with how many changes hold or wait for it.
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def bus(self) -> Bus:
        return self._bus

    def start(self) -> None:
        self._bus.start()

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._bus.close()

    async def take(
        self, event_id: str, event_type: str, session_id: str, account: str | None, created: int
    ) -> bool:
        """Accept a change Stripe announced; False if it was taken already. The work is done
        after this returns, so that Stripe gets its answer at once."""
        if not await self._seen.first(event_id):
            return False
        task = asyncio.get_running_loop().create_task(
            self._apply(SessionEvent(event_id, event_type, session_id, account, created))
        )
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return True

    async def changed(self, session: StripeObject, account: str | None) -> None:
        """Announce a change the gateway made itself, with the session Stripe returned."""
        await self._bus.publish(_updated(session["id"], account, session))

    async def settled(self) -> None:
        """Wait for every change taken so far to be announced."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def _apply(self, event: SessionEvent) -> None:
        lock, users = self._locks.get(event.session_id, (asyncio.Lock(), 0))
        self._locks[event.session_id] = (lock, users + 1)
        try:
            async with lock:
                session = await self._fresh(event.session_id, event.account)
                await self._bus.publish(
                    SessionEvent(
                        event.id,
                        event.type,
                        event.session_id,
                        event.account,
                        event.created,
                        session,
                    )
                )
        finally:
            lock, users = self._locks[event.session_id]
            if users == 1:
                del self._locks[event.session_id]
            else:
                self._locks[event.session_id] = (lock, users - 1)

    async def _fresh(self, session_id: str, account: str | None) -> StripeObject | None:
        try:
            return await self._store.refetch(session_id, account=account)
        except StripeError as exc:
            # Each listener reads it for itself later; the cached copy must go meanwhile.
            logger.warning("could not read a changed session from Stripe: %s", type(exc).__name__)
            await self._store.forget(session_id, account=account)
            return None

    async def _refresh(self, session_id: str, account: str | None) -> None:
        session = await self._fresh(session_id, account)
        self.hub.deliver(_updated(session_id, account, session))

    async def _receive(self, event: SessionEvent) -> None:
        if event.session is not None:
            await self._store.put(event.session, account=event.account)
        else:
            await self._store.forget(event.session_id, account=event.account)
        self.hub.deliver(event)


def _updated(session_id: str, account: str | None, session: StripeObject | None) -> SessionEvent:
    return SessionEvent(
        f"gw_{uuid.uuid4().hex}", UPDATED, session_id, account, int(time.time()), session
    )

"""The feed of session changes: in from Stripe's webhooks and the gateway's own writes, out to
the subscribers of every replica."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import redis.asyncio as redis

from gateway.live.bus import Bus, LocalBus, RedisBus
from gateway.live.events import PAYMENT_FAILED, UPDATED, SessionEvent, StripeObject
from gateway.live.hub import Hub
from gateway.live.seen import MemorySeen, RedisSeen
from gateway.loaders import SessionStore
from gateway.stripe import StripeError

logger = logging.getLogger(__name__)

# How long a failed delayed payment is remembered: the session alone does not show it.
FAILED_KEEP_SECONDS = 30 * 24 * 3600
# How long shutting down waits for changes already taken to be announced.
CLOSE_WAIT_SECONDS = 5.0


class Feed:
    """Takes each change once, reads the session as it is now, and tells every replica.

    The session is read again rather than taken from the event, as events can arrive late and
    out of order; the changes to one session are applied one at a time, in the order they
    came. Every replica caches the fresh copy and tells its own subscribers.
    """

    def __init__(self, store: SessionStore, shared: redis.Redis | None, prefix: str) -> None:
        self.hub = Hub(self._refresh, self._recorded_failure)
        self._store = store
        self._shared = shared
        self._failed_prefix = f"{prefix}:events:failed"
        self._seen: MemorySeen | RedisSeen
        self._bus: Bus
        if shared is None:
            self._seen = MemorySeen()
            self._bus = LocalBus(self._receive)
        else:
            self._seen = RedisSeen(shared, f"{prefix}:events:seen")
            self._bus = RedisBus(
                shared,
                f"{prefix}:events",
                self._receive,
                self.hub.catch_up,
                restored=self._restore,
            )
        # Sessions whose failed payment could not be recorded while Redis was away.
        self._unrecorded: set[str] = set()
        # Each session's lock, with how many changes hold or wait for it.
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    def start(self) -> None:
        self._bus.start()

    async def close(self) -> None:
        """Stop, giving the changes already taken (and answered to Stripe) a moment to be
        announced: Stripe will not send them again."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=CLOSE_WAIT_SECONDS)
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self.hub.close()
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
        async with self._one_at_a_time(session["id"]):
            await self._bus.publish(_updated(session["id"], account, session))

    async def _apply(self, event: SessionEvent) -> None:
        async with self._one_at_a_time(event.session_id):
            if event.type == PAYMENT_FAILED:
                await self._record_failure(event.session_id)
            session = await self._fresh(event.session_id, event.account)
            await self._bus.publish(
                SessionEvent(
                    event.id, event.type, event.session_id, event.account, event.created, session
                )
            )

    @asynccontextmanager
    async def _one_at_a_time(self, session_id: str) -> AsyncIterator[None]:
        """Hold the session's lock, so that an older read of it is never announced after a
        newer one."""
        lock, users = self._locks.get(session_id, (asyncio.Lock(), 0))
        self._locks[session_id] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[session_id]
            if users == 1:
                del self._locks[session_id]
            else:
                self._locks[session_id] = (lock, users - 1)

    async def _fresh(self, session_id: str, account: str | None) -> StripeObject | None:
        try:
            return await self._store.refetch(session_id, account=account)
        except StripeError as exc:
            # Each listener reads it for itself later; the cached copy must go meanwhile.
            logger.warning("could not read a changed session from Stripe: %s", type(exc).__name__)
            await self._store.forget(session_id, account=account)
            return None

    async def _refresh(self, session_id: str, account: str | None) -> None:
        """Read a watched session again and tell this replica's subscribers, as if they had
        heard of its last change; a failed payment is told as the failure it was."""
        async with self._one_at_a_time(session_id):
            session = await self._fresh(session_id, account)
            failed = await self._recorded_failure(session_id)
            event = _updated(session_id, account, session)
            if failed:
                event = SessionEvent(
                    event.id, PAYMENT_FAILED, session_id, account, event.created, session
                )
            self.hub.deliver(event)

    async def _record_failure(self, session_id: str) -> None:
        if self._shared is None:
            return
        try:
            await self._shared.set(f"{self._failed_prefix}:{session_id}", 1, ex=FAILED_KEEP_SECONDS)
        except (redis.RedisError, OSError) as exc:
            logger.warning("could not record a failed payment in Redis: %s", type(exc).__name__)
            self._unrecorded.add(session_id)

    async def _restore(self) -> None:
        """Once Redis is back: drop the idle connections made before it went away, which a
        restart left dead, so that reading watched sessions again finds the failures recorded;
        then record the failed payments it missed, before the events this replica could not
        publish go out: a replica that reconnects after they went out finds the failures when
        it reads its watched sessions again. Raises while Redis is still away, and the bus
        tries again."""
        assert self._shared is not None
        await self._shared.connection_pool.disconnect(inuse_connections=False)
        while self._unrecorded:
            session_id = next(iter(self._unrecorded))
            await self._shared.set(f"{self._failed_prefix}:{session_id}", 1, ex=FAILED_KEEP_SECONDS)
            self._unrecorded.discard(session_id)

    async def _recorded_failure(self, session_id: str) -> bool:
        if self._shared is None:
            return False
        try:
            return bool(await self._shared.exists(f"{self._failed_prefix}:{session_id}"))
        except (redis.RedisError, OSError):
            return False

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

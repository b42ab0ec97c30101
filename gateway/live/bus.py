"""How an event heard by one replica reaches every replica: directly, or through Redis."""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Protocol

import redis.asyncio as redis

from gateway.live.events import SessionEvent

logger = logging.getLogger(__name__)

Receive = Callable[[SessionEvent], Awaitable[None]]
# Waits between attempts to reach Redis again, growing to the last.
RETRY_DELAYS = (0.1, 0.2, 0.5, 1.0, 2.0)
# Events kept to publish once Redis is back; beyond this the oldest are dropped (the other
# replicas still read what they watch again).
UNSENT_LIMIT = 10_000


class Bus(Protocol):
    async def publish(self, event: SessionEvent) -> None: ...

    def start(self) -> None: ...

    async def close(self) -> None: ...


class LocalBus:
    """One process with no Redis: what is published is received at once, here."""

    def __init__(self, receive: Receive) -> None:
        self._receive = receive

    async def publish(self, event: SessionEvent) -> None:
        await self._receive(event)

    def start(self) -> None:
        pass

    async def close(self) -> None:
        pass


class RedisBus:
    """Replicas sharing a Redis server: events go out on one pub/sub channel, and every
    replica, this one included, receives them from it.

    Pub/sub keeps nothing for a subscriber that is away, so after the connection comes back
    `reconnected` runs, for the replica to catch up on what it watches. What this replica could
    not publish meanwhile it told its own subscribers at once, and publishes once Redis is
    back, for the others, after `restored` has run (to write what Redis missed meanwhile).
    """

    def __init__(
        self,
        client: redis.Redis,
        channel: str,
        receive: Receive,
        reconnected: Callable[[], Awaitable[None]],
        *,
        restored: Callable[[], Awaitable[None]],
    ) -> None:
        self._client = client
        self._channel = channel
        self._receive = receive
        self._reconnected = reconnected
        self._restored = restored
        self._task: asyncio.Task[None] | None = None
        # Events told here while Redis was away, to publish for the others when it is back.
        self._unsent: deque[SessionEvent] = deque(maxlen=UNSENT_LIMIT)
        self._told_here: set[str] = set()

    async def publish(self, event: SessionEvent) -> None:
        try:
            await self._client.publish(self._channel, event.encode())
        except (redis.RedisError, OSError) as exc:
            if not self._unsent:
                logger.warning("could not publish events to Redis: %s", type(exc).__name__)
            if len(self._unsent) == self._unsent.maxlen:
                self._told_here.discard(self._unsent[0].id)
            self._unsent.append(event)
            self._told_here.add(event.id)
            await self._receive(event)

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._listen())

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def _listen(self) -> None:
        attempt = 0
        connected_before = False
        while True:
            try:
                async with self._client.pubsub() as pubsub:
                    await pubsub.subscribe(self._channel)
                    if connected_before:
                        logger.info("listening to Redis for events again")
                        await self._restored()
                        await self._send_unsent()
                        await self._reconnected()
                    connected_before, attempt = True, 0
                    async for message in pubsub.listen():
                        if message.get("type") == "message":
                            await self._take(message["data"])
            except (redis.RedisError, OSError) as exc:
                if attempt == 0:
                    logger.warning("lost Redis for events (%s); retrying", type(exc).__name__)
                await asyncio.sleep(RETRY_DELAYS[min(attempt, len(RETRY_DELAYS) - 1)])
                attempt += 1

    async def _send_unsent(self) -> None:
        while self._unsent:
            await self._client.publish(self._channel, self._unsent[0].encode())
            self._unsent.popleft()

    async def _take(self, data: bytes | str) -> None:
        try:
            event = SessionEvent.decode(data)
        except ValueError as exc:
            logger.warning("ignored a malformed event on the events channel: %s", exc)
            return
        if event.id in self._told_here:
            # Published late, after Redis came back: this replica told its own already.
            self._told_here.discard(event.id)
            return
        await self._receive(event)

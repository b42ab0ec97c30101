"""Which webhook events have been taken already: Stripe may deliver one more than once."""

from __future__ import annotations

import logging
import time
from collections import OrderedDict

import redis.asyncio as redis

logger = logging.getLogger(__name__)

# Stripe retries a delivery for up to three days.
KEEP_SECONDS = 3 * 24 * 3600
# Event ids one process remembers; the oldest are forgotten first.
MEMORY_LIMIT = 100_000


class MemorySeen:
    """Event ids seen by this process."""

    def __init__(self, keep: float = KEEP_SECONDS, limit: int = MEMORY_LIMIT) -> None:
        self._keep = keep
        self._limit = limit
        self._seen: OrderedDict[str, float] = OrderedDict()

    async def first(self, event_id: str) -> bool:
        """Whether this is the first time `event_id` is seen; it is remembered either way."""
        now = time.monotonic()
        while self._seen and (
            next(iter(self._seen.values())) < now or len(self._seen) >= self._limit
        ):
            self._seen.popitem(last=False)
        if event_id in self._seen:
            return False
        self._seen[event_id] = now + self._keep
        return True


class RedisSeen:
    """Event ids seen by any replica sharing the Redis server."""

    def __init__(self, client: redis.Redis, prefix: str, keep: int = KEEP_SECONDS) -> None:
        self._client = client
        self._prefix = prefix
        self._keep = keep

    async def first(self, event_id: str) -> bool:
        """Whether no replica has seen `event_id`; with Redis unreachable, taken as new (the
        event is applied twice rather than lost)."""
        try:
            added = await self._client.set(f"{self._prefix}:{event_id}", 1, nx=True, ex=self._keep)
        except (redis.RedisError, OSError) as exc:
            logger.warning("could not check an event id in Redis: %s", type(exc).__name__)
            return True
        return bool(added)

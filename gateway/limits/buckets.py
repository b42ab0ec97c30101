"""Token buckets, kept in this process or in Redis so that replicas share them.

A bucket holds up to `capacity` points and regains `rate` points a second. Taking points
succeeds only when the bucket holds them all; giving points back (a refund, when an operation
cost less than it was charged) never fills it past its capacity.

Shopify's cost model charges an operation its requested cost up front and refunds what it did
not spend, so the buckets must take a refund; neither `limits` nor `throttled-py` does, so the
arithmetic lives here, in one Lua script for Redis (run atomically by the server, on the
server's clock) and its twin for memory.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Protocol

import redis.asyncio as redis
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Level:
    """The outcome of a take or a give: whether it happened, and the points left after."""

    taken: bool
    points: float


class Buckets(Protocol):
    """Where the buckets live."""

    async def take(self, key: str, points: float, capacity: float, rate: float) -> Level:
        """Take `points` if the bucket holds them all; give them back if negative."""
        ...


class MemoryBuckets:
    """Buckets of this process only, all of one capacity and rate. Full buckets are forgotten,
    so idle callers cost nothing."""

    def __init__(self, *, max_keys: int = 100_000) -> None:
        self._levels: dict[str, tuple[float, float]] = {}
        self._max_keys = max_keys

    async def take(self, key: str, points: float, capacity: float, rate: float) -> Level:
        now = time.monotonic()
        level, at = self._levels.get(key, (capacity, now))
        level = min(capacity, level + (now - at) * rate)
        if points > 0 and level < points:
            return Level(False, level)
        level = min(capacity, level - points)
        self._levels[key] = (level, now)
        if len(self._levels) > self._max_keys:
            self._forget_full(now, capacity, rate)
        return Level(True, level)

    def _forget_full(self, now: float, capacity: float, rate: float) -> None:
        full = [
            key
            for key, (level, at) in self._levels.items()
            if level + (now - at) * rate >= capacity
        ]
        for key in full:
            del self._levels[key]
        # Should every bucket be in use, the oldest go: a forgotten bucket reads as full.
        while len(self._levels) > self._max_keys:
            del self._levels[next(iter(self._levels))]


_TAKE = """
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local points = tonumber(ARGV[3])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'level', 'at')
local level = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
level = math.min(capacity, level + math.max(0, now - at) * rate)
if points > 0 and level < points then
  return {0, tostring(level)}
end
level = math.min(capacity, level - points)
redis.call('HSET', KEYS[1], 'level', tostring(level), 'at', tostring(now))
redis.call('EXPIRE', KEYS[1], math.ceil((capacity - level) / rate) + 1)
return {1, tostring(level)}
"""


class RedisBuckets:
    """Buckets every replica sees, in Redis. Should Redis fail, callers are let through: the
    limits protect Stripe's budget, and refusing everyone would do the harm they prevent."""

    def __init__(self, client: redis.Redis, prefix: str) -> None:
        self._take = client.register_script(_TAKE)
        self._prefix = prefix
        self._failing = False

    async def take(self, key: str, points: float, capacity: float, rate: float) -> Level:
        try:
            taken, level = await self._take(
                keys=[f"{self._prefix}:{key}"], args=[capacity, rate, points]
            )
        except RedisError as exc:
            if not self._failing:
                logger.warning("rate limits are not enforced while Redis fails: %s", exc)
            self._failing = True
            return Level(True, capacity)
        if self._failing:
            logger.warning("Redis answers again: rate limits are enforced")
            self._failing = False
        return Level(bool(taken), float(level))

"""Per-caller rate limits in cost points, reported as Shopify reports them."""

from __future__ import annotations

import math
from dataclasses import dataclass

from gateway.identity import Caller
from gateway.limits.buckets import Buckets


@dataclass(frozen=True, slots=True)
class ThrottleStatus:
    """The caller's bucket, as `extensions.cost.throttleStatus` shows it."""

    maximum: float
    available: float
    restore_rate: float

    def formatted(self) -> dict[str, float]:
        return {
            "maximumAvailable": self.maximum,
            "currentlyAvailable": math.floor(self.available),
            "restoreRate": self.restore_rate,
        }

    def retry_after(self, points: float) -> int:
        """Whole seconds until the bucket holds `points`."""
        return max(1, math.ceil((points - self.available) / self.restore_rate))


class Throttle:
    """One bucket per caller: charged an operation's requested cost before it runs, refunded
    what it did not spend after, so cached answers cost nothing.

    Callers are told apart by name; anonymous callers by their address.
    """

    def __init__(self, buckets: Buckets, capacity: int, restore_rate: float) -> None:
        self._buckets = buckets
        self._capacity = float(capacity)
        self._rate = restore_rate

    @staticmethod
    def key(caller: Caller, address: str) -> str:
        return f"ip:{address}" if caller.anonymous else f"client:{caller.name}"

    async def charge(self, key: str, points: int) -> tuple[bool, ThrottleStatus]:
        level = await self._buckets.take(key, points, self._capacity, self._rate)
        return level.taken, self._status(level.points)

    async def refund(self, key: str, points: int) -> ThrottleStatus:
        level = await self._buckets.take(key, -points, self._capacity, self._rate)
        return self._status(level.points)

    def _status(self, available: float) -> ThrottleStatus:
        return ThrottleStatus(self._capacity, available, self._rate)

"""The account's guard: one token bucket on every call the gateway makes to Stripe."""

from __future__ import annotations

import asyncio

from gateway.limits.buckets import Buckets

GUARD_KEY = "stripe-calls"


class StripeGuard:
    """Holds the gateway's calls to Stripe at `rate` a second, bursts of up to one second's
    worth included, for this process or (with Redis buckets) for every replica together.

    A call waits for its token, but not past its operation's deadline: when the bucket cannot
    refill in time it is refused at once, so that the operation can say so.
    """

    def __init__(self, buckets: Buckets, rate: float) -> None:
        self._buckets = buckets
        self._rate = rate
        self._capacity = max(1.0, rate)

    async def admit(self, within: float) -> bool:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while True:
            level = await self._buckets.take(GUARD_KEY, 1, self._capacity, self._rate)
            if level.taken:
                return True
            wait = (1 - level.points) / self._rate
            if loop.time() + wait > deadline:
                return False
            await asyncio.sleep(wait)

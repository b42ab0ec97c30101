"""A cache of Stripe objects shared by every request (and by every replica, with Redis)."""

from __future__ import annotations

import hashlib
from typing import Any

from aiocache import Cache

from gateway.config import CacheSettings, StripeSettings

StripeObject = dict[str, Any]


class ResponseCache:
    """Stores decoded Stripe objects under keys that never mix accounts, keys or versions.

    The key prefix is a hash of the API base, key, account and version, so the secret key itself
    is never written into the cache.
    """

    def __init__(self, settings: CacheSettings) -> None:
        self._backend: Any = Cache.from_url(settings.url)
        self._ttl = settings.ttl

    @property
    def enabled(self) -> bool:
        return self._ttl > 0

    @staticmethod
    def scope(stripe: StripeSettings, account: str | None) -> str:
        """A short, stable name for one Stripe key, account and API version."""
        identity = "\n".join(
            (stripe.api_base, stripe.api_key, account or stripe.account or "", stripe.api_version)
        )
        return hashlib.sha256(identity.encode()).hexdigest()[:24]

    async def get(self, key: str) -> StripeObject | None:
        if not self.enabled:
            return None
        value: StripeObject | None = await self._backend.get(key)
        return value

    async def set(self, key: str, value: StripeObject) -> None:
        if self.enabled:
            await self._backend.set(key, value, ttl=self._ttl)

    async def delete(self, key: str) -> None:
        if self.enabled:
            await self._backend.delete(key)

    async def close(self) -> None:
        await self._backend.close()

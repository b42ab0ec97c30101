"""A cache of Stripe objects shared by every request (and by every replica, with Redis)."""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from aiocache import Cache

from gateway.breaker import Breaker
from gateway.config import CacheSettings, StripeSettings

StripeObject = dict[str, Any]

logger = logging.getLogger(__name__)


class ResponseCache:
    """Stores decoded Stripe objects under keys that never mix accounts, keys or versions.

    The key prefix is a hash of the API base, key, account and version, so the secret key itself
    is never written into the cache. A cache that fails (Redis down, say) is passed over with a
    warning: reads then go to Stripe instead of failing.
    """

    def __init__(self, settings: CacheSettings, breaker: Breaker | None = None) -> None:
        """`breaker`, for a shared cache, stops the cache being asked while it keeps failing:
        a Redis that hangs then costs a read nothing, where it would cost it the timeout."""
        self._settings = settings
        self._backend: Any = Cache.from_url(settings.url) if settings.enabled else None
        self._breaker = breaker
        if self._backend is not None:
            # aiocache wraps every call in asyncio.wait_for, a task per read. An in-process
            # dict needs no deadline; Redis gets a short one, after which Stripe is asked.
            self._backend.timeout = None if settings.url.startswith("memory://") else 0.25

    @property
    def settings(self) -> CacheSettings:
        return self._settings

    @staticmethod
    def scope(stripe: StripeSettings, account: str | None) -> str:
        """A short, stable name for one Stripe key, account and API version."""
        identity = "\n".join(
            (stripe.api_base, stripe.api_key, account or stripe.account or "", stripe.api_version)
        )
        return hashlib.sha256(identity.encode()).hexdigest()[:24]

    async def get(self, key: str) -> StripeObject | None:
        if self._backend is None or not self._allowed():
            return None
        try:
            value: StripeObject | None = await self._backend.get(key)
        except Exception as exc:
            self._failed("read", exc)
            return None
        self._succeeded()
        return value

    async def set(self, key: str, value: StripeObject, ttl: float) -> None:
        """Keep `value` for `ttl` seconds; a ttl of 0 keeps it out of the cache."""
        if self._backend is None or ttl <= 0 or not self._allowed():
            return
        try:
            await self._backend.set(key, value, ttl=ttl)
        except Exception as exc:
            self._failed("write", exc)
        else:
            self._succeeded()

    async def delete(self, key: str) -> None:
        if self._backend is None or not self._allowed():
            return
        try:
            await self._backend.delete(key)
        except Exception as exc:
            self._failed("delete", exc)
        else:
            self._succeeded()

    def _allowed(self) -> bool:
        return self._breaker is None or self._breaker.allow()

    def _succeeded(self) -> None:
        if self._breaker is not None:
            self._breaker.succeeded()

    def _failed(self, action: str, exc: Exception) -> None:
        """Count a failure; without a breaker to say it once, each one is logged."""
        if self._breaker is None:
            logger.warning("cache %s failed: %s", action, type(exc).__name__)
        else:
            self._breaker.failed()

    async def close(self) -> None:
        if self._backend is not None:
            await self._backend.close()

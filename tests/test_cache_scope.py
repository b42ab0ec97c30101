from __future__ import annotations

import time

from gateway.config import CacheSettings, StripeSettings
from gateway.loaders import ResponseCache
from tests.processes import redis_server
from tests.servers import free_port


def test_scopes_separate_keys_accounts_and_versions() -> None:
    base = StripeSettings(api_key="sk_test_a")
    scopes = {
        ResponseCache.scope(base, None),
        ResponseCache.scope(StripeSettings(api_key="sk_test_b"), None),
        ResponseCache.scope(base, "acct_1"),
        ResponseCache.scope(StripeSettings(api_key="sk_test_a", api_version="2025-01-01"), None),
    }
    assert len(scopes) == 4
    assert all("sk_test" not in scope for scope in scopes)


async def test_redis_backend_round_trips_objects() -> None:
    session = {"id": "cs_test_redis", "status": "open", "metadata": {"a": "b"}, "total": 5}
    with redis_server() as redis:
        cache = ResponseCache(CacheSettings(url=redis.url))
        try:
            key = f"checkout-gateway:test:{time.monotonic_ns()}"
            assert await cache.get(key) is None
            await cache.set(key, session, 2.5)
            assert await cache.get(key) == session
            await cache.delete(key)
            assert await cache.get(key) is None
        finally:
            await cache.close()


async def test_an_unreachable_cache_is_passed_over() -> None:
    cache = ResponseCache(CacheSettings(url=f"redis://127.0.0.1:{free_port()}/0"))
    try:
        await cache.set("checkout-gateway:test:unreachable", {"id": "cs_test_x"}, 5)
        assert await cache.get("checkout-gateway:test:unreachable") is None
    finally:
        await cache.close()

"""What the reference suites run with: a context as the gateway makes one."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from gateway.config import CacheSettings, StripeSettings
from gateway.identity import ALL_SCOPES, Caller
from gateway.loaders import CheckoutLoaders, ResponseCache, SessionStore
from gateway.schema import Context
from gateway.stripe import StripeClient


@pytest.fixture
async def ctx() -> AsyncIterator[Context]:
    """A context for a caller who may do anything; the toy schemas never call Stripe."""
    client = StripeClient(StripeSettings(api_key="sk_test_unused"))
    try:
        store = SessionStore(client, ResponseCache(CacheSettings(url="off")))
        yield Context(loaders=CheckoutLoaders(store), caller=Caller("test", ALL_SCOPES))
    finally:
        await client.aclose()

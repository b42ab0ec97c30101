"""Real servers for the tests: the emulator as upstream, the gateway in front of it."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from gateway.app import create_app
from gateway.config import AuthSettings, CacheSettings, LimitSettings, Settings, StripeSettings
from gateway.identity import ALL_SCOPES, Caller
from gateway.loaders import CheckoutLoaders, ResponseCache, SessionStore
from gateway.schema import Context
from gateway.stripe import StripeClient
from stripe_emulator import EmulatorOptions
from stripe_emulator import create_app as create_emulator
from tests.servers import serve

# What most tests run under: anyone may do anything, and no rate limit gets in the way, nor
# the result size limit of the every-field tests (the limits have tests of their own).
OPEN = AuthSettings(anonymous_scopes=ALL_SCOPES)
UNLIMITED = LimitSettings(rate_limit_points=None, max_result_fields=1_000_000)


def fake_key() -> str:
    return f"sk_test_{secrets.token_hex(12)}"


@dataclass
class Upstream:
    """The emulator a test talks to, with its admin endpoints at hand."""

    url: str
    key: str

    def stripe_settings(self, **overrides: Any) -> StripeSettings:
        return StripeSettings(api_key=self.key, api_base=self.url, **overrides)

    def gateway_settings(
        self,
        *,
        cache: CacheSettings | None = None,
        auth: AuthSettings = OPEN,
        limits: LimitSettings = UNLIMITED,
        **stripe: Any,
    ) -> Settings:
        """Settings for a gateway in front of this emulator; the cache is off unless given."""
        return Settings(
            stripe=self.stripe_settings(**stripe),
            cache=cache or CacheSettings(url="off"),
            auth=auth,
            limits=limits,
        )

    async def requests(self) -> dict[str, Any]:
        async with httpx.AsyncClient(base_url=self.url) as client:
            response = await client.get("/_emulator/requests")
            result: dict[str, Any] = response.json()
            return result

    async def calls(self) -> dict[str, int]:
        """The `/v1` calls made since the last reset, by route, leaving out routes not called."""
        counts: dict[str, int] = (await self.requests())["routes"]
        return {route: n for route, n in counts.items() if n}

    async def reset_requests(self) -> None:
        async with httpx.AsyncClient(base_url=self.url) as client:
            await client.post("/_emulator/requests/reset")

    async def configure(self, **options: Any) -> None:
        async with httpx.AsyncClient(base_url=self.url) as client:
            response = await client.post("/_emulator/config", json=options)
            response.raise_for_status()

    @asynccontextmanager
    async def latency(self, milliseconds: float) -> AsyncIterator[None]:
        """Slow every `/v1` call down while the block runs, so concurrency shows in the peak."""
        await self.configure(latency_ms=milliseconds)
        try:
            yield
        finally:
            await self.configure(latency_ms=0)

    async def complete(
        self, session_id: str, email: str | None = None, *, delayed: bool = False
    ) -> dict[str, Any]:
        """Pay for a session as a customer would; `delayed`, with a bank debit still pending."""
        body: dict[str, Any] = {"email": email} if email else {}
        if delayed:
            body["delayed"] = True
        return await self.control(f"/_emulator/checkout/sessions/{session_id}/complete", body)

    async def settle(self, session_id: str, outcome: str) -> dict[str, Any]:
        """Settle a delayed payment: `succeeded` or `failed`."""
        path = f"/_emulator/checkout/sessions/{session_id}/async_payment"
        return await self.control(path, {"outcome": outcome})

    async def control(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        """POST to one of the emulator's own endpoints, insisting on success."""
        async with httpx.AsyncClient(base_url=self.url) as client:
            response = await client.post(path, json=body)
            response.raise_for_status()
            result: dict[str, Any] = response.json()
            return result

    async def rest(
        self, method: str, path: str, *, account: str | None = None, **kwargs: Any
    ) -> dict[str, Any]:
        """Call the emulator's REST API directly, as a Stripe client would."""
        headers = {"Authorization": f"Bearer {self.key}"}
        if account is not None:
            headers["Stripe-Account"] = account
        async with httpx.AsyncClient(base_url=self.url, headers=headers) as client:
            response = await client.request(method, path, **kwargs)
            result: dict[str, Any] = response.json()
            return result

    async def new_session(
        self, *, customer: str | None = None, account: str | None = None, **extra: str
    ) -> dict[str, Any]:
        """An open payment session of one line item, made over REST; `extra` is more form."""
        form = {
            "mode": "payment",
            "success_url": "https://example.com/done",
            "line_items[0][quantity]": "1",
            "line_items[0][price_data][currency]": "usd",
            "line_items[0][price_data][unit_amount]": "1200",
            "line_items[0][price_data][product_data][name]": "Mug",
        }
        if customer is not None:
            form["customer"] = customer
        form.update(extra)
        return await self.rest("POST", "/v1/checkout/sessions", account=account, data=form)


@pytest.fixture(scope="session")
def upstream() -> Iterator[Upstream]:
    with serve(create_emulator(EmulatorOptions())) as url:
        yield Upstream(url=url, key=fake_key())


@pytest.fixture(scope="session")
def gateway_url(upstream: Upstream) -> Iterator[str]:
    with serve(create_app(upstream.gateway_settings())) as url:
        yield url


class GraphQLClient:
    """Posts GraphQL operations to a running gateway over HTTP."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def execute(self, query: str, **variables: Any) -> dict[str, Any]:
        response = await self.http.post("/graphql", json={"query": query, "variables": variables})
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    async def data(self, query: str, **variables: Any) -> dict[str, Any]:
        """Execute and insist on no errors."""
        result = await self.execute(query, **variables)
        assert "errors" not in result, result["errors"]
        data: dict[str, Any] = result["data"]
        return data


@pytest.fixture
async def http(gateway: str) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the gateway a test module serves as its own `gateway` fixture."""
    async with httpx.AsyncClient(base_url=gateway, timeout=30) as client:
        yield client


@pytest.fixture
async def gql(gateway_url: str) -> AsyncIterator[GraphQLClient]:
    async with httpx.AsyncClient(base_url=gateway_url, timeout=30) as http:
        yield GraphQLClient(http)


@pytest.fixture
async def context() -> AsyncIterator[Context]:
    """A resolver context as the gateway makes one, for a caller who may do anything, over a
    store that is never asked for anything: the engine tests' toy schemas call no Stripe."""
    client = StripeClient(StripeSettings(api_key="sk_test_unused"))
    try:
        store = SessionStore(client, ResponseCache(CacheSettings(url="off")))
        yield Context(loaders=CheckoutLoaders(store), caller=Caller("test", ALL_SCOPES))
    finally:
        await client.aclose()

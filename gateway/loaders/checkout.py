"""Per-request access to Checkout Sessions: batched, deduplicated, cached, bounded."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import quote

from strawberry.dataloader import DataLoader

from gateway.loaders.cache import ResponseCache
from gateway.stripe import StripeAPIError, StripeClient, StripeObject

SESSIONS_PATH = "/v1/checkout/sessions"

T = TypeVar("T")


@dataclass(frozen=True)
class PageRequest:
    """One page of a Stripe list, in Stripe's own pagination terms."""

    limit: int
    starting_after: str | None = None
    ending_before: str | None = None

    def params(self) -> dict[str, Any]:
        return {
            "limit": self.limit,
            "starting_after": self.starting_after,
            "ending_before": self.ending_before,
        }


def _session_path(session_id: str) -> str:
    # Ids come from clients: quoting keeps one from reaching another path.
    return f"{SESSIONS_PATH}/{quote(session_id, safe='')}"


class CheckoutLoaders:
    """Everything one GraphQL operation reads or writes, so it never fetches a thing twice.

    Made fresh for each request; the response cache behind it is shared across requests.
    """

    def __init__(
        self, client: StripeClient, cache: ResponseCache, *, account: str | None = None
    ) -> None:
        self._client = client
        self._cache = cache
        self._account = account
        self._scope = cache.scope(client.settings, account)
        self._slots = asyncio.Semaphore(client.settings.max_concurrency)
        self._expand: set[str] = set()
        self._sessions: DataLoader[str, StripeObject | None] = DataLoader(self._load_sessions)
        self._line_items: DataLoader[tuple[str, PageRequest], StripeObject] = DataLoader(
            self._load_line_items
        )

    async def session(
        self, session_id: str, *, with_line_items: bool = False
    ) -> StripeObject | None:
        """The session with this id, or None when Stripe has no such session."""
        if not session_id.strip():
            return None
        if with_line_items:
            self._expand.add(session_id)
        return await self._sessions.load(session_id)

    async def sessions(
        self, params: Mapping[str, Any], *, with_line_items: bool = False
    ) -> StripeObject:
        """A page of sessions; each one is kept so later reads of it in this operation are free."""
        query = dict(params)
        if with_line_items:
            query["expand"] = ["data.line_items"]
        page = await self._bounded(
            lambda: self._client.get(SESSIONS_PATH, query, account=self._account)
        )
        for session in page.get("data", []):
            self._remember(session)
        return page

    async def line_items(self, session_id: str, page: PageRequest) -> StripeObject:
        """A page of a session's line items; line items never change once a session exists."""
        return await self._line_items.load((session_id, page))

    async def create_session(
        self, params: Mapping[str, Any], *, idempotency_key: str | None, with_line_items: bool
    ) -> StripeObject:
        body = dict(params)
        if with_line_items:
            body["expand"] = ["line_items"]
        session = await self._client.post(
            SESSIONS_PATH, body, account=self._account, idempotency_key=idempotency_key
        )
        await self._store(session)
        return session

    async def expire_session(self, session_id: str, *, with_line_items: bool) -> StripeObject:
        body = {"expand": ["line_items"]} if with_line_items else {}
        session = await self._client.post(
            f"{_session_path(session_id)}/expire", body, account=self._account
        )
        await self._store(session)
        return session

    def _key(self, *parts: str) -> str:
        return ":".join(("checkout-gateway", self._scope, *parts))

    def _remember(self, session: StripeObject) -> None:
        self._sessions.prime(session["id"], session, force=True)

    async def _store(self, session: StripeObject) -> None:
        self._remember(session)
        await self._cache.set(self._key("session", session["id"]), session)

    async def _bounded(self, call: Callable[[], Awaitable[T]]) -> T:
        async with self._slots:
            return await call()

    async def _load_sessions(self, ids: Sequence[str]) -> list[StripeObject | BaseException | None]:
        results = await asyncio.gather(
            *(self._fetch_session(i) for i in ids), return_exceptions=True
        )
        return list(results)

    async def _fetch_session(self, session_id: str) -> StripeObject | None:
        key = self._key("session", session_id)
        expand = session_id in self._expand
        cached = await self._cache.get(key)
        if cached is not None and (not expand or cached.get("line_items") is not None):
            return cached
        params = {"expand": ["line_items"]} if expand else {}
        try:
            session = await self._bounded(
                lambda: self._client.get(_session_path(session_id), params, account=self._account)
            )
        except StripeAPIError as exc:
            if exc.status == 404:
                return None
            raise
        await self._cache.set(key, session)
        return session

    async def _load_line_items(
        self, keys: Sequence[tuple[str, PageRequest]]
    ) -> list[StripeObject | BaseException]:
        results = await asyncio.gather(
            *(self._fetch_line_items(*k) for k in keys), return_exceptions=True
        )
        return list(results)

    async def _fetch_line_items(self, session_id: str, page: PageRequest) -> StripeObject:
        key = self._key(
            "line_items",
            session_id,
            str(page.limit),
            page.starting_after or "",
            page.ending_before or "",
        )
        cached = await self._cache.get(key)
        if cached is not None:
            return cached
        result = await self._bounded(
            lambda: self._client.get(
                f"{_session_path(session_id)}/line_items", page.params(), account=self._account
            )
        )
        await self._cache.set(key, result)
        return result

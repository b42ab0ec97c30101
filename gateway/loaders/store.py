"""The process-wide way to Checkout Sessions: cached, coalesced, with lifetimes by status."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any
from urllib.parse import quote

from gateway.loaders.cache import ResponseCache
from gateway.loaders.flight import SingleFlight
from gateway.stripe import (
    CallBudget,
    Keys,
    StripeAPIError,
    StripeClient,
    StripeConnectionError,
    StripeError,
    StripeObject,
    StripeRateLimited,
    list_of,
)
from gateway.telemetry import Telemetry

SESSIONS_PATH = "/v1/checkout/sessions"
# Stripe expands the first ten line items of a session it is asked to `expand[]=line_items`.
EXPANDED_LINE_ITEMS = 10


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


def owned_by(session: StripeObject, customer: str | None) -> bool:
    """Whether a session belongs to `customer`; every session does when there is none."""
    if customer is None:
        return True
    owner = session.get("customer")
    if isinstance(owner, dict):
        owner = owner.get("id")
    return owner == customer


def session_path(session_id: str) -> str:
    # Ids come from clients: quoting keeps one from reaching another path.
    return f"{SESSIONS_PATH}/{quote(session_id, safe='')}"


class SessionStore:
    """Reads and writes sessions for every request of the process.

    A read is answered from the cache when it can be; otherwise identical reads in flight at
    the same moment share one call to Stripe. What Stripe returns is cached for as long as its
    status allows, and what a mutation returns replaces the cached copy at once.
    """

    def __init__(
        self, client: StripeClient, cache: ResponseCache, telemetry: Telemetry | None = None
    ) -> None:
        self._client = client
        self._cache = cache
        self._flights = SingleFlight()
        self._telemetry = telemetry = telemetry or Telemetry()
        # With the cache off there are no hits to count, nor misses.
        self._cached = cache.settings.enabled
        self._shared = {
            kind: partial(telemetry.shared_call, kind) for kind in ("session", "list", "line_items")
        }
        self._scopes: dict[str | None, str] = {}

    @property
    def max_concurrency(self) -> int:
        return self._client.settings.max_concurrency

    async def session(
        self,
        session_id: str,
        *,
        expand: bool,
        account: str | None,
        customer: str | None = None,
        budget: CallBudget | None = None,
    ) -> StripeObject | None:
        """The session, with its first page of line items if `expand`; None if there is none.

        With a `customer`, another customer's session is None too, and costs what a missing
        one does: a cached copy counts only when it is the customer's own, so neither the
        answer nor its timing tells an existing session from a missing one.
        """
        key = self._key(account, "session", session_id)
        cached = await self._cache.get(key)
        if (
            cached is not None
            and (not expand or cached.get("line_items") is not None)
            and owned_by(cached, customer)
        ):
            self._telemetry.cache_read("session", hit=True)
            return cached
        if self._cached:
            self._telemetry.cache_read("session", hit=False)

        async def fetch() -> StripeObject | None:
            params = {"expand": ["line_items"]} if expand else {}
            try:
                session = await self._client.get(
                    session_path(session_id), params, account=account, budget=budget
                )
            except StripeAPIError as exc:
                if exc.status == 404:
                    return None
                raise
            await self.put(session, account=account)
            return session

        try:
            session = await self._flights.run(
                (key, expand), fetch, self._shared["session"], retryable=_worth_retrying
            )
        except StripeError as exc:
            if not (_worth_retrying(exc) or isinstance(exc, StripeRateLimited)):
                raise
            last = await self._last_copy(key, expand, customer)
            if last is None:
                raise
            return last
        return session if session is not None and owned_by(session, customer) else None

    async def sessions(
        self,
        params: Mapping[str, Any],
        *,
        account: str | None,
        budget: CallBudget | None = None,
        keys: Keys | None = None,
    ) -> StripeObject:
        """A page of the session list; lists are never cached, as any create changes them.

        With `keys`, each session holds those keys at least: the rest may be left out.
        """
        page_keys = None if keys is None else list_of(keys)
        return await self._flights.run(
            (self._key(account, "list"), repr(sorted(params.items())), page_keys),
            lambda: self._client.get(
                SESSIONS_PATH, params, account=account, budget=budget, keys=page_keys
            ),
            self._shared["list"],
            retryable=_worth_retrying,
        )

    async def line_items(
        self,
        session_id: str,
        page: PageRequest,
        *,
        account: str | None,
        budget: CallBudget | None = None,
    ) -> StripeObject:
        key = self._key(
            account,
            "line_items",
            session_id,
            str(page.limit),
            page.starting_after or "",
            page.ending_before or "",
        )
        cached = await self._cache.get(key)
        if self._cached:
            self._telemetry.cache_read("line_items", hit=cached is not None)
        if cached is not None:
            return cached

        async def fetch() -> StripeObject:
            path = f"{session_path(session_id)}/line_items"
            result = await self._client.get(path, page.params(), account=account, budget=budget)
            await self._cache.set(key, result, self._cache.settings.line_items_ttl)
            return result

        return await self._flights.run(
            key, fetch, self._shared["line_items"], retryable=_worth_retrying
        )

    async def create(
        self,
        params: Mapping[str, Any],
        *,
        idempotency_key: str | None,
        account: str | None,
        budget: CallBudget | None = None,
    ) -> StripeObject:
        session = await self._client.post(
            SESSIONS_PATH, params, account=account, idempotency_key=idempotency_key, budget=budget
        )
        await self.put(session, account=account)
        return session

    async def expire(
        self,
        session_id: str,
        params: Mapping[str, Any],
        *,
        account: str | None,
        budget: CallBudget | None = None,
    ) -> StripeObject:
        session = await self._client.post(
            f"{session_path(session_id)}/expire", params, account=account, budget=budget
        )
        await self.put(session, account=account)
        return session

    async def update(
        self,
        session_id: str,
        params: Mapping[str, Any],
        *,
        idempotency_key: str | None,
        account: str | None,
        budget: CallBudget | None = None,
    ) -> StripeObject:
        """Change an open session at Stripe and cache the session it answers with.

        The gateway changes what a session holds through this method alone, so once it returns
        the session as Stripe has just accepted it is here, and nowhere else, to act on.
        """
        session = await self._client.post(
            session_path(session_id),
            params,
            account=account,
            idempotency_key=idempotency_key,
            budget=budget,
        )
        await self.put(session, account=account)
        return session

    async def put(self, session: StripeObject, *, account: str | None) -> None:
        """Cache a session Stripe has just returned, replacing any older copy.

        A session that can change no more is also kept as a last copy, for
        `CACHE_STALE_IF_ERROR` seconds past its freshness, to answer with while Stripe fails.
        """
        key = self._key(account, "session", session["id"])
        ttl = self.session_ttl(session)
        await self._cache.set(key, session, ttl)
        stale_for = self._cache.settings.stale_if_error
        if stale_for > 0 and _settled(session):
            copy = {"at": time.time(), "session": session}
            await self._cache.set(f"{key}:last", copy, ttl + stale_for)

    async def _last_copy(self, key: str, expand: bool, customer: str | None) -> StripeObject | None:
        """The last copy of a settled session, when Stripe cannot be asked; its age goes on the
        request's record, for the response and the metrics to say."""
        copy = await self._cache.get(f"{key}:last")
        if copy is None:
            return None
        session: StripeObject = copy["session"]
        if (expand and session.get("line_items") is None) or not owned_by(session, customer):
            return None
        self._telemetry.stale_answer(time.time() - float(copy["at"]))
        return session

    async def refetch(self, session_id: str, *, account: str | None) -> StripeObject | None:
        """The session as Stripe has it now, with its line items, cached in place of any copy.

        Unlike `session`, this joins no read already in flight: one that started before a
        change Stripe has just announced could return the session as it was.
        """
        try:
            session = await self._client.get(
                session_path(session_id), {"expand": ["line_items"]}, account=account
            )
        except StripeAPIError as exc:
            if exc.status == 404:
                return None
            raise
        await self.put(session, account=account)
        return session

    async def forget(self, session_id: str, *, account: str | None) -> None:
        """Drop the cached copy of a session that Stripe says has changed."""
        await self._cache.delete(self._key(account, "session", session_id))

    def session_ttl(self, session: StripeObject) -> float:
        """Seconds this session may be served from the cache, chosen by how settled it is.

        A completed session whose payment is still pending (a bank debit, say) can still turn
        paid or fail, so it is treated as open.
        """
        settings = self._cache.settings
        status = session.get("status")
        if status == "expired":
            return settings.expired_ttl
        if status == "complete" and session.get("payment_status") != "unpaid":
            return settings.complete_ttl
        return settings.open_ttl

    def _key(self, account: str | None, *parts: str) -> str:
        scope = self._scopes.get(account)
        if scope is None:
            scope = self._scopes[account] = ResponseCache.scope(self._client.settings, account)
        return ":".join(("checkout-gateway", scope, *parts))


def _settled(session: StripeObject) -> bool:
    """Whether a session can change no more: expired, or complete and paid (or owing nothing).

    Only such a session is ever answered from a last copy: an open session may have been paid
    since, and a caller shown it open could act on that wrongly.
    """
    status = session.get("status")
    return status == "expired" or (
        status == "complete" and session.get("payment_status") != "unpaid"
    )


def _worth_retrying(exc: BaseException) -> bool:
    """Whether a read that failed so might succeed if made again: Stripe unreachable, or a
    failure on Stripe's side."""
    if isinstance(exc, StripeConnectionError):
        return True
    return isinstance(exc, StripeAPIError) and exc.status >= 500

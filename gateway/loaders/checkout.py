"""Per-request access to Checkout Sessions: batched, deduplicated, bounded."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from functools import partial
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader

from gateway.loaders.store import PageRequest, SessionStore, owned_by
from gateway.stripe import CallBudget, Keys, StripeAPIError, StripeObject

T = TypeVar("T")
K = TypeVar("K")

# What a Checkout Session id looks like; nothing else is sent to Stripe as one, so no id can
# reach another path (`.` or `..` would, once the URL is normalised).
SESSION_ID = re.compile(r"cs_[A-Za-z0-9_]{1,250}")


class CheckoutLoaders:
    """Everything one GraphQL operation reads or writes, so it never fetches a thing twice.

    Made fresh for each request over the process-wide `SessionStore`. Reads of sessions by id
    are batched, so aliases and `_entities` representations of one id cost one read; a session
    that a mutation, or a list read whole, has returned in this operation costs none; and no
    more than `max_concurrency` upstream calls of one operation are in flight at once.

    A caller bound to a `customer` sees that customer's sessions only: another customer's
    session reads as missing, lists are filtered by the customer at Stripe, creates are made
    for the customer, and expiring or updating another customer's session fails as for a
    missing one.
    """

    def __init__(
        self,
        store: SessionStore,
        *,
        account: str | None = None,
        customer: str | None = None,
        budget: CallBudget | None = None,
    ) -> None:
        self._store = store
        self._account = account
        self._customer = customer
        self._budget = budget
        # The data loaders call into `_Reads`, never back into this object: a cycle would
        # keep each request's sessions alive until the garbage collector found it.
        self._reads = _Reads(store, account, customer, budget)
        self._sessions: DataLoader[str, StripeObject | None] = DataLoader(self._reads.load_sessions)
        self._line_items: DataLoader[tuple[str, PageRequest], StripeObject] = DataLoader(
            self._reads.load_line_items
        )

    async def session(
        self, session_id: str, *, with_line_items: bool = False
    ) -> StripeObject | None:
        """The session with this id, or None when Stripe has no such session."""
        if not SESSION_ID.fullmatch(session_id):
            return None
        if with_line_items:
            self._reads.expand.add(session_id)
        return await self._sessions.load(session_id)

    async def sessions(
        self,
        params: Mapping[str, Any],
        *,
        with_line_items: bool = False,
        keys: Keys | None = None,
    ) -> StripeObject:
        """A page of sessions; each one is kept so later reads of it in this operation are free.

        With `keys`, the sessions hold those keys (and their ids and customers) but may lack
        others, so none is kept for later reads: a read by id fetches the whole session.
        """
        query = dict(params)
        if self._customer is not None:
            if query.get("customer") not in (None, self._customer):
                return {"object": "list", "data": [], "has_more": False}
            query["customer"] = self._customer
            # A cursor must be one of the customer's sessions too: Stripe would say whether
            # any other exists.
            for param in ("starting_after", "ending_before"):
                cursor = query.get(param)
                if cursor is not None and await self.session(cursor) is None:
                    raise missing_session(cursor, param)
        if with_line_items:
            query["expand"] = ["data.line_items"]
        # What this object reads of a session, besides what the operation does.
        wanted = None if keys is None else keys.with_whole("id", "customer")
        call = partial(
            self._store.sessions, query, account=self._account, budget=self._budget, keys=wanted
        )
        if wanted is None:
            page = await self._whole_page(call)
        else:
            page = await self._reads.bounded(call)
        if self._customer is not None:
            page = {**page, "data": [s for s in page["data"] if owned_by(s, self._customer)]}
        if keys is None:
            for session in page.get("data", []):
                self._remember(session)
        return page

    async def _whole_page(self, call: Callable[[], Awaitable[StripeObject]]) -> StripeObject:
        """Make the list call; reads by id that start while it is in flight wait for it, since
        it may return their sessions (see load_sessions)."""
        landed = asyncio.get_running_loop().create_future()
        lists_in_flight = self._reads.lists_in_flight
        lists_in_flight.add(landed)
        try:
            return await self._reads.bounded(call)
        finally:
            lists_in_flight.discard(landed)
            landed.set_result(None)

    async def line_items(self, session_id: str, page: PageRequest) -> StripeObject:
        """A page of a session's line items."""
        return await self._line_items.load((session_id, page))

    async def create_session(
        self, params: Mapping[str, Any], *, idempotency_key: str | None, with_line_items: bool
    ) -> StripeObject:
        body = dict(params)
        if self._customer is not None:
            # Made for the bound customer, whatever the input says; Stripe takes no email,
            # customer creation setting or account acting as the customer beside a customer.
            for other in ("customer_email", "customer_creation", "customer_account"):
                body.pop(other, None)
            body["customer"] = self._customer
        if with_line_items:
            body["expand"] = ["line_items"]
        session = await self._store.create(
            body, idempotency_key=idempotency_key, account=self._account, budget=self._budget
        )
        self._remember(session)
        return session

    async def expire_session(self, session_id: str, *, with_line_items: bool) -> StripeObject:
        await self._may_change(session_id)
        body = {"expand": ["line_items"]} if with_line_items else {}
        session = await self._store.expire(
            session_id, body, account=self._account, budget=self._budget
        )
        self._remember(session)
        return session

    async def update_session(
        self,
        session_id: str,
        params: Mapping[str, Any],
        *,
        idempotency_key: str | None,
        with_line_items: bool,
    ) -> StripeObject:
        await self._may_change(session_id)
        body = dict(params)
        if with_line_items:
            body["expand"] = ["line_items"]
        session = await self._store.update(
            session_id,
            body,
            idempotency_key=idempotency_key,
            account=self._account,
            budget=self._budget,
        )
        self._remember(session)
        return session

    async def _may_change(self, session_id: str) -> None:
        """Refuse, as for a missing session, an id that is none or a session of another
        customer; a bound caller's session is read first to know whose it is."""
        if not SESSION_ID.fullmatch(session_id) or (
            self._customer is not None and await self.session(session_id) is None
        ):
            raise missing_session(session_id)

    def _remember(self, session: StripeObject) -> None:
        self._reads.seen[session["id"]] = session
        self._sessions.prime(session["id"], session, force=True)


def missing_session(session_id: str, param: str | None = None) -> StripeAPIError:
    """What a bound caller is told of a session it may not touch, the same as of a missing one:
    a 404 for the session named in the path, a 400 for one named by a parameter."""
    return StripeAPIError(
        f"No such checkout.session: '{session_id}'",
        status=404 if param is None else 400,
        type="invalid_request_error",
        code="resource_missing",
        param=param or "session",
    )


class _Reads:
    """How one operation's batches of reads reach the store."""

    def __init__(
        self,
        store: SessionStore,
        account: str | None,
        customer: str | None,
        budget: CallBudget | None,
    ) -> None:
        self._store = store
        self._account = account
        self._customer = customer
        self._budget = budget
        self._slots = asyncio.Semaphore(store.max_concurrency)
        self.expand: set[str] = set()
        self.seen: dict[str, StripeObject] = {}
        self.lists_in_flight: set[asyncio.Future[None]] = set()

    async def bounded(self, call: Callable[[], Awaitable[T]]) -> T:
        # The call is made only once a slot is held, so a request cancelled while waiting for
        # one leaves no coroutine behind that was never awaited.
        async with self._slots:
            return await call()

    async def load_sessions(self, ids: Sequence[str]) -> list[StripeObject | BaseException | None]:
        # Root fields resolve concurrently: a list asked for beside these ids may be about to
        # return some of them, and waiting for it is cheaper than fetching them again.
        if self.lists_in_flight:
            await asyncio.wait(set(self.lists_in_flight))
        return await _each(self._session, ids)

    async def _session(self, session_id: str) -> StripeObject | None:
        expand = session_id in self.expand
        seen = self.seen.get(session_id)
        if seen is not None and (not expand or seen.get("line_items") is not None):
            return seen
        return await self.bounded(
            lambda: self._store.session(
                session_id,
                expand=expand,
                account=self._account,
                customer=self._customer,
                budget=self._budget,
            )
        )

    async def load_line_items(
        self, keys: Sequence[tuple[str, PageRequest]]
    ) -> list[StripeObject | BaseException]:
        return await _each(lambda key: self._line_items(*key), keys)

    async def _line_items(self, session_id: str, page: PageRequest) -> StripeObject:
        return await self.bounded(
            lambda: self._store.line_items(
                session_id, page, account=self._account, budget=self._budget
            )
        )


async def _each(fetch: Callable[[K], Awaitable[T]], keys: Sequence[K]) -> list[T | BaseException]:
    """Fetch every key concurrently; a failure is returned in its key's place.

    A batch of one, the usual case, is awaited as it is rather than through a task.
    """
    if len(keys) == 1:
        try:
            return [await fetch(keys[0])]
        except Exception as exc:
            return [exc]
    return list(await asyncio.gather(*(fetch(key) for key in keys), return_exceptions=True))

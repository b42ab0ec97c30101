"""In-memory objects, kept apart per account (the `Stripe-Account` header, or the platform)."""

from __future__ import annotations

from bisect import insort
from dataclasses import dataclass, field
from typing import Any, Literal

import orjson

Json = dict[str, Any]
AsyncPayment = Literal["pending", "succeeded", "failed"]


@dataclass(eq=False)
class SessionRecord:
    """A session's JSON (with `line_items` null), its line items, and its rendered bytes.

    `async_payment` tracks a delayed payment (one completed with `delayed`) until it is
    settled. It lives here rather than in `data`, which must keep exactly Stripe's fields.
    """

    seq: int
    data: Json
    line_items: list[Json]
    rendered: bytes | None = None
    async_payment: AsyncPayment | None = None

    @property
    def order(self) -> tuple[int, int]:
        return (self.data["created"], self.seq)

    def changed(self) -> None:
        self.rendered = None

    def render(self) -> bytes:
        if self.rendered is None:
            self.rendered = orjson.dumps(self.data)
        return self.rendered


@dataclass(eq=False)
class Account:
    products: dict[str, Json] = field(default_factory=dict)
    prices: dict[str, Json] = field(default_factory=dict)
    shipping_rates: dict[str, Json] = field(default_factory=dict)
    sessions: dict[str, SessionRecord] = field(default_factory=dict)
    by_created: list[SessionRecord] = field(default_factory=list)
    open_sessions: dict[str, SessionRecord] = field(default_factory=dict)

    def add_session(self, record: SessionRecord) -> None:
        self.sessions[record.data["id"]] = record
        insort(self.by_created, record, key=lambda r: r.order)
        if record.data["status"] == "open":
            self.open_sessions[record.data["id"]] = record

    def overdue(self, now: int) -> list[SessionRecord]:
        return [r for r in self.open_sessions.values() if r.data["expires_at"] <= now]


class Store:
    """Accounts by id; `None` is the platform account used when no `Stripe-Account` is sent."""

    def __init__(self) -> None:
        self.accounts: dict[str | None, Account] = {}
        self._seq = 0

    def account(self, account_id: str | None) -> Account:
        found = self.accounts.get(account_id)
        if found is None:
            found = self.accounts[account_id] = Account()
        return found

    def next_seq(self) -> int:
        self._seq += 1
        return self._seq

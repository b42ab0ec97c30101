"""Everything one emulator instance holds, and the lifecycle steps that also send events."""

from __future__ import annotations

from stripe_emulator import sessions
from stripe_emulator.clock import Clock
from stripe_emulator.counters import RequestCounters
from stripe_emulator.faults import Faults
from stripe_emulator.idempotency import IdempotencyKeys
from stripe_emulator.options import EmulatorOptions
from stripe_emulator.store import Account, SessionRecord, Store
from stripe_emulator.webhooks import Webhooks, WebhookSettings


class Emulator:
    def __init__(self, options: EmulatorOptions) -> None:
        self.options = options
        self.store = Store()
        self.clock = Clock()
        self.faults = Faults(options)
        self.counters = RequestCounters()
        self.idempotency = IdempotencyKeys()
        self.webhooks = Webhooks(WebhookSettings.from_options(options))

    def find_session(self, account: Account, session_id: str) -> SessionRecord | None:
        """Look a session up, expiring it first if the clock has passed its `expires_at`."""
        record = account.sessions.get(session_id)
        if record is not None and record.data["status"] == "open":
            now = self.clock.now()
            if record.data["expires_at"] <= now:
                self.expire(account, record)
        return record

    def sweep(self, account: Account) -> None:
        for record in account.overdue(self.clock.now()):
            self.expire(account, record)

    def sweep_all(self) -> None:
        for account in list(self.store.accounts.values()):
            self.sweep(account)

    def expire(
        self,
        account: Account,
        record: SessionRecord,
        request_id: str | None = None,
        idempotency_key: str | None = None,
    ) -> None:
        now = self.clock.now()
        sessions.expire(record, now)
        account.open_sessions.pop(record.data["id"], None)
        self.webhooks.emit(
            "checkout.session.expired", record.data, now, request_id, idempotency_key
        )

    def complete(
        self,
        account: Account,
        record: SessionRecord,
        email: str | None,
        name: str | None,
        request_id: str | None = None,
        delayed: bool = False,
    ) -> None:
        sessions.complete(record, email, name, delayed)
        account.open_sessions.pop(record.data["id"], None)
        self.webhooks.emit("checkout.session.completed", record.data, self.clock.now(), request_id)

    def settle(self, record: SessionRecord, succeeded: bool, request_id: str | None = None) -> None:
        sessions.settle(record, succeeded)
        event = "async_payment_succeeded" if succeeded else "async_payment_failed"
        self.webhooks.emit(f"checkout.session.{event}", record.data, self.clock.now(), request_id)

"""A replica's hub: who hears which event, catching up per account, and a subscriber that
falls behind."""

from __future__ import annotations

import asyncio

import pytest

from gateway.live import PAYMENT_FAILED, Hub, SessionEvent, SubscriberBehind
from gateway.live.hub import QUEUE_SIZE


def event(session_id: str, account: str | None = None, kind: str = "x") -> SessionEvent:
    return SessionEvent(f"evt_{session_id}_{kind}", kind, session_id, account, 0)


async def never(session_id: str) -> bool:
    return False


async def test_catching_up_reads_each_session_under_each_account_watching_it() -> None:
    reads: list[tuple[str, str | None]] = []

    async def refresh(session_id: str, account: str | None) -> None:
        reads.append((session_id, account))

    hub = Hub(refresh, never)
    async with (
        hub.subscribe("cs_1", None),
        hub.subscribe("cs_1", "acct_other"),
        hub.subscribe("cs_2", None),
        hub.subscribe(None),
    ):
        await hub.catch_up()
        await asyncio.sleep(0.05)
    await hub.close()
    assert sorted(reads, key=str) == sorted(
        [("cs_1", None), ("cs_1", "acct_other"), ("cs_2", None)], key=str
    )


async def test_an_event_reaches_the_sessions_watchers_of_its_account_and_everyone() -> None:
    hub = Hub(lambda *_: asyncio.sleep(0), never)
    async with (
        hub.subscribe("cs_1", None) as mine,
        hub.subscribe("cs_1", "acct_other") as other_account,
        hub.subscribe(None) as everything,
    ):
        hub.deliver(event("cs_1"))
        assert (await mine.next()).session_id == "cs_1"
        assert (await everything.next()).session_id == "cs_1"
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(other_account.next(), 0.05)


async def test_a_failed_payment_is_remembered() -> None:
    hub = Hub(lambda *_: asyncio.sleep(0), never)
    assert not await hub.payment_failed("cs_1")
    hub.deliver(event("cs_1", kind=PAYMENT_FAILED))
    assert await hub.payment_failed("cs_1")


async def test_a_subscriber_that_falls_behind_is_ended() -> None:
    hub = Hub(lambda *_: asyncio.sleep(0), never)
    async with hub.subscribe(None) as slow:
        for n in range(QUEUE_SIZE + 5):
            hub.deliver(event(f"cs_{n}"))
        for _ in range(QUEUE_SIZE - 1):
            await slow.next()
        with pytest.raises(SubscriberBehind):
            await slow.next()

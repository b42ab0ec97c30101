"""Single flight: one call per key at a time, whoever asks and whoever gives up."""

from __future__ import annotations

import asyncio

import pytest

from gateway.loaders.flight import SingleFlight
from gateway.stripe import CallsExhausted


class Upstream:
    """Counts calls, and answers each only when the test says so."""

    def __init__(self) -> None:
        self.calls = 0
        self.answer: asyncio.Event = asyncio.Event()

    async def read(self) -> str:
        self.calls += 1
        await self.answer.wait()
        return f"answer {self.calls}"


async def test_concurrent_callers_share_one_call() -> None:
    flights, upstream = SingleFlight(), Upstream()
    waiting = [asyncio.create_task(flights.run("k", upstream.read)) for _ in range(5)]
    await asyncio.sleep(0)
    upstream.answer.set()
    assert await asyncio.gather(*waiting) == ["answer 1"] * 5
    assert upstream.calls == 1


async def test_a_waiter_that_gives_up_leaves_the_call_to_the_others() -> None:
    flights, upstream = SingleFlight(), Upstream()
    leader = asyncio.create_task(flights.run("k", upstream.read))
    await asyncio.sleep(0)
    quitter = asyncio.create_task(flights.run("k", upstream.read))
    await asyncio.sleep(0)
    quitter.cancel()
    upstream.answer.set()
    assert await leader == "answer 1"
    with pytest.raises(asyncio.CancelledError):
        await quitter
    assert upstream.calls == 1


async def test_when_the_caller_gives_up_a_waiter_calls_again() -> None:
    flights, upstream = SingleFlight(), Upstream()
    leader = asyncio.create_task(flights.run("k", upstream.read))
    await asyncio.sleep(0)
    follower = asyncio.create_task(flights.run("k", upstream.read))
    await asyncio.sleep(0)
    leader.cancel()
    await asyncio.sleep(0)
    upstream.answer.set()
    assert await follower == "answer 2"
    assert upstream.calls == 2
    assert leader.cancelled()


async def test_failures_reach_every_waiter_and_are_not_kept() -> None:
    flights = SingleFlight()
    calls = 0

    async def failing() -> str:
        nonlocal calls
        calls += 1
        await asyncio.sleep(0)
        raise RuntimeError("upstream down")

    results = await asyncio.gather(
        *(flights.run("k", failing) for _ in range(3)), return_exceptions=True
    )
    assert [str(result) for result in results] == ["upstream down"] * 3
    assert calls == 1
    with pytest.raises(RuntimeError):
        await flights.run("k", failing)
    assert calls == 2


async def test_when_the_callers_budget_stops_the_call_a_waiter_calls_again() -> None:
    flights, upstream = SingleFlight(), Upstream()

    async def out_of_calls() -> str:
        await asyncio.sleep(0)
        raise CallsExhausted("no calls left for the leader's operation")

    leader = asyncio.create_task(flights.run("k", out_of_calls))
    await asyncio.sleep(0)
    follower = asyncio.create_task(flights.run("k", upstream.read))
    upstream.answer.set()
    with pytest.raises(CallsExhausted):
        await leader
    assert await follower == "answer 1"


class Broken(Exception):
    """A failure worth trying again."""


async def test_a_failed_call_fails_its_leader_and_is_made_again_once_for_its_waiters() -> None:
    flights, upstream = SingleFlight(), Upstream()
    failures = [Broken("first")]

    async def read() -> str:
        upstream.calls += 1
        call = upstream.calls
        await upstream.answer.wait()
        # A call takes a while: whoever asks meanwhile joins it.
        await asyncio.sleep(0.01)
        if call == 1:
            raise failures[0]
        return f"answer {call}"

    def retryable(exc: BaseException) -> bool:
        return isinstance(exc, Broken)

    runs = [asyncio.create_task(flights.run("k", read, retryable=retryable)) for _ in range(4)]
    await asyncio.sleep(0)
    upstream.answer.set()
    results = await asyncio.gather(*runs, return_exceptions=True)
    assert results[0] is failures[0]
    # The waiters shared one call of their own, as each would have made one alone.
    assert results[1:] == ["answer 2"] * 3
    assert upstream.calls == 2


async def test_a_failure_not_worth_retrying_fails_every_waiter() -> None:
    flights, upstream = SingleFlight(), Upstream()
    refused = ValueError("refused")

    async def read() -> str:
        upstream.calls += 1
        await upstream.answer.wait()
        raise refused

    runs = [asyncio.create_task(flights.run("k", read)) for _ in range(3)]
    await asyncio.sleep(0)
    upstream.answer.set()
    assert await asyncio.gather(*runs, return_exceptions=True) == [refused] * 3
    assert upstream.calls == 1

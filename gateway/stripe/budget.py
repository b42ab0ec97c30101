"""One operation's allowance of Stripe calls: until when they may start, and how many it made."""

from __future__ import annotations

import asyncio
import time
from typing import Protocol

from gateway.stripe.errors import StripeError


class CallsStopped(StripeError):
    """The operation ran out of time, or its client went away: it makes no more calls."""


class CallsExhausted(CallsStopped):
    """The operation has made as many calls as its cost allowed; it makes no more."""


class CallGuard(Protocol):
    """A limit on calls shared by every operation (Stripe's per-account rate limit)."""

    async def admit(self, within: float) -> bool:
        """Whether a call may start now, waiting at most `within` seconds for it to."""
        ...


class CallBudget:
    """Counts an operation's calls and stops them when its deadline passes or it is closed.

    Each call registers the task making it, so that closing the budget (the operation ended,
    timed out, or lost its client) cancels calls still running in other tasks, such as a
    DataLoader's batch, and no call starts after it. An operation is allowed `max_calls`,
    the most its cost analysis says it can make: should it ever want more, it gets none.
    """

    __slots__ = ("_closed", "_tasks", "calls", "deadline", "max_calls")

    def __init__(self, seconds: float, max_calls: int | None = None) -> None:
        self.deadline = time.monotonic() + seconds
        self.max_calls = max_calls
        self.calls = 0
        self._closed = False
        self._tasks: dict[asyncio.Task[object], int] = {}

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def enter(self) -> None:
        """Count a call about to start; refused once the budget is closed or spent."""
        if self._closed or self.remaining() <= 0:
            raise CallsStopped("The operation's time is up: no more calls to Stripe.")
        if self.max_calls is not None and self.calls >= self.max_calls:
            raise CallsExhausted("The operation has made every call its cost allowed.")
        self.calls += 1
        task = asyncio.current_task()
        if task is not None:
            self._tasks[task] = self._tasks.get(task, 0) + 1

    def leave(self) -> None:
        task = asyncio.current_task()
        if task is None or task not in self._tasks:
            return
        if self._tasks[task] == 1:
            del self._tasks[task]
        else:
            self._tasks[task] -= 1

    def close(self) -> None:
        """Stop the operation's calls: those running in other tasks are cancelled."""
        self._closed = True
        current = asyncio.current_task()
        for task in list(self._tasks):
            if task is not current:
                task.cancel()
        self._tasks.clear()

"""Single flight: concurrent identical reads share one upstream call."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, TypeVar

from gateway.stripe import CallsStopped

T = TypeVar("T")


class SingleFlight:
    """Runs one call per key at a time; whoever asks while it runs waits for the same result.

    Shared by every request of the process, so a burst of clients reading the same session
    costs Stripe one request. The first to ask makes the call itself, in its own task, so
    the common case (nobody else asking) costs no task of its own. If that request is
    cancelled (its client went away), or its operation's budget stops the call, the call goes
    with it, and whoever was waiting for it makes the call again; a waiter that gives up
    changes nothing for the others.

    A call that fails in a way worth trying again (`retryable`) fails its leader, who spent
    its tries on it, but not its waiters: each gets the one call a read of its own would have
    made, shared again among them, so sharing never fails a read that alone would not have.
    """

    def __init__(self) -> None:
        self._calls: dict[Hashable, asyncio.Future[Any]] = {}

    async def run(
        self,
        key: Hashable,
        call: Callable[[], Awaitable[T]],
        shared: Callable[[], None] | None = None,
        retryable: Callable[[BaseException], bool] = lambda exc: False,
    ) -> T:
        """`call()`'s result, from a call of this key's already in flight if there is one
        (which `shared`, if given, is told of)."""
        tried = False
        while True:
            flight: asyncio.Future[T] | None = self._calls.get(key)
            if flight is None:
                return await self._lead(key, call)
            try:
                result = await asyncio.shield(flight)
            except asyncio.CancelledError:
                task = asyncio.current_task()
                if not flight.cancelled() or (task is not None and task.cancelling()):
                    raise
                # The request making the call was cancelled, not this one: call again.
                continue
            except CallsStopped:
                # The leader's operation ran out of time or calls: that says nothing of this
                # one's, which makes the call itself.
                continue
            except Exception as exc:
                if tried or not retryable(exc):
                    raise
                # The leader's call failed: this waiter has not tried yet.
                tried = True
                continue
            if shared is not None:
                shared()
            return result

    async def _lead(self, key: Hashable, call: Callable[[], Awaitable[T]]) -> T:
        flight: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        self._calls[key] = flight
        try:
            result = await call()
        except asyncio.CancelledError:
            flight.cancel()
            raise
        except BaseException as exc:
            flight.set_exception(exc)
            # Marked as seen, so a failure nobody else waited for is not logged as unhandled.
            flight.exception()
            raise
        finally:
            del self._calls[key]
        flight.set_result(result)
        return result

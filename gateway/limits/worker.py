"""A thread of its own for CPU-heavy work, so that the event loop keeps serving meanwhile."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")


class Worker:
    """Runs functions on one thread, one after another.

    Preparing a large document or introspecting the schema takes tens of milliseconds of pure
    Python. On this thread it holds the interpreter for at most a switch interval (5 ms) at a
    time, so requests on the event loop wait that long, not the whole time; and with a single
    thread, heavy requests queue behind each other instead of crowding out the loop.
    """

    def __init__(self) -> None:
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gateway-worker")

    async def run(self, function: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._thread, function)

    def close(self) -> None:
        self._thread.shutdown(wait=False, cancel_futures=True)

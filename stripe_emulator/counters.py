"""Counts of `/v1` requests by method and route template, for tests and benchmarks."""

from __future__ import annotations

from collections import Counter
from typing import Any


class RequestCounters:
    """Requests per route, and the most that were in progress at once.

    The peak shows whether a client really sends its calls concurrently, and whether it keeps
    to its own limit, without timing anything.
    """

    def __init__(self) -> None:
        self._routes: Counter[str] = Counter()
        self._in_flight = 0
        self._peak = 0

    def enter(self, route: str) -> None:
        self._routes[route] += 1
        self._in_flight += 1
        self._peak = max(self._peak, self._in_flight)

    def leave(self) -> None:
        self._in_flight -= 1

    def reset(self) -> None:
        self._routes.clear()
        self._peak = self._in_flight

    def as_json(self) -> dict[str, Any]:
        return {
            "total": self._routes.total(),
            "routes": dict(self._routes),
            "peak_in_flight": self._peak,
        }

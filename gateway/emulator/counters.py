"""Counts of `/v1` requests by method and route template, for tests and benchmarks."""

from __future__ import annotations

from collections import Counter
from typing import Any


class RequestCounters:
    def __init__(self) -> None:
        self._routes: Counter[str] = Counter()

    def hit(self, route: str) -> None:
        self._routes[route] += 1

    def reset(self) -> None:
        self._routes.clear()

    def as_json(self) -> dict[str, Any]:
        return {"total": self._routes.total(), "routes": dict(self._routes)}

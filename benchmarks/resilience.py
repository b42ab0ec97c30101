"""What clients see when Stripe or Redis misbehave: how many reads succeed with a fifth of
Stripe's calls failing, with and without identical reads overlapping, and what a Redis that
accepts connections but never answers adds to the p99 of reads.

Each gateway makes one try per call (STRIPE_MAX_RETRIES=0), so the success rate shows what
sharing a call does to a read's chances rather than what retries hide.
"""

from __future__ import annotations

import asyncio
import statistics
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

import httpx

from benchmarks.operability import WORKERS_CACHE
from benchmarks.processes import free_port
from benchmarks.upstream import Dataset

if TYPE_CHECKING:
    from benchmarks.suite import Run

FAULTS = 0.2
READS = 500
GROUP = 10
LATENCY_READS = 400
# The most a hung Redis may add to the p99 of reads once the gateway stopped asking it.
HUNG_TARGET_MS = 10.0
READ = "query($id: ID!) { checkoutSession(id: $id) { id status } }"


@dataclass(frozen=True)
class ResilienceResult:
    apart: float
    overlapping: float
    healthy_p99_ms: float
    hung_p99_ms: float

    @property
    def passed(self) -> bool:
        rates = self.overlapping >= self.apart - (1 - self.apart) * 0.5
        return rates and self.hung_p99_ms - self.healthy_p99_ms <= HUNG_TARGET_MS


def run_resilience(run: Run, data: Dataset) -> ResilienceResult:
    ids = list(data.ids)
    extra = {"STRIPE_MAX_RETRIES": "0"}
    with run.gateway("off", extra) as gateway:
        run.emulator.http.post(
            "/_emulator/config", json={"failure_rate": FAULTS, "failure_kinds": ["server_error"]}
        )
        try:
            apart, overlapping = asyncio.run(_success_rates(gateway.url, ids))
        finally:
            run.emulator.http.post("/_emulator/config", json={"failure_rate": 0.0})
    with run.gateway(WORKERS_CACHE, extra) as gateway:
        healthy = asyncio.run(_p99(gateway.url, ids))
    with hung_redis() as port, run.gateway(f"redis://127.0.0.1:{port}/0", extra) as gateway:
        hung = asyncio.run(_p99(gateway.url, ids))
    return ResilienceResult(apart, overlapping, healthy, hung)


async def _success_rates(url: str, ids: list[str]) -> tuple[float, float]:
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:

        async def ok(session_id: str) -> bool:
            body = {"query": READ, "variables": {"id": session_id}}
            return "errors" not in (await client.post("/graphql", json=body)).json()

        apart = []
        for start in range(0, READS, GROUP):
            apart += await asyncio.gather(*(ok(i) for i in ids[start : start + GROUP]))
        overlapping = []
        for group in range(READS // GROUP):
            same = ids[group % len(ids)]
            overlapping += await asyncio.gather(*(ok(same) for _ in range(GROUP)))
    return sum(apart) / len(apart), sum(overlapping) / len(overlapping)


async def _p99(url: str, ids: list[str]) -> float:
    """The p99 of reads one after another, after as many again to warm up (and to let a
    circuit breaker open on a hung cache)."""
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        times = []
        for n in range(2 * LATENCY_READS):
            body = {"query": READ, "variables": {"id": ids[n % len(ids)]}}
            started = time.perf_counter()
            await client.post("/graphql", json=body)
            if n >= LATENCY_READS:
                times.append((time.perf_counter() - started) * 1000)
    return statistics.quantiles(times, n=100)[98]


@contextmanager
def hung_redis() -> Iterator[int]:
    """A server that takes connections and what is sent on them, and never answers."""
    port = free_port()
    loop = asyncio.new_event_loop()
    started = threading.Event()

    async def swallow(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while await reader.read(1024):
            pass

    async def serve() -> None:
        server = await asyncio.start_server(swallow, "127.0.0.1", port)
        started.set()
        async with server:
            await server.serve_forever()

    thread = threading.Thread(target=lambda: loop.run_until_complete(serve()), daemon=True)
    thread.start()
    started.wait(10)
    try:
        yield port
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=5)


def resilience_lines(result: ResilienceResult | None) -> list[str]:
    if result is None:
        return []
    return [
        f"- Resilience (one try per call): with {FAULTS:.0%} of Stripe's calls failing, "
        f"{result.apart:.1%} of {READS} distinct reads succeeded and {result.overlapping:.1%} "
        f"of {READS} reads in overlapping groups of {GROUP}; reads' p99 "
        f"{result.healthy_p99_ms:.1f} ms with Redis healthy, {result.hung_p99_ms:.1f} ms with "
        f"a Redis that never answers (target within {HUNG_TARGET_MS:.0f} ms): "
        f"{'pass' if result.passed else 'FAIL'}"
    ]

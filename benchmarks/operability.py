"""What running in production costs: CPU per request with tracing on beside off, and workload
1's throughput with two worker processes beside one.

Tracing exports every span over OTLP/HTTP, in batches, to a sink in the harness that answers
each export at once, so the gateway pays for making, encoding and sending every span.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

from benchmarks.load import Target
from benchmarks.measure import Measurement
from benchmarks.processes import Pinning
from benchmarks.workloads import CACHE_OFF

if TYPE_CHECKING:
    from benchmarks.suite import Run

# Workers share their cache through the machine's Redis server, in a database of their own.
WORKERS_CACHE = "redis://127.0.0.1:6379/7"
# Tracing may add at most this much CPU per request.
TRACING_ROUNDS = 2
TRACING_TARGET_PERCENT = 10.0


@dataclass(frozen=True)
class TracingResult:
    off: Measurement
    # With the default sampler, then recording every request.
    on: Measurement
    every: Measurement
    exports: int
    exported_bytes: int

    def overhead_percent(self, traced: Measurement) -> float:
        return 100 * (traced.cpu_ms_per_op / self.off.cpu_ms_per_op - 1)

    @property
    def passed(self) -> bool:
        return self.overhead_percent(self.on) < TRACING_TARGET_PERCENT


@dataclass(frozen=True)
class WorkersResult:
    one: Measurement
    two: Measurement

    @property
    def ratio(self) -> float:
        return self.two.ops_per_second / self.one.ops_per_second


class _Sink(BaseHTTPRequestHandler):
    """Answers OTLP exports with 200 and an empty body, counting what came."""

    server: _SinkServer

    def do_POST(self) -> None:
        size = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(size)
        with self.server.lock:
            self.server.exports += 1
            self.server.exported_bytes += size
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: one line per export would flood the report."""


class _SinkServer(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Sink)
        self.lock = threading.Lock()
        self.exports = 0
        self.exported_bytes = 0


@contextmanager
def span_sink() -> Iterator[_SinkServer]:
    sink = _SinkServer()
    thread = threading.Thread(target=sink.serve_forever, daemon=True)
    thread.start()
    try:
        yield sink
    finally:
        sink.shutdown()
        sink.server_close()


def run_tracing(run: Run, target: Target) -> TracingResult:
    """Workload 1, cache off (a Stripe call and its span per request): untraced, traced with
    the default sampler, and traced recording every request.

    The three take turns, `TRACING_ROUNDS` times over, and each keeps its cheapest round: on
    a noisy machine, a drift over the minutes of the run would otherwise read as a cost.
    """
    rounds: dict[str, list[Measurement]] = {"off": [], "on": [], "every": []}
    with span_sink() as sink:
        traced = {"OTEL_EXPORTER_OTLP_ENDPOINT": f"http://127.0.0.1:{sink.server_address[1]}"}
        variants = {
            "off": {},
            "on": traced,
            "every": traced | {"OTEL_TRACES_SAMPLER": "parentbased_always_on"},
        }
        for _ in range(TRACING_ROUNDS):
            for name, extra in variants.items():
                with run.gateway(CACHE_OFF, extra) as gateway:
                    rounds[name].append(run.measure(gateway, target))
        best = {name: min(ms, key=lambda m: m.cpu_ms_per_op) for name, ms in rounds.items()}
        return TracingResult(
            best["off"], best["on"], best["every"], sink.exports, sink.exported_bytes
        )


def run_workers(run: Run, target: Target) -> WorkersResult:
    """Workload 1 from a primed Redis cache, under one worker process and under two.

    Nothing is pinned for this run, the emulator and wrk included: two workers pinned to one
    CPU could only ever match one, and beside a load side pinned to the other CPU, one of them
    would starve it.
    """
    free = replace(run, pinning=Pinning())
    measured = []
    with _unpinned(run.emulator.server.pid):
        for workers in ("1", "2"):
            with free.gateway(WORKERS_CACHE, {"WORKERS": workers}) as gateway:
                measured.append(free.measure(gateway, target, prime=True))
    return WorkersResult(*measured)


@contextmanager
def _unpinned(pid: int) -> Iterator[None]:
    """Let a pinned process (and this one) run on every CPU for as long as the block runs."""
    every = set(range(os.cpu_count() or 1))
    saved = {pid: os.sched_getaffinity(pid), 0: os.sched_getaffinity(0)}
    for process in saved:
        os.sched_setaffinity(process, every)
    try:
        yield
    finally:
        for process, cpus in saved.items():
            os.sched_setaffinity(process, cpus)


def operability_lines(tracing: TracingResult | None, workers: WorkersResult | None) -> list[str]:
    """The tracing and workers figures, as markdown."""
    lines: list[str] = []
    if tracing is not None:
        off, on, every = tracing.off, tracing.on, tracing.every
        lines.append(
            f"- Tracing (workload 1, cache off, spans exported over OTLP/HTTP, the cheapest of "
            f"{TRACING_ROUNDS} alternating rounds each): CPU per request "
            f"{off.cpu_ms_per_op * 1000:.0f} µs off, {on.cpu_ms_per_op * 1000:.0f} µs on with "
            f"the default sampler ({tracing.overhead_percent(on):+.1f} %), "
            f"{every.cpu_ms_per_op * 1000:.0f} µs recording every request "
            f"({tracing.overhead_percent(every):+.1f} %); {off.ops_per_second:,.0f} / "
            f"{on.ops_per_second:,.0f} / {every.ops_per_second:,.0f} ops/s; "
            f"{tracing.exports:,} exports of {tracing.exported_bytes / 1e6:.1f} MB in all; "
            f"target < {TRACING_TARGET_PERCENT:g} % with the default sampler: "
            f"{'pass' if tracing.passed else 'FAIL'}"
        )
    if workers is not None:
        lines.append(
            f"- Workers (workload 1, primed Redis cache, nothing pinned): "
            f"{workers.one.ops_per_second:,.0f} "
            f"ops/s with WORKERS=1, {workers.two.ops_per_second:,.0f} with WORKERS=2 "
            f"({workers.ratio:.2f}x); p99 {workers.one.load.p99_ms:.1f} / "
            f"{workers.two.load.p99_ms:.1f} ms"
        )
    return lines

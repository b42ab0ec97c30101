"""One measured run against one server: load figures, upstream calls, CPU time and memory."""

from __future__ import annotations

import http.client
from dataclasses import dataclass, field
from resource import RUSAGE_CHILDREN, RUSAGE_SELF, getrusage
from urllib.parse import urlsplit

from benchmarks.load import LoadError, LoadResult, Target, run_load
from benchmarks.processes import Pinning, Server, busy_percent, cpu_busy_ticks
from benchmarks.upstream import Emulator

PROBE_SECONDS = 5
# Other processes taking this much of the server's or the load CPU disturb a run's figures.
INTERFERENCE_PERCENT = 10.0


@dataclass(frozen=True)
class Measurement:
    """What one server did during one measured run."""

    load: LoadResult
    connections: int
    upstream_calls: int
    upstream_routes: dict[str, int]
    cpu_seconds: float
    peak_rss_mb: float
    cpu_busy_percent: dict[int, float] = field(default_factory=dict)
    # CPU time of the emulator, wrk and the harness over the run: all the load CPU should do.
    load_side_cpu_seconds: float = 0.0
    # A run with one connection after the measured one: the operation's own latency.
    unloaded: LoadResult | None = None

    @property
    def ops_per_second(self) -> float:
        return self.load.ops_per_second

    @property
    def calls_per_op(self) -> float:
        """Upstream calls over answered operations: an upper bound.

        When wrk stops, each connection may leave one operation unanswered whose calls are
        counted all the same, so the true figure lies between `calls_per_op_low` and this.
        """
        return self.upstream_calls / self.load.operations if self.load.operations else 0.0

    @property
    def calls_per_op_low(self) -> float:
        """Upstream calls over answered plus abandoned operations: a lower bound."""
        return self.upstream_calls / (self.load.operations + self.connections)

    def calls_text(self) -> str:
        """Calls per operation for a table: one figure, or the bounds when they differ."""
        low, high = f"{self.calls_per_op_low:.2f}", f"{self.calls_per_op:.2f}"
        return high if low == high else f"{low}-{high}"

    @property
    def cpu_ms_per_op(self) -> float:
        return 1000 * self.cpu_seconds / self.load.operations if self.load.operations else 0.0

    def interference(self, pinning: Pinning) -> float:
        """The larger share, in percent, of the server's CPU or the load CPU that went to
        processes not taking part in the run.

        Only known when pinned: then a CPU's busy time beyond what the suite's own processes
        used is somebody else's (interrupt handling for loopback traffic adds a few percent).
        """
        if pinning.server_cpu is None or pinning.load_cpu is None or not self.load.seconds:
            return 0.0
        server = self.cpu_busy_percent.get(pinning.server_cpu, 0.0)
        load = self.cpu_busy_percent.get(pinning.load_cpu, 0.0)
        server -= 100 * self.cpu_seconds / self.load.seconds
        load -= 100 * self.load_side_cpu_seconds / self.load.seconds
        return max(0.0, server, load)

    def as_json(self) -> dict[str, object]:
        return {
            "ops_per_second": round(self.ops_per_second, 1),
            "requests_per_second": round(self.load.requests_per_second, 1),
            "operations": self.load.operations,
            "requests": self.load.requests,
            "seconds": round(self.load.seconds, 3),
            "p50_ms": self.load.p50_ms,
            "p99_ms": self.load.p99_ms,
            "mean_ms": self.load.mean_ms,
            "max_ms": self.load.max_ms,
            "errors": self.load.errors,
            "upstream_calls": self.upstream_calls,
            "upstream_routes": self.upstream_routes,
            "calls_per_op": round(self.calls_per_op, 3),
            "calls_per_op_low": round(self.calls_per_op_low, 3),
            "cpu_ms_per_op": round(self.cpu_ms_per_op, 3),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "cpu_busy_percent": {str(k): round(v, 1) for k, v in self.cpu_busy_percent.items()},
            "server_cpu_percent": round(100 * self.cpu_seconds / self.load.seconds, 1),
            "load_side_cpu_percent": round(100 * self.load_side_cpu_seconds / self.load.seconds, 1),
            "unloaded_p50_ms": self.unloaded.p50_ms if self.unloaded else None,
            "unloaded_p99_ms": self.unloaded.p99_ms if self.unloaded else None,
        }


def harness_cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (wrk runs among them)."""
    own, children = (getrusage(who) for who in (RUSAGE_SELF, RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def prime_cache(base_url: str, target: Target) -> None:
    """Send each of the target's requests once, so a cache holds what the run will ask for."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=30)
    try:
        for request in target.requests:
            headers = {"Content-Type": "application/json"} if request.body is not None else {}
            connection.request(request.method, request.path, body=request.body, headers=headers)
            response = connection.getresponse()
            body = response.read()
            if response.status != 200 or b'"errors"' in body:
                raise RuntimeError(f"priming {request.path} answered {response.status}: {body!r}")
    finally:
        connection.close()


def measure(
    server: Server,
    target: Target,
    emulator: Emulator,
    *,
    seconds: int,
    warmup: int,
    connections: int,
    pinning: Pinning,
    prime: bool = False,
    probe_latency: bool = False,
    threads: int = 1,
) -> Measurement:
    """Warm up, then run wrk for `seconds`, reading the server's CPU time and the emulator's
    request counters just before and just after; then, if asked, a short run on one
    connection for the latency of an operation that does not queue behind others.

    A failed run says what became of the server.
    """
    try:
        if prime:
            prime_cache(server.url, target)
        if warmup:
            run_load(
                server.url,
                target,
                seconds=warmup,
                connections=connections,
                pinning=pinning,
                threads=threads,
            )
        # The warm-up's abandoned operations may still be calling Stripe: not to be counted.
        emulator.wait_until_quiet()
        emulator.reset_counters()
        cpu_before, ticks_before = server.cpu_seconds(), cpu_busy_ticks()
        load_side_before = emulator.server.cpu_seconds() + harness_cpu_seconds()
        result = run_load(
            server.url,
            target,
            seconds=seconds,
            connections=connections,
            pinning=pinning,
            threads=threads,
        )
        cpu_after, ticks_after = server.cpu_seconds(), cpu_busy_ticks()
        load_side_after = emulator.server.cpu_seconds() + harness_cpu_seconds()
        # Operations wrk abandoned when it stopped still finish; with their calls counted
        # too, the lower bound on calls per operation is (nearly) exact.
        emulator.wait_until_quiet()
        counters = emulator.counters()
        unloaded = None
        if probe_latency:
            probe = min(seconds, PROBE_SECONDS)
            unloaded = run_load(server.url, target, seconds=probe, connections=1, pinning=pinning)
    except (LoadError, OSError, RuntimeError) as exc:
        raise LoadError(f"{exc}\n{server.post_mortem()}") from exc
    total = counters.pop("total")
    return Measurement(
        load=result,
        connections=connections,
        upstream_calls=total,
        upstream_routes=counters,
        cpu_seconds=cpu_after - cpu_before,
        peak_rss_mb=server.peak_rss_mb(),
        cpu_busy_percent=busy_percent(ticks_before, ticks_after),
        load_side_cpu_seconds=load_side_after - load_side_before,
        unloaded=unloaded,
    )

"""`make bench-workers`: workload 1's throughput as the gateway's worker processes grow.

Every worker count gets a fresh gateway over one seeded emulator and a Redis server of the
run's own (several workers share their cache through Redis), primed before the run as
`make bench` primes its workers run. Connections grow with the workers, so that each worker
sees the queue one worker sees alone.

On a machine of `MIN_PINNED_CORES` or more, the load side (wrk, the emulator, Redis and this
harness) keeps the last quarter of the CPUs to itself and the gateway gets the rest, one CPU
per worker as long as there are CPUs: what bends the curve is then the gateway, or the cores
its workers must share. On fewer cores nothing is pinned, as in `make bench`'s workers run,
and the load side competes with the workers for every core.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import redis

from benchmarks.load import LoadError
from benchmarks.measure import Measurement, measure
from benchmarks.processes import Pinning, ServerError, free_port
from benchmarks.settings import Settings
from benchmarks.suite import Run, machine, progress, settings_or_exit, stop_on_signals
from benchmarks.upstream import Emulator
from benchmarks.workloads import one_session

RESULTS = Path(__file__).parent / "workers.json"
MIN_PINNED_CORES = 4
# The target for two workers beside one, where the load side has CPUs of its own.
TWO_WORKERS_TARGET = 1.7


@dataclass(frozen=True)
class Layout:
    """Which CPUs the gateway's workers may use and which the load side keeps; both empty
    when nothing is pinned."""

    gateway: tuple[int, ...] = ()
    load: tuple[int, ...] = ()

    @classmethod
    def detect(cls) -> Layout:
        cpus = sorted(os.sched_getaffinity(0))
        if len(cpus) < MIN_PINNED_CORES or shutil.which("taskset") is None:
            return cls()
        side = max(2, len(cpus) // 4)
        return cls(tuple(cpus[:-side]), tuple(cpus[-side:]))

    @property
    def pinned(self) -> bool:
        return bool(self.gateway)

    def gateway_cpus(self, workers: int) -> tuple[int, ...]:
        """A CPU per worker while they last; past that, the workers share all of them."""
        return self.gateway[:workers]

    def gateway_command(self, workers: int, command: Sequence[str]) -> list[str]:
        if not self.pinned:
            return list(command)
        cpus = ",".join(str(cpu) for cpu in self.gateway_cpus(workers))
        return ["taskset", "-c", cpus, *command]

    @property
    def wrk_threads(self) -> int:
        """One wrk thread per load CPU but one, which the emulator and Redis share."""
        return max(1, len(self.load) - 1)

    def describe(self) -> str:
        if not self.pinned:
            return "nothing pinned: wrk, the emulator and Redis share every CPU with the workers"
        return (
            f"gateway on CPUs {_span(self.gateway)}, one per worker while they last; "
            f"wrk ({self.wrk_threads} thread{'s' if self.wrk_threads > 1 else ''}), "
            f"the emulator, Redis and the harness on CPUs {_span(self.load)}"
        )


@dataclass(frozen=True)
class Point:
    workers: int
    cpus: tuple[int, ...]
    measurement: Measurement

    def busy(self, cpus: Sequence[int]) -> float:
        """The mean busy percentage of `cpus` over the run."""
        shares = [self.measurement.cpu_busy_percent.get(cpu, 0.0) for cpu in cpus]
        return sum(shares) / len(shares) if shares else 0.0

    @property
    def gateway_cores(self) -> float:
        """CPU seconds the gateway's processes used per second of the run."""
        m = self.measurement
        return m.cpu_seconds / m.load.seconds if m.load.seconds else 0.0


def _span(cpus: Sequence[int]) -> str:
    return f"{cpus[0]}-{cpus[-1]}" if len(cpus) > 1 else str(cpus[0])


@contextmanager
def redis_server() -> Iterator[str]:
    """A Redis server of the run's own on a free port, keeping nothing on disk; its URL."""
    if shutil.which("redis-server") is None:
        raise RuntimeError("make bench-workers needs redis-server (apt-get install -y redis)")
    port = free_port()
    process = subprocess.Popen(
        [
            *("redis-server", "--port", str(port), "--bind", "127.0.0.1"),
            *("--save", "", "--appendonly", "no"),
        ],
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    client = redis.Redis(port=port, socket_timeout=1)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        client.close()
        process.terminate()
        process.wait(timeout=10)


def measure_point(run: Run, layout: Layout, cache: str, workers: int, ids: Sequence[str]) -> Point:
    target, _ = one_session(ids)
    gateway = run.gateway(cache, {"WORKERS": str(workers)})
    gateway.command = layout.gateway_command(workers, gateway.command)
    # Many workers each import the whole schema at once.
    gateway.start_timeout = max(gateway.start_timeout, 2.0 * workers)
    settings = run.settings
    with gateway:
        measured = measure(
            gateway,
            target,
            run.emulator,
            seconds=settings.duration,
            warmup=settings.warmup,
            connections=settings.connections * workers,
            pinning=run.pinning,
            prime=True,
            threads=layout.wrk_threads,
        )
    return Point(workers, layout.gateway_cpus(workers), measured)


def render(points: Sequence[Point], layout: Layout, info: dict[str, object]) -> str:
    one = points[0].measurement.ops_per_second if points[0].workers == 1 else None
    lines = [
        f"{info['cores']} cores ({info['cpu']}), Python {info['python']}, gateway at "
        f"{info['gateway_commit']}; {layout.describe()}; {info['duration_s']} s after "
        f"{info['warmup_s']} s of warm-up, {info['connections']} connections per worker.",
        "",
        "| Workers | Gateway CPUs | Connections | ops/s | x one worker | p50 ms | p99 ms "
        "| Gateway cores used | Load CPUs busy | Errors |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for point in points:
        m = point.measurement
        times = f"{m.ops_per_second / one:.2f}" if one else "-"
        cpus = _span(point.cpus) if point.cpus else "all"
        load = f"{point.busy(layout.load):.0f} %" if layout.pinned else "-"
        lines.append(
            f"| {point.workers} | {cpus} | {m.connections} | {m.ops_per_second:,.0f} "
            f"| {times} | {m.load.p50_ms:.1f} | {m.load.p99_ms:.1f} "
            f"| {point.gateway_cores:.2f} | {load} | {m.load.error_count} |"
        )
    two = next((p for p in points if p.workers == 2), None)
    if one and two is not None:
        ratio = two.measurement.ops_per_second / one
        if layout.pinned:
            verdict = "pass" if ratio >= TWO_WORKERS_TARGET else "FAIL"
            note = f"target >= {TWO_WORKERS_TARGET}, the load side on CPUs of its own: {verdict}"
        else:
            note = "no verdict: the load side shares the cores with the workers"
        lines += ["", f"Two workers: {ratio:.2f} x one worker; {note}"]
    return "\n".join(lines)


def main() -> None:
    settings = settings_or_exit()
    layout = Layout.detect()
    if layout.pinned:
        # Everything the harness starts but the gateway inherits the load side's CPUs.
        os.sched_setaffinity(0, set(layout.load))
    stop_on_signals()
    try:
        _run(settings, layout)
    except KeyboardInterrupt:
        sys.exit("benchmarks: interrupted; every process started was stopped")
    except (ServerError, LoadError, RuntimeError, redis.RedisError) as exc:
        sys.exit(f"benchmarks: {exc}")


def _run(settings: Settings, layout: Layout) -> None:
    pinning = Pinning()
    progress(f"Layout: {layout.describe()}")
    points: list[Point] = []
    with redis_server() as cache, Emulator(pinning) as emulator:
        run = Run(settings, pinning, emulator)
        progress("Seeding the emulator ...")
        ids = emulator.seed().ids
        for workers in settings.workers:
            progress(f"Workload 1 with WORKERS={workers} ...")
            point = measure_point(run, layout, cache, workers, ids)
            progress(f"  {point.measurement.ops_per_second:,.0f} ops/s")
            points.append(point)
    # The layout stands for the suite's pinning; W4's latency and the proxy play no part here.
    info = {
        name: value
        for name, value in machine(settings, pinning, None).items()
        if name not in ("pinning", "w4_latency_ms", "proxy_client")
    } | {"layout": layout.describe()}
    print(render(points, layout, info))
    raw = {
        "machine": info,
        "points": [
            {"workers": p.workers, "gateway_cpus": list(p.cpus)} | p.measurement.as_json()
            for p in points
        ],
    }
    RESULTS.write_text(json.dumps(raw, indent=2))
    progress(f"Raw results written to {RESULTS}")


if __name__ == "__main__":
    main()

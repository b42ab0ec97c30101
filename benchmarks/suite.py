"""Run the whole suite: client comparison, the five workloads, the memory soak; print the tables.

Every process runs inside a `with` block that stops it, so each one is stopped however the
run ends: a failure, Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from types import FrameType

from benchmarks import report
from benchmarks.hostile import FairnessResult, report_lines, run_fairness, run_memory
from benchmarks.live import LIVE_SUBSCRIBERS, LiveResult, live_lines, run_live
from benchmarks.load import Load, LoadError, Target, run_load
from benchmarks.measure import INTERFERENCE_PERCENT, Measurement, measure
from benchmarks.operability import (
    TracingResult,
    WorkersResult,
    operability_lines,
    run_tracing,
    run_workers,
)
from benchmarks.processes import Pinning, Server, ServerError, free_port
from benchmarks.resilience import ResilienceResult, resilience_lines, run_resilience
from benchmarks.results import Soak, WorkloadResult
from benchmarks.settings import CLIENTS, Settings, SettingsError, load_settings
from benchmarks.upstream import Dataset, Emulator
from benchmarks.workloads import CACHE_OFF, Workload, build_workloads, one_session
from gateway.identity import Scope

RESULTS = Path(__file__).parent / "results.json"
SOAK_SAMPLE_SECONDS = 5
SOAK_PRINT_EVERY = 6  # samples: a progress line every 30 s
# How often a run disturbed by other processes on the server's CPU is repeated.
REPEATS = 2
# Gateway settings the suite decides; any of these in the caller's environment are dropped.
OWNED_PREFIXES = ("STRIPE_", "CACHE_", "EMULATOR_", "RATE_LIMIT_", "AUTH_", "OTEL_", "LOG_")
OWNED_NAMES = frozenset({"HOST", "PORT", "WORKERS", "GATEWAY_ENV", "PROMETHEUS_MULTIPROC_DIR"})


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Run:
    """What every server start needs: where to pin it and which emulator to call."""

    settings: Settings
    pinning: Pinning
    emulator: Emulator

    def gateway(self, cache: str, extra: Mapping[str, str] | None = None) -> Server:
        """A gateway on the emulator; `extra` settings go over the suite's own."""
        port = free_port()
        env = {
            name: value
            for name, value in os.environ.items()
            if not name.startswith(OWNED_PREFIXES) and name not in OWNED_NAMES
        }
        env |= {
            "HOST": "127.0.0.1",
            "PORT": str(port),
            "STRIPE_API_KEY": self.emulator.key,
            "STRIPE_API_BASE": self.emulator.url,
            "LOG_LEVEL": "warning",
            "LOG_FORMAT": "json",
            "CACHE_URL": cache,
            # One load generator is one caller: its buckets would measure the rate limits,
            # and the account's guard would hold every run to test mode's 25 calls a second.
            "RATE_LIMIT_POINTS": "off",
            "STRIPE_RATE_LIMIT": "off",
            # The load comes without credentials, as a playground's would.
            "AUTH_ANONYMOUS_SCOPES": ",".join(scope.value for scope in Scope),
        }
        env |= extra or {}
        command = [sys.executable, "-m", "gateway", "serve"]
        return Server(f"gateway (CACHE_URL={cache})", self.pinning.server(command), port, env=env)

    def proxy(self, client: str) -> Server:
        port = free_port()
        command = [
            sys.executable,
            "-m",
            "benchmarks.reference_proxy",
            "--port",
            str(port),
            "--upstream",
            self.emulator.url,
            "--client",
            client,
        ]
        env = {**os.environ, "STRIPE_API_KEY": self.emulator.key}
        return Server(f"reference proxy ({client})", self.pinning.server(command), port, env=env)

    def measure(
        self, server: Server, target: Target, *, prime: bool = False, probe: bool = False
    ) -> Measurement:
        """Measure, and measure again (twice at most) if another process took the CPU."""
        result = self._measure_once(server, target, prime=prime, probe=probe)
        for _ in range(REPEATS):
            share = result.interference(self.pinning)
            if share < INTERFERENCE_PERCENT:
                break
            progress(
                f"  other processes took {share:.0f} % of a CPU; measuring {server.name} again"
            )
            result = self._measure_once(server, target, prime=False, probe=probe)
        return result

    def _measure_once(
        self, server: Server, target: Target, *, prime: bool, probe: bool
    ) -> Measurement:
        return measure(
            server,
            target,
            self.emulator,
            seconds=self.settings.duration,
            warmup=self.settings.warmup,
            connections=self.settings.connections,
            pinning=self.pinning,
            prime=prime,
            probe_latency=probe,
        )


def compare_clients(run: Run, target: Target) -> dict[str, Measurement]:
    """Workload 1 through the reference proxy with each HTTP client."""
    results: dict[str, Measurement] = {}
    for client in CLIENTS:
        with run.proxy(client) as proxy:
            results[client] = run.measure(proxy, target)
        progress(f"  client {client}: {report.brief(results[client])}")
    return results


def run_workload(run: Run, workload: Workload, client: str, ready: list[float]) -> WorkloadResult:
    """The workload against a fresh gateway, then against a fresh reference proxy."""
    gateway = run.gateway(workload.cache)
    with gateway:
        assert gateway.ready_seconds is not None
        ready.append(gateway.ready_seconds)
        run.emulator.set_latency(workload.latency_ms)
        try:
            on_gateway = run.measure(
                gateway, workload.gateway, prime=workload.prime, probe=workload.probe_latency
            )
        finally:
            run.emulator.set_latency(0)
    progress(f"  {workload.key} gateway: {report.brief(on_gateway)}")
    with run.proxy(client) as proxy:
        run.emulator.set_latency(workload.latency_ms)
        try:
            on_proxy = run.measure(proxy, workload.proxy, probe=workload.probe_latency)
        finally:
            run.emulator.set_latency(0)
    progress(f"  {workload.key} proxy:   {report.brief(on_proxy)}")
    passed, verdict = workload.check(on_gateway, on_proxy)
    return WorkloadResult(workload, on_gateway, on_proxy, passed, verdict)


def run_soak(run: Run, target: Target, ready: list[float]) -> Soak:
    """Workload 1 against a fresh gateway (cache off), sampling its RSS every few seconds."""
    settings = run.settings
    with run.gateway(CACHE_OFF) as gateway:
        assert gateway.ready_seconds is not None
        ready.append(gateway.ready_seconds)
        if settings.warmup:
            run_load(
                gateway.url,
                target,
                seconds=settings.warmup,
                connections=settings.connections,
                pinning=run.pinning,
            )
        load = Load(
            gateway.url,
            target,
            seconds=settings.soak,
            connections=settings.connections,
            pinning=run.pinning,
        )
        started = time.monotonic()
        samples = [(0.0, gateway.rss_mb())]
        try:
            next_sample = SOAK_SAMPLE_SECONDS
            while load.running():
                time.sleep(min(0.2, max(0.0, started + next_sample - time.monotonic())))
                if time.monotonic() - started >= next_sample and load.running():
                    samples.append((time.monotonic() - started, gateway.rss_mb()))
                    if len(samples) % SOAK_PRINT_EVERY == 1:
                        progress(f"  soak {samples[-1][0]:5.0f} s: RSS {samples[-1][1]:.1f} MB")
                    next_sample += SOAK_SAMPLE_SECONDS
            result = load.result()
        finally:
            load.stop()
        samples.append((time.monotonic() - started, gateway.rss_mb()))
        return Soak(
            seconds=settings.soak,
            requests=result.requests,
            errors=result.error_count,
            samples=samples,
            peak_rss_mb=gateway.peak_rss_mb(),
        )


def machine(settings: Settings, pinning: Pinning, client: str | None) -> dict[str, object]:
    model = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    return {
        "cores": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "kernel": platform.release(),
        "pinning": pinning.describe(),
        "gateway_commit": _commit(),
        "duration_s": settings.duration,
        "warmup_s": settings.warmup,
        "connections": settings.connections,
        "w4_latency_ms": settings.latency_ms,
        "proxy_client": client,
    }


def _commit() -> str:
    root = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "gateway"], cwd=root, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        return "unknown"
    return f"{head or 'unknown'}{' + uncommitted gateway changes' if dirty else ''}"


def stop_on_signals() -> None:
    """Make SIGTERM and SIGINT unwind the run, so that every `with` block stops its process."""
    signal.signal(signal.SIGTERM, _stop_on_signal)
    signal.signal(signal.SIGINT, _stop_on_signal)


def _stop_on_signal(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def settings_or_exit() -> Settings:
    """The `BENCH_*` settings, or an exit that says what is wrong with them, or that wrk is
    missing."""
    try:
        settings = load_settings()
    except SettingsError as exc:
        sys.exit(f"benchmarks: {exc}")
    if shutil.which("wrk") is None:
        sys.exit("benchmarks: wrk is not installed (apt-get install -y wrk)")
    return settings


def main() -> None:
    settings = settings_or_exit()
    pinning = Pinning.detect()
    if pinning.load_cpu is not None:
        # The harness itself polls and samples; keep it off the measured server's CPU.
        os.sched_setaffinity(0, {pinning.load_cpu})
    # Ctrl-C and SIGTERM both unwind through the `with` blocks that stop the processes (and
    # SIGINT is handled even where a shell started the suite with it ignored).
    stop_on_signals()
    try:
        _run(settings, pinning)
    except KeyboardInterrupt:
        sys.exit("benchmarks: interrupted; every process started was stopped")
    except (ServerError, LoadError, RuntimeError) as exc:
        sys.exit(f"benchmarks: {exc}")


def _run(settings: Settings, pinning: Pinning) -> None:
    ready: list[float] = []
    with Emulator(pinning) as emulator:
        run = Run(settings, pinning, emulator)
        progress(f"Pinning: {pinning.describe()}")
        progress("Seeding the emulator ...")
        data: Dataset = emulator.seed()
        progress("Comparing HTTP clients in the reference proxy (workload 1) ...")
        one, one_proxy = one_session(data.ids)
        clients = compare_clients(run, one_proxy)
        fastest = max(clients, key=lambda name: clients[name].ops_per_second)
        client = settings.proxy_client or fastest
        progress(f"Reference proxy client: {client}")
        # Before the workloads: creates and expires grow the emulator, and its lists with it,
        # until the emulator rather than the gateway sets what the abusers cost the rest.
        fairness: list[FairnessResult] = []
        if "FAIRNESS" in settings.only:
            progress("Fairness: workload 1 beside abusive operations ...")
            with run.gateway(CACHE_OFF) as gateway:
                assert gateway.ready_seconds is not None
                ready.append(gateway.ready_seconds)
                fairness = run_fairness(gateway, one, data, settings.duration, pinning)
            for result in fairness:
                progress(f"  {result.abuser}: p99 {result.rise_ms:+.1f} ms")
        memory = None
        if "MEMORY" in settings.only:
            progress("Memory: distinct documents and operation names ...")
            with run.gateway(CACHE_OFF) as gateway:
                assert gateway.ready_seconds is not None
                ready.append(gateway.ready_seconds)
                memory = run_memory(gateway, data)
            progress(f"  peak RSS {memory.peak_mb:.1f} MB")
        tracing: TracingResult | None = None
        if "TRACING" in settings.only:
            progress("Tracing: workload 1 with tracing off, then on ...")
            tracing = run_tracing(run, one)
            progress(f"  CPU per request {tracing.overhead_percent(tracing.on):+.1f} % traced")
        workers: WorkersResult | None = None
        if "WORKERS" in settings.only:
            progress("Workers: workload 1 with WORKERS=1, then WORKERS=2 ...")
            workers = run_workers(run, one)
            progress(f"  two workers: {workers.ratio:.2f} x the throughput of one")
        live: LiveResult | None = None
        if "LIVE" in settings.only:
            progress(f"Live updates: {LIVE_SUBSCRIBERS:,} subscribers, then payments ...")
            live = run_live(run)
            progress(f"  p99 {live.percentile(0.99):.0f} ms from webhook to event")
        resilience: ResilienceResult | None = None
        if "RESILIENCE" in settings.only:
            progress("Resilience: reads under faults, and beside a hung Redis ...")
            resilience = run_resilience(run, data)
        results: list[WorkloadResult] = []
        for workload in build_workloads(data, settings.latency_ms):
            if workload.key in settings.only:
                progress(f"{workload.key}: {workload.title} ...")
                results.append(run_workload(run, workload, client, ready))
        soak = None
        if settings.soak:
            progress(f"Memory soak: workload 1 for {settings.soak} s ...")
            soak = run_soak(run, one, ready)
    info = machine(settings, pinning, client)
    print(report.render(info, results, clients, client, ready, soak, pinning))
    print("\n".join(["", *report_lines(fairness, memory)]))
    print(
        "\n".join(
            [
                "",
                *operability_lines(tracing, workers),
                *live_lines(live),
                *resilience_lines(resilience),
            ]
        )
    )
    RESULTS.write_text(json.dumps(results_json(info, results, clients, ready, soak), indent=2))
    progress(f"Raw results written to {RESULTS}")


def results_json(
    info: dict[str, object],
    results: list[WorkloadResult],
    clients: dict[str, Measurement],
    ready: list[float],
    soak: Soak | None,
) -> dict[str, object]:
    return {
        "machine": info,
        "clients": {name: m.as_json() for name, m in clients.items()},
        "workloads": [
            {
                "key": r.workload.key,
                "title": r.workload.title,
                "expected_calls_per_op": r.workload.expected_calls,
                "ratio": round(r.gateway.ops_per_second / r.proxy.ops_per_second, 3)
                if r.proxy.ops_per_second
                else None,
                "passed": r.passed,
                "verdict": r.verdict,
                "gateway": r.gateway.as_json(),
                "proxy": r.proxy.as_json(),
            }
            for r in results
        ],
        "ready_seconds": [round(s, 3) for s in ready],
        "soak": None
        if soak is None
        else {
            **asdict(soak),
            "start_mb": soak.start_mb,
            "end_mb": soak.end_mb,
            "slope_mb_per_min": round(soak.slope_mb_per_min, 3),
        },
    }

"""The report of `make bench-peers`: a table per workload, the issue's targets, the starts.

Markdown throughout, so the whole block can be pasted into benchmarks/README.md. Kept apart
from benchmarks/side_by_side.py, which runs the workloads, as report.py is from suite.py.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from benchmarks.measure import INTERFERENCE_PERCENT, Measurement
from benchmarks.processes import Pinning
from benchmarks.report import SATURATED_NOTE, brief, errors, ms, saturated, table, throughput
from benchmarks.workloads import FAN_OUT_DISTINCT, calls_near

GATEWAY = "Gateway"
SECURED = "Gateway, key + limits"
MESH = "GraphQL Mesh"
HIVE = "Hive Gateway"
PROXY = "aiohttp proxy"
READY_TARGET_S = 1.5
# The fan-out's p50 may exceed the latency of one upstream call by this factor.
FAN_OUT_LATENCY_FACTOR = 1.25


@dataclass(frozen=True)
class Sample:
    """One system on one workload: the run, its start and how many values its answer held."""

    measurement: Measurement
    ready_seconds: float
    values: int

    def as_json(self) -> dict[str, object]:
        return {
            **self.measurement.as_json(),
            "ready_seconds": round(self.ready_seconds, 3),
            "values": self.values,
        }


# Workload key, then system name.
Results = Mapping[str, Mapping[str, Sample]]


@dataclass(frozen=True)
class Verdict:
    target: str
    measured: str
    passed: bool

    def cell(self) -> str:
        return f"{self.measured}: {'pass' if self.passed else '**FAIL**'}"


def brief_line(sample: Sample) -> str:
    """One progress line for a finished run."""
    return f"{brief(sample.measurement)}, ready {sample.ready_seconds:.2f} s"


def _ratio(value: float, base: float) -> float:
    return value / base if base else float("inf")


def judge(results: Results, gateway: str, latency_ms: float) -> list[Verdict]:
    """The issue's targets, for one way of running the gateway."""

    def run(key: str, system: str) -> Measurement:
        return results[key][system].measurement

    def faster(key: str, other: str, factor: float, target: str) -> Verdict:
        ratio = _ratio(run(key, gateway).ops_per_second, run(key, other).ops_per_second)
        return Verdict(target, f"{ratio:.2f} x", ratio >= factor)

    literal = _ratio(run("W2", gateway).ops_per_second, run("W1", gateway).ops_per_second)
    own_cpu, mesh_cpu = run("W3", gateway).cpu_ms_per_op, run("W3", MESH).cpu_ms_per_op
    cpu = _ratio(own_cpu, mesh_cpu)
    fan_out = run("W4", gateway)
    p50_limit = FAN_OUT_LATENCY_FACTOR * latency_ms
    fan_out_ok = fan_out.load.p50_ms <= p50_limit and calls_near(fan_out, FAN_OUT_DISTINCT)
    peak = max(results[key][gateway].measurement.peak_rss_mb for key in results)
    mesh_peak = max(results[key][MESH].measurement.peak_rss_mb for key in results)
    memory = _ratio(peak, mesh_peak)
    ready = max(results[key][gateway].ready_seconds for key in results)
    failed = sum(results[key][gateway].measurement.load.error_count for key in results)
    return [
        faster("W1", MESH, 2, "W1 requests/s ≥ 2 x Mesh"),
        faster("W1", PROXY, 0.7, "W1 requests/s ≥ 0.7 x the aiohttp proxy"),
        Verdict("W2 requests/s ≥ 0.8 x its own W1", f"{literal:.2f} x", literal >= 0.8),
        faster("W2", MESH, 1.5, "W2 requests/s ≥ 1.5 x Mesh"),
        faster("W3", MESH, 2, "W3 pages/s ≥ 2 x Mesh"),
        Verdict(
            "W3 CPU per page ≤ 0.5 x Mesh's",
            f"{own_cpu:.2f} / {mesh_cpu:.2f} ms = {cpu:.2f} x",
            cpu <= 0.5,
        ),
        Verdict(
            f"W4 p50 ≤ {p50_limit:g} ms ({FAN_OUT_LATENCY_FACTOR:g} x {latency_ms:g}) "
            f"with {FAN_OUT_DISTINCT} calls/op",
            f"{ms(fan_out.load.p50_ms)} ms, {fan_out.calls_text()} calls/op",
            fan_out_ok,
        ),
        Verdict(
            "Peak RSS ≤ 0.25 x Mesh's (largest over the workloads)",
            f"{peak:.0f} / {mesh_peak:.0f} MB = {memory:.2f} x",
            memory <= 0.25,
        ),
        Verdict(
            f"Ready < {READY_TARGET_S:g} s (slowest start)",
            f"{ready:.2f} s",
            ready < READY_TARGET_S,
        ),
        Verdict("No errors", str(failed), failed == 0),
    ]


def workload_table(samples: Mapping[str, Sample], load_cpu: int | None) -> list[str]:
    header = [
        "System",
        "req/s",
        "x Mesh",
        "p50 / p99 ms",
        "Upstream calls/op",
        "CPU ms/req",
        "Peak RSS MB",
        "Ready s",
        "Errors",
    ]
    mesh = samples[MESH].measurement.ops_per_second
    rows = []
    for name, sample in samples.items():
        m = sample.measurement
        rows.append(
            [
                name,
                throughput(m, load_cpu),
                f"{_ratio(m.ops_per_second, mesh):.2f}",
                f"{ms(m.load.p50_ms)} / {ms(m.load.p99_ms)}",
                m.calls_text(),
                f"{m.cpu_ms_per_op:.2f}",
                f"{m.peak_rss_mb:.0f}",
                f"{sample.ready_seconds:.2f}",
                errors(m),
            ]
        )
    return table(header, rows, "lrrrrrrrr")


def starts_table(results: Results) -> list[str]:
    names = list(dict.fromkeys(name for samples in results.values() for name in samples))
    rows = []
    for name in names:
        runs = [samples[name] for samples in results.values() if name in samples]
        ready = [sample.ready_seconds for sample in runs]
        peak = max(sample.measurement.peak_rss_mb for sample in runs)
        rows.append(
            [
                name,
                str(len(runs)),
                f"{statistics.median(ready):.2f} / {max(ready):.2f}",
                f"{peak:.0f}",
            ]
        )
    header = ["System", "Starts", "Ready median / max s", "Largest peak RSS MB"]
    return table(header, rows, "lrrr")


def render(
    header: Sequence[str],
    titles: Mapping[str, str],
    results: Results,
    pinning: Pinning,
    latency_ms: float,
) -> str:
    load_cpu = pinning.load_cpu
    lines = [*header, ""]
    for key, samples in results.items():
        values = next(iter(samples.values())).values
        lines += [f"**{key}** {titles[key]}; {values:,} values per answer", ""]
        lines += [*workload_table(samples, load_cpu), ""]
    every = [s.measurement for samples in results.values() for s in samples.values()]
    if any(saturated(m, load_cpu) for m in every):
        lines += [SATURATED_NOTE, ""]
    disturbed = [
        f"{key} {name} ({share:.0f} %)"
        for key, samples in results.items()
        for name, sample in samples.items()
        if (share := sample.measurement.interference(pinning)) >= INTERFERENCE_PERCENT
    ]
    if disturbed:
        lines += [
            "Warning: other processes used the server's or the load CPU during these runs (even "
            f"after repeating them), which makes their figures unreliable: {', '.join(disturbed)}.",
            "",
        ]
    own, secured = judge(results, GATEWAY, latency_ms), judge(results, SECURED, latency_ms)
    rows = [[a.target, a.cell(), b.cell()] for a, b in zip(own, secured, strict=True)]
    lines += table(["Target", GATEWAY, SECURED], rows, "lll")
    met = sum(v.passed for v in own), sum(v.passed for v in secured)
    lines += [
        "",
        f"Targets met: {met[0]} of {len(own)} as `make bench` runs the gateway, {met[1]} of "
        f"{len(secured)} with an API key required and the rate limits on.",
        "",
        *starts_table(results),
    ]
    return "\n".join(lines)

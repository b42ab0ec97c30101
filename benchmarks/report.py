"""The printed report: a header, the workload table, the client table, ready time and soak.

Markdown throughout, so the whole block can be pasted into benchmarks/README.md.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from benchmarks.measure import INTERFERENCE_PERCENT, Measurement
from benchmarks.processes import Pinning
from benchmarks.results import Soak, WorkloadResult

READY_TARGET_S = 2.0
SOAK_PEAK_TARGET_MB = 120.0
SOAK_MIN_REQUESTS = 100_000
# RSS growing faster than this over the soak's second half counts as an upward trend.
SOAK_SLOPE_LIMIT_MB_PER_MIN = 0.5
# A load CPU this busy means wrk and the emulator, not the server, may have set the pace.
SATURATED_PERCENT = 95.0
SATURATED_NOTE = (
    "\\* The load CPU (emulator and wrk) was at least 95 % busy during this run, so the "
    "figure may be bounded by the emulator rather than by the server measured."
)


def ms(value: float) -> str:
    return f"{value:.2f}" if value < 10 else f"{value:.1f}" if value < 100 else f"{value:.0f}"


def rate(value: float) -> str:
    return f"{value:,.0f}"


def saturated(m: Measurement, load_cpu: int | None) -> bool:
    return load_cpu is not None and m.cpu_busy_percent.get(load_cpu, 0.0) >= SATURATED_PERCENT


def throughput(m: Measurement, load_cpu: int | None) -> str:
    return rate(m.ops_per_second) + (" \\*" if saturated(m, load_cpu) else "")


def errors(m: Measurement) -> str:
    if not m.load.error_count:
        return "0"
    detail = ", ".join(f"{n} {kind}" for kind, n in sorted(m.load.errors.items()))
    return f"**{m.load.error_count}** ({detail})"


def brief(m: Measurement) -> str:
    """One progress line for a finished run."""
    return (
        f"{rate(m.ops_per_second)} ops/s, p50 {ms(m.load.p50_ms)} ms, p99 {ms(m.load.p99_ms)} ms, "
        f"{m.calls_text()} calls/op, {m.cpu_ms_per_op:.2f} CPU ms/op, "
        f"RSS {m.peak_rss_mb:.0f} MB, errors {m.load.error_count}"
    )


def table(header: Sequence[str], rows: Sequence[Sequence[str]], align: str) -> list[str]:
    """A markdown table; `align` has one letter per column, l or r."""
    lines = ["| " + " | ".join(header) + " |"]
    lines.append("| " + " | ".join("---:" if a == "r" else "---" for a in align) + " |")
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def workload_table(results: Sequence[WorkloadResult], load_cpu: int | None) -> list[str]:
    header = [
        "Workload",
        "Gateway ops/s",
        "Proxy ops/s",
        "Ratio",
        "Gateway p50 / p99 ms",
        "Proxy p50 / p99 ms",
        "Upstream calls/op",
        "Gateway CPU ms/op",
        "Gateway peak RSS MB",
        "Errors gateway / proxy",
        "Target",
    ]
    rows = []
    for r in results:
        gw, px = r.gateway, r.proxy
        ratio = gw.ops_per_second / px.ops_per_second if px.ops_per_second else 0.0
        rows.append(
            [
                f"{r.workload.key} {r.workload.title}",
                throughput(gw, load_cpu),
                throughput(px, load_cpu),
                f"{ratio:.2f}",
                f"{ms(gw.load.p50_ms)} / {ms(gw.load.p99_ms)}",
                f"{ms(px.load.p50_ms)} / {ms(px.load.p99_ms)}",
                f"{gw.calls_text()} (expect {r.workload.expected_calls:g})",
                f"{gw.cpu_ms_per_op:.2f}",
                f"{gw.peak_rss_mb:.0f}",
                f"{errors(gw)} / {errors(px)}",
                r.verdict,
            ]
        )
    return table(header, rows, "lrrrrrrrrrl")


def client_table(clients: dict[str, Measurement], chosen: str, load_cpu: int | None) -> list[str]:
    header = ["Reference proxy client", "req/s", "p50 / p99 ms", "CPU ms/req", "Errors"]
    rows = [
        [
            f"{name}{' (used)' if name == chosen else ''}",
            throughput(m, load_cpu),
            f"{ms(m.load.p50_ms)} / {ms(m.load.p99_ms)}",
            f"{m.cpu_ms_per_op:.2f}",
            errors(m),
        ]
        for name, m in clients.items()
    ]
    return table(header, rows, "lrrrr")


def ready_line(ready: Sequence[float]) -> str:
    if not ready:
        return "Ready: no gateway was started."
    verdict = "pass" if max(ready) < READY_TARGET_S else "FAIL"
    return (
        f"Ready (Popen to first 200 from /healthz, {len(ready)} gateway starts): "
        f"median {statistics.median(ready):.2f} s, max {max(ready):.2f} s; "
        f"target < {READY_TARGET_S:g} s: {verdict}"
    )


def soak_lines(soak: Soak | None) -> list[str]:
    if soak is None:
        return ["Memory soak: skipped (BENCH_SOAK=0)."]
    failures = []
    if soak.peak_rss_mb >= SOAK_PEAK_TARGET_MB:
        failures.append(f"peak {soak.peak_rss_mb:.1f} MB >= {SOAK_PEAK_TARGET_MB:g} MB")
    if soak.errors:
        failures.append(f"{soak.errors} errors")
    # A trend over a short soak is noise: a few hundred kB over 10 s reads as MB per minute.
    long_enough = soak.requests >= SOAK_MIN_REQUESTS
    if long_enough and soak.slope_mb_per_min > SOAK_SLOPE_LIMIT_MB_PER_MIN:
        failures.append(f"RSS rising {soak.slope_mb_per_min:.2f} MB/min")
    if failures:
        verdict = "FAIL: " + "; ".join(failures)
    elif not long_enough:
        verdict = f"too short to judge (under {SOAK_MIN_REQUESTS:,} requests)"
    else:
        verdict = "pass"
    return [
        f"Memory soak (workload 1, cache off, {soak.seconds} s): {soak.requests:,} requests, "
        f"{soak.errors} errors; RSS start {soak.start_mb:.1f} MB, peak {soak.peak_rss_mb:.1f} MB, "
        f"end {soak.end_mb:.1f} MB; slope over the second half "
        f"{soak.slope_mb_per_min:+.2f} MB/min.",
        f"Target: peak < {SOAK_PEAK_TARGET_MB:g} MB after >= {SOAK_MIN_REQUESTS:,} requests, "
        f"slope <= {SOAK_SLOPE_LIMIT_MB_PER_MIN:g} MB/min: {verdict}",
    ]


def render(
    info: dict[str, object],
    results: Sequence[WorkloadResult],
    clients: dict[str, Measurement],
    chosen: str,
    ready: Sequence[float],
    soak: Soak | None,
    pinning: Pinning,
) -> str:
    load_cpu = pinning.load_cpu
    runs = {f"client {name}": m for name, m in clients.items()}
    for r in results:
        runs |= {f"{r.workload.key} gateway": r.gateway, f"{r.workload.key} proxy": r.proxy}
    notes = [SATURATED_NOTE] if any(saturated(m, load_cpu) for m in runs.values()) else []
    disturbed = {
        name: share
        for name, m in runs.items()
        if (share := m.interference(pinning)) >= INTERFERENCE_PERCENT
    }
    if disturbed:
        listed = ", ".join(f"{name} ({share:.0f} %)" for name, share in disturbed.items())
        notes.append(
            "Warning: other processes used the server's or the load CPU during these runs (even "
            f"after repeating them), which makes their figures unreliable: {listed}."
        )
    notes = [
        "W5 counts one create plus one expire as one operation; its latencies are per request.",
        "Calls/op shows a range when the calls of operations wrk abandoned at the end weigh: "
        "from calls over (answered + connections) operations to calls over answered ones.",
        *notes,
    ]
    lines = [
        f"- Machine: {info['cores']} cores, {info['cpu']}, Python {info['python']}, "
        f"Linux {info['kernel']}",
        f"- Pinning: {info['pinning']}",
        f"- Gateway: {info['gateway_commit']}",
        f"- Runs: {info['duration_s']} s measured after {info['warmup_s']} s warm-up, "
        f"{info['connections']} connections, wrk -t1; W4 upstream latency "
        f"{info['w4_latency_ms']:g} ms; reference proxy client {chosen}",
        "",
        *workload_table(results, load_cpu),
        "",
        *(line for note in notes for line in (note, "")),
        *client_table(clients, chosen, load_cpu),
        "",
        f"- {ready_line(ready)}",
        *(f"- {line}" for line in soak_lines(soak)),
    ]
    return "\n".join(lines)

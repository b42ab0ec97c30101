"""The suite's settings, read from `BENCH_*` environment variables so `make bench` can pass them."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

CLIENTS = ("httpx", "httpx-aiohttp", "gateway", "aiohttp")
WORKLOADS = ("W1", "W2", "W3", "W4", "W5")
# Runs beside the workloads: a hostile client's effect on others, and on memory.
HOSTILE = ("FAIRNESS", "MEMORY")
OPERABILITY = ("TRACING", "WORKERS", "LIVE", "RESILIENCE")


class SettingsError(ValueError):
    """A `BENCH_*` variable has a value the suite cannot use; the message names it."""


@dataclass(frozen=True)
class Settings:
    duration: int = 15
    warmup: int = 2
    connections: int = 32
    soak: int = 300
    latency_ms: float = 50.0
    proxy_client: str | None = None
    only: tuple[str, ...] = WORKLOADS + HOSTILE + OPERABILITY
    # The worker counts `make bench-workers` measures, fewest first.
    workers: tuple[int, ...] = (1, 2)


def _number(env: Mapping[str, str], name: str, default: float, minimum: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number, got {raw!r}") from None
    if value < minimum:
        raise SettingsError(f"{name} must be {minimum:g} or more, got {raw!r}")
    return value


def default_workers(cores: int) -> tuple[int, ...]:
    """1, 2, 4, … up to the number of cores (1 and 2 on a machine of fewer than 2)."""
    counts = [1, 2]
    while counts[-1] * 2 <= cores:
        counts.append(counts[-1] * 2)
    return tuple(counts)


def _workers(env: Mapping[str, str]) -> tuple[int, ...]:
    raw = env.get("BENCH_WORKERS", "").strip()
    if not raw:
        return default_workers(os.cpu_count() or 1)
    try:
        counts = sorted({int(part) for part in raw.split(",") if part.strip()})
    except ValueError:
        raise SettingsError(
            f"BENCH_WORKERS must be whole numbers separated by commas, got {raw!r}"
        ) from None
    if not counts or counts[0] < 1:
        raise SettingsError(f"BENCH_WORKERS must name worker counts of 1 or more, got {raw!r}")
    return tuple(counts)


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read the settings; an empty variable (as `make` exports an unset one) means the default."""
    source = os.environ if env is None else env
    client = source.get("BENCH_PROXY_CLIENT", "").strip() or None
    if client is not None and client not in CLIENTS:
        raise SettingsError(f"BENCH_PROXY_CLIENT must be one of {', '.join(CLIENTS)}")
    only_raw = source.get("BENCH_ONLY", "").strip()
    everything = WORKLOADS + HOSTILE + OPERABILITY
    only = tuple(w.strip().upper() for w in only_raw.split(",") if w.strip()) or everything
    if unknown := set(only) - set(everything):
        raise SettingsError(f"BENCH_ONLY names unknown runs: {', '.join(sorted(unknown))}")
    return Settings(
        duration=int(_number(source, "BENCH_DURATION", 15, 1)),
        warmup=int(_number(source, "BENCH_WARMUP", 2, 0)),
        connections=int(_number(source, "BENCH_CONNECTIONS", 32, 1)),
        soak=int(_number(source, "BENCH_SOAK", 300, 0)),
        latency_ms=_number(source, "BENCH_LATENCY_MS", 50.0, 0),
        proxy_client=client,
        only=tuple(w for w in everything if w in only),
        workers=_workers(source),
    )

"""What a run of the suite produces, kept apart from the suite that runs it so that the
report can read results without importing the suite."""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.measure import Measurement
from benchmarks.workloads import Workload


@dataclass(frozen=True)
class WorkloadResult:
    workload: Workload
    gateway: Measurement
    proxy: Measurement
    passed: bool | None
    verdict: str


@dataclass(frozen=True)
class Soak:
    seconds: int
    requests: int
    errors: int
    samples: list[tuple[float, float]]  # (seconds since start, RSS MB)
    peak_rss_mb: float

    @property
    def start_mb(self) -> float:
        return self.samples[0][1]

    @property
    def end_mb(self) -> float:
        return self.samples[-1][1]

    @property
    def slope_mb_per_min(self) -> float:
        """Least-squares slope of RSS over the second half of the run."""
        half = [(t, m) for t, m in self.samples if t >= self.seconds / 2]
        if len(half) < 2:
            return 0.0
        mean_t = sum(t for t, _ in half) / len(half)
        mean_m = sum(m for _, m in half) / len(half)
        spread = sum((t - mean_t) ** 2 for t, _ in half)
        slope = sum((t - mean_t) * (m - mean_m) for t, m in half) / spread
        return slope * 60

"""`make bench-workers` reads its worker counts from BENCH_WORKERS, and lays its processes out
on the machine's CPUs so that the load side keeps CPUs of its own."""

from __future__ import annotations

import pytest

from benchmarks.scaling import Layout
from benchmarks.settings import SettingsError, default_workers, load_settings


def test_the_default_counts_double_up_to_the_cores() -> None:
    assert default_workers(1) == (1, 2)
    assert default_workers(2) == (1, 2)
    assert default_workers(12) == (1, 2, 4, 8)
    assert default_workers(16) == (1, 2, 4, 8, 16)


def test_named_counts_are_sorted_and_kept_once() -> None:
    settings = load_settings({"BENCH_WORKERS": " 8, 1,2 ,8"})
    assert settings.workers == (1, 2, 8)


@pytest.mark.parametrize("raw", ["two", "1,,x", "0,2", "-1"])
def test_a_bad_count_names_the_variable(raw: str) -> None:
    with pytest.raises(SettingsError, match="BENCH_WORKERS"):
        load_settings({"BENCH_WORKERS": raw})


def test_pinned_workers_get_a_cpu_each_while_they_last() -> None:
    layout = Layout(gateway=tuple(range(12)), load=(12, 13, 14, 15))
    command = ["python", "-m", "gateway", "serve"]
    assert layout.gateway_command(2, command) == ["taskset", "-c", "0,1", *command]
    assert layout.gateway_cpus(16) == tuple(range(12))
    assert layout.wrk_threads == 3


def test_nothing_is_pinned_on_a_small_machine() -> None:
    layout = Layout()
    command = ["python", "-m", "gateway", "serve"]
    assert layout.gateway_command(2, command) == command
    assert layout.wrk_threads == 1
    assert "nothing pinned" in layout.describe()

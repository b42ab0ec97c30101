"""Several worker processes: a dead worker's live metrics go with it, and workers that cannot
start stop the whole process with an error rather than being started again and again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.conftest import Upstream
from tests.processes import gateway_process
from tests.servers import free_port
from tests.test_metrics import scrape, value


def _env(upstream: Upstream) -> dict[str, str]:
    return {
        "WORKERS": "2",
        "STRIPE_API_KEY": upstream.key,
        "STRIPE_API_BASE": upstream.url,
        "CACHE_URL": "redis://127.0.0.1:6379/3",
        "AUTH_ANONYMOUS_SCOPES": "checkout:read",
        "LOG_LEVEL": "warning",
    }


def _live_gauges(directory: Path) -> set[int]:
    return {int(path.stem.rpartition("_")[2]) for path in directory.glob("gauge_livesum_*.db")}


def test_a_killed_worker_is_replaced_and_its_in_flight_gauge_dropped(
    upstream: Upstream, tmp_path: Path
) -> None:
    env = _env(upstream) | {"PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    with gateway_process(env) as gateway:
        deadline = time.monotonic() + 20
        while len(workers := _live_gauges(tmp_path)) < 2:
            assert time.monotonic() < deadline, "the workers did not start"
            time.sleep(0.1)
        victim = min(workers)
        os.kill(victim, signal.SIGKILL)
        while victim in _live_gauges(tmp_path) or len(_live_gauges(tmp_path)) < 2:
            assert time.monotonic() < deadline, "the dead worker was not replaced"
            time.sleep(0.1)
        query = {"query": "{ checkoutSessions(first: 1) { nodes { id } } }"}
        assert httpx.post(f"{gateway.url}/graphql", json=query).status_code == 200
        # The scrape itself is the only request in flight, whichever worker answers.
        assert value(scrape(gateway.url), "gateway_http_requests_in_flight") == 1


def test_workers_that_cannot_start_stop_the_process_with_an_error(
    upstream: Upstream, tmp_path: Path
) -> None:
    # Not a directory: no worker can keep its metrics there.
    not_a_directory = tmp_path / "file"
    not_a_directory.write_text("")
    env = (
        {key: value for key, value in os.environ.items() if not key.startswith("PROMETHEUS_")}
        | _env(upstream)
        | {
            "PROMETHEUS_MULTIPROC_DIR": str(not_a_directory),
            "PORT": str(free_port()),
        }
    )
    result = subprocess.run(
        [sys.executable, "-m", "gateway", "serve"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "a worker could not start" in result.stderr
    assert "the gateway could not start" in result.stderr

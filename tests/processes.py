"""`checkout-gateway serve` as a real process, for tests of what only a whole process shows:
workers, log output, restarts."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import httpx

from tests.servers import free_port


@dataclass
class GatewayProcess:
    url: str
    process: subprocess.Popen[bytes]
    # Filled in once the process has stopped.
    log_lines: list[str] = field(default_factory=list)


@contextmanager
def gateway_process(env: dict[str, str], port: int | None = None) -> Iterator[GatewayProcess]:
    """Run `serve` with `env` over a clean environment until the block ends, then stop it."""
    port = port or free_port()
    base = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("STRIPE_", "OTEL_", "PROMETHEUS_", "WORKERS", "LOG_", "CACHE_"))
    }
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "gateway", "serve"],
            env=base | {"PORT": str(port)} | env,
            stderr=log,
        )
        running = GatewayProcess(f"http://127.0.0.1:{port}", process)
        try:
            wait_until_healthy(running)
            yield running
        finally:
            process.terminate()
            process.wait(timeout=15)
            log.seek(0)
            running.log_lines = log.read().decode().splitlines()


def wait_until_healthy(running: GatewayProcess, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while True:
        if running.process.poll() is not None:
            raise RuntimeError(f"serve exited with {running.process.returncode}")
        try:
            if httpx.get(f"{running.url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError("serve did not start")
        time.sleep(0.05)


@contextmanager
def redis_server(port: int | None = None) -> Iterator[str]:
    """A Redis server of the test's own on a free port, keeping nothing on disk; its URL."""
    port = port or free_port()
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while (
            subprocess.run(
                ["redis-cli", "-p", str(port), "ping"], capture_output=True
            ).stdout.strip()
            != b"PONG"
        ):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)

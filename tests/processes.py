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
from typing import Any

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
            stop_process(process, seconds=15)
            log.seek(0)
            running.log_lines = log.read().decode().splitlines()


def stop_process(process: subprocess.Popen[Any], seconds: float = 10) -> None:
    """Terminate the process, and kill it if it has not exited within `seconds`, so that a
    hung one fails its test instead of outliving the suite."""
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise


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


class RedisServer:
    """A Redis server of the test's own on a free port, keeping nothing on disk; it can be
    stopped and started again on the same port, as a restart would."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self._process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not self._answers():
            if self._process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            stop_process(process)

    def _answers(self) -> bool:
        ping = ["redis-cli", "-p", str(self.port), "ping"]
        try:
            answer = subprocess.run(ping, capture_output=True, timeout=5).stdout
        except subprocess.TimeoutExpired:
            return False
        return answer.strip() == b"PONG"


@contextmanager
def redis_server() -> Iterator[RedisServer]:
    """A running `RedisServer`, stopped when the block ends."""
    server = RedisServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()

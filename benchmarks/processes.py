"""Start, pin, watch and stop the processes the suite measures, reading their costs from /proc."""

from __future__ import annotations

import ctypes
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

START_TIMEOUT = 15.0
STOP_TIMEOUT = 10.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class Pinning:
    """Which CPU the measured server gets and which the load side (wrk, emulator) shares.

    On one core nothing is pinned: there is nothing to keep apart.
    """

    server_cpu: int | None = None
    load_cpu: int | None = None

    @classmethod
    def detect(cls) -> Pinning:
        cpus = sorted(os.sched_getaffinity(0))
        if len(cpus) >= 2 and shutil.which("taskset"):
            return cls(cpus[0], cpus[1])
        return cls()

    @property
    def pinned(self) -> bool:
        return self.server_cpu is not None

    def server(self, command: Sequence[str]) -> list[str]:
        return _taskset(self.server_cpu, command)

    def load(self, command: Sequence[str]) -> list[str]:
        return _taskset(self.load_cpu, command)

    def describe(self) -> str:
        if not self.pinned:
            return "none (fewer than 2 cores or no taskset)"
        return (
            f"gateway / reference proxy on CPU {self.server_cpu}; "
            f"emulator, wrk and this harness on CPU {self.load_cpu}"
        )


def _taskset(cpu: int | None, command: Sequence[str]) -> list[str]:
    return list(command) if cpu is None else ["taskset", "-c", str(cpu), *command]


def free_port() -> int:
    """A loopback port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _die_with_parent() -> None:
    """Have Linux stop the child if the harness dies without running its `finally` blocks."""
    if sys.platform == "linux":
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


class ServerError(RuntimeError):
    """A server did not come up; the message carries the tail of its stderr."""


class Server:
    """A child process serving HTTP on a loopback port, its stderr kept for error messages."""

    def __init__(
        self,
        name: str,
        command: Sequence[str],
        port: int,
        *,
        env: Mapping[str, str] | None = None,
        health_path: str = "/healthz",
        health_headers: Mapping[str, str] | None = None,
        start_timeout: float = START_TIMEOUT,
    ) -> None:
        self.name = name
        self.command = list(command)
        self.port = port
        self.env = dict(env) if env is not None else None
        self.health_path = health_path
        self.health_headers = dict(health_headers or {})
        self.start_timeout = start_timeout
        self.ready_seconds: float | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._stderr: IO[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        if self._process is None:
            raise RuntimeError(f"{self.name} is not running")
        return self._process.pid

    def start(self) -> float:
        """Start the process and wait for a 200 from its health path; return how long it took."""
        # Kept open for as long as the process runs; stop() closes it.
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115
        started = time.monotonic()
        # A session of its own keeps Ctrl-C away from the child: the harness stops it in order.
        self._process = subprocess.Popen(
            self.command,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=self._stderr,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )
        deadline = started + self.start_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise ServerError(
                    f"{self.name} exited with status {self._process.returncode} before it was "
                    f"ready.\n{self.stderr_tail()}"
                )
            if _answers_200(self.port, self.health_path, self.health_headers):
                self.ready_seconds = time.monotonic() - started
                return self.ready_seconds
            time.sleep(0.01)
        raise ServerError(
            f"{self.name} did not answer 200 on {self.health_path} within "
            f"{self.start_timeout:g} s.\n"
            f"{self.stderr_tail()}"
        )

    def stop(self) -> None:
        """Stop the process (SIGTERM, then SIGKILL); safe to call more than once."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    def post_mortem(self) -> str:
        """Whether the process still runs, and the tail of its stderr, for an error message."""
        if self._process is None:
            return f"{self.name} was not running."
        code = self._process.poll()
        state = "is still running" if code is None else f"exited with status {code}"
        return f"{self.name} {state}.\n{self.stderr_tail()}"

    def stderr_tail(self, lines: int = 20) -> str:
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        tail = self._stderr.read().decode(errors="replace").splitlines()[-lines:]
        return "\n".join(f"  {self.name}: {line}" for line in tail) or f"  ({self.name}: no stderr)"

    def cpu_seconds(self) -> float:
        """CPU time of the process and of its children (a gateway's workers, say)."""
        return sum(cpu_seconds(pid) for pid in (self.pid, *descendants(self.pid)))

    def rss_mb(self) -> float:
        return status_mb(self.pid, "VmRSS")

    def peak_rss_mb(self) -> float:
        """Peak resident memory of the process and of its children, added up (each its own)."""
        return sum(status_mb(pid, "VmHWM") for pid in (self.pid, *descendants(self.pid)))

    def __enter__(self) -> Server:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _answers_200(port: int, path: str, headers: Mapping[str, str]) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
    try:
        connection.request("GET", path, headers=dict(headers))
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time the process has used so far (fields 14 and 15 of its stat)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    # The command name may contain spaces and parentheses; the fields after it are fixed.
    fields = stat.rsplit(")", 1)[1].split()
    utime, stime = int(fields[11]), int(fields[12])
    return (utime + stime) / CLOCK_TICKS


def descendants(pid: int) -> list[int]:
    """The live processes started by `pid`, and by those, and so on."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, queue = [], list(children.get(pid, ()))
    while queue:
        child = queue.pop()
        found.append(child)
        queue.extend(children.get(child, ()))
    return found


def status_mb(pid: int, key: str) -> float:
    """A `kB` line of /proc/<pid>/status (VmRSS, VmHWM) in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{key}:"):
            return int(line.split()[1]) / 1024
    raise KeyError(key)


def cpu_busy_ticks() -> dict[int, tuple[int, int]]:
    """Per CPU, (busy, total) ticks since boot, from /proc/stat."""
    result: dict[int, tuple[int, int]] = {}
    for line in Path("/proc/stat").read_text().splitlines():
        name, *values = line.split()
        if not name.startswith("cpu") or name == "cpu":
            continue
        ticks = [int(v) for v in values]
        idle = ticks[3] + ticks[4]  # idle + iowait
        total = sum(ticks[:8])  # guest time is already counted in user
        result[int(name[3:])] = (total - idle, total)
    return result


def busy_percent(
    before: dict[int, tuple[int, int]], after: dict[int, tuple[int, int]]
) -> dict[int, float]:
    """How busy each CPU was between two `cpu_busy_ticks` readings, in percent."""
    result: dict[int, float] = {}
    for cpu, (busy, total) in after.items():
        busy0, total0 = before.get(cpu, (0, 0))
        result[cpu] = 100 * (busy - busy0) / max(total - total0, 1)
    return result

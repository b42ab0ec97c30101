"""Drive load with wrk and read back the one summary line its Lua scripts print."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.processes import Pinning

SCRIPTS = Path(__file__).parent / "scripts"
MARKER = "BENCH_RESULT "
# Generous, so a slow server shows in the latency figures rather than as timeouts.
REQUEST_TIMEOUT = "10s"


@dataclass(frozen=True)
class Request:
    """One HTTP request; a body is sent as JSON."""

    method: str
    path: str
    body: bytes | None = None

    def line(self) -> str:
        """The request as one tab-separated line of the file `request.lua` reads."""
        body = (self.body or b"").decode()
        if any(c in self.path + body for c in "\t\n"):
            raise ValueError(f"a tab or newline in {self.path!r} would break the requests file")
        return f"{self.method}\t{self.path}\t{body}"


@dataclass(frozen=True)
class Target:
    """What wrk sends to one server, and the Lua script that sends it.

    With `request.lua`, `requests` are sent in turn, round robin (each wrk thread keeps its
    own turn; with one thread, requests in flight together are neighbours in the list). Other
    scripts read `env` as it is, and `files`, which are written to a temporary directory and
    handed over as `BENCH_<NAME>` set to their paths; their `requests` are only what priming a
    cache would send.
    """

    requests: tuple[Request, ...]
    script: str = "request.lua"
    env: Mapping[str, str] = field(default_factory=dict)
    files: Mapping[str, bytes] = field(default_factory=dict)

    def script_files(self) -> dict[str, bytes]:
        files = dict(self.files)
        if self.script == "request.lua":
            lines = "\n".join(r.line() for r in self.requests) + "\n"
            files["REQUESTS_FILE"] = lines.encode()
        return files


@dataclass(frozen=True)
class LoadResult:
    """One wrk run. Errors are socket errors, non-2xx answers and 2xx bodies reporting errors."""

    requests: int
    operations: int
    seconds: float
    p50_ms: float
    p99_ms: float
    mean_ms: float
    max_ms: float
    errors: dict[str, int]

    @property
    def ops_per_second(self) -> float:
        return self.operations / self.seconds if self.seconds else 0.0

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())


class LoadError(RuntimeError):
    """wrk failed or printed no summary line."""


class Load:
    """A wrk process running in the background; `result()` waits for it and parses its line."""

    def __init__(
        self,
        base_url: str,
        target: Target,
        *,
        seconds: int,
        connections: int,
        pinning: Pinning,
        threads: int = 1,
    ) -> None:
        self._workdir = tempfile.TemporaryDirectory(prefix="bench-wrk-")
        env = {**os.environ, "BENCH_SCRIPTS": str(SCRIPTS), **target.env}
        for name, content in target.script_files().items():
            path = Path(self._workdir.name) / name.lower()
            path.write_bytes(content)
            env[f"BENCH_{name}"] = str(path)
        command = pinning.load(
            [
                "wrk",
                f"-t{threads}",
                f"-c{connections}",
                f"-d{seconds}s",
                "--timeout",
                REQUEST_TIMEOUT,
                "-s",
                str(SCRIPTS / target.script),
                base_url + target.requests[0].path,
            ]
        )
        self._process = subprocess.Popen(
            command,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        self._timeout = seconds + 60

    def running(self) -> bool:
        return self._process.poll() is None

    def result(self) -> LoadResult:
        try:
            stdout, stderr = self._process.communicate(timeout=self._timeout)
        finally:
            self.stop()
        for line in stdout.splitlines():
            if line.startswith(MARKER):
                return _parse(json.loads(line[len(MARKER) :]))
        raise LoadError(
            f"wrk exited with status {self._process.returncode} and no summary line.\n"
            f"stdout: {stdout.strip()[-2000:]}\nstderr: {stderr.strip()[-2000:]}"
        )

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._workdir.cleanup()


def run_load(
    base_url: str,
    target: Target,
    *,
    seconds: int,
    connections: int,
    pinning: Pinning,
    threads: int = 1,
) -> LoadResult:
    """Run wrk against `base_url` for `seconds` and return what it measured."""
    load = Load(
        base_url,
        target,
        seconds=seconds,
        connections=connections,
        pinning=pinning,
        threads=threads,
    )
    return load.result()


def _parse(raw: dict[str, float]) -> LoadResult:
    errors = {
        name: int(raw[name])
        for name in ("connect", "read", "write", "timeout", "status", "bad_body")
        if raw[name]
    }
    return LoadResult(
        requests=int(raw["requests"]),
        operations=int(raw["operations"]),
        seconds=raw["duration_us"] / 1e6,
        p50_ms=raw["p50_us"] / 1000,
        p99_ms=raw["p99_us"] / 1000,
        mean_ms=raw["mean_us"] / 1000,
        max_ms=raw["max_us"] / 1000,
        errors=errors,
    )

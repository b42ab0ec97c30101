"""Running the gateway: its worker processes, and the embedded emulator beside them."""

from __future__ import annotations

import ctypes
import gc
import logging
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path

import uvicorn
from prometheus_client import multiprocess
from starlette.types import ASGIApp
from uvicorn.supervisors import Multiprocess

from gateway.config import Settings
from gateway.telemetry import log_config

logger = logging.getLogger("gateway")

PR_SET_PDEATHSIG = 1
# uvicorn's exit status for a worker that could not start: its supervisor then stops, rather
# than starting the worker again and again.
STARTUP_FAILURE = 3
# When CPython's collector runs: after 700 new objects, as by default; a middle collection
# every 100 young ones instead of 10; a full one every 1,000 middle ones. A middle collection
# walks every Stripe page in flight (a page of 50 sessions decodes to some 10,000 containers),
# so under load the defaults spend more than twice the CPU. Requests leave no reference
# cycles behind (a test checks), so nothing waits longer to be freed; and freezing (see
# worker_app) would otherwise make full collections frequent, as CPython spaces them by the
# number of long-lived objects, which frozen ones no longer are.
GC_THRESHOLDS = (700, 100, 1000)
SWITCH_INTERVAL = 0.001


def serve(settings: Settings) -> None:
    """Serve until stopped: on Stripe with a key, on the embedded emulator without one."""
    if not settings.uses_emulator:
        logger.info(
            "Serving Stripe at %s in %s mode (%s) with %d worker(s)",
            settings.stripe.api_base,
            settings.mode,
            "production" if settings.production else "development",
            settings.workers,
        )
        run(settings)
        return
    logger.warning(
        "Demo mode: no STRIPE_API_KEY is set, so the gateway serves sample data from the "
        "embedded Stripe emulator on 127.0.0.1:%d. Set STRIPE_API_KEY to serve Stripe.",
        settings.emulator_port,
    )
    secret = f"whsec_{secrets.token_hex(16)}"
    webhooks = (_loopback_url(settings.host, settings.port) + "/webhooks/stripe", secret)
    with embedded_emulator(settings.emulator_port, webhooks if settings.port else None) as base:
        key = f"sk_test_{secrets.token_hex(12)}"
        stripe = replace(settings.stripe, api_key=key, api_base=base, webhook_secret=secret)
        run(replace(settings, stripe=stripe, demo=True))


@contextmanager
def embedded_emulator(port: int, webhooks: tuple[str, str] | None = None) -> Iterator[str]:
    """Run the emulator, with its demo data, as a child process for as long as the gateway runs.

    A process of its own keeps its logs and its event loop apart from the gateway's, and the
    gateway reaches it over loopback HTTP exactly as it would reach Stripe. `webhooks` is the
    URL and secret it signs its events for, as a Stripe webhook endpoint would have them; the
    secret goes through the child's environment, where `ps` does not show it.
    """
    if not _port_free(port):
        raise RuntimeError(
            f"port {port} is taken; set EMULATOR_PORT to a free port for the emulator"
        )
    command = [sys.executable, "-m", "stripe_emulator", "--port", str(port)]
    env = {name: value for name, value in os.environ.items() if name != "EMULATOR_WEBHOOK_SECRET"}
    if webhooks is not None:
        command += ["--webhook-url", webhooks[0]]
        env["EMULATOR_WEBHOOK_SECRET"] = webhooks[1]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, env=env, preexec_fn=_die_with_parent
    )
    try:
        _wait_until_listening(process, port)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _port_free(port: int) -> bool:
    """Whether a server could listen on `port` now.

    With SO_REUSEADDR, as uvicorn binds, a port whose only sockets are closed connections
    still in TIME_WAIT (for a minute after a restart) counts as free; one something listens
    on does not.
    """
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _die_with_parent() -> None:
    """Have Linux stop the emulator when the gateway process ends, however it ends.

    uvicorn re-raises the signal that stopped it, so a `finally` in the gateway may never run.
    """
    if sys.platform == "linux":
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _wait_until_listening(process: subprocess.Popen[bytes], port: int) -> None:
    deadline = time.monotonic() + 15
    while process.poll() is None and time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"the embedded emulator could not start on 127.0.0.1:{port}")


def _loopback_url(host: str, port: int) -> str:
    """How a process on this machine reaches the gateway listening on `host`."""
    if host in ("", "0.0.0.0", "::"):
        host = "127.0.0.1"
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def worker_app(settings: Settings) -> ASGIApp:
    """The app of one worker process, which uvicorn calls once the worker has started.

    A worker that cannot build its app exits with uvicorn's startup failure status, so that
    the supervisor stops instead of starting it again and again.
    """
    from gateway.app import create_app

    try:
        app = create_app(settings)
    except Exception:
        logger.exception("the gateway could not start")
        sys.exit(STARTUP_FAILURE)
    # The schema and everything imported live as long as the process: freezing them keeps the
    # garbage collector from rescanning them in every full collection, which would otherwise
    # stall requests for milliseconds at a time.
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    # While the worker thread prepares a large document, the event loop waits this long at
    # most for the interpreter each time it wakes (the default is 5 ms).
    sys.setswitchinterval(SWITCH_INTERVAL)
    return app


def run(settings: Settings) -> None:
    """Serve with `settings.workers` processes sharing one listening socket."""
    observability = settings.observability
    config = uvicorn.Config(
        partial(worker_app, settings),
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        log_config=log_config(observability.log_level, observability.log_format),
        log_level=observability.log_level,
        access_log=False,
    )
    with _metrics_directory(settings.workers):
        if settings.workers == 1:
            server = uvicorn.Server(config)
            server.run()
            if not server.started:
                raise RuntimeError(f"could not serve on {settings.host}:{settings.port}")
            return
        supervisor = Supervisor(config, sockets=[config.bind_socket()])
        supervisor.run()
        if supervisor.failed:
            raise RuntimeError("a worker could not start; its log lines above say why")


class Supervisor(Multiprocess):
    """uvicorn's supervisor (it starts the workers and starts again any that die), which also
    drops a dead worker's live metrics, and tells whether the workers could start at all.

    It reads uvicorn's `processes` list of workers, which `tests/test_workers.py` checks.
    """

    def keep_subprocess_alive(self) -> None:
        before = list(self.processes)
        super().keep_subprocess_alive()
        for process in before:
            # A worker that died has been replaced in the list by a new one.
            if process not in self.processes and process.pid is not None:
                multiprocess.mark_process_dead(process.pid)  # type: ignore[no-untyped-call]

    @property
    def failed(self) -> bool:
        return any(process.exitcode == STARTUP_FAILURE for process in self.processes)


@contextmanager
def _metrics_directory(workers: int) -> Iterator[None]:
    """Where prometheus-client's multiprocess mode keeps each worker's values.

    A directory the operator chose (`PROMETHEUS_MULTIPROC_DIR`) is emptied of an earlier run's
    files first; with several workers and none chosen, a fresh temporary one is made. Either
    is in the environment before any worker starts, as prometheus-client reads it on import.
    """
    chosen = os.environ.get("PROMETHEUS_MULTIPROC_DIR", "")
    if chosen:
        for stale in Path(chosen).glob("*.db"):
            stale.unlink()
        yield
        return
    if workers == 1:
        yield
        return
    with tempfile.TemporaryDirectory(prefix="checkout-gateway-metrics-") as path:
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = path
        try:
            yield
        finally:
            del os.environ["PROMETHEUS_MULTIPROC_DIR"]

"""Command line: `checkout-gateway serve`, `export-schema`, `export-scopes` and `new-key`."""

from __future__ import annotations

import argparse
import ctypes
import gc
import json
import logging
import logging.config
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

import uvicorn
from starlette.types import ASGIApp
from uvicorn.supervisors import Multiprocess

from gateway.config import ConfigError, Settings, load_settings
from gateway.identity import Scope
from gateway.telemetry import log_config

logger = logging.getLogger("gateway")

PR_SET_PDEATHSIG = 1
# When CPython's collector runs: after 700 new objects, as by default; a middle collection
# every 100 young ones instead of 10; a full one every 1,000 middle ones. A middle collection
# walks every Stripe page in flight (a page of 50 sessions decodes to some 10,000 containers),
# so under load the defaults spend more than twice the CPU. Requests leave no reference
# cycles behind (a test checks), so nothing waits longer to be freed; and freezing (see _run)
# would otherwise make full collections frequent, as CPython spaces them by the number of
# long-lived objects, which frozen ones no longer are.
GC_THRESHOLDS = (700, 100, 1000)
SWITCH_INTERVAL = 0.001


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
    command = [sys.executable, "-m", "gateway.emulator", "--port", str(port)]
    env = dict(os.environ)
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


def serve(settings: Settings) -> None:
    if not settings.uses_emulator:
        logger.info(
            "Serving Stripe at %s in %s mode with %d worker(s)",
            settings.stripe.api_base,
            settings.mode,
            settings.workers,
        )
        _run(settings)
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
        _run(replace(settings, stripe=stripe, demo=True))


def _loopback_url(host: str, port: int) -> str:
    """How a process on this machine reaches the gateway listening on `host`."""
    if host in ("", "0.0.0.0", "::"):
        host = "127.0.0.1"
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def worker_app(settings: Settings) -> ASGIApp:
    """The app of one worker process, which uvicorn calls once the worker has started."""
    from gateway.app import create_app

    app = create_app(settings)
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


def _run(settings: Settings) -> None:
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
    if settings.workers == 1:
        server = uvicorn.Server(config)
        server.run()
        if not server.started:
            raise RuntimeError(f"could not serve on {settings.host}:{settings.port}")
        return
    with _metrics_directory():
        # uvicorn's own supervisor: it binds once, starts the workers and restarts any that die.
        Multiprocess(config, sockets=[config.bind_socket()]).run()


@contextmanager
def _metrics_directory() -> Iterator[None]:
    """A fresh directory for prometheus-client's multiprocess files, for the workers to share.

    Set in the environment before any worker starts, as prometheus-client reads it when
    imported; a directory the operator chose is used as it is.
    """
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        yield
        return
    with tempfile.TemporaryDirectory(prefix="checkout-gateway-metrics-") as path:
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = path
        try:
            yield
        finally:
            del os.environ["PROMETHEUS_MULTIPROC_DIR"]


def export_schema() -> None:
    from gateway.schema import build_schema

    sys.stdout.write(build_schema().as_str() + "\n")


SCOPES_START = "<!-- scopes: made by `checkout-gateway export-scopes` -->\n"
SCOPES_END = "<!-- /scopes -->"


def export_scopes(readme: str | None) -> None:
    """Print the table of scopes, or rewrite it in place between the markers of `readme`."""
    from gateway.schema import build_schema
    from gateway.schema.permissions import scope_table

    table = scope_table(build_schema()._schema)
    if readme is None:
        sys.stdout.write(table)
        return
    with open(readme, encoding="utf-8") as file:
        text = file.read()
    head, start, rest = text.partition(SCOPES_START)
    _, end, tail = rest.partition(SCOPES_END)
    if not start or not end:
        raise SystemExit(f"checkout-gateway: {readme} has no scopes markers")
    with open(readme, "w", encoding="utf-8") as file:
        file.write(head + start + table + end + tail)


def new_key(
    name: str, scopes: list[str], customer: str | None, account: str | None, append: str | None
) -> None:
    """Make a key: the key itself for the client (on stdout), and the entry for the key file
    (appended to `append`, or shown on stderr)."""
    from gateway.auth import new_key as make_key

    key, digest = make_key()
    entry = [
        "[[client]]",
        f"name = {json.dumps(name)}",
        f'key_sha256 = "{digest}"',
        f"scopes = {json.dumps(scopes)}",
    ]
    if customer:
        entry.append(f"customer = {json.dumps(customer)}")
    if account:
        entry.append(f"account = {json.dumps(account)}")
    text = "\n".join(entry) + "\n"
    if append is None:
        sys.stderr.write("Add this entry to the AUTH_KEYS_FILE:\n\n" + text + "\n")
    else:
        with open(append, "a", encoding="utf-8") as file:
            file.write(("\n" if file.tell() else "") + text)
    sys.stdout.write(key + "\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="checkout-gateway",
        description="A GraphQL gateway over Stripe's Checkout Sessions API.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="serve GraphQL at /graphql (configured by environment)")
    commands.add_parser("export-schema", help="print the schema's SDL")
    scopes = commands.add_parser("export-scopes", help="print the table of scopes")
    scopes.add_argument("--readme", help="rewrite the table in this file instead")
    keys = commands.add_parser("new-key", help="make an API key and its key file entry")
    keys.add_argument("name", help="the client's name, as rate limits and audit lines show it")
    keys.add_argument("--scope", action="append", default=[], choices=[s.value for s in Scope])
    keys.add_argument("--customer", help="bind the key to this customer (cus_…)")
    keys.add_argument("--account", help="act as this connected account (acct_…)")
    keys.add_argument("--append", metavar="KEY_FILE", help="append the entry to this key file")
    args = parser.parse_args(argv)
    if args.command == "export-schema":
        export_schema()
        return
    if args.command == "export-scopes":
        export_scopes(args.readme)
        return
    if args.command == "new-key":
        new_key(args.name, args.scope, args.customer, args.account, args.append)
        return
    try:
        settings = load_settings()
    except ConfigError as exc:
        parser.exit(2, f"checkout-gateway: {exc}\n")
    observability = settings.observability
    logging.config.dictConfig(log_config(observability.log_level, observability.log_format))
    try:
        serve(settings)
    except RuntimeError as exc:
        parser.exit(1, f"checkout-gateway: {exc}\n")

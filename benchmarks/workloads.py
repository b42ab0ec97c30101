"""The five workloads: a GraphQL operation for the gateway, the same Stripe calls for the proxy.

Each workload also says how the gateway runs for it (cache off or warm, upstream latency),
how many upstream calls one operation should cost, and the target it is judged against.

Reads rotate over many sessions (or pages) rather than repeating one. The gateway shares one
upstream call among identical reads in flight at once, so 32 connections asking for one id
would cost Stripe a fraction of a call each and measure that sharing instead of the read.
Requests in flight together are neighbours in the rotation, so they never ask for the same
thing, and every operation makes its own calls, as the reference proxy's do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import orjson

from benchmarks.load import Request, Target
from benchmarks.measure import Measurement
from benchmarks.upstream import Dataset

CACHE_OFF = "off"
CACHE_WARM = "memory://"
PAGE_SIZE = 50
FAN_OUT_DISTINCT = 20
FAN_OUT_REPEATS = 5
# Room for rounding around the bounds on calls per operation (see Measurement.calls_per_op).
CALLS_TOLERANCE = 0.01

ONE_SESSION = """
query One($id: ID!) {
  checkoutSession(id: $id) { id status paymentStatus amountTotal currency customerEmail }
}
"""

PAGE = """
query Page($after: String) {
  checkoutSessions(first: 50, after: $after) {
    nodes {
      id status amountTotal currency
      lineItems { nodes { id description quantity amountTotal } }
    }
  }
}
"""

CREATE = """
mutation Create($input: CreateCheckoutSessionInput!) {
  createCheckoutSession(input: $input) {
    checkoutSession { id }
    userErrors { code message }
  }
}
"""

EXPIRE = """
mutation Expire($id: ID!) {
  expireCheckoutSession(id: $id) {
    checkoutSession { id status }
    userErrors { code message }
  }
}
"""

CREATE_INPUT = {
    "mode": "PAYMENT",
    "successUrl": "https://example.com/done",
    "lineItems": [
        {
            "priceData": {
                "currency": "usd",
                "unitAmount": 500,
                "productData": {"name": "Bench item 0.0"},
            },
            "quantity": 1,
        }
    ],
}

# Stands for the id of the session just created, in the expire request's path and body.
ID_PLACEHOLDER = "__ID__"

Check = Callable[[Measurement, Measurement], tuple[bool | None, str]]


@dataclass(frozen=True)
class Workload:
    key: str
    title: str
    gateway: Target
    proxy: Target
    expected_calls: float
    check: Check
    cache: str = CACHE_OFF
    latency_ms: float = 0.0
    prime: bool = False
    # Also measure p50 with one connection, where latency is the operation's own, not queueing.
    probe_latency: bool = False


def graphql(query: str, variables: dict[str, object] | None = None) -> Request:
    body = orjson.dumps({"query": query, "variables": variables or {}})
    return Request("POST", "/graphql", body)


def one_session(ids: Sequence[str]) -> tuple[Target, Target]:
    """Workload 1's requests over `ids`: for the gateway, then for the proxy."""
    return (
        Target(tuple(graphql(ONE_SESSION, {"id": sid}) for sid in ids)),
        Target(tuple(Request("GET", f"/w1/{sid}") for sid in ids)),
    )


def fan_out_query(ids: list[str]) -> str:
    """One operation reading each id under its own alias; repeated ids must cost nothing."""
    fields = "\n".join(
        f'  s{n}: checkoutSession(id: "{sid}") {{ id status amountTotal }}'
        for n, sid in enumerate(ids)
    )
    return f"query FanOut {{\n{fields}\n}}"


def create_expire(
    create_path: str, create_body: bytes, expire_path: str, expire_body: bytes
) -> Target:
    return Target(
        (Request("POST", create_path, create_body or None),),
        script="create_expire.lua",
        env={
            "BENCH_CONTENT_TYPE": "application/json",
            "BENCH_CREATE_PATH": create_path,
            "BENCH_EXPIRE_PATH": expire_path,
        },
        files={"CREATE_FILE": create_body, "EXPIRE_FILE": expire_body},
    )


def calls_near(measured: Measurement, expected: float) -> bool:
    """Whether `expected` lies within the bounds the run puts on calls per operation."""
    slack = expected * CALLS_TOLERANCE
    return measured.calls_per_op_low - slack <= expected <= measured.calls_per_op + slack


def _verdict(failures: list[str], gateway: Measurement, proxy: Measurement) -> tuple[bool, str]:
    if gateway.load.error_count or proxy.load.error_count:
        failures.insert(0, "errors")
    return (False, "FAIL: " + "; ".join(failures)) if failures else (True, "pass")


def check_one_session(gateway: Measurement, proxy: Measurement) -> tuple[bool | None, str]:
    failures = []
    ratio = gateway.ops_per_second / proxy.ops_per_second
    if ratio < 0.5:
        failures.append(f"ratio {ratio:.2f} < 0.5")
    if gateway.load.p99_ms > proxy.load.p99_ms + 5:
        failures.append(f"p99 {gateway.load.p99_ms:.1f} > {proxy.load.p99_ms:.1f} + 5 ms")
    return _verdict(failures, gateway, proxy)


def check_warm(gateway: Measurement, proxy: Measurement) -> tuple[bool | None, str]:
    failures = []
    ratio = gateway.ops_per_second / proxy.ops_per_second
    if ratio < 0.6:
        failures.append(f"ratio {ratio:.2f} < 0.6")
    if gateway.calls_per_op >= 0.005:
        failures.append(f"{gateway.calls_text()} calls/op, not 0")
    return _verdict(failures, gateway, proxy)


def check_page(gateway: Measurement, proxy: Measurement) -> tuple[bool | None, str]:
    failures = []
    if not calls_near(gateway, 1):
        failures.append(f"{gateway.calls_text()} calls/op, not 1")
    if gateway.cpu_ms_per_op > 4:
        failures.append(f"CPU {gateway.cpu_ms_per_op:.1f} > 4 ms/op")
    return _verdict(failures, gateway, proxy)


def check_fan_out(gateway: Measurement, proxy: Measurement) -> tuple[bool | None, str]:
    failures = []
    if not calls_near(gateway, FAN_OUT_DISTINCT):
        failures.append(f"{gateway.calls_text()} calls/op, not {FAN_OUT_DISTINCT}")
    # At full load an operation mostly queues; its own latency shows with one connection.
    p50 = gateway.unloaded.p50_ms if gateway.unloaded else gateway.load.p50_ms
    if p50 >= 80:
        failures.append(f"p50 at 1 connection {p50:.0f} >= 80 ms")
    passed, verdict = _verdict(failures, gateway, proxy)
    return passed, f"{verdict} (p50 at 1 connection: {p50:.0f} ms)"


def check_create_expire(gateway: Measurement, proxy: Measurement) -> tuple[bool | None, str]:
    if gateway.load.error_count or proxy.load.error_count:
        return False, "FAIL: errors"
    return None, "no target"


def build_workloads(data: Dataset, latency_ms: float) -> list[Workload]:
    """The five workloads over the suite's sessions; W4 adds `latency_ms` to every Stripe call."""
    ids = data.ids
    one, one_proxy = one_session(ids)
    warm, warm_proxy = one_session(data.completed)
    # Newest first, a page after ids[k] is the 50 sessions made just before it.
    cursors = ids[PAGE_SIZE:]
    windows = [
        [*ids[start : start + FAN_OUT_DISTINCT], *ids[start : start + FAN_OUT_REPEATS]]
        for start in range(0, len(ids) - FAN_OUT_DISTINCT + 1, FAN_OUT_DISTINCT)
    ]
    return [
        Workload(
            "W1",
            f"One session by id ({len(ids):,} in turn), 6 fields, cache off",
            one,
            one_proxy,
            expected_calls=1,
            check=check_one_session,
        ),
        Workload(
            "W2",
            f"Same query over {len(data.completed)} paid sessions, cache warm",
            warm,
            warm_proxy,
            expected_calls=0,
            check=check_warm,
            cache=CACHE_WARM,
            prime=True,
        ),
        Workload(
            "W3",
            f"Page of {PAGE_SIZE} sessions with line items ({len(cursors)} pages), cache off",
            Target(tuple(graphql(PAGE, {"after": cursor}) for cursor in cursors)),
            Target(tuple(Request("GET", f"/w3?after={cursor}") for cursor in cursors)),
            expected_calls=1,
            check=check_page,
        ),
        Workload(
            "W4",
            f"Fan-out: {FAN_OUT_DISTINCT + FAN_OUT_REPEATS} aliases, {FAN_OUT_DISTINCT} "
            f"distinct ids, {latency_ms:g} ms upstream latency, cache off",
            Target(tuple(graphql(fan_out_query(window)) for window in windows)),
            Target(tuple(Request("POST", "/w4", orjson.dumps(window)) for window in windows)),
            expected_calls=FAN_OUT_DISTINCT,
            check=check_fan_out,
            latency_ms=latency_ms,
            probe_latency=True,
        ),
        Workload(
            "W5",
            "Create then expire (one op = both), cache off",
            create_expire(
                "/graphql",
                orjson.dumps({"query": CREATE, "variables": {"input": CREATE_INPUT}}),
                "/graphql",
                orjson.dumps({"query": EXPIRE, "variables": {"id": ID_PLACEHOLDER}}),
            ),
            create_expire("/w5/create", b"", f"/w5/{ID_PLACEHOLDER}/expire", b""),
            expected_calls=2,
            check=check_create_expire,
        ),
    ]

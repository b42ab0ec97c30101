"""Hostile clients: does one abusive request hurt everybody else, and can requests grow memory?

The fairness run measures workload 1 on a few connections, alone and then beside a client
that sends one abusive operation after another (each the largest of its kind the default
limits admit), and compares the p99 of the normal traffic. The memory run sends thousands of
distinct documents and distinct operation names and reads the gateway's memory after.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import httpx
from graphql import (
    FieldNode,
    GraphQLObjectType,
    GraphQLSchema,
    NameNode,
    OperationDefinitionNode,
    SelectionSetNode,
    get_introspection_query,
    get_named_type,
    is_non_null_type,
    parse,
    print_ast,
)

from benchmarks.load import LoadResult, Target, run_load
from benchmarks.processes import Pinning, Server
from benchmarks.upstream import Dataset
from gateway.config import LimitSettings
from gateway.identity import Caller, Scope
from gateway.limits.checkout_costs import ASSUMED_LIST_SIZE, CHECKOUT_COSTS
from gateway.limits.cost import CostModel
from gateway.schema import build_schema

FAIRNESS_CONNECTIONS = 4
# The p99 of normal traffic may rise by less than this beside an abuser.
FAIRNESS_TARGET_MS = 20.0
MEMORY_DOCUMENTS = 10_000
MEMORY_NAMES = 10_000
MEMORY_TARGET_MB = 150.0
LIMITS = LimitSettings()


def every_field(schema: GraphQLSchema, type_name: str, seen: frozenset[str] = frozenset()) -> str:
    """A selection of every field of a type that takes no required argument, nested types too."""
    object_type = schema.type_map[type_name]
    assert isinstance(object_type, GraphQLObjectType)
    parts = []
    for name, definition in object_type.fields.items():
        if any(is_non_null_type(argument.type) for argument in definition.args.values()):
            continue
        inner = get_named_type(definition.type)
        if isinstance(inner, GraphQLObjectType):
            if inner.name not in seen and name != "lineItems":
                parts.append(f"{name} {{ {every_field(schema, inner.name, seen | {type_name})} }}")
        else:
            parts.append(name)
    return " ".join(parts)


def fitting(schema: GraphQLSchema, items: int) -> str:
    """As many of a session's fields (each with all it holds) as fit in the result size limit
    when `items` sessions are read."""
    model = CostModel(schema, CHECKOUT_COSTS, ASSUMED_LIST_SIZE)
    caller = Caller("abuser", frozenset(Scope))
    chosen: list[str] = []
    for part in _top_level(every_field(schema, "CheckoutSession")):
        trial = " ".join([*chosen, part])
        document = parse(f'{{ checkoutSession(id: "x") {{ {trial} }} }}')
        [operation] = document.definitions
        assert isinstance(operation, OperationDefinitionNode)
        fields = model.compile(document, operation)(None, caller).fields
        if items * fields <= LIMITS.max_result_fields - 2 * items:
            chosen.append(part)
    return " ".join(chosen)


def _top_level(selection: str) -> list[str]:
    """The top-level fields of a selection, each with its braces."""
    parts: list[str] = []
    depth = 0
    for word in selection.split():
        if depth == 0 and word != "{":
            parts.append(word)
        else:
            parts[-1] += f" {word}"
        depth += word.count("{") - word.count("}")
    return parts


def pages(cursors: Sequence[str]) -> str:
    """As many pages of 100 sessions as the limits admit, the id of each."""
    # Each page counts itself, its list and 100 ids towards the result size.
    count = min(LIMITS.max_operation_cost, LIMITS.max_result_fields // 102)
    listed = " ".join(
        f'p{n}: checkoutSessions(first: 100, after: "{cursor}") {{ nodes {{ id }} }}'
        for n, cursor in enumerate(cursors[:count])
    )
    return f"query Pages {{ {listed} }}"


def full_page(selection: str) -> str:
    """One page of 100 sessions, with as many fields as the result size limit admits."""
    return f"query Page {{ checkoutSessions(first: 100) {{ nodes {{ {selection} }} }} }}"


def switched_page(selection: str) -> str:
    """The same page behind four @include switches: more than plans take, so graphql-core runs."""
    return (
        "query Switched($a: Boolean = true, $b: Boolean = true, $c: Boolean = false, "
        "$d: Boolean = false) { checkoutSessions(first: 100) "
        f"{{ nodes @include(if: $a) @skip(if: $c) {{ id @include(if: $b) @skip(if: $d) "
        f"{selection} }} }} }}"
    )


def entities(ids: Sequence[str], selection: str) -> tuple[str, dict[str, object]]:
    """Federation's entity lookup of as many sessions as the cost limit admits."""
    representations = [
        {"__typename": "CheckoutSession", "id": sid} for sid in ids[: LIMITS.max_operation_cost]
    ]
    query = (
        "query Entities($r: [_Any!]!) { _entities(representations: $r) "
        f"{{ ... on CheckoutSession {{ {selection} }} }} }}"
    )
    return query, {"r": representations}


def introspection() -> str:
    """The standard introspection query, its `__schema` as many times as the limits admit."""
    document = parse(get_introspection_query(descriptions=True))
    operation = document.definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    [schema_field] = operation.selection_set.selections
    assert isinstance(schema_field, FieldNode)
    copies = tuple(
        replace(schema_field, alias=NameNode(value=f"s{n}"))
        for n in range(LIMITS.max_introspection_fields)
    )
    operation = replace(operation, selection_set=SelectionSetNode(selections=copies))
    return print_ast(replace(document, definitions=(operation, *document.definitions[1:])))


def unique_documents(selection: str) -> Callable[[int], str]:
    """A new document of every field for every request: each is parsed and validated afresh."""

    def document(n: int) -> str:
        return f"query Unique{n} {{ checkoutSessions(first: 2) {{ nodes {{ {selection} }} }} }}"

    return document


@dataclass(frozen=True)
class Abuser:
    name: str
    # The request body for the n-th request.
    body: Callable[[int], dict[str, object]]


def abusers(data: Dataset) -> list[Abuser]:
    """The largest operation of each kind the default limits admit."""
    schema = build_schema()._schema
    page_fields = fitting(schema, 100)
    entity_query, entity_variables = entities(data.ids, fitting(schema, LIMITS.max_operation_cost))
    unique = unique_documents(every_field(schema, "CheckoutSession"))
    documents: list[tuple[str, Callable[[int], dict[str, object]]]] = [
        ("49 pages of 100 sessions", lambda n: {"query": pages(data.ids[100:])}),
        (
            "a page of 100 sessions, fields up to the size limit",
            lambda n: {"query": full_page(page_fields)},
        ),
        (
            "the same behind four @include switches",
            lambda n: {"query": switched_page(page_fields)},
        ),
        (
            "_entities of 50 sessions, fields up to the size limit",
            lambda n: {"query": entity_query, "variables": entity_variables},
        ),
        ("full introspection, 3 times", lambda n: {"query": introspection()}),
        ("a new document of every field each time", lambda n: {"query": unique(n)}),
    ]
    return [Abuser(name, body) for name, body in documents]


@dataclass
class AbuserRecord:
    """What the abusive client saw."""

    requests: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    slowest_s: float = 0.0


@dataclass(frozen=True)
class FairnessResult:
    abuser: str
    alone: LoadResult
    beside: LoadResult
    record: AbuserRecord

    @property
    def rise_ms(self) -> float:
        return self.beside.p99_ms - self.alone.p99_ms

    @property
    def passed(self) -> bool:
        within_budget = self.record.slowest_s <= LIMITS.operation_timeout + 1
        clean = not self.alone.error_count and not self.beside.error_count
        return (
            self.rise_ms < FAIRNESS_TARGET_MS
            and within_budget
            and clean
            and self.record.requests > 0
        )


def _abuse(url: str, abuser: Abuser, stop: threading.Event, record: AbuserRecord) -> None:
    """Send the abuser's operation as often as its caller's default rate limit lets it: one
    costing c calls every c / RATE_LIMIT_RESTORE seconds, those costing none back to back."""
    with httpx.Client(base_url=url, timeout=LIMITS.operation_timeout + 30) as http:
        while not stop.is_set():
            started = time.monotonic()
            cost = 0
            try:
                response = http.post("/graphql", json=abuser.body(record.requests))
                body = response.json()
                errors = body.get("errors") or []
                codes = {error.get("extensions", {}).get("code", "?") for error in errors}
                outcome = f"{response.status_code} " + (",".join(sorted(codes)) or "ok")
                cost = body.get("extensions", {}).get("cost", {}).get("requestedQueryCost", 0)
            except httpx.HTTPError as exc:
                outcome = type(exc).__name__
            elapsed = time.monotonic() - started
            record.slowest_s = max(record.slowest_s, elapsed)
            record.requests += 1
            record.outcomes[outcome] += 1
            stop.wait(max(0.0, cost / LIMITS.rate_limit_restore - elapsed))


def run_fairness(
    gateway: Server, normal: Target, data: Dataset, seconds: int, pinning: Pinning
) -> list[FairnessResult]:
    """Normal traffic alone, then beside each abuser in turn."""
    results = []
    for abuser in abusers(data):
        alone = run_load(
            gateway.url, normal, seconds=seconds, connections=FAIRNESS_CONNECTIONS, pinning=pinning
        )
        stop, record = threading.Event(), AbuserRecord()
        thread = threading.Thread(target=_abuse, args=(gateway.url, abuser, stop, record))
        thread.start()
        try:
            time.sleep(1)  # the abuser's first documents are prepared and its pages fetched
            beside = run_load(
                gateway.url,
                normal,
                seconds=seconds,
                connections=FAIRNESS_CONNECTIONS,
                pinning=pinning,
            )
        finally:
            stop.set()
            thread.join()
        results.append(FairnessResult(abuser.name, alone, beside, record))
    return results


@dataclass(frozen=True)
class MemoryResult:
    documents: int
    names: int
    errors: int
    start_mb: float
    end_mb: float
    peak_mb: float

    @property
    def passed(self) -> bool:
        return self.peak_mb < MEMORY_TARGET_MB and self.errors == 0


def run_memory(gateway: Server, data: Dataset) -> MemoryResult:
    """Distinct documents, then one document under distinct operation names."""
    start = gateway.rss_mb()
    errors = 0
    padding = " ".join(f"f{n}: id" for n in range(60))
    with httpx.Client(base_url=gateway.url, timeout=30) as http:
        for n in range(MEMORY_DOCUMENTS):
            sid = data.ids[n % len(data.ids)]
            query = f'query D{n} {{ checkoutSession(id: "{sid}") {{ {padding} }} }}'
            errors += "errors" in http.post("/graphql", json={"query": query}).json()
        query = "query Known { checkoutSessions(first: 1) { nodes { id } } }"
        for n in range(MEMORY_NAMES):
            name = f"Unknown{n}_" + "x" * 4096
            body = http.post("/graphql", json={"query": query, "operationName": name}).json()
            # Each must be refused for its unknown name, and nothing kept for it.
            errors += "Unknown operation" not in str(body.get("errors"))
    return MemoryResult(
        MEMORY_DOCUMENTS, MEMORY_NAMES, errors, start, gateway.rss_mb(), gateway.peak_rss_mb()
    )


def report_lines(fairness: Sequence[FairnessResult], memory: MemoryResult | None) -> list[str]:
    """The fairness table and the memory figures, as markdown."""
    lines: list[str] = []
    if fairness:
        lines += [
            f"Fairness: workload 1 on {FAIRNESS_CONNECTIONS} connections, alone and beside one "
            "client sending an abusive operation as often as the default rate limit lets it "
            f"(one costing c calls every c / {LIMITS.rate_limit_restore:g} s, those costing none "
            "back to back), under the default limits, cache off. "
            f"Target: p99 rises by less than {FAIRNESS_TARGET_MS:g} ms, and every abusive "
            f"operation is refused or ends within its {LIMITS.operation_timeout:g} s budget.",
            "",
            "| Abuser | Its requests (outcomes) | Its slowest s | Normal ops/s alone / beside "
            "| Normal p99 ms alone / beside | Rise ms | Normal errors | Target |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
        ]
        for r in fairness:
            outcomes = ", ".join(f"{n} {kind}" for kind, n in r.record.outcomes.most_common())
            lines.append(
                f"| {r.abuser} | {r.record.requests} ({outcomes}) | {r.record.slowest_s:.2f} "
                f"| {r.alone.ops_per_second:,.0f} / {r.beside.ops_per_second:,.0f} "
                f"| {r.alone.p99_ms:.1f} / {r.beside.p99_ms:.1f} | {r.rise_ms:+.1f} "
                f"| {r.alone.error_count + r.beside.error_count} "
                f"| {'pass' if r.passed else 'FAIL'} |"
            )
        lines.append("")
    if memory is not None:
        lines.append(
            f"- Memory under distinct requests: {memory.documents:,} distinct documents, then "
            f"{memory.names:,} distinct 4 kB operation names; RSS {memory.start_mb:.1f} MB "
            f"before, {memory.end_mb:.1f} MB after, peak {memory.peak_mb:.1f} MB, "
            f"{memory.errors} unexpected answers; target peak < {MEMORY_TARGET_MB:g} MB: "
            f"{'pass' if memory.passed else 'FAIL'}"
        )
    return lines

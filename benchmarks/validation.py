"""What validating a document costs against the gateway's schema, rule by rule.

`python -m benchmarks.validation` validates the suite's one-session and page documents with no
rule, with all of graphql-core's rules, with the rules the gateway runs, and with each rule
alone, and prints the CPU time of each (the fastest of nine rounds). A document is validated
once per shape, so this is what a client pays for each new shape it sends.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from graphql import GraphQLSchema, parse, specified_rules, validate

from benchmarks.workloads import ONE_SESSION, PAGE
from gateway.engine.compat import graphql_schema
from gateway.schema import build_schema
from gateway.schema.executor import VALIDATION_RULES

ROUNDS = 9
REPEATS = 60


def cpu_microseconds(work: Callable[[], object]) -> float:
    """CPU time of one call of `work`, the fastest of several rounds."""
    work()
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.process_time()
        for _ in range(REPEATS):
            work()
        best = min(best, (time.process_time() - start) / REPEATS)
    return best * 1e6


def measure(schema: GraphQLSchema, text: str) -> list[tuple[str, float]]:
    document = parse(text)

    def with_rules(rules: Sequence[Any]) -> Callable[[], object]:
        return lambda: validate(schema, document, rules)

    bare = cpu_microseconds(with_rules([]))
    rows = [
        ("no rule", bare),
        (
            f"all {len(specified_rules)} of graphql-core's rules",
            cpu_microseconds(with_rules(specified_rules)),
        ),
        (
            f"the gateway's {len(VALIDATION_RULES)} rules",
            cpu_microseconds(with_rules(VALIDATION_RULES)),
        ),
    ]
    rows += [(rule.__name__, cpu_microseconds(with_rules([rule]))) for rule in specified_rules]
    return rows


def main() -> None:
    schema = graphql_schema(build_schema())
    for name, text in (("one session (W1)", ONE_SESSION), ("page of 50 (W3)", PAGE)):
        print(f"\n{name}\n\n| Validation | CPU µs |\n| --- | ---: |")
        for label, micros in measure(schema, text):
            print(f"| {label} | {micros:,.0f} |")


if __name__ == "__main__":
    main()

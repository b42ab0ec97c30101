"""The GraphQL over HTTP spec's own audit (npm `graphql-http`) passes: every MUST, SHOULD, MAY."""

from __future__ import annotations

import json
import subprocess
from typing import Any

from tests.nodejs import node_script


def run_audit(endpoint: str) -> list[dict[str, Any]]:
    """Every audit's result against `endpoint`, as `tests/node/audit.mjs` reports it."""
    completed = subprocess.run(
        [*node_script("audit.mjs"), endpoint],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    results: list[dict[str, Any]] = json.loads(completed.stdout)["results"]
    return results


def test_every_audit_passes(gateway_url: str) -> None:
    results = run_audit(f"{gateway_url}/graphql")
    assert {result["name"].split()[0] for result in results} == {"MUST", "SHOULD", "MAY"}
    failed = [
        f"{result['id']} {result['name']}: {result['reason']}"
        for result in results
        if result["status"] != "ok"
    ]
    assert not failed, "GraphQL over HTTP audits failed:\n" + "\n".join(failed)

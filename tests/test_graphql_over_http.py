"""The GraphQL over HTTP spec's own audit (npm `graphql-http`) passes: every MUST, SHOULD, MAY."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

NODE = Path(__file__).resolve().parent / "node"
AUDIT = NODE / "audit.mjs"


def run_audit(endpoint: str) -> list[dict[str, Any]]:
    """Every audit's result against `endpoint`, as `tests/node/audit.mjs` reports it."""
    if not (NODE / "node_modules" / "graphql-http").is_dir():
        pytest.fail("tests/node/node_modules is missing: run `make test`, which installs it.")
    node = shutil.which("node")
    if node is None:
        pytest.fail("The GraphQL over HTTP audit runs on Node.js, and `node` is not on the PATH.")
    completed = subprocess.run(
        [node, str(AUDIT), endpoint], capture_output=True, text=True, timeout=60, check=False
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

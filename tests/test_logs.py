"""`LOG_FORMAT=json`: every line the process writes is a JSON object, and each line written
for a request carries that request's id, which the response returns."""

from __future__ import annotations

import json
import logging

import httpx

from gateway.telemetry.logs import TextFormatter
from tests.conftest import Upstream
from tests.processes import gateway_process

SECRET_QUERY = "query NamedRead { checkoutSessions(first: 1) { nodes { id } } }"


def test_json_lines_carry_the_request_id_and_no_secret(upstream: Upstream) -> None:
    env = {
        "LOG_FORMAT": "json",
        "STRIPE_API_KEY": upstream.key,
        "STRIPE_API_BASE": upstream.url,
        "STRIPE_MAX_RETRIES": "1",
        "AUTH_ANONYMOUS_SCOPES": "checkout:read",
    }
    with gateway_process(env) as gateway:
        graphql = f"{gateway.url}/graphql"
        ok = httpx.post(graphql, json={"query": SECRET_QUERY}, headers={"X-Request-Id": "req-1"})
        assert ok.headers["x-request-id"] == "req-1"
        bad = httpx.post(graphql, content=b"{", headers={"Content-Type": "application/json"})
        assert bad.status_code == 400
        made = bad.headers["x-request-id"]
        # An id that is no id is replaced, not echoed into the logs.
        odd = httpx.get(f"{gateway.url}/healthz", headers={"X-Request-Id": "a b\tc"})
        replaced = odd.headers["x-request-id"]
        assert replaced != "a b\tc" and len(replaced) == 32
        # A Stripe failure the gateway retries once, then reports: a warning inside a request.
        httpx.post(
            f"{upstream.url}/_emulator/config",
            json={"failure_rate": 1, "failure_kinds": ["server_error"]},
        )
        try:
            failed = httpx.post(
                graphql, json={"query": SECRET_QUERY}, headers={"X-Request-Id": "req-2"}
            )
        finally:
            httpx.post(f"{upstream.url}/_emulator/config", json={"failure_rate": 0})
        assert failed.json()["errors"]
    lines = [json.loads(line) for line in gateway.log_lines]  # every line parses
    access = {line["request_id"]: line for line in lines if line["logger"] == "gateway.access"}
    assert access["req-1"] | {"duration_ms": 0} == {
        "time": access["req-1"]["time"],
        "level": "info",
        "logger": "gateway.access",
        "message": "POST /graphql 200",
        "request_id": "req-1",
        "method": "POST",
        "path": "/graphql",
        "status": 200,
        "duration_ms": 0,
        "client": "127.0.0.1",
        "operation_name": "NamedRead",
        "operation_type": "query",
        "outcome": "ok",
        "cost": 1,
        "stripe_calls": 1,
        "cache_hits": 0,
        "cache_misses": 0,
    }
    assert access[made]["status"] == 400
    assert access[replaced]["path"] == "/healthz"
    assert access["req-2"]["stripe_calls"] == 2
    retries = [line for line in lines if line["message"] == "retrying Stripe request"]
    assert retries and all(line["request_id"] == "req-2" for line in retries)
    request_lines = [
        line
        for line in lines
        if line["logger"].startswith("gateway.") and line["logger"] != "gateway"
    ]
    assert all("request_id" in line for line in request_lines)
    text = "\n".join(gateway.log_lines)
    assert upstream.key not in text
    assert "checkoutSessions(first" not in text


def test_text_lines_stay_one_line_whatever_a_client_put_in_them() -> None:
    record = logging.LogRecord(
        "gateway.access", logging.INFO, __file__, 1, "%s %s", ("GET", "/a\nINFO: forged"), None
    )
    record.path = "/a\r\nforged\x1b[31m"
    line = TextFormatter().format(record)
    assert "\n" not in line and "\r" not in line and "\x1b" not in line
    assert "/a\\x0aINFO: forged" in line
    assert "path=/a\\x0d\\x0aforged\\x1b[31m" in line

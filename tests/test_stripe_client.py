"""The Stripe client's wire format, retries and errors, seen from the server's side."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from gateway.config import StripeSettings
from gateway.stripe import (
    CallBudget,
    CallsExhausted,
    CallsStopped,
    StripeAPIError,
    StripeClient,
    StripeConnectionError,
)
from tests.conftest import Upstream, fake_key
from tests.servers import free_port, serve


@dataclass
class Recorder:
    """An upstream that records what it receives and answers with a scripted list of statuses."""

    statuses: list[int | tuple[int, str]] = field(default_factory=list)
    seen: list[dict[str, Any]] = field(default_factory=list)

    async def endpoint(self, request: Request) -> Response:
        body = (await request.body()).decode()
        self.seen.append(
            {
                "method": request.method,
                "path": request.url.path,
                "query": parse_qsl(request.url.query),
                "body": body,
                "form": parse_qsl(body),
                "headers": dict(request.headers),
            }
        )
        status, code = _status(self.statuses.pop(0) if self.statuses else 200)
        if request.url.path == "/html":
            return HTMLResponse("<html>maintenance</html>")
        if status >= 400:
            return JSONResponse(
                {"error": {"type": "api_error", "message": "boom", "code": code}},
                status_code=status,
                headers={"Request-Id": "req_recorded"},
            )
        return JSONResponse({"id": "cs_test_1", "object": "checkout.session"})


def _status(scripted: int | tuple[int, str]) -> tuple[int, str | None]:
    return scripted if isinstance(scripted, tuple) else (scripted, None)


@pytest.fixture
def recorder() -> Iterator[tuple[Recorder, str]]:
    recorder = Recorder()
    app = Starlette(routes=[Route("/{path:path}", recorder.endpoint, methods=["GET", "POST"])])
    with serve(app) as url:
        yield recorder, url


async def test_posts_are_bracket_encoded_with_pinned_headers(
    recorder: tuple[Recorder, str],
) -> None:
    server, url = recorder
    key = fake_key()
    client = StripeClient(StripeSettings(api_key=key, api_base=url, account="acct_123"))
    try:
        await client.post(
            "/v1/checkout/sessions",
            {
                "mode": "payment",
                "line_items": [{"price": "price_1", "quantity": 2}],
                "automatic_tax": {"enabled": True},
                "customer": None,
            },
            idempotency_key="order-7",
        )
        await client.get(
            "/v1/checkout/sessions", {"created": {"gte": 5}, "expand": ["data.line_items"]}
        )
    finally:
        await client.aclose()
    post, get = server.seen
    assert post["form"] == [
        ("mode", "payment"),
        ("line_items[0][price]", "price_1"),
        ("line_items[0][quantity]", "2"),
        ("automatic_tax[enabled]", "true"),
    ]
    assert post["headers"]["authorization"] == f"Bearer {key}"
    assert post["headers"]["stripe-version"] == "2026-02-25.clover"
    assert post["headers"]["stripe-account"] == "acct_123"
    assert post["headers"]["idempotency-key"] == "order-7"
    assert post["headers"]["content-type"] == "application/x-www-form-urlencoded"
    assert post["headers"]["content-length"] == str(len(post["body"]))
    assert get["headers"]["host"] == url.removeprefix("http://")
    assert get["query"] == [("created[gte]", "5"), ("expand[0]", "data.line_items")]
    assert "idempotency-key" not in get["headers"]


@pytest.mark.parametrize(
    "api_base",
    [
        "https://api.stripe.com",
        "http://127.0.0.1:12111/stripe",
        "http://localhost:8080/",
        "https://API.stripe.com:443",
        "http://proxy/a/./b",
        "http://proxy/?token=1",
    ],
)
@pytest.mark.parametrize(
    "path",
    [
        "/v1/checkout/sessions",
        "/v1/checkout/sessions/cs_test_a1%2F..%20b",
        "/v1/checkout/sessions?limit=3&expand%5B0%5D=data.line_items&q=a+b",
        "/v1/checkout/sessions/../../v1/customers",
        "/v1/checkout sessions?q=<a b>",
        "/v1/checkout/sessions?",
        "",
    ],
)
def test_urls_are_the_ones_httpx_parses(api_base: str, path: str) -> None:
    url = StripeClient(StripeSettings(api_key=fake_key(), api_base=api_base))._url(path)
    parsed = httpx.URL(api_base + path)
    parts = ("scheme", "host", "port", "raw_path", "query", "fragment")
    assert str(url) == str(parsed)
    assert [getattr(url, part) for part in parts] == [getattr(parsed, part) for part in parts]


def test_paths_httpx_refuses_are_still_refused() -> None:
    client = StripeClient(StripeSettings(api_key=fake_key()))
    with pytest.raises(httpx.InvalidURL):
        client._url("/v1/checkout/sessions/cs_1\r\nX-Injected: 1")


async def test_a_retried_post_keeps_its_idempotency_key(recorder: tuple[Recorder, str]) -> None:
    server, url = recorder
    server.statuses = [500, 503]
    client = StripeClient(
        StripeSettings(api_key=fake_key(), api_base=url, max_retries=2, retry_delay=0.001)
    )
    try:
        result = await client.post("/v1/checkout/sessions", {"mode": "setup"})
    finally:
        await client.aclose()
    assert result["id"] == "cs_test_1"
    keys = {seen["headers"]["idempotency-key"] for seen in server.seen}
    assert len(server.seen) == 3 and len(keys) == 1


async def test_errors_carry_stripe_fields(upstream: Upstream) -> None:
    client = StripeClient(upstream.stripe_settings())
    try:
        with pytest.raises(StripeAPIError) as caught:
            await client.get("/v1/checkout/sessions/cs_test_absent")
    finally:
        await client.aclose()
    error = caught.value
    assert (error.status, error.type, error.code) == (
        404,
        "invalid_request_error",
        "resource_missing",
    )
    assert "cs_test_absent" in error.message
    assert error.request_id and error.request_id.startswith("req_")


async def test_unreachable_upstream_raises_a_connection_error() -> None:
    client = StripeClient(
        StripeSettings(
            api_key=fake_key(), api_base=f"http://127.0.0.1:{free_port()}", max_retries=0
        )
    )
    try:
        with pytest.raises(StripeConnectionError):
            await client.get("/v1/checkout/sessions")
    finally:
        await client.aclose()


async def test_a_body_that_is_not_json_is_an_api_error(recorder: tuple[Recorder, str]) -> None:
    _, url = recorder
    client = StripeClient(StripeSettings(api_key=fake_key(), api_base=url, max_retries=0))
    try:
        with pytest.raises(StripeAPIError) as caught:
            await client.get("/html")
    finally:
        await client.aclose()
    assert (caught.value.status, caught.value.type) == (502, "api_error")


@pytest.mark.parametrize(
    ("statuses", "attempts", "succeeds"),
    [
        ([(429, "rate_limit")], 1, False),
        ([(429, "lock_timeout")], 2, True),
        ([409], 2, True),
        ([500, 502], 3, True),
        ([400], 1, False),
    ],
)
async def test_retries_follow_stripes_rules(
    recorder: tuple[Recorder, str],
    statuses: list[int | tuple[int, str]],
    attempts: int,
    succeeds: bool,
) -> None:
    server, url = recorder
    server.statuses = list(statuses)
    client = StripeClient(
        StripeSettings(api_key=fake_key(), api_base=url, max_retries=2, retry_delay=0.001)
    )
    try:
        if succeeds:
            await client.get("/v1/checkout/sessions/cs_1")
        else:
            with pytest.raises(StripeAPIError):
                await client.get("/v1/checkout/sessions/cs_1")
    finally:
        await client.aclose()
    assert len(server.seen) == attempts


async def test_a_closed_budget_starts_no_call(recorder: tuple[Recorder, str]) -> None:
    server, url = recorder
    client = StripeClient(StripeSettings(api_key=fake_key(), api_base=url))
    budget = CallBudget(30)
    budget.close()
    try:
        with pytest.raises(CallsStopped):
            await client.get("/v1/checkout/sessions/cs_1", budget=budget)
    finally:
        await client.aclose()
    assert server.seen == [] and budget.calls == 0


async def test_a_budget_allows_no_more_calls_than_its_cost(recorder: tuple[Recorder, str]) -> None:
    server, url = recorder
    client = StripeClient(StripeSettings(api_key=fake_key(), api_base=url))
    budget = CallBudget(30, max_calls=1)
    try:
        await client.get("/v1/checkout/sessions/cs_1", budget=budget)
        with pytest.raises(CallsExhausted):
            await client.get("/v1/checkout/sessions/cs_2", budget=budget)
    finally:
        await client.aclose()
    assert len(server.seen) == 1 and budget.calls == 1


async def test_a_retry_that_would_outlast_the_deadline_is_not_made(
    recorder: tuple[Recorder, str],
) -> None:
    server, url = recorder
    server.statuses = [503, 503]
    client = StripeClient(
        StripeSettings(api_key=fake_key(), api_base=url, max_retries=2, retry_delay=5)
    )
    try:
        with pytest.raises(StripeAPIError):
            await client.get("/v1/checkout/sessions/cs_1", budget=CallBudget(1.0))
    finally:
        await client.aclose()
    assert len(server.seen) == 1

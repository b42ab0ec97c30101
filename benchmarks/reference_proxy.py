"""The reference proxy: each workload's Stripe calls with nothing in between but JSON.

For every workload it makes the same REST calls to the emulator as the gateway does, picks the
same fields and returns them encoded with orjson. No GraphQL, no loaders, no cache: the
fastest a Python server on this machine can serve the workloads, and so the ceiling every
gateway figure is compared with. Its HTTP client is chosen with `--client` (the suite picks
the fastest one it measured).

    STRIPE_API_KEY=sk_test_... python -m benchmarks.reference_proxy --port 8100 \
        --upstream http://127.0.0.1:12111 --client aiohttp
"""

from __future__ import annotations

import argparse
import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, Protocol
from urllib.parse import parse_qsl

import aiohttp
import httpx
import orjson
import uvicorn
from httpx_aiohttp import AiohttpTransport
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from benchmarks.settings import CLIENTS
from benchmarks.upstream import session_form
from gateway.config import DEFAULT_API_VERSION, StripeSettings
from gateway.stripe import StripeAPIError, StripeClient

SESSIONS = "/v1/checkout/sessions"
# As many pooled connections as the gateway's Stripe client keeps.
MAX_CONNECTIONS = 100
CREATE_FORM = session_form(0, items=1).encode()
FORM = "application/x-www-form-urlencoded"


class UpstreamError(Exception):
    """The emulator answered with an error status; the proxy passes it on as a 502."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class Upstream(Protocol):
    """The two calls the proxy makes: GET a path, POST a form body under an idempotency key."""

    async def get(self, path: str) -> dict[str, Any]: ...

    async def post(self, path: str, body: bytes) -> dict[str, Any]: ...

    async def close(self) -> None: ...


def _headers(api_key: str) -> dict[str, str]:
    return {
        "Authorization": f"Bearer {api_key}",
        "Stripe-Version": DEFAULT_API_VERSION,
        "User-Agent": "reference-proxy",
    }


def _post_headers() -> dict[str, str]:
    # The gateway sends an idempotency key with every POST; the emulator does work for it.
    return {"Idempotency-Key": f"ref-{uuid.uuid4()}", "Content-Type": FORM}


class Sender:
    """A client whose reads and writes both come down to one `_send`."""

    async def _send(self, method: str, path: str, body: bytes | None) -> dict[str, Any]:
        raise NotImplementedError

    async def get(self, path: str) -> dict[str, Any]:
        return await self._send("GET", path, None)

    async def post(self, path: str, body: bytes) -> dict[str, Any]:
        return await self._send("POST", path, body)


class AiohttpUpstream(Sender):
    """aiohttp's ClientSession, used directly."""

    def __init__(self, base_url: str, api_key: str) -> None:
        self._session = aiohttp.ClientSession(
            base_url=base_url,
            headers=_headers(api_key),
            connector=aiohttp.TCPConnector(limit=MAX_CONNECTIONS),
        )

    async def _send(self, method: str, path: str, body: bytes | None) -> dict[str, Any]:
        headers = _post_headers() if body is not None else None
        async with self._session.request(method, path, data=body, headers=headers) as response:
            content = await response.read()
            if response.status >= 400:
                raise UpstreamError(response.status)
        result: dict[str, Any] = orjson.loads(content)
        return result

    async def close(self) -> None:
        await self._session.close()


class HttpxUpstream(Sender):
    """httpx.AsyncClient, with its own transport or with aiohttp's underneath."""

    def __init__(self, base_url: str, api_key: str, *, over_aiohttp: bool) -> None:
        limits = httpx.Limits(
            max_connections=MAX_CONNECTIONS, max_keepalive_connections=MAX_CONNECTIONS
        )
        self._client = httpx.AsyncClient(
            base_url=base_url,
            headers=_headers(api_key),
            limits=limits,
            transport=AiohttpTransport(limits=limits) if over_aiohttp else None,
        )

    async def _send(self, method: str, path: str, body: bytes | None) -> dict[str, Any]:
        headers = _post_headers() if body is not None else None
        response = await self._client.request(method, path, content=body, headers=headers)
        if response.status_code >= 400:
            raise UpstreamError(response.status_code)
        result: dict[str, Any] = orjson.loads(response.content)
        return result

    async def close(self) -> None:
        await self._client.aclose()


class GatewayUpstream:
    """The gateway's own Stripe client: httpx requests over its aiohttp transport."""

    def __init__(self, base_url: str, api_key: str) -> None:
        settings = StripeSettings(
            api_key=api_key, api_base=base_url, max_retries=0, max_connections=MAX_CONNECTIONS
        )
        self._client = StripeClient(settings)

    async def get(self, path: str) -> dict[str, Any]:
        try:
            return await self._client.get(path)
        except StripeAPIError as exc:
            raise UpstreamError(exc.status) from exc

    async def post(self, path: str, body: bytes) -> dict[str, Any]:
        try:
            return await self._client.post(path, dict(parse_qsl(body.decode())))
        except StripeAPIError as exc:
            raise UpstreamError(exc.status) from exc

    async def close(self) -> None:
        await self._client.aclose()


def open_upstream(client: str, base_url: str, api_key: str) -> Upstream:
    if client == "aiohttp":
        return AiohttpUpstream(base_url, api_key)
    if client == "gateway":
        return GatewayUpstream(base_url, api_key)
    if client in ("httpx", "httpx-aiohttp"):
        return HttpxUpstream(base_url, api_key, over_aiohttp=client == "httpx-aiohttp")
    raise ValueError(f"unknown client {client!r}; choose one of {', '.join(CLIENTS)}")


Handler = Callable[[Upstream, Request], Awaitable[Any]]


def _json(value: object) -> Response:
    return Response(orjson.dumps(value), media_type="application/json")


def _summary(session: dict[str, Any]) -> dict[str, Any]:
    """The six fields of workload 1, as the gateway's query selects them (enums upper case)."""
    return {
        "id": session["id"],
        "status": session["status"].upper(),
        "paymentStatus": session["payment_status"].upper(),
        "amountTotal": session["amount_total"],
        "currency": session["currency"],
        "customerEmail": session["customer_email"],
    }


def _line_items(session: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "id": item["id"],
            "description": item["description"],
            "quantity": item["quantity"],
            "amountTotal": item["amount_total"],
        }
        for item in session["line_items"]["data"]
    ]


def create_app(client: str, base_url: str, api_key: str) -> Starlette:
    state: dict[str, Upstream] = {}

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # aiohttp wants its session made inside the running loop.
        state["upstream"] = open_upstream(client, base_url, api_key)
        try:
            yield
        finally:
            await state["upstream"].close()

    def endpoint(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        async def serve(request: Request) -> Response:
            try:
                return _json(await handler(state["upstream"], request))
            except UpstreamError as exc:
                body = orjson.dumps({"upstream_status": exc.status})
                return Response(body, 502, media_type="application/json")

        return serve

    async def healthz(request: Request) -> Response:
        return _json({"status": "ok"})

    async def one_session(upstream: Upstream, request: Request) -> Any:
        session = await upstream.get(f"{SESSIONS}/{request.path_params['id']}")
        return {"checkoutSession": _summary(session)}

    async def page(upstream: Upstream, request: Request) -> Any:
        # As the gateway encodes it: limit=50&expand[0]=data.line_items&starting_after=...
        query = "limit=50&expand%5B0%5D=data.line_items"
        if after := request.query_params.get("after"):
            query += f"&starting_after={after}"
        page = await upstream.get(f"{SESSIONS}?{query}")
        nodes = [
            {
                "id": s["id"],
                "status": s["status"].upper(),
                "amountTotal": s["amount_total"],
                "currency": s["currency"],
                "lineItems": {"nodes": _line_items(s)},
            }
            for s in page["data"]
        ]
        return {"checkoutSessions": {"nodes": nodes}}

    async def fan_out(upstream: Upstream, request: Request) -> Any:
        ids: list[str] = orjson.loads(await request.body())
        distinct = list(dict.fromkeys(ids))
        found = await asyncio.gather(*(upstream.get(f"{SESSIONS}/{i}") for i in distinct))
        by_id = {s["id"]: s for s in found}
        return {
            f"s{n}": {
                "id": sid,
                "status": by_id[sid]["status"].upper(),
                "amountTotal": by_id[sid]["amount_total"],
            }
            for n, sid in enumerate(ids)
        }

    async def create(upstream: Upstream, request: Request) -> Any:
        session = await upstream.post(SESSIONS, CREATE_FORM)
        return {"createCheckoutSession": {"checkoutSession": {"id": session["id"]}}}

    async def expire(upstream: Upstream, request: Request) -> Any:
        session = await upstream.post(f"{SESSIONS}/{request.path_params['id']}/expire", b"")
        return {
            "expireCheckoutSession": {
                "checkoutSession": {"id": session["id"], "status": session["status"].upper()}
            }
        }

    return Starlette(
        routes=[
            Route("/healthz", healthz),
            Route("/w1/{id}", endpoint(one_session)),
            Route("/w3", endpoint(page)),
            Route("/w4", endpoint(fan_out), methods=["POST"]),
            Route("/w5/create", endpoint(create), methods=["POST"]),
            Route("/w5/{id}/expire", endpoint(expire), methods=["POST"]),
        ],
        lifespan=lifespan,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.reference_proxy", description=__doc__
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--upstream", required=True, help="the emulator's base URL")
    parser.add_argument("--api-key", default=os.environ.get("STRIPE_API_KEY", ""))
    parser.add_argument("--client", choices=CLIENTS, default="aiohttp")
    args = parser.parse_args(argv)
    if not args.api_key:
        parser.error("give --api-key or set STRIPE_API_KEY")
    uvicorn.run(
        create_app(args.client, args.upstream, args.api_key),
        host=args.host,
        port=args.port,
        loop="uvloop",
        http="httptools",
        access_log=False,
        log_level="warning",
        workers=1,
    )


if __name__ == "__main__":
    main()

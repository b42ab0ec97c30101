"""A proxy between the gateway and the emulator, for tests that make the network misbehave."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tests.servers import serve


async def pass_on(upstream: str, request: Request) -> Response:
    """The emulator's answer to `request`, as the proxy's own."""
    async with httpx.AsyncClient(base_url=upstream) as client:
        answer = await client.request(
            request.method,
            request.url.path,
            params=request.query_params,
            content=await request.body(),
            headers={k: v for k, v in request.headers.items() if k != "host"},
        )
    return Response(answer.content, answer.status_code, media_type="application/json")


@contextmanager
def serve_proxy(handle: Callable[[Request], Awaitable[Response]]) -> Iterator[str]:
    """Serve `handle` for every path, and yield its base URL."""
    app = Starlette(routes=[Route("/{path:path}", handle, methods=["GET", "POST"])])
    with serve(app) as url:
        yield url

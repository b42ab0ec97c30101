"""Assemble the emulator's Starlette application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from stripe_emulator import api, control
from stripe_emulator.calls import error_response
from stripe_emulator.demo import seed
from stripe_emulator.emulator import Emulator
from stripe_emulator.errors import StripeError
from stripe_emulator.ids import request_id
from stripe_emulator.options import API_VERSION, EmulatorOptions


class StripeHeaders:
    """Give every request a `Request-Id` and echo the `Stripe-Version` it asked for."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = request_id()
        scope.setdefault("state", {})["request_id"] = rid
        version = API_VERSION.encode()
        for name, value in scope["headers"]:
            if name == b"stripe-version":
                version = value
        extra = [(b"request-id", rid.encode()), (b"stripe-version", version)]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _not_found(request: Request, exc: Exception) -> Response:
    """Stripe answers an unknown path, or a known one with the wrong method, with a 404."""
    message = f"Unrecognized request URL ({request.method}: {request.url.path})."
    return error_response(StripeError(404, message), request)


async def _server_error(request: Request, exc: Exception) -> Response:
    error = StripeError(500, "An unexpected error occurred in the emulator.", type="api_error")
    return error_response(error, request)


def create_app(options: EmulatorOptions | None = None) -> Starlette:
    """Build an emulator with its own state; demo data is added unless options say otherwise."""
    options = options or EmulatorOptions()
    emulator = Emulator(options)
    if options.seed_demo_data:
        seed(emulator)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        await emulator.webhooks.close()

    app = Starlette(
        routes=[*api.routes(emulator), *control.routes(emulator)],
        middleware=[Middleware(StripeHeaders)],
        exception_handlers={404: _not_found, 405: _not_found, 500: _server_error},
        lifespan=lifespan,
    )
    app.state.emulator = emulator
    return app

"""The HTTP application: GraphQL at /graphql and a health check, over one Stripe client."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from gateway.config import Settings
from gateway.loaders import CheckoutLoaders, ResponseCache, SessionStore
from gateway.schema import Context, build_schema
from gateway.stripe import StripeClient


@dataclass
class Services:
    """What lives as long as the process and is shared by every request."""

    client: StripeClient
    cache: ResponseCache
    store: SessionStore


class GraphQLEndpoint(GraphQL[Context, None]):
    """Strawberry's ASGI view, giving each request fresh loaders over the shared services."""

    def __init__(self, services: Services) -> None:
        super().__init__(build_schema(), graphql_ide="graphiql")
        self._services = services

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        return Context(loaders=CheckoutLoaders(self._services.store))

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)


def create_app(settings: Settings) -> Starlette:
    """Build the app; the Stripe client and the cache open and close with its lifespan."""
    client = StripeClient(settings.stripe)
    cache = ResponseCache(settings.cache)
    services = Services(client=client, cache=cache, store=SessionStore(client, cache))

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await services.client.aclose()
            await services.cache.close()

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    graphql = GraphQLEndpoint(services)
    return Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Route("/healthz", healthz, methods=["GET"]),
        ],
        lifespan=lifespan,
    )

"""The HTTP application: GraphQL, a health check and Stripe's webhooks, over one Stripe client."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from gateway.config import Settings
from gateway.endpoint import GraphQLEndpoint
from gateway.loaders import CheckoutLoaders, ResponseCache, SessionStore
from gateway.schema import Context, Executor, build_schema
from gateway.stripe import StripeClient
from gateway.webhooks import WebhookEndpoint


def create_app(settings: Settings) -> Starlette:
    """Build the app; the Stripe client and the cache open and close with its lifespan."""
    client = StripeClient(settings.stripe)
    cache = ResponseCache(settings.cache)
    store = SessionStore(client, cache)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await client.aclose()
            await cache.close()

    def context(request: Request) -> Context:
        return Context(loaders=CheckoutLoaders(store))

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    graphql = GraphQLEndpoint(Executor(build_schema()), context)
    routes = [
        Route("/graphql", graphql, methods=["GET", "POST"]),
        Route("/healthz", healthz, methods=["GET"]),
    ]
    if settings.stripe.webhook_secret:
        webhooks = WebhookEndpoint(settings.stripe.webhook_secret, store)
        routes.append(Route("/webhooks/stripe", webhooks.handle, methods=["POST"]))
    return Starlette(routes=routes, lifespan=lifespan)

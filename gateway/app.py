"""The HTTP application: GraphQL, a health check and Stripe's webhooks, over one Stripe client."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from gateway.auth import Authenticator
from gateway.config import Settings
from gateway.endpoint import GraphQLEndpoint
from gateway.identity import Caller
from gateway.loaders import CheckoutLoaders, ResponseCache, SessionStore
from gateway.schema import Context, Executor, build_schema
from gateway.stripe import StripeClient
from gateway.webhooks import WebhookEndpoint


def create_app(settings: Settings) -> Starlette:
    """Build the app; the Stripe client and the cache open and close with its lifespan."""
    client = StripeClient(settings.stripe)
    cache = ResponseCache(settings.cache)
    store = SessionStore(client, cache)
    authenticator = Authenticator(settings.auth)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await client.aclose()
            await cache.close()
            await authenticator.aclose()

    def context(request: Request, caller: Caller) -> Context:
        loaders = CheckoutLoaders(store, account=caller.account, customer=caller.customer)
        return Context(loaders=loaders, caller=caller)

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    graphql = GraphQLEndpoint(Executor(build_schema()), authenticator, context)
    routes = [
        Route("/graphql", graphql, methods=["GET", "POST"]),
        Route("/healthz", healthz, methods=["GET"]),
    ]
    if settings.stripe.webhook_secret:
        webhooks = WebhookEndpoint(settings.stripe.webhook_secret, store)
        routes.append(Route("/webhooks/stripe", webhooks.handle, methods=["POST"]))
    middleware = []
    if settings.cors.allow_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.cors.allow_origins),
                allow_credentials=settings.cors.allow_credentials,
                allow_methods=["GET", "POST"],
                allow_headers=["Authorization", "Content-Type"],
                expose_headers=["Retry-After"],
                max_age=600,
            )
        )
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)

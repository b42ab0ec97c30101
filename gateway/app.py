"""The HTTP application: GraphQL, health, metrics and Stripe's webhooks, over one Stripe client."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import redis.asyncio as redis
from opentelemetry.sdk.trace import TracerProvider
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route, WebSocketRoute
from starlette.types import ASGIApp

from gateway.auth import Authenticator
from gateway.breaker import Breaker
from gateway.config import Settings
from gateway.endpoint import GraphQLEndpoint
from gateway.graphiql import Assets, AssetsMissing, GraphiQL
from gateway.health import Readiness
from gateway.identity import Caller, Scope
from gateway.limits.buckets import Buckets, MemoryBuckets, RedisBuckets
from gateway.limits.checkout_costs import ASSUMED_LIST_SIZE, CHECKOUT_COSTS
from gateway.limits.cost import CostModel
from gateway.limits.documents import DocumentCache
from gateway.limits.guard import StripeGuard
from gateway.limits.persisted import MemoryDocuments, PersistedDocuments, RedisDocuments
from gateway.limits.throttle import Throttle
from gateway.limits.worker import Worker
from gateway.live import Feed
from gateway.loaders import CheckoutLoaders, ResponseCache, SessionStore
from gateway.operations import Operations
from gateway.schema import Context, Executor, build_schema
from gateway.streams import StreamView
from gateway.stripe import CallBudget, StripeClient
from gateway.telemetry import Metrics, RequestTelemetry, Telemetry, tracer_provider
from gateway.telemetry.metrics import CONTENT_TYPE
from gateway.webhooks import WebhookEndpoint

logger = logging.getLogger(__name__)

# Registered persisted queries kept in memory, when there is no Redis to share them.
PERSISTED_QUERY_BYTES = 4 << 20


def create_app(settings: Settings, tracing: TracerProvider | None = None) -> ASGIApp:
    """Build the app; clients, caches and pools open and close with its lifespan.

    Spans go to `tracing` if given, else where the `OTEL_*` settings send them, if anywhere.
    """
    limits = settings.limits
    if tracing is None:
        tracing = tracer_provider(settings.observability.tracing)
    telemetry = Telemetry(Metrics(), tracing)
    shared = redis.Redis.from_url(settings.cache.redis_url) if settings.cache.redis_url else None
    if tracing is not None and shared is not None:
        # Spans for the rate-limit and persisted-query commands, their values replaced by
        # `?`; imported only when tracing, as it takes a twentieth of a second to import.
        from opentelemetry.instrumentation.redis import RedisInstrumentor

        RedisInstrumentor.instrument_client(
            shared, tracer_provider=tracing, request_hook=telemetry.redis_command
        )
    # Keys in Redis are scoped to the Stripe key and account, as the cache's are.
    prefix = f"checkout-gateway:{ResponseCache.scope(settings.stripe, None)}"

    def buckets() -> Buckets:
        if shared is not None:
            return RedisBuckets(shared, f"{prefix}:buckets")
        return MemoryBuckets()

    guard = None
    if settings.stripe.rate_limit is not None:
        guard = StripeGuard(buckets(), settings.stripe.rate_limit)
    stripe_breaker = Breaker("stripe", failures=10, changed=telemetry.circuit)
    client = StripeClient(settings.stripe, guard, telemetry, stripe_breaker)
    breakers = [stripe_breaker]
    cache_breaker = None
    if settings.cache.redis_url is not None:
        cache_breaker = Breaker("redis-cache", changed=telemetry.circuit)
        breakers.append(cache_breaker)
    cache = ResponseCache(settings.cache, cache_breaker)
    store = SessionStore(client, cache, telemetry)
    authenticator = Authenticator(settings.auth)
    # Where anyone may introspect, errors may as well suggest what was meant.
    executor = Executor(
        build_schema(),
        hide_suggestions=Scope.INTROSPECT not in settings.auth.anonymous_scopes,
        engine=settings.engine,
    )
    worker = Worker()
    documents = DocumentCache(
        executor,
        CostModel(executor.schema, CHECKOUT_COSTS, ASSUMED_LIST_SIZE),
        limits,
        worker,
    )
    registered: MemoryDocuments | RedisDocuments | None = None
    if limits.persisted_queries and limits.trusted_documents is None:
        registered = (
            RedisDocuments(shared, f"{prefix}:apq")
            if shared is not None
            else MemoryDocuments(PERSISTED_QUERY_BYTES)
        )
    persisted = PersistedDocuments(
        store=registered, trusted=limits.trusted_documents, max_bytes=limits.max_document_bytes
    )
    throttle = None
    if limits.rate_limit_points is not None:
        throttle = Throttle(buckets(), limits.rate_limit_points, limits.rate_limit_restore)

    feed = Feed(store, shared, prefix)

    def context(caller: Caller, budget: CallBudget) -> Context:
        loaders = CheckoutLoaders(
            store, account=caller.account, customer=caller.customer, budget=budget
        )
        return Context(loaders=loaders, caller=caller, changed=feed.changed)

    def live(caller: Caller) -> Context:
        def loaders() -> CheckoutLoaders:
            # A subscription lives on: no deadline, and its reads are counted by its events.
            return CheckoutLoaders(store, account=caller.account, customer=caller.customer)

        return Context(loaders=loaders(), caller=caller, hub=feed.hub, renew=loaders)

    operations = Operations(
        executor=executor,
        documents=documents,
        persisted=persisted,
        throttle=throttle,
        settings=limits,
        context=context,
        live=live,
        worker=worker,
        telemetry=telemetry,
    )
    readiness = Readiness(settings.mode, client, shared, settings.observability.ready_ttl, breakers)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        feed.start()
        try:
            yield
        finally:
            await feed.close()
            await client.aclose()
            await cache.close()
            await authenticator.aclose()
            worker.close()
            if shared is not None:
                await shared.aclose()
            if tracing is not None:
                tracing.shutdown()
            telemetry.metrics.close()

    async def scrape(request: Request) -> Response:
        return Response(telemetry.metrics.render(), media_type=CONTENT_TYPE)

    demo = settings.mode == "demo"
    graphiql: GraphiQL | None
    try:
        graphiql = GraphiQL(Assets(), demo=demo)
    except AssetsMissing as missing:
        # The API works without its browser page; say once why the page is not there.
        logger.warning("%s", missing)
        graphiql = None
    streams = StreamView(
        executor.strawberry_schema, operations, authenticator, settings.cors.allow_origins
    )
    graphql = GraphQLEndpoint(operations, authenticator, telemetry, graphiql, streams)
    routes = [
        Route("/graphql", graphql, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql),
        Route("/healthz", readiness.healthz, methods=["GET"]),
        Route("/readyz", readiness.readyz, methods=["GET"]),
        Route("/metrics", scrape, methods=["GET"]),
    ]
    if graphiql is not None:
        routes.append(Route("/graphiql/{tag}/{name}", graphiql.asset, methods=["GET"]))
    if settings.stripe.webhook_secret:
        webhooks = WebhookEndpoint(settings.stripe.webhook_secret, feed, telemetry)
        routes.append(Route("/webhooks/stripe", webhooks.handle, methods=["POST"]))
    middleware = []
    if settings.cors.allow_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.cors.allow_origins),
                allow_credentials=settings.cors.allow_credentials,
                allow_methods=["GET", "POST"],
                # Apollo Client's and urql's own headers besides the credentials.
                allow_headers=[
                    "Authorization",
                    "Content-Type",
                    "Apollo-Require-Preflight",
                    "X-Apollo-Operation-Name",
                    "Apollographql-Client-Name",
                    "Apollographql-Client-Version",
                    "X-Request-Id",
                    "Traceparent",
                    "Tracestate",
                ],
                expose_headers=["Retry-After", "X-Request-Id", "Gateway-Mode"],
                max_age=600,
            )
        )
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    return RequestTelemetry(app, telemetry, {"Gateway-Mode": "demo"} if demo else {})

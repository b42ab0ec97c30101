"""Subscriptions at /graphql: WebSocket (graphql-transport-ws) and Server-Sent Events
(graphql-sse), framed by Strawberry's protocol handlers and run by the gateway's pipeline.

A WebSocket caller authenticates as the protocol allows a browser to: with `Authorization` in
the `connection_init` payload (or, from other clients, on the upgrade request itself). An SSE
request is an HTTP request like any other; the endpoint authenticates it before it gets here.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import strawberry
from starlette.requests import Request
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions import GRAPHQL_SSE_PROTOCOL, GRAPHQL_TRANSPORT_WS_PROTOCOL

from gateway.auth import Authenticator, KeysUnavailable, Unauthenticated
from gateway.compat import StreamingSchema
from gateway.identity import Caller
from gateway.operations import GraphQLRequest, Operations

logger = logging.getLogger(__name__)

# The `state` key under which the endpoint leaves an SSE request's caller.
CALLER = "gateway.caller"
# How long a WebSocket may stay open without saying who it is.
INIT_TIMEOUT = timedelta(seconds=10)


@dataclass
class Connection:
    """One WebSocket connection or SSE request: who is on it, and from where."""

    address: str
    headers: dict[str, str]
    caller: Caller | None = None
    connection_params: Any = field(default=None)


class StreamView(GraphQL[Connection, None]):
    """Strawberry's view, with subscriptions only, over the gateway's own pipeline."""

    def __init__(
        self, schema: strawberry.Schema, operations: Operations, authenticator: Authenticator
    ) -> None:
        self._operations = operations
        self._authenticator = authenticator
        super().__init__(
            StreamingSchema(schema, self._streams),  # type: ignore[arg-type]
            graphql_ide=None,
            allow_queries_via_get=False,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_SSE_PROTOCOL),
            connection_init_wait_timeout=INIT_TIMEOUT,
            # Counted per client across connections by the gateway instead.
            max_subscriptions_per_connection=None,
        )

    async def get_context(self, request: Request | WebSocket, response: Any) -> Connection:
        client = request.scope.get("client")
        return Connection(
            address=str(client[0]) if client else "unknown",
            headers=dict(request.headers),
            caller=request.scope.get("state", {}).get(CALLER),
        )

    async def on_ws_connect(self, context: Connection) -> None:
        """Authenticate from `connection_init`'s payload, else from the upgrade request."""
        params = context.connection_params
        header = params.get("Authorization") if isinstance(params, dict) else None
        if header is None:
            header = context.headers.get("authorization")
        if not isinstance(header, str | None):
            raise ConnectionRejectionError({"code": "UNAUTHENTICATED"})
        try:
            context.caller = await self._authenticator.authenticate(header)
        except Unauthenticated as exc:
            message = "Missing credentials." if exc.missing else "Invalid token."
            raise ConnectionRejectionError(
                {"message": message, "code": "UNAUTHENTICATED"}
            ) from None
        except KeysUnavailable:
            raise ConnectionRejectionError(
                {"message": "Tokens cannot be checked right now.", "code": "UNAVAILABLE"}
            ) from None

    def _streams(
        self,
        connection: Connection,
        query: str | None,
        variables: dict[str, Any] | None,
        operation_name: str | None,
        extensions: dict[str, Any] | None,
    ) -> AsyncIterator[dict[str, Any]]:
        assert connection.caller is not None
        request = GraphQLRequest(
            query=query,
            variables=variables,
            operation_name=operation_name,
            extensions=extensions,
            address=connection.address,
            headers=connection.headers,
        )
        return self._operations.subscribe(request, connection.caller)

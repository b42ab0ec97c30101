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

import orjson
import strawberry
from starlette.requests import Request
from starlette.types import Message, Receive, Scope, Send
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
# The largest message a socket may send, as the largest body a POST may.
MAX_FRAME_CHARACTERS = 1 << 20


@dataclass
class Connection:
    """One WebSocket connection or SSE request: who is on it, and from where."""

    address: str
    headers: dict[str, str]
    caller: Caller | None = None
    connection_params: Any = field(default=None)


class _CheckedSocket:
    """A WebSocket's ASGI channel with every frame checked before Strawberry reads it.

    Strawberry's handler trusts a frame's shape (a JSON object, an `id` string, a `payload`
    object with a `query` string); anything else would raise inside it. Such a frame closes
    the socket with 4400, as graphql-transport-ws has it for an invalid message, and what the
    handler sends after the close is dropped.
    """

    def __init__(self, receive: Receive, send: Send) -> None:
        self._receive = receive
        self._send = send
        self._closed = False

    async def receive(self) -> Message:
        message = await self._receive()
        if message["type"] == "websocket.receive" and message.get("text") is not None:
            problem = frame_problem(message["text"])
            if problem is not None:
                await self.send({"type": "websocket.close", "code": 4400, "reason": problem})
                return {"type": "websocket.disconnect", "code": 4400}
        return message

    async def send(self, message: Message) -> None:
        if self._closed:
            return
        if message["type"] == "websocket.close":
            self._closed = True
        await self._send(message)


def frame_problem(text: str) -> str | None:
    """What is wrong with a graphql-transport-ws frame, or None when its shape is sound."""
    if len(text) > MAX_FRAME_CHARACTERS:
        return "The message is too large."
    try:
        message = orjson.loads(text)
    except orjson.JSONDecodeError:
        return "Messages must be JSON."
    if not isinstance(message, dict) or not isinstance(message.get("type"), str):
        return 'Messages must be JSON objects with a "type".'
    payload = message.get("payload")
    identified = isinstance(message.get("id"), str) and message["id"]
    if message["type"] in ("subscribe", "complete") and not identified:
        return 'The message needs an "id" string.'
    if message["type"] != "subscribe":
        return None if payload is None or isinstance(payload, dict) else "Bad payload."
    if not isinstance(payload, dict) or not isinstance(payload.get("query"), str):
        return 'A subscribe message needs a payload with a "query" string.'
    for name, kind in (("variables", dict), ("operationName", str), ("extensions", dict)):
        if payload.get(name) is not None and not isinstance(payload[name], kind):
            return f"`{name}` has the wrong type."
    return None


class StreamView(GraphQL[Connection, None]):
    """Strawberry's view, with subscriptions only, over the gateway's own pipeline."""

    def __init__(
        self,
        schema: strawberry.Schema,
        operations: Operations,
        authenticator: Authenticator,
        allowed_origins: tuple[str, ...] = (),
    ) -> None:
        """`allowed_origins` are the browser origins besides the gateway's own that may open a
        WebSocket: the CORS origins, as a WebSocket has no preflight of its own."""
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
            allowed_origins=allowed_origins,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            socket = _CheckedSocket(receive, send)
            receive, send = socket.receive, socket.send
        await super().__call__(scope, receive, send)

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

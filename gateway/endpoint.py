"""GraphQL over HTTP at /graphql: JSON in, JSON out, and GraphiQL for browsers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, Response
from starlette.types import Receive, Scope, Send
from strawberry.http.ides import get_graphql_ide_html

from gateway.auth import Authenticator, KeysUnavailable, Unauthenticated
from gateway.bodies import BodyTooLarge, read_body
from gateway.identity import Caller
from gateway.operations import GraphQLRequest, Operations
from gateway.telemetry import Telemetry, current_request

MAX_BODY_BYTES = 1 << 20
JSON = "application/json"
# GraphQL over HTTP's own response type: with it, a request that fails before it executes
# (no `data` in the response) answers with a 4xx status rather than 200.
GRAPHQL_RESPONSE = "application/graphql-response+json"
REALM = 'Bearer realm="checkout-gateway"'
# Shown above GraphiQL when the gateway serves the embedded emulator's data.
DEMO_BANNER = (
    '<div id="gateway-demo-mode" style="padding:6px 12px;background:#fff3cd;color:#664d03;'
    'font:14px sans-serif">Demo mode: no STRIPE_API_KEY is set, so this gateway serves the '
    "embedded Stripe emulator's sample data.</div>"
)


class BadRequest(Exception):
    """A request refused before any GraphQL runs; answered with a status and a message."""

    def __init__(
        self,
        message: str,
        status: int = 400,
        headers: Mapping[str, str] | None = None,
        code: str | None = None,
    ):
        super().__init__(message)
        self.status = status
        self.headers = dict(headers or {})
        self.code = code

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"message": str(self)}
        if self.code is not None:
            error["extensions"] = {"code": self.code}
        return {"errors": [error]}


class GraphQLEndpoint:
    """Serves queries over GET and POST and mutations over POST only.

    POST bodies must be JSON (`application/json`): a browser cannot send that cross-site
    without a CORS preflight, and GET never runs a mutation, so a forged link or form cannot
    change anything.
    """

    def __init__(
        self,
        operations: Operations,
        authenticator: Authenticator,
        telemetry: Telemetry,
        *,
        demo: bool = False,
    ) -> None:
        self._operations = operations
        self._authenticator = authenticator
        self._telemetry = telemetry
        self._graphiql = get_graphql_ide_html(graphql_ide="graphiql")
        if demo:
            self._graphiql = self._graphiql.replace("<body>", "<body>" + DEMO_BANNER, 1)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # Mounted as an ASGI app rather than a request handler, which spares a layer of
        # Starlette's per-request wrapping on the gateway's busiest route.
        try:
            response = await self.handle(Request(scope, receive))
        except ClientDisconnect:
            return
        await response(scope, receive, send)

    async def handle(self, request: Request) -> Response:
        media_type = JSON
        try:
            wants_ide = "query" not in request.query_params and _wants_html(request)
            if request.method == "GET" and wants_ide:
                return HTMLResponse(self._graphiql)
            media_type = _response_type(request.headers.get("accept"))
            if request.method == "GET":
                params = _from_query_string(request)
            else:
                params = await _from_body(request)
            graphql = _graphql_request(params, request)
            caller = await self._authenticate(request)
        except BadRequest as error:
            record = current_request.get()
            if record is not None:
                record.operation_type = "unknown"
                record.outcome = "refused" if error.status == 401 else "error"
            if error.status == 401 and error.code is not None:
                self._telemetry.refused(error.code)
            return _json(error.body(), error.status, error.headers, media_type)

        async def disconnected() -> None:
            # The body has been read: what comes next on the channel is the client leaving.
            while (await request.receive())["type"] != "http.disconnect":
                pass

        reply = await self._operations.run(graphql, caller, disconnected)
        status = reply.status
        if media_type == GRAPHQL_RESPONSE and status == 200 and "data" not in reply.body:
            # The request failed before it executed: its document, variables or limits.
            status = 400
        return _json(reply.body, status, reply.headers, media_type)

    async def _authenticate(self, request: Request) -> Caller:
        """The caller, or a 401 that says only whether credentials were missing or invalid."""
        headers = [
            value.decode("latin-1")
            for name, value in request.scope["headers"]
            if name == b"authorization"
        ]
        try:
            if len(headers) > 1:
                raise Unauthenticated(missing=False)
            return await self._authenticator.authenticate(headers[0] if headers else None)
        except Unauthenticated as exc:
            if exc.missing:
                message = "Missing credentials: send `Authorization: Bearer` with a key or token."
                challenge = REALM
            else:
                message = "Invalid token."
                challenge = f'{REALM}, error="invalid_token"'
            raise BadRequest(
                message, 401, {"WWW-Authenticate": challenge}, "UNAUTHENTICATED"
            ) from None
        except KeysUnavailable:
            raise BadRequest(
                "Tokens cannot be checked right now; try again shortly.",
                503,
                {"Retry-After": "5"},
                "AUTHENTICATION_UNAVAILABLE",
            ) from None


def _json(
    body: object,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
    media_type: str = JSON,
) -> Response:
    return Response(orjson.dumps(body), status, headers, media_type)


def _response_type(accept: str | None) -> str:
    """The response type to answer with, by the request's `Accept` header.

    GraphQL's own type when the client accepts it at least as much as JSON; JSON when there
    is no header, for clients older than the GraphQL over HTTP spec; 406 when the client
    accepts neither.
    """
    if accept is None or not accept.strip():
        return JSON
    weights = {GRAPHQL_RESPONSE: 0.0, JSON: 0.0}
    for part in accept.split(","):
        media, *parameters = (piece.strip() for piece in part.split(";"))
        weight = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        media = media.lower()
        if media == GRAPHQL_RESPONSE:
            weights[GRAPHQL_RESPONSE] = max(weights[GRAPHQL_RESPONSE], weight)
        elif media in (JSON, "application/*", "*/*"):
            weights[JSON] = max(weights[JSON], weight)
    if weights[GRAPHQL_RESPONSE] > 0 and weights[GRAPHQL_RESPONSE] >= weights[JSON]:
        return GRAPHQL_RESPONSE
    if weights[JSON] > 0:
        return JSON
    raise BadRequest(
        f"This endpoint answers with {GRAPHQL_RESPONSE} or {JSON}; the request accepts neither.",
        406,
    )


def _wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


def _from_query_string(request: Request) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query_params)
    for name in ("variables", "extensions"):
        if params.get(name):
            try:
                params[name] = orjson.loads(params[name])
            except orjson.JSONDecodeError:
                raise BadRequest(f"`{name}` must be a JSON object.") from None
    return params


async def _from_body(request: Request) -> dict[str, Any]:
    content_type = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if content_type != JSON:
        raise BadRequest(f"Send GraphQL requests as {JSON}.", 415)
    try:
        body = await read_body(request, MAX_BODY_BYTES)
    except BodyTooLarge as exc:
        raise BadRequest(str(exc), 413) from None
    try:
        params = orjson.loads(body)
    except orjson.JSONDecodeError:
        raise BadRequest("The request body is not valid JSON.") from None
    if not isinstance(params, dict):
        raise BadRequest('The request body must be a JSON object with a "query".')
    return params


def _graphql_request(params: Mapping[str, Any], request: Request) -> GraphQLRequest:
    query = params.get("query")
    extensions = params.get("extensions")
    document_id = params.get("documentId")
    if extensions is not None and not isinstance(extensions, dict):
        raise BadRequest("`extensions` must be a JSON object.")
    if document_id is not None and (not isinstance(document_id, str) or not document_id):
        raise BadRequest("`documentId` must be a string.")
    persisted = document_id is not None or "persistedQuery" in (extensions or {})
    if (query is None and not persisted) or (query is not None and not _is_document(query)):
        raise BadRequest('The request has no GraphQL query: send a "query" string.')
    variables = params.get("variables")
    if variables is not None and not isinstance(variables, dict):
        raise BadRequest("`variables` must be a JSON object.")
    operation_name = params.get("operationName")
    if operation_name is not None and not isinstance(operation_name, str):
        raise BadRequest("`operationName` must be a string.")
    return GraphQLRequest(
        query=query,
        variables=variables,
        operation_name=operation_name or None,
        extensions=extensions,
        document_id=document_id,
        read_only=request.method == "GET",
        address=_address(request),
        headers=request.headers,
    )


def _address(request: Request) -> str:
    client = request.scope.get("client")
    return str(client[0]) if client else "unknown"


def _is_document(query: object) -> bool:
    return isinstance(query, str) and bool(query.strip())

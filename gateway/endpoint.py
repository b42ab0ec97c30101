"""GraphQL over HTTP at /graphql: JSON in, JSON out, and GraphiQL for browsers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson
from starlette.requests import ClientDisconnect, Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import Message, Receive, Scope, Send

from gateway.auth import Authenticator, KeysUnavailable, Unauthenticated
from gateway.bodies import BodyTooLarge, read_body
from gateway.graphiql import GraphiQL
from gateway.identity import Caller
from gateway.operations import GraphQLRequest, Operations
from gateway.streams import CALLER, StreamView
from gateway.telemetry import Telemetry, current_request

MAX_BODY_BYTES = 1 << 20
JSON = "application/json"
# GraphQL over HTTP's own response type: with it, a request that fails before it executes
# (no `data` in the response) answers with a 4xx status rather than 200.
GRAPHQL_RESPONSE = "application/graphql-response+json"
# The methods that only read, and so never run a mutation (GraphQL over HTTP, § GET); HEAD is
# GET without the body (RFC 9110, § 9.3.2).
READ_METHODS = frozenset({"GET", "HEAD"})
REALM = 'Bearer realm="checkout-gateway"'


class BadRequest(Exception):
    """A request refused before any GraphQL runs; answered with a status, message and code.

    `BAD_REQUEST` is Apollo Server's code for a request that is not well-formed GraphQL over
    HTTP; refusals for credentials carry codes of their own.
    """

    def __init__(
        self,
        message: str,
        status: int = 400,
        headers: Mapping[str, str] | None = None,
        code: str = "BAD_REQUEST",
    ):
        super().__init__(message)
        self.status = status
        self.headers = dict(headers or {})
        self.code = code

    def body(self) -> dict[str, Any]:
        return {"errors": [{"message": str(self), "extensions": {"code": self.code}}]}


class GraphQLEndpoint:
    """Serves queries over GET (and HEAD) and POST, and mutations over POST only.

    POST bodies must be JSON (`application/json`): a browser cannot send that cross-site
    without a CORS preflight, and GET never runs a mutation, so a forged link or form cannot
    change anything.
    """

    def __init__(
        self,
        operations: Operations,
        authenticator: Authenticator,
        telemetry: Telemetry,
        graphiql: GraphiQL | None,
        streams: StreamView,
    ) -> None:
        """`graphiql` is the page for browsers, None when its files are not installed;
        `streams` serves subscriptions, over WebSocket and Server-Sent Events."""
        self._operations = operations
        self._authenticator = authenticator
        self._telemetry = telemetry
        self._graphiql = graphiql
        self._streams = streams

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # Mounted as an ASGI app rather than a request handler, which spares a layer of
        # Starlette's per-request wrapping on the gateway's busiest route.
        if scope["type"] == "websocket":
            await self._streams(scope, receive, send)
            return
        request = Request(scope, receive)
        if _wants_events(request):
            await self._events(request, send)
            return
        try:
            response = await self.handle(request)
        except ClientDisconnect:
            return
        await response(scope, receive, send)

    async def handle(self, request: Request) -> Response:
        media_type = JSON
        try:
            wants_ide = "query" not in request.query_params and _wants_html(request)
            if request.method in READ_METHODS and wants_ide:
                return self._ide()
            media_type = _response_type(request.headers.get("accept"))
            if request.method in READ_METHODS:
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
            if error.status == 401:
                self._telemetry.refused(error.code)
            return _json(error.body(), error.status, error.headers, media_type)

        async def disconnected() -> None:
            # The body has been read: what comes next on the channel is the client leaving.
            while (await request.receive())["type"] != "http.disconnect":
                pass

        reply = await self._operations.run(graphql, caller, disconnected)
        status = reply.status
        if media_type == GRAPHQL_RESPONSE and status == 200 and "data" not in reply.body:
            status = _status_without_data(reply.body)
        return _json(reply.body, status, reply.headers, media_type)

    async def _events(self, request: Request, send: Send) -> None:
        """A subscription over Server-Sent Events: the request read and checked as any POST is,
        its caller known, then handed to the stream view with the body it has checked."""
        try:
            graphql = _graphql_request(await _from_body(request), request)
            caller = await self._authenticate(request)
        except BadRequest as error:
            response = _json(error.body(), error.status, error.headers)
            await response(request.scope, request.receive, send)
            return
        except ClientDisconnect:
            return
        request.scope.setdefault("state", {})[CALLER] = caller
        body = orjson.dumps(
            {
                "query": graphql.query,
                "variables": graphql.variables,
                "operationName": graphql.operation_name,
                "extensions": graphql.extensions,
            }
        )
        await self._streams(request.scope, _replay(body, request.receive), send)

    def _ide(self) -> Response:
        if self._graphiql is None:
            # Why is in the start-up log; a stranger need not learn the server's paths.
            response: Response = PlainTextResponse(
                "GraphiQL is not installed on this server.", status_code=503
            )
        else:
            response = self._graphiql.page()
        # The same URL answers JSON to other clients.
        response.headers["Vary"] = "Accept"
        return response

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
    """A JSON response that names its encoding and varies by `Accept`, as its type does.

    GraphQL over HTTP, § Body: the server SHOULD indicate the encoding in `Content-Type`.
    """
    headers = {**(headers or {}), "Vary": "Accept"}
    return Response(orjson.dumps(body), status, headers, f"{media_type}; charset=utf-8")


def _status_without_data(body: Mapping[str, Any]) -> int:
    """The 4xx status of an `application/graphql-response+json` response without `data`.

    GraphQL over HTTP, § application/graphql-response+json: such a response MUST have a 4xx
    or 5xx status, and one that did not pass validation SHOULD have 400. A persisted query the
    gateway does not have is 404, as Apollo's router answers it: Apollo Client's persisted
    query link takes a 400 to mean the server has no persisted queries at all, and would stop
    sending hashes instead of sending the document once.
    """
    codes = {(error.get("extensions") or {}).get("code") for error in body.get("errors", [])}
    return 404 if "PERSISTED_QUERY_NOT_FOUND" in codes else 400


def _media_type(value: str) -> tuple[str, dict[str, str]]:
    """A media type from a header, lowercased, with its parameters, names lowercased."""
    media, *pieces = value.split(";")
    parameters = {}
    for piece in pieces:
        name, _, parameter = piece.partition("=")
        parameters[name.strip().lower()] = parameter.strip().strip('"')
    return media.strip().lower(), parameters


def _response_type(accept: str | None) -> str:
    """The response type to answer with, by the request's `Accept` header.

    GraphQL's own type when the client accepts it at least as much as JSON; JSON when there
    is no header, for clients older than the GraphQL over HTTP spec; 406 when the client
    accepts neither (GraphQL over HTTP, § Body).
    """
    if accept is None or not accept.strip():
        return JSON
    weights = {GRAPHQL_RESPONSE: 0.0, JSON: 0.0}
    for part in accept.split(","):
        media, parameters = _media_type(part)
        try:
            weight = float(parameters.get("q", "1"))
        except ValueError:
            weight = 0.0
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


def _replay(body: bytes, receive: Receive) -> Receive:
    """The channel of a request whose body was read already: the body once more, then the rest
    (the client leaving)."""
    pending = [{"type": "http.request", "body": body, "more_body": False}]

    async def replayed() -> Message:
        return pending.pop() if pending else await receive()

    return replayed


def _wants_events(request: Request) -> bool:
    """Whether the request asks for a subscription's stream of Server-Sent Events (graphql-sse,
    distinct connections mode: a POST that accepts `text/event-stream`)."""
    if request.method != "POST":
        return False
    return any(
        _media_type(part)[0] == "text/event-stream"
        for part in request.headers.get("accept", "").split(",")
    )


def _wants_html(request: Request) -> bool:
    """Whether the request accepts HTML (with a weight above 0), as a browser's does."""
    for part in request.headers.get("accept", "").split(","):
        media, parameters = _media_type(part)
        if media == "text/html":
            try:
                return float(parameters.get("q", "1")) > 0
            except ValueError:
                return False
    return False


def _from_query_string(request: Request) -> dict[str, Any]:
    """The parameters of a GET, `variables` and `extensions` in JSON (GraphQL over HTTP, § GET).

    A parameter given empty (`variables=`) is taken as not given, as a form leaves it.
    """
    params: dict[str, Any] = {name: value for name, value in request.query_params.items() if value}
    for name in ("variables", "extensions"):
        if name in params:
            try:
                params[name] = orjson.loads(params[name])
            except orjson.JSONDecodeError as exc:
                raise BadRequest(
                    f"`{name}` must be a JSON object; it is not JSON: {exc}."
                ) from None
    return params


async def _from_body(request: Request) -> dict[str, Any]:
    """The parameters of a POST: a JSON object in the body (GraphQL over HTTP, § JSON Encoding)."""
    _check_content_type(request.headers.get("content-type"))
    try:
        body = await read_body(request, MAX_BODY_BYTES)
    except BodyTooLarge as exc:
        raise BadRequest(str(exc), 413) from None
    if not body.strip():
        raise BadRequest('The request body is empty: send a JSON object with a "query".')
    try:
        params = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise BadRequest(f"The request body is not valid JSON: {exc}.") from None
    if not isinstance(params, dict):
        raise BadRequest(
            f'The request body must be a JSON object with a "query", not {_kind(params)}.'
        )
    return params


def _check_content_type(header: str | None) -> None:
    """Refuse with 415 a body that is not JSON in UTF-8 (GraphQL over HTTP, § POST).

    JSON is the one request type every server must take, and one a browser cannot send
    cross-site without a CORS preflight; without a charset, UTF-8 is assumed.
    """
    media, parameters = _media_type(header or "")
    if media != JSON:
        sent = f"this one is {media}" if media else "this one has no Content-Type"
        raise BadRequest(f"Send GraphQL requests as {JSON}; {sent}.", 415)
    charset = parameters.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise BadRequest(f"Send GraphQL requests in UTF-8; this one is in {charset}.", 415)


def _graphql_request(params: Mapping[str, Any], request: Request) -> GraphQLRequest:
    """The request its parameters make (GraphQL over HTTP, § Request Parameters).

    Each must be of the type the spec gives it, or null, which is the same as not sent.
    """
    query = _optional(params, "query", str, "a string")
    extensions = _optional(params, "extensions", dict, "a JSON object")
    document_id = _optional(params, "documentId", str, "a string")
    variables = _optional(params, "variables", dict, "a JSON object")
    operation_name = _optional(params, "operationName", str, "a string")
    if document_id == "":
        raise BadRequest("`documentId` must not be empty.")
    persisted = document_id is not None or "persistedQuery" in (extensions or {})
    if (query is None and not persisted) or (query is not None and not query.strip()):
        raise BadRequest('The request has no GraphQL query: send a "query" string.')
    return GraphQLRequest(
        query=query,
        variables=variables,
        operation_name=operation_name or None,
        extensions=extensions,
        document_id=document_id,
        read_only=request.method in READ_METHODS,
        address=_address(request),
        headers=request.headers,
    )


def _optional(params: Mapping[str, Any], name: str, kind: type, described: str) -> Any:
    """Parameter `name`, refused unless it is null or of type `kind`."""
    value = params.get(name)
    if value is not None and not isinstance(value, kind):
        raise BadRequest(f"`{name}` must be {described}, not {_kind(value)}.")
    return value


def _kind(value: object) -> str:
    """What JSON calls the type of a decoded value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _address(request: Request) -> str:
    client = request.scope.get("client")
    return str(client[0]) if client else "unknown"

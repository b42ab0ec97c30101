"""GraphQL over HTTP at /graphql: JSON in, JSON out, and GraphiQL for browsers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import orjson
from graphql import OperationType
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import Receive, Scope, Send
from strawberry.http.ides import get_graphql_ide_html

from gateway.auth import Authenticator, KeysUnavailable, Unauthenticated
from gateway.bodies import BodyTooLarge, read_body
from gateway.identity import Caller
from gateway.schema import Context, Executor

MAX_BODY_BYTES = 1 << 20
JSON = "application/json"


REALM = 'Bearer realm="checkout-gateway"'


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
        executor: Executor,
        authenticator: Authenticator,
        context: Callable[[Request, Caller], Context],
    ) -> None:
        self._executor = executor
        self._authenticator = authenticator
        self._context = context
        self._graphiql = get_graphql_ide_html(graphql_ide="graphiql")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # Mounted as an ASGI app rather than a request handler, which spares a layer of
        # Starlette's per-request wrapping on the gateway's busiest route.
        response = await self.handle(Request(scope, receive))
        await response(scope, receive, send)

    async def handle(self, request: Request) -> Response:
        try:
            if request.method == "GET":
                if "query" not in request.query_params and _wants_html(request):
                    return HTMLResponse(self._graphiql)
                params = _from_query_string(request)
            else:
                params = await _from_body(request)
            caller = await self._authenticate(request)
            return await self._execute(request, params, caller)
        except BadRequest as error:
            return _json(error.body(), error.status, error.headers)

    async def _authenticate(self, request: Request) -> Caller:
        """The caller, or a 401 that says only whether credentials were missing or invalid."""
        headers = request.headers.getlist("authorization")
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

    async def _execute(
        self, request: Request, params: Mapping[str, Any], caller: Caller
    ) -> Response:
        query, variables, operation_name = _graphql_params(params)
        prepared = self._executor.prepare(query)
        if (
            request.method == "GET"
            and prepared.operation_type(operation_name) is OperationType.MUTATION
        ):
            raise BadRequest(
                "Mutations are not allowed over GET; send them with POST.", 405, {"Allow": "POST"}
            )
        result = await self._executor.run(
            prepared,
            context=self._context(request, caller),
            variables=variables,
            operation_name=operation_name,
        )
        return _json(result)


def _json(body: object, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    return Response(orjson.dumps(body), status, headers, JSON)


def _wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


def _from_query_string(request: Request) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query_params)
    if params.get("variables"):
        try:
            params["variables"] = orjson.loads(params["variables"])
        except orjson.JSONDecodeError:
            raise BadRequest("`variables` must be a JSON object.") from None
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


def _graphql_params(params: Mapping[str, Any]) -> tuple[str, dict[str, Any] | None, str | None]:
    query = params.get("query")
    if not isinstance(query, str) or not query.strip():
        raise BadRequest('The request has no GraphQL query: send a "query" string.')
    variables = params.get("variables")
    if variables is not None and not isinstance(variables, dict):
        raise BadRequest("`variables` must be a JSON object.")
    operation_name = params.get("operationName")
    if operation_name is not None and not isinstance(operation_name, str):
        raise BadRequest("`operationName` must be a string.")
    return query, variables, operation_name or None

"""Where the gateway leans on what its libraries do not promise, each use in one place.

tests/test_compat.py checks every assumption made here against the installed versions
(httpx and Strawberry are held to one minor series in pyproject.toml). The execution engine
(gateway/engine/) keeps its own list of graphql-core and Strawberry internals in its
compat.py, as it imports nothing from the rest of the gateway.

- httpx builds a URL from a string by parsing it in Python, and reads a response body
  through its decoders: both cost more than the rest of a call to Stripe, and httpx has no
  public way to build a URL from parsed parts or hand a response a body already read.
- aiohttp sends a read again on its own when a kept-alive connection turns out closed; the
  gateway retries with back-off itself, and two layers would multiply the attempts, but
  aiohttp has no public switch for it.
- Strawberry's federation schema types `_entities`' representations with a name it does not
  export, which the gateway's own `entities_resolver` (gateway/schema/federation.py) takes;
  custom scalars are declared with a definition class it does not export either.
- Strawberry keeps graphql-core's resolve info behind a private attribute (and its schema,
  for which the engine's own compatibility module has the one function).
- Strawberry's HTTP view speaks the subscription protocols (graphql-transport-ws over
  WebSocket, graphql-sse over HTTP) and asks its schema for a stream of results with
  `stream()`. The gateway hands it a schema whose `stream()` runs the gateway's own pipeline
  instead (limits, cost, caller, error presentation); the view reads nothing else of the schema
  but its config and `process_errors`.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Callable, Iterable
from typing import Any

import aiohttp
import httpx
import strawberry
from graphql import GraphQLError, GraphQLResolveInfo
from strawberry.federation.schema import FederationAny
from strawberry.types.execution import ExecutionResult, PreExecutionError
from strawberry.types.scalar import ScalarDefinition
from strawberry.utils.str_converters import to_camel_case

from gateway.engine.compat import graphql_schema

__all__ = [
    "FederationAny",
    "ScalarDefinition",
    "StreamingSchema",
    "graphql_schema",
    "join_url",
    "read_response",
    "resolve_info",
    "to_camel_case",
    "without_hidden_retries",
]

Body = dict[str, Any]
# What the gateway gives for a subscription: its responses, the first a refusal (no `data`)
# when it may not start.
Streams = Callable[
    [Any, str | None, dict[str, Any] | None, str | None, dict[str, Any] | None], AsyncIterator[Body]
]


class StreamingSchema:
    """The schema as Strawberry's view sees it: its own, but for `stream()`."""

    def __init__(self, schema: strawberry.Schema, streams: Streams) -> None:
        self._schema = schema
        self._streams = streams

    @property
    def config(self) -> Any:
        return self._schema.config

    def process_errors(self, errors: Iterable[GraphQLError], execution_context: Any = None) -> None:
        """Nothing to do: the gateway logged what deserved it when it presented the errors."""

    async def stream(
        self,
        query: str | None,
        variable_values: dict[str, Any] | None = None,
        context_value: Any = None,
        root_value: Any = None,
        operation_name: str | None = None,
        operation_extensions: dict[str, Any] | None = None,
        allowed_operation_types: Any = None,
    ) -> AsyncGenerator[ExecutionResult, None]:
        return self._results(
            self._streams(
                context_value, query, variable_values, operation_name, operation_extensions
            )
        )

    async def _results(self, bodies: AsyncIterator[Body]) -> AsyncGenerator[ExecutionResult, None]:
        first = True
        try:
            async for body in bodies:
                errors = [_error(error) for error in body.get("errors", ())] or None
                if first and "data" not in body:
                    yield PreExecutionError(data=None, errors=errors)
                    return
                first = False
                yield ExecutionResult(
                    data=body.get("data"), errors=errors, extensions=body.get("extensions")
                )
        finally:
            close = getattr(bodies, "aclose", None)
            if close is not None:
                await close()


def _error(formatted: dict[str, Any]) -> GraphQLError:
    """A presented error again as an object, as the view formats each error itself."""
    return GraphQLError(
        formatted.get("message", ""),
        path=formatted.get("path"),
        extensions=formatted.get("extensions"),
    )


def join_url(base: httpx.URL, path: str, query: str | None) -> httpx.URL:
    """`base` with `path` appended and `query` set, without parsing the result again."""
    reference = base._uri_reference
    url = httpx.URL.__new__(httpx.URL)
    url._uri_reference = reference._replace(path=reference.path + path, query=query)
    return url


def read_response(
    status: int, headers: list[tuple[bytes, bytes]], body: bytes, request: httpx.Request
) -> httpx.Response:
    """An httpx response whose body, already decoded, counts as read."""
    response = httpx.Response(
        status, headers=headers, stream=httpx.ByteStream(body), request=request
    )
    response._content = body
    return response


def resolve_info(info: strawberry.Info[Any, Any]) -> GraphQLResolveInfo[Any]:
    """graphql-core's resolve info behind Strawberry's: the syntax tree of the selection."""
    return info._raw_info


def without_hidden_retries(session: aiohttp.ClientSession) -> aiohttp.ClientSession:
    """`session`, made to leave every retry to the gateway's own."""
    session._retry_connection = False
    return session

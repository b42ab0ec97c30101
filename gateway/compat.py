"""Where the gateway leans on what its libraries do not promise, each use in one place.

Strawberry's HTTP view speaks the subscription protocols (graphql-transport-ws over WebSocket,
graphql-sse over HTTP) and asks its schema for a stream of results with `stream()`. The
gateway hands it a schema whose `stream()` runs the gateway's own pipeline instead (limits,
cost, caller, error presentation); the view reads nothing else of the schema but its config
and `process_errors`. tests/test_compat.py checks those assumptions against the installed
Strawberry.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Callable, Iterable
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.types.execution import ExecutionResult, PreExecutionError

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

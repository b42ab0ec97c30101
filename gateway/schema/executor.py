"""Running operations: each document is parsed and validated once, then executed directly.

Strawberry defines the schema; execution goes straight to graphql-core with the prepared
document, because the per-request work of Strawberry's extension pipeline costs more CPU than
executing a small query does. What the pipeline did for the gateway (caching documents and
presenting errors) is done here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from inspect import isawaitable
from typing import Any, TypeGuard, cast

import strawberry
from graphql import (
    DocumentNode,
    ExecutionResult,
    GraphQLError,
    OperationType,
    execute,
    get_operation_ast,
    parse,
    validate,
)
from strawberry.execution.is_awaitable import optimized_is_awaitable

from gateway.schema.context import Context
from gateway.schema.errors import present

Response = dict[str, Any]

# Strawberry's check skips the slow generic test for values that are plainly not awaitable.
_is_awaitable = cast("Callable[[Any], TypeGuard[Awaitable[Any]]]", optimized_is_awaitable)


@dataclass(frozen=True)
class Prepared:
    """A request's query after parsing and validation: a document to run, or its errors."""

    document: DocumentNode | None
    errors: tuple[GraphQLError, ...] = ()

    def operation_type(self, operation_name: str | None) -> OperationType | None:
        """The type of the operation that would run, or None if the name picks none."""
        if self.document is None:
            return None
        operation = get_operation_ast(self.document, operation_name)
        return operation.operation if operation else None


class Executor:
    """Executes GraphQL requests against the gateway's schema.

    Parsed and validated documents are kept (the most recent `cache_size` distinct queries), so
    a client repeating its queries pays for neither again.
    """

    def __init__(self, schema: strawberry.Schema, *, cache_size: int = 512) -> None:
        self._schema = schema._schema
        self._executor_class = schema.execution_context_class
        self.prepare = lru_cache(maxsize=cache_size)(self._prepare)

    def _prepare(self, query: str) -> Prepared:
        try:
            document = parse(query)
        except GraphQLError as error:
            return Prepared(None, (error,))
        errors = validate(self._schema, document)
        if errors:
            return Prepared(None, tuple(errors))
        return Prepared(document)

    async def run(
        self,
        prepared: Prepared,
        *,
        context: Context,
        variables: Mapping[str, Any] | None = None,
        operation_name: str | None = None,
    ) -> Response:
        """Execute a prepared request and shape the result as a GraphQL response."""
        if prepared.document is None:
            return {"errors": [error.formatted for error in prepared.errors]}
        outcome = execute(
            self._schema,
            prepared.document,
            context_value=context,
            variable_values=dict(variables) if variables else None,
            operation_name=operation_name,
            executor_class=self._executor_class,
            is_awaitable=_is_awaitable,
        )
        result = await outcome if isawaitable(outcome) else outcome
        assert isinstance(result, ExecutionResult)
        response: Response = {"data": result.data}
        if result.errors:
            response["errors"] = [error.formatted for error in present(result.errors)]
        return response

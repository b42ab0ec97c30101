"""Running operations: each document is parsed, validated and compiled once, then executed.

Strawberry defines the schema, but requests skip its extension pipeline, whose per-request
work costs more CPU than executing a small query does. A prepared document runs as a compiled
plan (see plan.py), or on graphql-core when it uses what plans do not cover. What the pipeline
did for the gateway (caching documents and presenting errors) is done here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
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
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from gateway.identity import Scope
from gateway.schema.context import Context
from gateway.schema.errors import present
from gateway.schema.execution import Execution
from gateway.schema.introspection import reads_schema
from gateway.schema.permissions import forbidden
from gateway.schema.plan import Plan, compile_plan

Response = dict[str, Any]

# Strawberry's check skips the slow generic test for values that are plainly not awaitable.
_is_awaitable = cast("Callable[[Any], TypeGuard[Awaitable[Any]]]", optimized_is_awaitable)


@dataclass(frozen=True)
class Prepared:
    """A request's query after parsing and validation: a document to run, or its errors."""

    document: DocumentNode | None
    errors: tuple[GraphQLError, ...] = ()
    # Compiled plans by operation name, None where graphql-core runs the operation.
    plans: dict[str | None, Plan | None] = field(default_factory=dict, compare=False)
    # Whether each operation reads the schema itself (introspection or the federation SDL).
    introspective: dict[str | None, bool] = field(default_factory=dict, compare=False)

    def operation_type(self, operation_name: str | None) -> OperationType | None:
        """The type of the operation that would run, or None if the name picks none."""
        if self.document is None:
            return None
        operation = get_operation_ast(self.document, operation_name)
        return operation.operation if operation else None

    def introspects(self, operation_name: str | None) -> bool:
        """Whether the operation `operation_name` picks reads the schema itself."""
        if operation_name not in self.introspective:
            assert self.document is not None
            operation = get_operation_ast(self.document, operation_name)
            if operation is None:
                return False
            self.introspective[operation_name] = reads_schema(self.document, operation)
        return self.introspective[operation_name]


class Executor:
    """Executes GraphQL requests against the gateway's schema.

    Parsed and validated documents are kept (the most recent `cache_size` distinct queries), so
    a client repeating its queries pays for neither again.
    """

    def __init__(self, schema: strawberry.Schema, *, cache_size: int = 512) -> None:
        self._strawberry_schema = schema
        self._schema = schema._schema
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
        if not context.caller.may(Scope.INTROSPECT) and prepared.introspects(operation_name):
            return {"errors": [forbidden(Scope.INTROSPECT).formatted]}
        inputs = dict(variables) if variables else None
        plan = self._plan(prepared, operation_name)
        if plan is None:
            data, errors = await self._run_on_graphql_core(
                prepared.document, context, inputs, operation_name
            )
        else:
            execution = Execution.start(self._schema, plan, context, inputs, _is_awaitable)
            if isinstance(execution, list):
                data, errors = None, execution
            else:
                data, errors = await execution.run()
        response: Response = {"data": data}
        if errors:
            response["errors"] = [error.formatted for error in present(errors)]
        return response

    def _plan(self, prepared: Prepared, operation_name: str | None) -> Plan | None:
        if operation_name not in prepared.plans:
            assert prepared.document is not None
            prepared.plans[operation_name] = compile_plan(
                self._strawberry_schema, prepared.document, operation_name
            )
        return prepared.plans[operation_name]

    async def _run_on_graphql_core(
        self,
        document: DocumentNode,
        context: Context,
        inputs: dict[str, Any] | None,
        operation_name: str | None,
    ) -> tuple[dict[str, Any] | None, list[GraphQLError]]:
        outcome = execute(
            self._schema,
            document,
            context_value=context,
            variable_values=inputs,
            operation_name=operation_name,
            executor_class=StrawberryGraphQLCoreExecutionContext,
            is_awaitable=_is_awaitable,
        )
        result = await outcome if isawaitable(outcome) else outcome
        assert isinstance(result, ExecutionResult)
        return result.data, list(result.errors or ())

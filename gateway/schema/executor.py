"""Running operations: each document is validated and compiled once, then executed.

Strawberry defines the schema, but requests skip its extension pipeline, whose per-request
work costs more CPU than executing a small query does. A prepared document runs as a compiled
plan (see plan.py), or on graphql-core when it uses what plans do not cover; `GRAPHQL_ENGINE`
can choose graphql-core for every operation instead, as it is or with the short path for
Stripe's leaves of lean.py (benchmarks/README.md compares the three). What the pipeline
did for the gateway (presenting errors) is done here; keeping prepared documents is the
document cache's job (gateway.limits.documents).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from inspect import isawaitable
from typing import Any, TypeGuard, cast

import strawberry
from graphql import (
    DeferStreamDirectiveLabel,
    DeferStreamDirectiveOnRootField,
    DeferStreamDirectiveOnValidOperationsRule,
    DocumentNode,
    ExecutionResult,
    GraphQLError,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
    StreamDirectiveOnListField,
    execute,
    specified_rules,
    subscribe,
    validate,
)

from gateway.engine import (
    MAX_ERRORS,
    Execution,
    LeanExecutionContext,
    Plans,
    compile_plans,
    plain_leaves,
)
from gateway.engine.compat import (
    StrawberryGraphQLCoreExecutionContext,
    graphql_schema,
    optimized_is_awaitable,
)
from gateway.identity import Scope
from gateway.schema.context import Context
from gateway.schema.errors import (
    BAD_USER_INPUT,
    VALIDATION_FAILED,
    coded,
    present,
    request_errors,
)
from gateway.schema.introspection import SCHEMA_FIELDS, SCHEMA_ONLY, root_fields
from gateway.schema.permissions import forbidden

Response = dict[str, Any]

# The rules of the specification (section 5), less graphql-core's four on where `@defer` and
# `@stream` may stand. The schema defines neither directive, so KnownDirectivesRule refuses
# every use of them; these would only add a second error about a directive that does not
# exist, yet each visits every document (benchmarks/validation.py measures what they cost).
# A test checks that the schema still defines neither.
DEFER_STREAM_RULES = frozenset(
    {
        DeferStreamDirectiveLabel,
        DeferStreamDirectiveOnRootField,
        DeferStreamDirectiveOnValidOperationsRule,
        StreamDirectiveOnListField,
    }
)
VALIDATION_RULES = tuple(rule for rule in specified_rules if rule not in DEFER_STREAM_RULES)

# Strawberry's check skips the slow generic test for values that are plainly not awaitable.
_is_awaitable = cast("Callable[[Any], TypeGuard[Awaitable[Any]]]", optimized_is_awaitable)


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation of a prepared document, with what running it takes."""

    definition: OperationDefinitionNode
    # The compiled plans, or None where graphql-core runs the operation.
    plans: Plans | None
    # Whether it reads the schema itself (introspection or the federation SDL).
    introspects: bool
    # Whether that is all it reads: nothing in it awaits, so it can run on any thread.
    schema_only: bool

    @property
    def type(self) -> OperationType:
        return self.definition.operation


@dataclass(frozen=True)
class Prepared:
    """A document after validation: its operations ready to run, or why it cannot run.

    Operations are keyed by the name that picks them (None too, for a document of one), so
    that nothing is kept for names the document does not define.
    """

    document: DocumentNode | None
    errors: tuple[GraphQLError, ...] = ()
    operations: dict[str | None, Operation] = field(default_factory=dict)

    def operation(self, operation_name: str | None) -> Operation | None:
        """The operation `operation_name` picks, or None if it picks none."""
        return self.operations.get(operation_name)


class Executor:
    """Executes GraphQL requests against the gateway's schema.

    With `hide_suggestions`, errors leave out the names of fields, types and values a mistake
    might have meant, which would tell the schema to callers not allowed to introspect it.
    """

    def __init__(
        self, schema: strawberry.Schema, *, hide_suggestions: bool = False, engine: str = "plans"
    ) -> None:
        """`engine` runs operations as compiled plans (`plans`), or on graphql-core with a short
        path for Stripe's leaves (`lean`) or as it is (`graphql-core`)."""
        self._strawberry_schema = schema
        self._schema = graphql_schema(schema)
        self._hide_suggestions = hide_suggestions
        self._plans = engine == "plans"
        self._lean = plain_leaves(self._schema) if engine == "lean" else None

    @property
    def schema(self) -> GraphQLSchema:
        return self._schema

    @property
    def strawberry_schema(self) -> strawberry.Schema:
        return self._strawberry_schema

    def prepare(self, document: DocumentNode) -> Prepared:
        """Validate a parsed document and compile each of its operations."""
        errors = validate(
            self._schema,
            document,
            VALIDATION_RULES,
            max_errors=MAX_ERRORS,
            hide_suggestions=self._hide_suggestions,
        )
        if errors:
            return Prepared(None, tuple(coded(errors, VALIDATION_FAILED)))
        definitions = [
            node for node in document.definitions if isinstance(node, OperationDefinitionNode)
        ]
        operations: dict[str | None, Operation] = {}
        for definition in definitions:
            name = definition.name.value if definition.name else None
            fields = root_fields(document, definition)
            operation = Operation(
                definition,
                compile_plans(self._strawberry_schema, document, definition)
                if self._plans
                else None,
                introspects=bool(fields & SCHEMA_FIELDS),
                schema_only=fields <= SCHEMA_ONLY,
            )
            operations[name] = operation
            if len(definitions) == 1:
                operations[None] = operation
        return Prepared(document, operations=operations)

    async def run(
        self,
        prepared: Prepared,
        *,
        context: Context,
        variables: Mapping[str, Any] | None = None,
        operation_name: str | None = None,
    ) -> Response:
        """Execute a prepared request and shape the result as a GraphQL response."""
        refusal = _refusal(prepared, context, operation_name)
        if refusal is not None:
            return refusal
        assert prepared.document is not None
        inputs = dict(variables) if variables else None
        operation = prepared.operation(operation_name)
        # graphql-core also reports an operation name that picks no operation.
        plans = operation.plans if operation is not None else None
        if plans is not None:
            coerced = plans.first.coerce(
                self._schema, inputs, hide_suggestions=self._hide_suggestions
            )
            if isinstance(coerced, list):
                # A request error: the operation never ran, so the response has no `data`.
                formatted = present(coded(coerced, BAD_USER_INPUT)[:MAX_ERRORS])
                return {"errors": [error.formatted for error in formatted]}
            plan = plans.choose(coerced)
            if plan is not None:
                execution = Execution(self._schema, plan, context, coerced, _is_awaitable)
                return _response(*await execution.run())
        outcome = self._on_graphql_core(prepared.document, context, inputs, operation_name)
        return _result_response(await outcome if isawaitable(outcome) else outcome)

    def describe(
        self,
        prepared: Prepared,
        *,
        context: Context,
        variables: Mapping[str, Any] | None = None,
        operation_name: str | None = None,
    ) -> Response:
        """Execute an operation that only reads the schema (`Operation.schema_only`).

        Nothing it resolves awaits, so it runs to the end here, on whichever thread calls it:
        a full introspection takes tens of milliseconds the event loop need not spend.
        """
        refusal = _refusal(prepared, context, operation_name)
        if refusal is not None:
            return refusal
        assert prepared.document is not None
        inputs = dict(variables) if variables else None
        return _result_response(
            self._on_graphql_core(prepared.document, context, inputs, operation_name)
        )

    async def subscribe(
        self,
        prepared: Prepared,
        *,
        context: Context,
        variables: Mapping[str, Any] | None = None,
        operation_name: str | None = None,
    ) -> Response | AsyncIterator[Response]:
        """Start a subscription: its responses as they come, or one response saying why it
        could not start."""
        refusal = _refusal(prepared, context, operation_name)
        if refusal is not None:
            return refusal
        assert prepared.document is not None
        outcome = subscribe(
            self._schema,
            prepared.document,
            context_value=context,
            variable_values=dict(variables) if variables else None,
            operation_name=operation_name,
            hide_suggestions=self._hide_suggestions,
        )
        results = await outcome if isawaitable(outcome) else outcome
        if isinstance(results, ExecutionResult):
            return _result_response(results)
        return _stream(results)

    def _on_graphql_core(
        self,
        document: DocumentNode,
        context: Context,
        inputs: dict[str, Any] | None,
        operation_name: str | None,
    ) -> ExecutionResult | Awaitable[ExecutionResult]:
        # The lean context takes the leaves it may read directly as an argument of its own.
        lean: dict[str, Any] = {} if self._lean is None else {"plain_leaves": self._lean}
        return execute(
            self._schema,
            document,
            context_value=context,
            variable_values=inputs,
            operation_name=operation_name,
            executor_class=LeanExecutionContext if lean else StrawberryGraphQLCoreExecutionContext,
            is_awaitable=_is_awaitable,
            hide_suggestions=self._hide_suggestions,
            **lean,
        )


def _refusal(prepared: Prepared, context: Context, operation_name: str | None) -> Response | None:
    """Why the operation must not run at all, if it must not."""
    if prepared.document is None:
        return {"errors": [error.formatted for error in prepared.errors]}
    operation = prepared.operation(operation_name)
    introspects = operation is not None and operation.introspects
    if introspects and not context.caller.may(Scope.INTROSPECT):
        return {"errors": [forbidden(Scope.INTROSPECT).formatted]}
    return None


async def _stream(results: AsyncIterator[ExecutionResult]) -> AsyncIterator[Response]:
    """A subscription's responses; a failure of its source ends it with one coded error.

    graphql-core passes on what the source raises (a session that does not exist, Stripe
    unreachable) instead of making a response of it.
    """
    try:
        async for result in results:
            yield _result_response(result)
    except Exception as exc:
        error = exc if isinstance(exc, GraphQLError) else GraphQLError(str(exc), original_error=exc)
        yield {"errors": [presented.formatted for presented in present([error])]}
    finally:
        close = getattr(results, "aclose", None)
        if close is not None:
            await close()


def _result_response(result: object) -> Response:
    assert isinstance(result, ExecutionResult)
    errors = list(result.errors or ())
    if result.data is None and errors and all(error.path is None for error in errors):
        # Request errors: the operation never ran, so the response has no `data`.
        formatted = present(request_errors(errors)[:MAX_ERRORS])
        return {"errors": [error.formatted for error in formatted]}
    return _response(result.data, errors)


def _response(data: dict[str, Any] | None, errors: list[GraphQLError]) -> Response:
    response: Response = {"data": data}
    if errors:
        response["errors"] = [error.formatted for error in present(errors[:MAX_ERRORS])]
    return response

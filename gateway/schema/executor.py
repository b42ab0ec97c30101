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
    GraphQLLeafType,
    GraphQLObjectType,
    GraphQLSchema,
    OperationType,
    execute,
    get_nullable_type,
    get_operation_ast,
    is_leaf_type,
    is_non_null_type,
    parse,
    validate,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import Path
from strawberry.execution.is_awaitable import optimized_is_awaitable
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from gateway.schema.base import resolve_key
from gateway.schema.context import Context
from gateway.schema.errors import present

Response = dict[str, Any]

# Strawberry's check skips the slow generic test for values that are plainly not awaitable.
_is_awaitable = cast("Callable[[Any], TypeGuard[Awaitable[Any]]]", optimized_is_awaitable)


PlainLeaf = tuple[str, GraphQLLeafType, bool]
"""A field read straight from a Stripe object: its key, its scalar or enum type, non-null."""


def plain_leaves(schema: GraphQLSchema) -> dict[str, dict[str, PlainLeaf]]:
    """The scalar and enum fields, by type and field name, that only read a key of a dict.

    They are fields without a resolver, arguments or extensions of their own, so the
    schema's default resolver (`resolve_key`) would read `source[python_name]`.
    """
    leaves: dict[str, dict[str, PlainLeaf]] = {}
    for graphql_type in schema.type_map.values():
        if not isinstance(graphql_type, GraphQLObjectType):
            continue
        for name, field in graphql_type.fields.items():
            definition = (field.extensions or {}).get("strawberry-definition")
            if definition is None or definition.base_resolver or definition.extensions:
                continue
            leaf = get_nullable_type(field.type)
            if field.args or not is_leaf_type(leaf):
                continue
            leaves.setdefault(graphql_type.name, {})[name] = (
                definition.python_name,
                leaf,
                is_non_null_type(field.type),
            )
    return leaves


class LeanExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's executor with a short path for scalar and enum fields of Stripe objects.

    Most fields of a response are leaves read from a key of Stripe's JSON. Going through a
    resolver costs a resolve-info object, a wrapped call and a completion step per field, which
    for a page of 50 sessions with line items is most of the request's CPU. Here such a field
    is read and serialised directly; anything unusual (a missing non-null value, a value the
    type refuses) takes graphql-core's full path, which reports it properly.
    """

    def __init__(
        self, *args: Any, plain_leaves: dict[str, dict[str, PlainLeaf]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._plain_leaves = plain_leaves

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: FieldDetailsList,
        path: Path,
        position_context: Any,
    ) -> Any:
        if type(source) is dict and not self.middleware_manager:
            fields = self._plain_leaves.get(parent_type.name)
            plain = fields and fields.get(field_details_list[0].node.name.value)
            if plain:
                key, leaf_type, non_null = plain
                value = source.get(key)
                if value is None and not non_null:
                    return None
                if value is not None:
                    try:
                        return self.complete_leaf_value(leaf_type, value)
                    except Exception:
                        pass  # a value the type refuses: the full path reports it
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )


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
        # The short path reads dict keys, which is what the schema's default resolver does.
        self._plain_leaves = (
            plain_leaves(self._schema) if schema.config.default_resolver is resolve_key else {}
        )
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
            executor_class=LeanExecutionContext,
            is_awaitable=_is_awaitable,
            plain_leaves=self._plain_leaves,
        )
        result = await outcome if isawaitable(outcome) else outcome
        assert isinstance(result, ExecutionResult)
        response: Response = {"data": result.data}
        if result.errors:
            response["errors"] = [error.formatted for error in present(result.errors)]
        return response

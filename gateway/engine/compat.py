"""graphql-core's and Strawberry's internals the engine relies on, each in this one place.

graphql-core 3.3 exports neither its field collection nor its variable signatures, though both
are the building blocks of its own executor; a plan is made of the same blocks, so it collects
exactly what graphql-core would. Strawberry keeps graphql-core's schema behind `_schema`, makes
`Info` from private fields, and types its annotations with classes of its own. Both libraries
are held to one minor series (pyproject.toml), and tests/test_engine_compat.py checks every
name here against the installed versions.
"""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLResolveInfo, GraphQLSchema
from graphql.execution.collect_fields import (
    FieldDetails,
    FragmentDetails,
    collect_fields,
    collect_subfields,
)
from graphql.execution.get_variable_signature import (
    GraphQLVariableSignature,
    get_variable_signature,
)
from graphql.execution.values import VariableValueSource, input_is_nested_too_deeply
from strawberry.execution.is_awaitable import optimized_is_awaitable
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.base import StrawberryMaybe, StrawberryOptional
from strawberry.types.field import StrawberryField

__all__ = [
    "FieldDetails",
    "FragmentDetails",
    "GraphQLVariableSignature",
    "StrawberryConfig",
    "StrawberryField",
    "StrawberryGraphQLCoreExecutionContext",
    "StrawberryMaybe",
    "StrawberryOptional",
    "VariableValueSource",
    "collect_fields",
    "collect_subfields",
    "get_variable_signature",
    "graphql_schema",
    "has_exception_handlers",
    "input_is_nested_too_deeply",
    "optimized_is_awaitable",
    "strawberry_info",
]


def graphql_schema(schema: strawberry.Schema) -> GraphQLSchema:
    """The graphql-core schema Strawberry built."""
    return schema._schema


def has_exception_handlers(schema: strawberry.Schema) -> bool:
    """Whether the schema's extensions may need to see what a resolver raises."""
    return bool(schema.exception_handlers)


def strawberry_info(
    info_class: type[strawberry.Info[Any, Any]],
    raw: GraphQLResolveInfo[Any],
    field: StrawberryField,
) -> strawberry.Info[Any, Any]:
    """The `Info` Strawberry would hand a resolver of `field`."""
    return info_class(_raw_info=raw, _field=field)

"""graphql-core's executor with a short path for the leaves of Stripe objects: one of the
three engines `GRAPHQL_ENGINE` chooses between (see benchmarks/README.md for what each costs).

Most fields of a response are scalars and enums read from a key of Stripe's JSON. Through a
resolver each costs a resolve-info object, a wrapped call and a completion step; here such a
field is read and serialised directly. Anything unusual (a missing non-null value, a value the
type refuses) takes graphql-core's full path, which reports it as graphql-core would.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    GraphQLLeafType,
    GraphQLObjectType,
    GraphQLSchema,
    get_nullable_type,
    is_leaf_type,
    is_non_null_type,
)

from gateway.engine.compat import StrawberryGraphQLCoreExecutionContext

PlainLeaf = tuple[str, GraphQLLeafType, bool]
"""A field read straight from a Stripe object: its key, its scalar or enum type, non-null."""


def plain_leaves(schema: GraphQLSchema) -> dict[str, dict[str, PlainLeaf]]:
    """The scalar and enum fields, by type and field name, that only read a key of a dict:
    fields without a resolver, arguments or extensions of their own."""
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
    """Strawberry's graphql-core execution context, reading plain leaves directly."""

    def __init__(
        self, *args: Any, plain_leaves: dict[str, dict[str, PlainLeaf]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._plain_leaves = plain_leaves

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: Any,
        path: Any,
        position_context: Any,
    ) -> Any:
        if type(source) is dict:
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

"""Which operations read the schema itself, so that only callers allowed to may run them."""

from __future__ import annotations

from graphql import DocumentNode, FragmentDefinitionNode, OperationDefinitionNode

from gateway.schema.lookahead import field_names

# Root fields that describe the schema: introspection's, and the federation SDL.
SCHEMA_FIELDS = frozenset({"__schema", "__type", "_service"})
# What an operation may select beside them and still only read the schema.
SCHEMA_ONLY = SCHEMA_FIELDS | {"__typename"}


def root_fields(document: DocumentNode, operation: OperationDefinitionNode) -> set[str]:
    """The names of the fields at the root of an operation, through fragments too.

    Schema-describing fields exist only at the root (validation ensures it), so these names
    tell whether, and how much of, an operation reads the schema.
    """
    fragments = {
        node.name.value: node
        for node in document.definitions
        if isinstance(node, FragmentDefinitionNode)
    }
    return field_names(operation.selection_set, fragments)

"""Which operations read the schema itself, so that only callers allowed to may run them."""

from __future__ import annotations

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)

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
    names: set[str] = set()
    _collect(operation.selection_set, fragments, set(), names)
    return names


def _collect(
    selection_set: SelectionSetNode,
    fragments: dict[str, FragmentDefinitionNode],
    entered: set[str],
    names: set[str],
) -> None:
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            names.add(selection.name.value)
        elif isinstance(selection, InlineFragmentNode):
            _collect(selection.selection_set, fragments, entered, names)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = fragments.get(name)
            if fragment is not None and name not in entered:
                entered.add(name)
                _collect(fragment.selection_set, fragments, entered, names)

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


def reads_schema(document: DocumentNode, operation: OperationDefinitionNode) -> bool:
    """Whether the operation selects a schema-describing root field, through fragments too.

    Only the root level is looked at: these fields exist nowhere else (validation ensures it).
    """
    fragments = {
        node.name.value: node
        for node in document.definitions
        if isinstance(node, FragmentDefinitionNode)
    }
    return _selects(operation.selection_set, fragments, set())


def _selects(
    selection_set: SelectionSetNode,
    fragments: dict[str, FragmentDefinitionNode],
    entered: set[str],
) -> bool:
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            if selection.name.value in SCHEMA_FIELDS:
                return True
        elif isinstance(selection, InlineFragmentNode):
            if _selects(selection.selection_set, fragments, entered):
                return True
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = fragments.get(name)
            if fragment is not None and name not in entered:
                entered.add(name)
                if _selects(fragment.selection_set, fragments, entered):
                    return True
    return False

"""Look ahead at the selection set, so one REST call can fetch what nested fields will need."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    SelectionSetNode,
)

from gateway.compat import resolve_info
from gateway.schema.context import Info


def selects(info: Info, *paths: Sequence[str]) -> bool:
    """Whether the current field's selection reaches any of `paths` (GraphQL field names).

    Fragments and inline fragments are looked through, so `...SessionFields` counts the same
    as writing the fields out. The walk reads graphql-core's syntax tree of the (cached)
    document directly: Strawberry's `selected_fields` would first copy it into objects of its
    own on every request.
    """
    raw = resolve_info(info)
    return any(
        _reaches(node.selection_set, path, raw.fragments)
        for node in raw.field_nodes
        for path in paths
    )


def root_fields(info: Info) -> frozenset[str]:
    """The names of the current operation's root fields, fragments looked through."""
    raw = resolve_info(info)
    return frozenset(field_names(raw.operation.selection_set, raw.fragments))


def field_names(
    selection_set: SelectionSetNode, fragments: Mapping[str, FragmentDefinitionNode]
) -> set[str]:
    """The names of the fields a selection set selects at its own level, through fragments."""
    return {field.name.value for field in selected_fields([selection_set], fragments)}


def selected_fields(
    selection_sets: Iterable[SelectionSetNode], fragments: Mapping[str, FragmentDefinitionNode]
) -> Iterator[FieldNode]:
    """The fields these selection sets select at their own level, through inline fragments
    and fragment spreads of any type condition; a fragment spread twice is entered once."""
    entered: set[str] = set()
    pending = list(selection_sets)
    while pending:
        for selection in pending.pop().selections:
            if isinstance(selection, FieldNode):
                yield selection
            elif isinstance(selection, InlineFragmentNode):
                pending.append(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = fragments.get(name)
                if fragment is not None and name not in entered:
                    entered.add(name)
                    pending.append(fragment.selection_set)


def _reaches(
    selection_set: SelectionSetNode | None,
    path: Sequence[str],
    fragments: Mapping[str, FragmentDefinitionNode],
) -> bool:
    if not path:
        return True
    if selection_set is None:
        return False
    return any(
        field.name.value == path[0] and _reaches(field.selection_set, path[1:], fragments)
        for field in selected_fields([selection_set], fragments)
    )

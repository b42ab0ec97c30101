"""What a document asks for, measured before it is validated: depth, aliases, fields, directives.

Fragments count wherever they are spread, as the executor would expand them, but each is
measured once: a document whose fragments spread each other twice per level weighs what its
expansion weighs, yet costs no more than its own size to measure. A cycle of fragments counts
nothing here; validation refuses it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionNode,
)

INTROSPECTION_ROOTS = frozenset({"__schema", "__type"})
# Introspection's lists of types within types: nesting them is how a query walks the schema
# over and over (graphql-js's MaxIntrospectionDepthRule counts the same ones).
INTROSPECTION_LISTS = frozenset({"fields", "inputFields", "interfaces", "possibleTypes"})


@dataclass(frozen=True, slots=True)
class Shape:
    """The measures of a selection, fragments expanded."""

    depth: int = 0
    aliases: int = 0
    fields: int = 0
    directives: int = 0
    introspection_fields: int = 0
    introspection_depth: int = 0

    def beside(self, other: Shape) -> Shape:
        """Two selections of one selection set together."""
        return Shape(
            max(self.depth, other.depth),
            self.aliases + other.aliases,
            self.fields + other.fields,
            max(self.directives, other.directives),
            self.introspection_fields + other.introspection_fields,
            max(self.introspection_depth, other.introspection_depth),
        )


@dataclass(frozen=True, slots=True)
class DocumentShape:
    """The heaviest operation of a document, measure by measure; but fields are counted over
    all its operations, as each is planned."""

    depth: int
    aliases: int
    fields: int
    root_fields: int
    directives: int
    introspection_fields: int
    introspection_depth: int


def measure(document: DocumentNode) -> DocumentShape:
    fragments = {
        node.name.value: node
        for node in document.definitions
        if isinstance(node, FragmentDefinitionNode)
    }
    walker = _Walker(fragments)
    operations = [
        node for node in document.definitions if isinstance(node, OperationDefinitionNode)
    ]
    shapes = [walker.selections(op.selection_set.selections) for op in operations]
    # Validation reads every fragment, spread or not: those no operation spreads count too.
    shapes += [walker.fragment(name) for name in fragments if name not in walker.measured]
    roots = [walker.root_fields(op.selection_set.selections) for op in operations]
    return DocumentShape(
        depth=max((s.depth for s in shapes), default=0),
        aliases=max((s.aliases for s in shapes), default=0),
        fields=sum(s.fields for s in shapes),
        root_fields=max(roots, default=0),
        directives=max(
            [walker.directives(op) for op in operations] + [s.directives for s in shapes],
            default=0,
        ),
        introspection_fields=max((s.introspection_fields for s in shapes), default=0),
        introspection_depth=max((s.introspection_depth for s in shapes), default=0),
    )


class _Walker:
    def __init__(self, fragments: dict[str, FragmentDefinitionNode]) -> None:
        self._fragments = fragments
        self.measured: dict[str, Shape] = {}
        self._entered: set[str] = set()

    def selections(self, selections: Iterable[SelectionNode]) -> Shape:
        shape = Shape()
        for selection in selections:
            shape = shape.beside(self.selection(selection))
        return shape

    def selection(self, selection: SelectionNode) -> Shape:
        directives = len(selection.directives or ())
        if isinstance(selection, FieldNode):
            inner = (
                self.selections(selection.selection_set.selections)
                if selection.selection_set
                else Shape()
            )
            name = selection.name.value
            nested = name in INTROSPECTION_LISTS
            return Shape(
                depth=inner.depth + 1,
                aliases=inner.aliases + (selection.alias is not None),
                fields=inner.fields + 1,
                directives=max(inner.directives, directives),
                introspection_fields=inner.introspection_fields + (name in INTROSPECTION_ROOTS),
                introspection_depth=inner.introspection_depth + nested,
            )
        if isinstance(selection, InlineFragmentNode):
            inner = self.selections(selection.selection_set.selections)
        else:
            assert isinstance(selection, FragmentSpreadNode)
            inner = self.fragment(selection.name.value)
        return Shape(
            inner.depth,
            inner.aliases,
            inner.fields,
            max(inner.directives, directives),
            inner.introspection_fields,
            inner.introspection_depth,
        )

    def fragment(self, name: str) -> Shape:
        measured = self.measured.get(name)
        if measured is not None:
            return measured
        fragment = self._fragments.get(name)
        if fragment is None or name in self._entered:
            return Shape()
        self._entered.add(name)
        try:
            shape = self.selections(fragment.selection_set.selections)
        finally:
            self._entered.discard(name)
        self.measured[name] = shape
        return shape

    def root_fields(self, selections: Iterable[SelectionNode]) -> int:
        """Fields at the top of an operation, through fragments."""
        count = 0
        for selection in selections:
            if isinstance(selection, FieldNode):
                count += 1
            elif isinstance(selection, InlineFragmentNode):
                count += self.root_fields(selection.selection_set.selections)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = self._fragments.get(selection.name.value)
                if fragment is not None and selection.name.value not in self._entered:
                    self._entered.add(selection.name.value)
                    try:
                        count += self.root_fields(fragment.selection_set.selections)
                    finally:
                        self._entered.discard(selection.name.value)
        return count

    @staticmethod
    def directives(operation: OperationDefinitionNode) -> int:
        return len(operation.directives or ())

"""Which keys of Stripe's JSON a selection reads, so a page need decode only those.

A field without a resolver reads the key of its Python name (the schema's default resolver,
`base.schema_config`); a field with a resolver reads what the resolver declares with `reads`.
A resolver that declares nothing may read anything, so the object it is a field of is then
decoded whole. `@skip` and `@include` are not looked at: a field they may leave out is read
all the same, which costs a few keys and is never wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    SelectionSetNode,
    get_named_type,
)
from strawberry.permission import PermissionExtension

from gateway.compat import resolve_info
from gateway.schema.context import Info
from gateway.schema.lookahead import selected_fields
from gateway.stripe import LIST_FIELDS, Items, Keys

F = TypeVar("F", bound=Callable[..., Any])

# Read of every object, whatever the selection: its id (cursors, batching) and its `object`
# (the types' `is_type_of`).
ALWAYS = ("id", "object")
# A selection that reads more keys than this decodes whole: it saves little, and each
# distinct projection costs a decoder.
MAX_KEYS = 200


@dataclass(frozen=True)
class Reads:
    """What a resolver reads of its parent's JSON: `keys`, each whole, and `connection`, a
    Stripe list whose items are the nodes of the connection the field returns."""

    keys: tuple[str, ...] = ()
    connection: str | None = None


_declared: dict[Callable[..., Any], Reads] = {}


def reads(*keys: str, connection: str | None = None) -> Callable[[F], F]:
    """Declare what a resolver reads of its parent (see `Reads`)."""

    def declare(resolver: F) -> F:
        _declared[resolver] = Reads(keys, connection)
        return resolver

    return declare


def page_keys(info: Info) -> Keys | None:
    """What the current field, a connection, reads of each of its nodes; None when some field
    below may read keys nobody declared, and each node must then be decoded whole."""
    raw = resolve_info(info)
    return connection_keys(raw.return_type, raw.field_nodes, raw.fragments)


# A tree of reads while it is being gathered: a key's value is read whole (None), as an object
# ("object", tree) or as a list of objects ("list", tree).
_Tree = dict[str, "tuple[str, _Tree] | None"]


def connection_keys(
    connection_type: GraphQLOutputType,
    nodes: Iterable[FieldNode],
    fragments: Mapping[str, FragmentDefinitionNode],
) -> Keys | None:
    """What the connection fields `nodes` of `connection_type` read of each node; None where
    that is unknown or more than `MAX_KEYS` keys."""
    tree = _connection_tree(connection_type, nodes, fragments)
    if tree is None:
        return None
    keys = _freeze(tree)
    return keys if keys.size() <= MAX_KEYS else None


def _connection_tree(
    connection_type: GraphQLOutputType,
    nodes: Iterable[FieldNode],
    fragments: Mapping[str, FragmentDefinitionNode],
) -> _Tree | None:
    """The reads of a connection's nodes, whether selected as `nodes` or as `edges { node }`."""
    connection = get_named_type(connection_type)
    if not isinstance(connection, GraphQLObjectType) or "nodes" not in connection.fields:
        return None
    node_type = get_named_type(connection.fields["nodes"].type)
    if not isinstance(node_type, GraphQLObjectType):
        return None
    selected: list[FieldNode] = []
    for field in selected_fields(_selection_sets(nodes), fragments):
        name = field.name.value
        if name == "nodes":
            selected.append(field)
        elif name == "edges":
            selected += (
                edge_field
                for edge_field in selected_fields(_selection_sets([field]), fragments)
                if edge_field.name.value == "node"
            )
    return _object_tree(node_type, selected, fragments)


def _object_tree(
    object_type: GraphQLObjectType,
    nodes: Iterable[FieldNode],
    fragments: Mapping[str, FragmentDefinitionNode],
) -> _Tree | None:
    """The reads of an object selected by `nodes`; None when a field may read anything."""
    tree: _Tree = dict.fromkeys(ALWAYS)
    for node in selected_fields(_selection_sets(nodes), fragments):
        field = object_type.fields.get(node.name.value)
        if field is None:
            continue  # __typename, or a field of another type under a fragment on that type
        definition = (field.extensions or {}).get("strawberry-definition")
        # Permission classes read nothing of the object; any other extension might.
        if definition is None or not all(
            isinstance(extension, PermissionExtension) for extension in definition.extensions
        ):
            return None
        resolver = definition.base_resolver
        if resolver is None:
            _merge(tree, definition.python_name, _value(field.type, node, fragments))
            continue
        declared = _declared.get(resolver.wrapped_func)
        if declared is None:
            return None
        for key in declared.keys:
            _merge(tree, key, None)
        if declared.connection is not None:
            items = _connection_tree(field.type, [node], fragments)
            _merge(tree, declared.connection, None if items is None else _list_of(items))
    return tree


def _value(
    field_type: GraphQLOutputType,
    node: FieldNode,
    fragments: Mapping[str, FragmentDefinitionNode],
) -> tuple[str, _Tree] | None:
    """How a field's value is read: an object or a list of objects by their own fields, any
    other value (scalars, enums, lists of those, interfaces) whole."""
    kind = "object"
    if isinstance(field_type, GraphQLNonNull):
        field_type = field_type.of_type
    if isinstance(field_type, GraphQLList):
        kind, field_type = "list", field_type.of_type
        if isinstance(field_type, GraphQLNonNull):
            field_type = field_type.of_type
    if not isinstance(field_type, GraphQLObjectType):
        return None
    tree = _object_tree(field_type, [node], fragments)
    return None if tree is None else (kind, tree)


def _list_of(items: _Tree) -> tuple[str, _Tree]:
    """A Stripe list object whose `data` holds the `items`."""
    return ("object", {**dict.fromkeys(LIST_FIELDS), "data": ("list", items)})


def _merge(tree: _Tree, key: str, value: tuple[str, _Tree] | None) -> None:
    """Read `key` as `value` as well as however it was read already."""
    if key not in tree:
        tree[key] = value
        return
    known = tree[key]
    if known is None or value is None or known[0] != value[0]:
        tree[key] = None
        return
    for name, inner in value[1].items():
        _merge(known[1], name, inner)


def _freeze(tree: _Tree) -> Keys:
    fields: dict[str, Keys | Items | None] = {}
    for key, value in tree.items():
        if value is None:
            fields[key] = None
        elif value[0] == "list":
            fields[key] = Items(_freeze(value[1]))
        else:
            fields[key] = _freeze(value[1])
    return Keys.of(fields)


def _selection_sets(nodes: Iterable[FieldNode]) -> Iterator[SelectionSetNode]:
    for node in nodes:
        if node.selection_set is not None:
            yield node.selection_set

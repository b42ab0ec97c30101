"""Every type, field, argument and enum value of the public schema says what it is, since the
descriptions are the documentation clients read in GraphiQL and the exported SDL."""

from __future__ import annotations

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLScalarType,
    get_named_type,
)

from gateway.schema import build_schema

SCHEMA = build_schema()._schema
BUILT_IN_SCALARS = {"String", "Int", "Float", "Boolean", "ID"}


def is_ours(name: str) -> bool:
    """Leave out the built-in scalars and what introspection and federation add, such as _Any."""
    return not name.startswith(("_", "link__")) and name not in BUILT_IN_SCALARS


def undescribed(named: GraphQLNamedType) -> list[str]:
    """The parts of one type that lack a description: itself, its fields and their arguments,
    or its enum values."""
    missing = [] if named.description else [named.name]
    if isinstance(named, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
        for field_name, field in named.fields.items():
            if field_name.startswith("_"):
                continue
            if not field.description:
                missing.append(f"{named.name}.{field_name}")
            for arg_name, arg in getattr(field, "args", {}).items():
                if not arg.description:
                    missing.append(f"{named.name}.{field_name}({arg_name})")
    elif isinstance(named, GraphQLEnumType):
        missing += [
            f"{named.name}.{v}" for v, value in named.values.items() if not value.description
        ]
    else:
        assert isinstance(named, GraphQLScalarType), named.name
    return missing


def reachable(root: GraphQLNamedType) -> set[str]:
    """The names of the types a walk through fields from `root` reaches, `root` included."""
    pending = [root]
    seen: set[str] = set()
    while pending:
        current = pending.pop()
        if current.name in seen:
            continue
        seen.add(current.name)
        if isinstance(current, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
            pending += [get_named_type(field.type) for field in current.fields.values()]
    return seen


def test_everything_public_has_a_description() -> None:
    missing = [
        part
        for name, named in SCHEMA.type_map.items()
        if is_ours(name)
        for part in undescribed(named)
    ]
    assert missing == [], ", ".join(missing)


def test_the_session_types_and_the_whole_create_input_are_public() -> None:
    """So the check above covers the output types and the deep create input in full."""
    assert {"CheckoutSession", "LineItem", "Price"} <= set(SCHEMA.type_map)
    create_input = SCHEMA.type_map["CreateCheckoutSessionInput"]
    assert len(reachable(create_input)) > 150

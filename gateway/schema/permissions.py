"""Scopes in the schema: each protected field declares the scope it needs and enforces it.

A field is declared with `scoped_field` (or `scoped_mutation`), which does both at once: it
adds Federation's `@requiresScopes` to the SDL, so a supergraph router sees the requirement,
and a Strawberry permission class that refuses a caller without the scope. Permission classes
run in Strawberry's resolver wrapper, which both the compiled plans and graphql-core call for
such a field, so no execution path can skip them.
"""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError, GraphQLObjectType, GraphQLSchema
from strawberry.permission import BasePermission, PermissionExtension

from gateway.identity import Scope
from gateway.schema.audit import audit
from gateway.schema.context import Info


def forbidden(scope: Scope) -> GraphQLError:
    """The error for a field, root field or mutation outside the caller's scopes."""
    return GraphQLError(
        f"This needs the `{scope.value}` scope, which the caller does not have.",
        extensions={"code": "FORBIDDEN", "scope": scope.value},
    )


class HasScope(BasePermission):
    """Grants a field to callers holding one scope."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        if info.context.caller.may(self.scope):
            return True
        if info.path.typename == "Mutation":
            audit(info, kwargs.get("id"), "forbidden", "FORBIDDEN")
        return False

    def on_unauthorized(self) -> None:
        raise forbidden(self.scope)


def require(info: Info, scope: Scope) -> None:
    """Refuse the caller unless it holds `scope`, for resolvers the schema does not wrap."""
    if not info.context.caller.may(scope):
        raise forbidden(scope)


def scoped_field(scope: Scope, **kwargs: Any) -> Any:
    """A field (as `strawberry.federation.field` takes it) that only `scope` may read."""
    return strawberry.federation.field(
        extensions=[PermissionExtension([HasScope(scope)], use_directives=False)],
        requires_scopes=[[scope.value]],
        **kwargs,
    )


def scoped_mutation(scope: Scope, **kwargs: Any) -> Any:
    """A mutation (as `strawberry.federation.mutation` takes it) that only `scope` may run."""
    return strawberry.federation.mutation(
        extensions=[PermissionExtension([HasScope(scope)], use_directives=False)],
        requires_scopes=[[scope.value]],
        **kwargs,
    )


def required_scopes(definition: object) -> list[Scope]:
    """The scopes a Strawberry field definition demands, read from its permission classes."""
    scopes: list[Scope] = []
    for extension in getattr(definition, "extensions", None) or ():
        if isinstance(extension, PermissionExtension):
            scopes.extend(
                permission.scope
                for permission in extension.permissions
                if isinstance(permission, HasScope)
            )
    return scopes


# Fields whose scope is checked in code rather than declared on the field: the schema-reading
# root fields (by the executor, before anything runs), federation's entity lookup (by the
# schema's `entities_resolver`) and a filter by email address (by the list's resolver).
CHECKED_IN_CODE = {
    "CheckoutSessionFilter.customerEmail": Scope.READ_CUSTOMER_DATA,
    "Query._entities": Scope.READ,
    "Query._service": Scope.INTROSPECT,
    "Query.__schema": Scope.INTROSPECT,
    "Query.__type": Scope.INTROSPECT,
}


def scope_table(schema: GraphQLSchema) -> str:
    """The README's table of scopes: what each allows and every field that needs it."""
    needs: dict[Scope, list[str]] = {scope: [] for scope in Scope}
    for type_name, graphql_type in sorted(schema.type_map.items()):
        if type_name.startswith("__") or not isinstance(graphql_type, GraphQLObjectType):
            continue
        for field_name, graphql_field in graphql_type.fields.items():
            definition = (graphql_field.extensions or {}).get("strawberry-definition")
            for scope in required_scopes(definition):
                needs[scope].append(f"{type_name}.{field_name}")
    for coordinate, scope in CHECKED_IN_CODE.items():
        needs[scope].append(coordinate)
    rows = ["| Scope | What it allows | Fields that need it |", "| --- | --- | --- |"]
    for scope, coordinates in needs.items():
        fields = ", ".join(f"`{coordinate}`" for coordinate in sorted(coordinates))
        rows.append(f"| `{scope.value}` | {scope.meaning} | {fields} |")
    return "\n".join(rows) + "\n"

"""The subgraph schema: Strawberry's federation schema, with `_entities` guarded.

Strawberry's entity resolver trusts each representation to name a known type and carry
exactly that type's key; anything else raises inside it and would surface as an internal
error. Here every representation is checked first, the caller's scope before that, so a
malformed one gets a coded error of its own while the rest resolve.
"""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.federation.schema import FederationAny

from gateway.identity import Scope
from gateway.schema.permissions import require

# The entity this subgraph resolves, and the one key of its representations.
ENTITY = "CheckoutSession"
KEY = "id"


class Schema(strawberry.federation.Schema):
    def entities_resolver(
        self, info: strawberry.Info, representations: list[FederationAny]
    ) -> list[FederationAny]:
        require(info, Scope.READ)
        results: list[Any] = [None] * len(representations)
        valid: list[tuple[int, FederationAny]] = []
        for index, representation in enumerate(representations):
            if _is_representation(representation):
                valid.append((index, representation))
            else:
                results[index] = GraphQLError(
                    f"Representation {index} must be "
                    f'{{"__typename": "{ENTITY}", "{KEY}": "cs_…"}}.',
                    extensions={"code": "BAD_USER_INPUT"},
                )
        if valid:
            resolved = super().entities_resolver(info, [item for _, item in valid])
            for (index, _), result in zip(valid, resolved, strict=True):
                results[index] = result
        return results


def _is_representation(value: object) -> bool:
    return (
        isinstance(value, dict)
        and value.keys() == {"__typename", KEY}
        and value["__typename"] == ENTITY
        and isinstance(value[KEY], str)
    )

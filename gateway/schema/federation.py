"""The subgraph schema: Strawberry's federation schema, with `_entities` guarded.

Strawberry's entity resolver trusts each representation to name a known type and carry
exactly that type's key; anything else raises inside it and would surface as an internal
error. Here every representation is checked first, the caller's scope before that, so a
malformed one gets a coded error of its own while the rest resolve.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.federation.schema import FederationAny

from gateway.identity import Scope
from gateway.schema.customers import CUSTOMER_ID
from gateway.schema.permissions import require

# The one key of every representation, and which ids each entity takes. Any string will do for
# a session: its loader reads a malformed id as missing. A customer's id goes to Stripe's list
# as a filter, so only a well-formed one is taken.
KEY = "id"
ID_CHECKS: dict[str, Callable[[str], object]] = {
    "CheckoutSession": lambda id: True,
    "Customer": CUSTOMER_ID.fullmatch,
}
EXPECTED = (
    f'{{"__typename": "CheckoutSession", "{KEY}": "cs_…"}} or '
    f'{{"__typename": "Customer", "{KEY}": "cus_…"}}'
)


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
                    f"Representation {index} must be {EXPECTED}.",
                    extensions={"code": "BAD_USER_INPUT"},
                )
        if valid:
            resolved = super().entities_resolver(info, [item for _, item in valid])
            for (index, _), result in zip(valid, resolved, strict=True):
                results[index] = result
        return results


def _is_representation(value: object) -> bool:
    if not isinstance(value, dict) or value.keys() != {"__typename", KEY}:
        return False
    takes = ID_CHECKS.get(value["__typename"])
    return takes is not None and isinstance(value[KEY], str) and bool(takes(value[KEY]))

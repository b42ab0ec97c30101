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

from gateway.compat import FederationAny
from gateway.identity import Scope
from gateway.loaders.checkout import SESSION_ID
from gateway.schema.customers import CUSTOMER_ID
from gateway.schema.permissions import require

# The one key of every representation, and the shape of the ids each entity takes: an id of
# any other shape is refused before it can reach Stripe.
KEY = "id"
ID_CHECKS: dict[str, Callable[[str], object]] = {
    "CheckoutSession": SESSION_ID.fullmatch,
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
    typename, id = value["__typename"], value[KEY]
    if not isinstance(typename, str) or not isinstance(id, str):
        return False
    takes = ID_CHECKS.get(typename)
    return takes is not None and bool(takes(id))

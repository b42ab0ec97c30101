"""What every output type shares: the objects behind them are Stripe's decoded JSON."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import strawberry
from strawberry.schema.config import StrawberryConfig

from gateway.engine import resolve_key
from gateway.schema.reads import reads
from gateway.schema.scalars import SCALARS

StripeObject = dict[str, Any]
"""A Stripe API object as decoded from JSON; output types read their fields from it."""


def expandable(key: str) -> Callable[[StripeObject], StripeObject | None]:
    """Build a resolver for an expandable Stripe field, which holds an id or the whole object.

    Either way the GraphQL field is a reference type with at least an `id`, so clients write the
    same query whether or not the gateway asked Stripe to expand the field.
    """

    def resolve(root: strawberry.Parent[StripeObject]) -> StripeObject | None:
        value = root.get(key)
        if isinstance(value, str):
            return {"id": value}
        return cast("StripeObject | None", value)

    resolve.__name__ = f"resolve_{key}"
    return reads(key)(resolve)


def schema_config() -> StrawberryConfig:
    """Configuration every schema over these types needs: dict lookups and custom scalars."""
    return StrawberryConfig(default_resolver=resolve_key, scalar_map=SCALARS)

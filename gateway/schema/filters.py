"""Filters for the session list, translated to the query parameters Stripe's list accepts."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError

from gateway.schema.enums import CheckoutSessionStatus
from gateway.schema.scalars import DateTime


@strawberry.input(description="Bounds on a moment in time; every bound given must hold.")
class DateTimeFilter:
    eq: DateTime | None = strawberry.field(
        default=None, description="Exactly this second; cannot be combined with the bounds."
    )
    gt: DateTime | None = strawberry.field(default=None, description="Strictly after this moment.")
    gte: DateTime | None = strawberry.field(default=None, description="At or after this moment.")
    lt: DateTime | None = strawberry.field(default=None, description="Strictly before this moment.")
    lte: DateTime | None = strawberry.field(default=None, description="At or before this moment.")


@strawberry.input(description="Which Checkout Sessions to list; every criterion given must match.")
class CheckoutSessionFilter:
    created: DateTimeFilter | None = strawberry.field(
        default=None, description="When the session was created."
    )
    customer: strawberry.ID | None = strawberry.field(
        default=None, description="Only sessions of this Customer id."
    )
    customer_email: str | None = strawberry.field(
        default=None, description="Only sessions whose customer entered this email address."
    )
    payment_intent: strawberry.ID | None = strawberry.field(
        default=None, description="Only the session that produced this PaymentIntent id."
    )
    payment_link: strawberry.ID | None = strawberry.field(
        default=None, description="Only sessions opened from this Payment Link id."
    )
    status: CheckoutSessionStatus | None = strawberry.field(
        default=None, description="Only sessions in this status."
    )
    subscription: strawberry.ID | None = strawberry.field(
        default=None, description="Only the session that started this Subscription id."
    )


def list_params(filter: CheckoutSessionFilter | None) -> dict[str, Any]:
    """Stripe's list parameters for `filter`; absent criteria are left out."""
    if filter is None:
        return {}
    params: dict[str, Any] = {
        "customer": filter.customer,
        "payment_intent": filter.payment_intent,
        "payment_link": filter.payment_link,
        "status": filter.status.value if filter.status else None,
        "subscription": filter.subscription,
    }
    if filter.customer_email is not None:
        params["customer_details"] = {"email": filter.customer_email}
    if filter.created is not None:
        params["created"] = _created(filter.created)
    return params


def _created(created: DateTimeFilter) -> int | dict[str, int]:
    bounds = {
        name: value
        for name, value in (
            ("gt", created.gt),
            ("gte", created.gte),
            ("lt", created.lt),
            ("lte", created.lte),
        )
        if value is not None
    }
    if created.eq is not None:
        if bounds:
            raise GraphQLError(
                "`created.eq` cannot be combined with `gt`, `gte`, `lt` or `lte`.",
                extensions={"code": "BAD_USER_INPUT"},
            )
        return int(created.eq)
    return {name: int(value) for name, value in bounds.items()}

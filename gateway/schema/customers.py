"""The Customer entity: other subgraphs own who a customer is, this one their checkouts.

A supergraph reaches a customer's sessions from any subgraph that knows the customer's id,
and a session's customer from this one, so Customer resolves here by its id alone: nothing
about the customer is read from Stripe, only the list of sessions when it is asked for.
"""

from __future__ import annotations

import builtins
import re
from typing import Annotated

import strawberry
from strawberry import UNSET

from gateway.identity import Scope
from gateway.schema.base import StripeObject
from gateway.schema.connections import CheckoutSessionConnection, session_page
from gateway.schema.context import Info
from gateway.schema.pagination import AFTER, BEFORE, FIRST, LAST, page_request
from gateway.schema.permissions import scoped_field
from gateway.schema.types.node import Node

# What a Customer id looks like; a representation naming anything else never reaches Stripe.
CUSTOMER_ID = re.compile(r"cus_[A-Za-z0-9_]{1,250}")


async def resolve_checkout_sessions(
    root: strawberry.Parent[StripeObject],
    info: Info,
    first: Annotated[int | None, strawberry.argument(description=FIRST)] = UNSET,
    after: Annotated[str | None, strawberry.argument(description=AFTER)] = UNSET,
    last: Annotated[int | None, strawberry.argument(description=LAST)] = UNSET,
    before: Annotated[str | None, strawberry.argument(description=BEFORE)] = UNSET,
) -> StripeObject:
    """One list call filtered by the customer at Stripe, line items expanded when selected.

    The loaders keep a caller bound to a customer to that customer's sessions, so asking for
    another customer's gives an empty page.
    """
    return await session_page(
        info, {"customer": root["id"]}, page_request(first, after, last, before)
    )


@strawberry.federation.type(
    keys=["id"],
    description=(
        "A Stripe customer, the person or business that pays; other subgraphs may add who "
        "they are, this one adds their Checkout Sessions."
    ),
)
class Customer(Node):
    id: strawberry.ID = strawberry.field(description="Stripe's customer id, starting with cus_.")
    checkout_sessions = scoped_field(
        Scope.READ,
        resolver=resolve_checkout_sessions,
        graphql_type=CheckoutSessionConnection,
        description="The customer's Checkout Sessions, newest first.",
    )

    @classmethod
    def is_type_of(cls, obj: builtins.object, info: builtins.object) -> bool:
        """Recognise a customer reference (an id alone) or an expanded Stripe customer."""
        return isinstance(obj, dict) and obj.get("object", "customer") == "customer"

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> StripeObject:
        """A customer another subgraph refers to; its id is all this subgraph needs of it."""
        return {"id": id}

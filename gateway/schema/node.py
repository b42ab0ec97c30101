"""Refetching any object by its id, as Relay clients do: `node(id:)` and `nodes(ids:)`.

Stripe's ids already name their object's type by prefix (`cs_` a Checkout Session, `cus_` a
customer) and are unique across types, so they serve as global ids unchanged: an id read from
any field, or from another Stripe client, fetches the same object again. Line items are not
nodes: Stripe has no way to read one on its own.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

import strawberry
from graphql import GraphQLError

from gateway.loaders.checkout import SESSION_ID
from gateway.schema.context import Info
from gateway.schema.customers import CUSTOMER_ID
from gateway.schema.lookahead import selects
from gateway.stripe import StripeObject


async def _node(info: Info, id: str) -> StripeObject | Exception:
    """The object, or the error to report in its place; never raises for one bad id."""
    found: StripeObject | None = None
    try:
        if SESSION_ID.fullmatch(id):
            found = await info.context.loaders.session(
                id, with_line_items=selects(info, ("lineItems",))
            )
        elif CUSTOMER_ID.fullmatch(id):
            # A customer is a reference: its id is all there is of it here.
            found = {"object": "customer", "id": id}
    except Exception as exc:  # reported at this id's index, coded like any other failure
        return exc
    if found is None:
        return GraphQLError(f"No object has the id {id!r}.", extensions={"code": "NOT_FOUND"})
    return found


async def resolve_node(
    info: Info,
    id: Annotated[strawberry.ID, strawberry.argument(description="A session's or customer's id.")],
) -> StripeObject | None:
    found = await _node(info, id)
    if isinstance(found, Exception):
        raise found
    return found


async def resolve_nodes(
    info: Info,
    ids: Annotated[
        list[strawberry.ID],
        strawberry.argument(
            description="Ids of sessions or customers; each counts as a read in the cost."
        ),
    ],
) -> list[Any]:
    """Each id's object, or null with its error at its index (NOT_FOUND, or why Stripe could not
    be read); reads run together.

    How many ids one operation may give is bounded by its cost, counted before it runs.
    """
    return list(await asyncio.gather(*(_node(info, id) for id in ids)))

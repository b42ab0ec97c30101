"""Read operations: one session by id, and the filtered, paginated list."""

from __future__ import annotations

from typing import Annotated

import strawberry
from graphql import GraphQLError
from strawberry import UNSET

from gateway.identity import Scope
from gateway.schema.connections import CheckoutSessionConnection, session_page
from gateway.schema.context import Info
from gateway.schema.filters import CheckoutSessionFilter, list_params
from gateway.schema.lookahead import selects
from gateway.schema.node import resolve_node, resolve_nodes
from gateway.schema.pagination import AFTER, BEFORE, FIRST, LAST, page_request
from gateway.schema.permissions import require, scoped_field
from gateway.schema.types.node import Node
from gateway.schema.types.session import CheckoutSession
from gateway.stripe import StripeObject


async def resolve_checkout_session(
    info: Info,
    id: Annotated[strawberry.ID, strawberry.argument(description="The session's id, cs_…")],
) -> StripeObject | None:
    session = await info.context.loaders.session(id, with_line_items=selects(info, ("lineItems",)))
    if session is None:
        raise GraphQLError(
            f"No Checkout Session has the id {id!r}.", extensions={"code": "NOT_FOUND"}
        )
    return session


async def resolve_checkout_sessions(
    info: Info,
    first: Annotated[int | None, strawberry.argument(description=FIRST)] = UNSET,
    after: Annotated[str | None, strawberry.argument(description=AFTER)] = UNSET,
    last: Annotated[int | None, strawberry.argument(description=LAST)] = UNSET,
    before: Annotated[str | None, strawberry.argument(description=BEFORE)] = UNSET,
    filter: Annotated[
        CheckoutSessionFilter | None,
        strawberry.argument(description="Only sessions that match every criterion given."),
    ] = None,
) -> StripeObject:
    if filter is not None and filter.customer_email is not None:
        # Which sessions an address matches says who bought: customer data.
        require(info, Scope.READ_CUSTOMER_DATA)
    return await session_page(info, list_params(filter), page_request(first, after, last, before))


@strawberry.type(description="Read Checkout Sessions and their line items.")
class Query:
    checkout_session = scoped_field(
        Scope.READ,
        resolver=resolve_checkout_session,
        graphql_type=CheckoutSession | None,
        description="The Checkout Session with this id; null, with a NOT_FOUND error, if none.",
    )
    checkout_sessions = scoped_field(
        Scope.READ,
        resolver=resolve_checkout_sessions,
        graphql_type=CheckoutSessionConnection,
        description="Checkout Sessions, newest first, optionally filtered.",
    )
    node = scoped_field(
        Scope.READ,
        resolver=resolve_node,
        graphql_type=Node | None,
        description=(
            "The session with this id, or the customer (as a reference to its sessions); null, "
            "with a NOT_FOUND error, for a session that does not exist or an id of neither."
        ),
    )
    nodes = scoped_field(
        Scope.READ,
        resolver=resolve_nodes,
        graphql_type=list[Node | None],
        description=(
            "What `node` gives for each of these ids, in their order; null, with its error, for "
            "each that cannot be given."
        ),
    )

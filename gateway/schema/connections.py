"""The paginated list of Checkout Sessions, whoever lists them: the root field or a customer."""

from __future__ import annotations

from typing import Any

import strawberry

from gateway.loaders import PageRequest
from gateway.schema.context import Info
from gateway.schema.lookahead import root_fields, selects
from gateway.schema.pagination import PageInfo, connection
from gateway.schema.reads import page_keys
from gateway.schema.types.session import CheckoutSession
from gateway.stripe import StripeObject

# Where a page's selection reaches the sessions' line items.
LINE_ITEMS_OF_NODES = (("nodes", "lineItems"), ("edges", "node", "lineItems"))
# Root fields that read no session by id. A page read in part keeps none of its sessions for
# such reads (see CheckoutLoaders.sessions), so only operations of these alone read it in part.
ONLY_LISTS = frozenset({"checkoutSessions", "__typename"})


@strawberry.type(description="A Checkout Session on a page of sessions, with its cursor.")
class CheckoutSessionEdge:
    cursor: str = strawberry.field(description="Pass as `after` or `before` to page from here.")
    node: CheckoutSession = strawberry.field(description="The Checkout Session.")


@strawberry.type(description="A page of Checkout Sessions, newest first.")
class CheckoutSessionConnection:
    edges: list[CheckoutSessionEdge] = strawberry.field(
        description="The sessions with their cursors."
    )
    nodes: list[CheckoutSession] = strawberry.field(description="The sessions, without cursors.")
    page_info: PageInfo = strawberry.field(description="How to reach the neighbouring pages.")


async def session_page(info: Info, params: dict[str, Any], request: PageRequest) -> StripeObject:
    """One list call for the page, with line items expanded when the selection reaches them,
    and, where nothing else in the operation reads sessions, decoding of each session only
    what the selection reads."""
    keys = page_keys(info) if root_fields(info) <= ONLY_LISTS else None
    page = await info.context.loaders.sessions(
        {**params, **request.params()},
        with_line_items=selects(info, *LINE_ITEMS_OF_NODES),
        keys=keys,
    )
    return connection(page["data"], bool(page["has_more"]), request)

"""A session's line items as a connection, served from the expanded page when it suffices."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Annotated

import strawberry
from strawberry import UNSET

from gateway.loaders import PageRequest
from gateway.schema.context import Info
from gateway.schema.pagination import AFTER, BEFORE, FIRST, LAST, PageInfo, connection, page_request
from gateway.schema.reads import reads
from gateway.schema.types.line_items import LineItem
from gateway.stripe import StripeObject


@strawberry.type(description="A line item on a page of line items, with its cursor.")
class LineItemEdge:
    cursor: str = strawberry.field(description="Pass as `after` or `before` to page from here.")
    node: LineItem = strawberry.field(description="The line item.")


@strawberry.type(description="A page of a Checkout Session's line items.")
class LineItemConnection:
    edges: list[LineItemEdge] = strawberry.field(description="The line items with their cursors.")
    nodes: list[LineItem] = strawberry.field(description="The line items, without cursors.")
    page_info: PageInfo = strawberry.field(description="How to reach the neighbouring pages.")


@reads(connection="line_items")
def resolve_line_items(
    root: strawberry.Parent[StripeObject],
    info: Info,
    first: Annotated[int | None, strawberry.argument(description=FIRST)] = UNSET,
    after: Annotated[str | None, strawberry.argument(description=AFTER)] = UNSET,
    last: Annotated[int | None, strawberry.argument(description=LAST)] = UNSET,
    before: Annotated[str | None, strawberry.argument(description=BEFORE)] = UNSET,
) -> StripeObject | Awaitable[StripeObject]:
    """The page, straight from the expanded line items when they hold it.

    Only when Stripe has to be asked does this return an awaitable: a page of 50 sessions
    would otherwise schedule 50 coroutines that never wait for anything.
    """
    request = page_request(first, after, last, before)
    expanded = root.get("line_items")
    if isinstance(expanded, dict) and request.starting_after is None and not request.ending_before:
        items: list[StripeObject] = expanded.get("data") or []
        more = bool(expanded.get("has_more"))
        if len(items) >= request.limit or (not more):
            return connection(items[: request.limit], more or len(items) > request.limit, request)
        if items:
            # The expanded page is short of what was asked: fetch only the remainder.
            remainder = PageRequest(
                limit=request.limit - len(items), starting_after=items[-1]["id"]
            )
            return _fetch(info, root["id"], remainder, request, items)
    return _fetch(info, root["id"], request, request, [])


async def _fetch(
    info: Info,
    session_id: str,
    page: PageRequest,
    request: PageRequest,
    before: list[StripeObject],
) -> StripeObject:
    fetched = await info.context.loaders.line_items(session_id, page)
    return connection([*before, *fetched["data"]], bool(fetched["has_more"]), request)

"""A session's line items as a connection, served from the expanded page when it suffices."""

from __future__ import annotations

from typing import Annotated

import strawberry

from gateway.loaders import PageRequest
from gateway.schema.context import Info
from gateway.schema.pagination import AFTER, BEFORE, FIRST, LAST, PageInfo, connection, page_request
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


async def resolve_line_items(
    root: strawberry.Parent[StripeObject],
    info: Info,
    first: Annotated[int | None, strawberry.argument(description=FIRST)] = None,
    after: Annotated[str | None, strawberry.argument(description=AFTER)] = None,
    last: Annotated[int | None, strawberry.argument(description=LAST)] = None,
    before: Annotated[str | None, strawberry.argument(description=BEFORE)] = None,
) -> StripeObject:
    request = page_request(first, after, last, before)
    loaders = info.context.loaders
    expanded = root.get("line_items")
    if isinstance(expanded, dict) and request.starting_after is None and not request.ending_before:
        items: list[StripeObject] = expanded.get("data") or []
        more = bool(expanded.get("has_more"))
        if len(items) >= request.limit or (not more):
            return connection(items[: request.limit], more or len(items) > request.limit, request)
        if items:
            # The expanded page is short of what was asked: fetch only the remainder.
            rest = await loaders.line_items(
                root["id"],
                PageRequest(limit=request.limit - len(items), starting_after=items[-1]["id"]),
            )
            return connection([*items, *rest["data"]], bool(rest["has_more"]), request)
    page = await loaders.line_items(root["id"], request)
    return connection(page["data"], bool(page["has_more"]), request)

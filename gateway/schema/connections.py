"""The paginated list of Checkout Sessions."""

from __future__ import annotations

import strawberry

from gateway.schema.pagination import PageInfo
from gateway.schema.types.session import CheckoutSession


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

"""Relay-style pagination mapped onto Stripe's cursor lists."""

from __future__ import annotations

from typing import TypeVar

import strawberry
from graphql import GraphQLError
from strawberry import UNSET

from gateway.loaders import PageRequest
from gateway.stripe import StripeObject

T = TypeVar("T")

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 10

FIRST = "How many items to return from the start of the list or after `after`, 1 to 100."
AFTER = "Return the items that follow this cursor."
LAST = "How many items to return just before `before`, 1 to 100."
BEFORE = "Return the items that precede this cursor."


@strawberry.type(description="Where a page sits in its list, and the cursors to move from it.")
class PageInfo:
    has_next_page: bool = strawberry.field(
        description="Whether more items follow this page, to fetch with `first` and `after`."
    )
    has_previous_page: bool = strawberry.field(
        description="Whether items precede this page, to fetch with `last` and `before`."
    )
    start_cursor: str | None = strawberry.field(
        description="The cursor of the first item on this page; null when the page is empty."
    )
    end_cursor: str | None = strawberry.field(
        description="The cursor of the last item on this page; null when the page is empty."
    )


def _bad_input(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "BAD_USER_INPUT"})


def _given(value: T | None) -> T | None:
    return None if value is UNSET else value


def page_request(
    first: int | None, after: str | None, last: int | None, before: str | None
) -> PageRequest:
    """Check Relay arguments and translate them to Stripe's `limit` and cursors.

    Stripe pages forward from a cursor or backward from one, so `first` goes with `after` and
    `last` with `before`; mixing the two directions is refused instead of guessed at. An
    argument left out arrives as `UNSET` (the arguments declare no default, which spares
    graphql-core coercing four defaults for every connection of every node) and means None.
    """
    first, last = _given(first), _given(last)
    after, before = _given(after), _given(before)
    if first is not None and last is not None:
        raise _bad_input("Pass either `first` or `last`, not both.")
    if after is not None and before is not None:
        raise _bad_input("Pass either `after` or `before`, not both.")
    for name, value in (("first", first), ("last", last)):
        if value is not None and not 1 <= value <= MAX_PAGE_SIZE:
            raise _bad_input(f"`{name}` must be between 1 and {MAX_PAGE_SIZE}, got {value}.")
    if last is not None or before is not None:
        if after is not None or first is not None:
            raise _bad_input(
                "`last` and `before` page backward; they cannot go with `first` or `after`."
            )
        if before is None:
            raise _bad_input("`last` needs a `before` cursor: Stripe lists page backward from one.")
        return PageRequest(limit=last or DEFAULT_PAGE_SIZE, ending_before=before)
    return PageRequest(limit=first or DEFAULT_PAGE_SIZE, starting_after=after)


def connection(nodes: list[StripeObject], has_more: bool, request: PageRequest) -> StripeObject:
    """A connection object read by the schema's connection types.

    Cursors are the objects' own Stripe ids, which Stripe already treats as opaque.
    """
    backward = request.ending_before is not None
    return {
        "edges": [{"cursor": node["id"], "node": node} for node in nodes],
        "nodes": nodes,
        "page_info": {
            "has_next_page": backward or has_more,
            "has_previous_page": has_more if backward else request.starting_after is not None,
            "start_cursor": nodes[0]["id"] if nodes else None,
            "end_cursor": nodes[-1]["id"] if nodes else None,
        },
    }

"""What each field of the Checkout Sessions schema costs, in calls to Stripe.

The rules follow what the resolvers and loaders do: a session read by id or a page of a list
of sessions (all of them, or one customer's) is one call (line items come in it when
selected, through `expand`); a page of line items costs nothing more when the expanded first
page holds it, and one call otherwise; every `_entities` representation may be a read of its
own, as may every id given to `nodes`; a customer-bound caller's expire or update, and its page
after or before a cursor, read that session first, to check it is the caller's.
"""

from __future__ import annotations

from gateway.identity import Caller
from gateway.limits.cost import Arguments, FieldCost
from gateway.loaders.store import EXPANDED_LINE_ITEMS
from gateway.schema.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE

CONNECTION_LISTS = frozenset({"edges", "nodes"})
# Lists inside a session are short: Stripe allows 3 custom fields, 5 shipping options and 10
# optional items, and a customer gives a few tax ids.
ASSUMED_LIST_SIZE = 10


def page_size(arguments: Arguments) -> int:
    """Items on the page `first` or `last` asks for; the most a page holds if either is bad."""
    size = arguments.get("first")
    if size is None:
        size = arguments.get("last")
    if size is None:
        return DEFAULT_PAGE_SIZE
    if isinstance(size, int) and 1 <= size <= MAX_PAGE_SIZE:
        return size
    return MAX_PAGE_SIZE


def one(arguments: Arguments, caller: Caller) -> int:
    return 1


def page(arguments: Arguments, caller: Caller) -> int:
    """A page of the list; a customer-bound caller's cursor is read first, to check it is its
    customer's."""
    cursor = arguments.get("after") is not None or arguments.get("before") is not None
    return 2 if cursor and caller.customer is not None else 1


def line_items(arguments: Arguments, caller: Caller) -> int:
    expanded = (
        arguments.get("after") is None
        and arguments.get("before") is None
        and arguments.get("last") is None
        and page_size(arguments) <= EXPANDED_LINE_ITEMS
    )
    return 0 if expanded else 1


def representations(arguments: Arguments) -> int:
    given = arguments.get("representations")
    return len(given) if isinstance(given, list) else 1


def entity_reads(arguments: Arguments, caller: Caller) -> int:
    return representations(arguments)


def ids(arguments: Arguments) -> int:
    given = arguments.get("ids")
    return len(given) if isinstance(given, list) else 1


def id_reads(arguments: Arguments, caller: Caller) -> int:
    return ids(arguments)


def change(arguments: Arguments, caller: Caller) -> int:
    """A write to one session by id; a customer-bound caller's reads the session first."""
    return 2 if caller.customer is not None else 1


CHECKOUT_COSTS = {
    "Query.checkoutSession": FieldCost(calls=one),
    "Query.checkoutSessions": FieldCost(calls=page, page=page_size, paged=CONNECTION_LISTS),
    "Query._entities": FieldCost(calls=entity_reads, items=representations),
    "Query.node": FieldCost(calls=one),
    "Query.nodes": FieldCost(calls=id_reads, items=ids),
    "Customer.checkoutSessions": FieldCost(calls=page, page=page_size, paged=CONNECTION_LISTS),
    "CheckoutSession.lineItems": FieldCost(
        calls=line_items, page=page_size, paged=CONNECTION_LISTS
    ),
    "Subscription.checkoutSessionUpdated": FieldCost(calls=one),
    "Mutation.createCheckoutSession": FieldCost(calls=one),
    "Mutation.expireCheckoutSession": FieldCost(calls=change),
    "Mutation.updateCheckoutSession": FieldCost(calls=change),
}

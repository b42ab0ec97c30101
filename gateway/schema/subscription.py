"""Live operations: a session as it changes, and the events of every session the caller sees.

A subscriber hears of a change from the replica's hub, then reads the session through loaders
of its own: what it may see (its customer's sessions only, when it is bound to one) is decided
as for any query, and the read is the fresh copy the change left in the cache.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from enum import Enum
from typing import Annotated

import strawberry
from graphql import GraphQLError

from gateway.identity import Scope
from gateway.live import SESSION_EVENTS, Hub, SessionEvent, Subscriber, SubscriberBehind, is_final
from gateway.loaders.checkout import SESSION_ID
from gateway.schema.context import Info
from gateway.schema.lookahead import selects
from gateway.schema.permissions import scoped_field
from gateway.schema.scalars import DateTime
from gateway.schema.types.session import CheckoutSession
from gateway.stripe import StripeObject


@strawberry.enum(description="What happened to a Checkout Session, as Stripe reported it.")
class CheckoutSessionEventType(Enum):
    COMPLETED = strawberry.enum_value(
        "checkout.session.completed",
        description="The customer finished checkout; a delayed payment may still be pending.",
    )
    EXPIRED = strawberry.enum_value(
        "checkout.session.expired", description="The session expired before it was completed."
    )
    ASYNC_PAYMENT_SUCCEEDED = strawberry.enum_value(
        "checkout.session.async_payment_succeeded",
        description="A delayed payment, such as a bank debit, went through.",
    )
    ASYNC_PAYMENT_FAILED = strawberry.enum_value(
        "checkout.session.async_payment_failed",
        description="A delayed payment, such as a bank debit, failed.",
    )


@strawberry.input(description="Which session events to hear; every criterion given must match.")
class CheckoutSessionEventFilter:
    types: list[CheckoutSessionEventType] | None = strawberry.field(
        default=None, description="Only events of these types; all four when not given."
    )


@strawberry.type(description="Something that happened to a Checkout Session.")
class CheckoutSessionEvent:
    id: strawberry.ID = strawberry.field(description="Stripe's event id, starting with evt_.")
    type: CheckoutSessionEventType = strawberry.field(description="What happened.")
    created_at: DateTime = strawberry.field(description="When Stripe recorded the event.")
    checkout_session: CheckoutSession = strawberry.field(
        description="The session as it is now, read after the event."
    )


def _hub(info: Info) -> Hub:
    # Operations runs subscriptions with a hub in their context, and nothing else.
    assert info.context.hub is not None
    return info.context.hub


async def _next(subscriber: Subscriber) -> SessionEvent:
    try:
        return await subscriber.next()
    except SubscriberBehind as exc:
        raise GraphQLError(str(exc), extensions={"code": "SUBSCRIPTION_BEHIND"}) from None


async def resolve_updated(
    info: Info,
    id: Annotated[strawberry.ID, strawberry.argument(description="The session's id, cs_…")],
) -> AsyncGenerator[StripeObject, None]:
    """The session now, then again each time it changes, until it can change no more."""
    missing = GraphQLError(
        f"No Checkout Session has the id {id!r}.", extensions={"code": "NOT_FOUND"}
    )
    if not SESSION_ID.fullmatch(id):
        raise missing
    with_line_items = selects(info, ("lineItems",))
    hub = _hub(info)
    async with hub.subscribe(id, info.context.caller.account) as subscriber:
        session = await info.context.loaders.session(id, with_line_items=with_line_items)
        if session is None:
            raise missing
        yield session
        while not is_final(session, await hub.payment_failed(id)):
            await _next(subscriber)
            info.context.forget_reads()
            latest = await info.context.loaders.session(id, with_line_items=with_line_items)
            if latest is None:
                return
            if latest != session:
                yield latest
            session = latest


async def resolve_events(
    info: Info,
    filter: Annotated[
        CheckoutSessionEventFilter | None,
        strawberry.argument(description="Which events to hear; every one when not given."),
    ] = None,
) -> AsyncGenerator[StripeObject, None]:
    """Each event of a session the caller may read, as it happens; it never ends by itself."""
    if filter is not None and filter.types == []:
        raise GraphQLError(
            "`types` names no event: give at least one, or leave it out for all four.",
            extensions={"code": "BAD_USER_INPUT"},
        )
    wanted = (
        {kind.value for kind in filter.types}
        if filter is not None and filter.types
        else set(SESSION_EVENTS)
    )
    with_line_items = selects(info, ("checkoutSession", "lineItems"))
    account = info.context.caller.account
    async with _hub(info).subscribe(None) as subscriber:
        while True:
            event = await _next(subscriber)
            if event.type not in wanted or event.account != account:
                continue
            info.context.forget_reads()
            session = await info.context.loaders.session(
                event.session_id, with_line_items=with_line_items
            )
            if session is not None:
                yield {
                    "id": event.id,
                    "type": CheckoutSessionEventType(event.type),
                    "created_at": event.created,
                    "checkout_session": session,
                }


@strawberry.type(description="Hear of Checkout Sessions as they change.")
class Subscription:
    checkout_session_updated = scoped_field(
        Scope.READ,
        resolver=resolve_updated,
        is_subscription=True,
        graphql_type=CheckoutSession,
        description=(
            "The session now, then each time it changes; ends once it is expired, paid (or "
            "owes nothing), or its delayed payment failed."
        ),
    )
    checkout_session_events = scoped_field(
        Scope.READ,
        resolver=resolve_events,
        is_subscription=True,
        graphql_type=CheckoutSessionEvent,
        description="Every event of the sessions the caller may read, as it happens.",
    )

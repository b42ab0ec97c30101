"""Write operations: create a session and expire one, each answering with a payload."""

from __future__ import annotations

from typing import Annotated

import strawberry

from gateway.schema.context import Info
from gateway.schema.errors import UserError, is_user_error, user_error
from gateway.schema.inputs import CreateCheckoutSessionInput, to_stripe_params
from gateway.schema.lookahead import selects
from gateway.schema.types.session import CheckoutSession
from gateway.stripe import StripeAPIError, StripeObject

SESSION_LINE_ITEMS = ("checkoutSession", "lineItems")
MAX_IDEMPOTENCY_KEY = 255
BAD_IDEMPOTENCY_KEY = UserError(
    field=["idempotencyKey"],
    code="INVALID",
    message=f"An idempotency key must be 1 to {MAX_IDEMPOTENCY_KEY} characters long.",
)


@strawberry.type(description="The result of createCheckoutSession.")
class CreateCheckoutSessionPayload:
    checkout_session: CheckoutSession | None = strawberry.field(
        description="The new session; null when the input was refused."
    )
    user_errors: list[UserError] = strawberry.field(
        description="Why the input was refused; empty on success."
    )


@strawberry.type(description="The result of expireCheckoutSession.")
class ExpireCheckoutSessionPayload:
    checkout_session: CheckoutSession | None = strawberry.field(
        description="The session, now expired; null when it could not be expired."
    )
    user_errors: list[UserError] = strawberry.field(
        description="Why the session could not be expired; empty on success."
    )


def _refused(errors: list[UserError]) -> StripeObject:
    return {"checkout_session": None, "user_errors": errors}


def _done(session: StripeObject) -> StripeObject:
    return {"checkout_session": session, "user_errors": []}


async def resolve_create(
    info: Info,
    input: Annotated[
        CreateCheckoutSessionInput,
        strawberry.argument(description="What the customer is buying and how to check out."),
    ],
    idempotency_key: Annotated[
        str | None,
        strawberry.argument(
            description=(
                "A key of your choosing, at most 255 characters. Repeating a request with the "
                "same key returns the first result instead of creating a second session."
            )
        ),
    ] = None,
) -> StripeObject:
    if idempotency_key is not None and not 1 <= len(idempotency_key) <= MAX_IDEMPOTENCY_KEY:
        return _refused([BAD_IDEMPOTENCY_KEY])
    try:
        session = await info.context.loaders.create_session(
            to_stripe_params(input),
            idempotency_key=idempotency_key,
            with_line_items=selects(info, SESSION_LINE_ITEMS),
        )
    except StripeAPIError as exc:
        if not is_user_error(exc):
            raise
        return _refused([user_error(exc, ["input"])])
    return _done(session)


async def resolve_expire(
    info: Info,
    id: Annotated[strawberry.ID, strawberry.argument(description="The session's id, cs_…")],
) -> StripeObject:
    try:
        session = await info.context.loaders.expire_session(
            id, with_line_items=selects(info, SESSION_LINE_ITEMS)
        )
    except StripeAPIError as exc:
        if not is_user_error(exc):
            raise
        return _refused([user_error(exc, [], field=["id"])])
    return _done(session)


@strawberry.type(description="Create and expire Checkout Sessions.")
class Mutation:
    create_checkout_session = strawberry.mutation(
        resolver=resolve_create,
        graphql_type=CreateCheckoutSessionPayload,
        description="Create a Checkout Session; its `url` (or client secret) starts the checkout.",
    )
    expire_checkout_session = strawberry.mutation(
        resolver=resolve_expire,
        graphql_type=ExpireCheckoutSessionPayload,
        description="Expire an open Checkout Session so that it can no longer be paid.",
    )

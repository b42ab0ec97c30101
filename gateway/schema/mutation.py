"""Write operations: create a session and expire one, each answering with a payload."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

import strawberry

from gateway.identity import Scope
from gateway.schema.audit import audit
from gateway.schema.context import Info
from gateway.schema.errors import UserError, UserErrorCode, error_code, is_user_error, user_error
from gateway.schema.inputs import CreateCheckoutSessionInput, to_stripe_params
from gateway.schema.inputs.names import ParameterNames
from gateway.schema.lookahead import selects
from gateway.schema.permissions import scoped_mutation
from gateway.schema.types.session import CheckoutSession
from gateway.stripe import StripeAPIError, StripeError, StripeObject

SESSION_LINE_ITEMS = ("checkoutSession", "lineItems")
CREATE_NAMES = ParameterNames(CreateCheckoutSessionInput)
MAX_IDEMPOTENCY_KEY = 255
BAD_IDEMPOTENCY_KEY = UserError(
    field=["idempotencyKey"],
    code=UserErrorCode.INVALID,
    message=(
        f"An idempotency key must be 1 to {MAX_IDEMPOTENCY_KEY} printable ASCII characters "
        "(letters, digits, punctuation and spaces)."
    ),
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
                "A key of your choosing, 1 to 255 printable ASCII characters. Repeating a request "
                "with the same key returns the first result instead of creating a second session."
            )
        ),
    ] = None,
) -> StripeObject:
    if idempotency_key is not None and not _fits_a_header(idempotency_key):
        audit(info, None, "refused", BAD_IDEMPOTENCY_KEY.code.name)
        return _refused([BAD_IDEMPOTENCY_KEY])
    return await _attempt(
        info,
        None,
        "created",
        lambda: info.context.loaders.create_session(
            to_stripe_params(input),
            idempotency_key=(
                None if idempotency_key is None else info.context.caller.own_key(idempotency_key)
            ),
            with_line_items=selects(info, SESSION_LINE_ITEMS),
        ),
        CREATE_NAMES,
        ["input"],
    )


def _fits_a_header(key: str) -> bool:
    """Whether Stripe can take `key` in its Idempotency-Key header, as the caller wrote it."""
    return 1 <= len(key) <= MAX_IDEMPOTENCY_KEY and key.isascii() and key.isprintable()


async def resolve_expire(
    info: Info,
    id: Annotated[strawberry.ID, strawberry.argument(description="The session's id, cs_…")],
) -> StripeObject:
    return await _attempt(
        info,
        id,
        "expired",
        lambda: info.context.loaders.expire_session(
            id, with_line_items=selects(info, SESSION_LINE_ITEMS)
        ),
        None,
        [],
        field=["id"],
    )


async def _attempt(
    info: Info,
    session_id: str | None,
    outcome: str,
    action: Callable[[], Awaitable[StripeObject]],
    names: ParameterNames | None,
    prefix: list[str],
    field: list[str] | None = None,
) -> StripeObject:
    """Run a mutation's Stripe call: a payload with the session, or with what the user can fix.

    Every attempt leaves one audit line, whatever its outcome.
    """
    try:
        session = await action()
    except StripeError as exc:
        if not is_user_error(exc):
            audit(info, session_id, "failed", error_code(exc))
            raise
        assert isinstance(exc, StripeAPIError)
        refusal = user_error(exc, names, prefix, field)
        audit(info, session_id, "refused", refusal.code.name)
        return _refused([refusal])
    except Exception:
        audit(info, session_id, "failed")
        raise
    audit(info, session["id"], outcome)
    return _done(session)


@strawberry.type(description="Create and expire Checkout Sessions.")
class Mutation:
    create_checkout_session = scoped_mutation(
        Scope.CREATE,
        resolver=resolve_create,
        # Nullable, as every mutation field here: an error in a later mutation of the same
        # document then nulls that one alone, not the whole result with this one's session.
        graphql_type=CreateCheckoutSessionPayload | None,
        description="Create a Checkout Session; its `url` (or client secret) starts the checkout.",
    )
    expire_checkout_session = scoped_mutation(
        Scope.EXPIRE,
        resolver=resolve_expire,
        graphql_type=ExpireCheckoutSessionPayload | None,
        description="Expire an open Checkout Session so that it can no longer be paid.",
    )

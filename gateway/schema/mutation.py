"""Write operations: create, update and expire a session, each answering with a payload."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from typing import Annotated

import strawberry
from graphql import GraphQLError

from gateway.identity import Scope
from gateway.schema.audit import audit
from gateway.schema.context import Info
from gateway.schema.errors import UserError, UserErrorCode, error_code, is_user_error, user_error
from gateway.schema.inputs import (
    CreateCheckoutSessionInput,
    UpdateCheckoutSessionInput,
    to_stripe_params,
)
from gateway.schema.inputs.names import ParameterNames
from gateway.schema.lookahead import selects
from gateway.schema.permissions import scoped_mutation
from gateway.schema.types.session import CheckoutSession
from gateway.stripe import (
    StripeAPIError,
    StripeCircuitOpen,
    StripeConnectionError,
    StripeError,
    StripeObject,
)
from gateway.stripe.encoding import encode_params

SESSION_LINE_ITEMS = ("checkoutSession", "lineItems")
CREATE_NAMES = ParameterNames(CreateCheckoutSessionInput)
UPDATE_NAMES = ParameterNames(UpdateCheckoutSessionInput)
MAX_IDEMPOTENCY_KEY = 255
BAD_IDEMPOTENCY_KEY = UserError(
    field=["idempotencyKey"],
    code=UserErrorCode.INVALID,
    message=(
        f"An idempotency key must be 1 to {MAX_IDEMPOTENCY_KEY} printable ASCII characters "
        "(letters, digits, punctuation and spaces)."
    ),
)
NOTHING_TO_UPDATE = UserError(
    field=["input"],
    code=UserErrorCode.PARAMETER_MISSING,
    message=(
        "Give something to change: collectedInformation, lineItems, metadata or shippingOptions."
    ),
)
NO_LINE_ITEMS = UserError(
    field=["input", "lineItems"],
    code=UserErrorCode.PARAMETER_INVALID_EMPTY,
    message=(
        "lineItems lists every item the session keeps, so it cannot be empty; leave it out to "
        "keep the items as they are."
    ),
)
IDEMPOTENCY_KEY = (
    "A key of your choosing, 1 to 255 printable ASCII characters. Repeating a request with the "
    "same key returns the first result instead of {}."
)
Blame = Callable[[StripeAPIError], list[str] | None]


@strawberry.type(description="The result of createCheckoutSession.")
class CreateCheckoutSessionPayload:
    checkout_session: CheckoutSession | None = strawberry.field(
        description="The new session; null when the input was refused."
    )
    user_errors: list[UserError] = strawberry.field(
        description="Why the input was refused; empty on success."
    )
    idempotency_key: str | None = strawberry.field(
        default=None,
        description=(
            "The key the create went under: yours, or one the gateway made. Sending the same "
            "create again with it gives this session back rather than a second one."
        ),
    )


@strawberry.type(description="The result of updateCheckoutSession.")
class UpdateCheckoutSessionPayload:
    checkout_session: CheckoutSession | None = strawberry.field(
        description="The session as the update left it; null when the update was refused."
    )
    user_errors: list[UserError] = strawberry.field(
        description="Why the update was refused; empty on success."
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
        strawberry.argument(description=IDEMPOTENCY_KEY.format("creating a second session")),
    ] = None,
) -> StripeObject:
    if idempotency_key is not None and not _fits_a_header(idempotency_key):
        audit(info, None, "refused", BAD_IDEMPOTENCY_KEY.code.name)
        return _refused([BAD_IDEMPOTENCY_KEY])
    # Every create goes under a key the client knows, so that one whose answer was lost can be
    # sent again without making a second session.
    key = idempotency_key or f"gw_{secrets.token_urlsafe(18)}"
    try:
        payload = await _attempt(
            info,
            None,
            "created",
            lambda: info.context.loaders.create_session(
                to_stripe_params(input),
                idempotency_key=_own_key(info, key),
                with_line_items=selects(info, SESSION_LINE_ITEMS),
            ),
            CREATE_NAMES,
            ["input"],
        )
    except StripeConnectionError as exc:
        if isinstance(exc, StripeCircuitOpen):
            raise  # Never sent: nothing to find out.
        raise GraphQLError(
            "Stripe's answer was lost, so the session may or may not have been created: send "
            "the same create again with this idempotencyKey to get the session if it was, or "
            "create it if it was not.",
            extensions={"code": "OUTCOME_UNKNOWN", "idempotencyKey": key},
        ) from None
    return {**payload, "idempotency_key": key}


def _fits_a_header(key: str) -> bool:
    """Whether Stripe can take `key` in its Idempotency-Key header, as the caller wrote it."""
    return 1 <= len(key) <= MAX_IDEMPOTENCY_KEY and key.isascii() and key.isprintable()


def _own_key(info: Info, key: str | None) -> str | None:
    return None if key is None else info.context.caller.own_key(key)


async def resolve_update(
    info: Info,
    id: Annotated[
        strawberry.ID, strawberry.argument(description="The id (cs_…) of an open session.")
    ],
    input: Annotated[
        UpdateCheckoutSessionInput,
        strawberry.argument(description="What to change; whatever is left out stays as it is."),
    ],
    idempotency_key: Annotated[
        str | None,
        strawberry.argument(description=IDEMPOTENCY_KEY.format("applying the update again")),
    ] = None,
) -> StripeObject:
    """Change an open session. It has a scope of its own: unlike a create, it changes a
    session that may already stand for an order, whose amount it could lower before payment.
    """
    params = to_stripe_params(input)
    refusal = _update_refusal(params, idempotency_key)
    if refusal is not None:
        audit(info, id, "refused", refusal.code.name)
        return _refused([refusal])
    return await _attempt(
        info,
        id,
        "updated",
        lambda: info.context.loaders.update_session(
            id,
            params,
            idempotency_key=_own_key(info, idempotency_key),
            with_line_items=selects(info, SESSION_LINE_ITEMS),
        ),
        UPDATE_NAMES,
        ["input"],
        blame=_session_or_input,
    )


def _update_refusal(params: StripeObject, idempotency_key: str | None) -> UserError | None:
    """What makes an update not worth sending: a bad key, or nothing it would change (an empty
    list of line items could only be sent as nothing at all)."""
    if idempotency_key is not None and not _fits_a_header(idempotency_key):
        return BAD_IDEMPOTENCY_KEY
    if params.get("line_items") == []:
        return NO_LINE_ITEMS
    if not encode_params(params):
        return NOTHING_TO_UPDATE
    return None


def _session_or_input(exc: StripeAPIError) -> list[str] | None:
    """`id` for a refusal of the session itself (missing, another customer's, no longer open),
    which names no input parameter; otherwise the input field Stripe names."""
    if exc.status == 404 or exc.param in (None, "session"):
        return ["id"]
    return None


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
        blame=lambda exc: ["id"],
    )


async def _attempt(
    info: Info,
    session_id: str | None,
    outcome: str,
    action: Callable[[], Awaitable[StripeObject]],
    names: ParameterNames | None,
    prefix: list[str],
    blame: Blame = lambda exc: None,
) -> StripeObject:
    """Run a mutation's Stripe call: a payload with the session, or with what the user can fix.

    `blame` names the argument at fault in a refusal, or None for the input field Stripe names.
    Every attempt leaves one audit line, whatever its outcome.
    """
    try:
        session = await action()
    except StripeError as exc:
        if not is_user_error(exc):
            audit(info, session_id, "failed", error_code(exc))
            raise
        assert isinstance(exc, StripeAPIError)
        refusal = user_error(exc, names, prefix, blame(exc))
        audit(info, session_id, "refused", refusal.code.name)
        return _refused([refusal])
    except Exception:
        audit(info, session_id, "failed")
        raise
    audit(info, session["id"], outcome)
    if session_id is not None:
        # A change to a session that may have subscribers: they hear of it at once.
        await info.context.announce(session)
    return _done(session)


@strawberry.type(description="Create, update and expire Checkout Sessions.")
class Mutation:
    create_checkout_session = scoped_mutation(
        Scope.CREATE,
        resolver=resolve_create,
        # Nullable, as every mutation field here: an error in a later mutation of the same
        # document then nulls that one alone, not the whole result with this one's session.
        graphql_type=CreateCheckoutSessionPayload | None,
        description="Create a Checkout Session; its `url` (or client secret) starts the checkout.",
    )
    update_checkout_session = scoped_mutation(
        Scope.UPDATE,
        resolver=resolve_update,
        graphql_type=UpdateCheckoutSessionPayload | None,
        description=(
            "Change the line items, shipping options, metadata or collected shipping details of "
            "an open Checkout Session; its amounts are worked out again."
        ),
    )
    expire_checkout_session = scoped_mutation(
        Scope.EXPIRE,
        resolver=resolve_expire,
        graphql_type=ExpireCheckoutSessionPayload | None,
        description="Expire an open Checkout Session so that it can no longer be paid.",
    )

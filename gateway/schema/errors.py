"""How failures reach clients: user errors in payloads, coded top-level errors, nothing leaked."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from enum import Enum

import strawberry
from graphql import GraphQLError

from gateway.schema.inputs.names import ParameterNames
from gateway.stripe import (
    CallsExhausted,
    CallsStopped,
    StripeAPIError,
    StripeConnectionError,
    StripeError,
    StripeRateLimited,
)

logger = logging.getLogger(__name__)

# Apollo's names for what is wrong with a request itself, before any field resolves.
PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
BAD_USER_INPUT = "BAD_USER_INPUT"
OPERATION_RESOLUTION_FAILURE = "OPERATION_RESOLUTION_FAILURE"

_SECRET = re.compile(r"\b(?:sk|rk)_(?:test|live)_[A-Za-z0-9*]+")


@strawberry.enum(description="What kind of problem a user error is, for a client to act on.")
class UserErrorCode(Enum):
    INVALID = strawberry.enum_value(
        "invalid",
        description="The value is not acceptable for a reason the message gives; see stripeCode.",
    )
    PARAMETER_MISSING = strawberry.enum_value(
        "parameter_missing", description="A value the input needs was left out."
    )
    PARAMETER_UNKNOWN = strawberry.enum_value(
        "parameter_unknown", description="The input holds a field that does not apply here."
    )
    PARAMETER_INVALID_EMPTY = strawberry.enum_value(
        "parameter_invalid_empty", description="A value was given empty where one is needed."
    )
    PARAMETER_INVALID_INTEGER = strawberry.enum_value(
        "parameter_invalid_integer", description="A number is not a whole number in range."
    )
    PARAMETER_INVALID_STRING_BLANK = strawberry.enum_value(
        "parameter_invalid_string_blank", description="A text value holds only white space."
    )
    PARAMETER_INVALID_STRING_EMPTY = strawberry.enum_value(
        "parameter_invalid_string_empty", description="A text value is empty."
    )
    PARAMETERS_EXCLUSIVE = strawberry.enum_value(
        "parameters_exclusive", description="Two fields were given that exclude each other."
    )
    RESOURCE_MISSING = strawberry.enum_value(
        "resource_missing",
        description="An id names nothing the caller may use, such as a missing session or price.",
    )
    AMOUNT_TOO_SMALL = strawberry.enum_value(
        "amount_too_small", description="An amount is below the minimum for its currency."
    )
    AMOUNT_TOO_LARGE = strawberry.enum_value(
        "amount_too_large", description="An amount is above the maximum for its currency."
    )
    URL_INVALID = strawberry.enum_value("url_invalid", description="A URL is not a valid one.")
    EMAIL_INVALID = strawberry.enum_value(
        "email_invalid", description="An email address is not a valid one."
    )
    INVALID_CHARACTERS = strawberry.enum_value(
        "invalid_characters", description="A text value holds characters it may not."
    )
    COUNTRY_CODE_INVALID = strawberry.enum_value(
        "country_code_invalid", description="A country code is not one Stripe knows."
    )
    TAX_ID_INVALID = strawberry.enum_value(
        "tax_id_invalid", description="A tax id does not have the shape its type requires."
    )


@strawberry.type(description="A problem with the input of a mutation, which the user can fix.")
class UserError:
    field: list[str] | None = strawberry.field(
        description=(
            "Path to the input field at fault, from the mutation's arguments down, for example "
            '["input", "lineItems", "0", "price"]; null when no single field is to blame.'
        )
    )
    code: UserErrorCode = strawberry.field(
        description="What kind of problem it is; INVALID when no more particular code applies."
    )
    stripe_code: str | None = strawberry.field(
        default=None,
        description=(
            "Stripe's own error code when Stripe refused the input, for example "
            "parameter_missing; null when the gateway refused it or Stripe gave none."
        ),
    )
    message: str = strawberry.field(
        description="What went wrong in words fit to show a user, naming fields as the schema does."
    )


def coded(errors: Iterable[GraphQLError], code: str) -> list[GraphQLError]:
    """`errors`, each given `code` as its `extensions.code` unless it has a code already."""
    errors = list(errors)
    for error in errors:
        if not error.extensions or "code" not in error.extensions:
            error.extensions = {**(error.extensions or {}), "code": code}
    return errors


def request_errors(errors: Iterable[GraphQLError]) -> list[GraphQLError]:
    """Code the errors graphql-core reports before executing (no path): an operation name that
    picks no operation, or variables that do not fit their types."""
    errors = list(errors)
    for error in errors:
        if error.path is None:
            unresolved = error.message.startswith(("Unknown operation named", "Must provide"))
            coded([error], OPERATION_RESOLUTION_FAILURE if unresolved else BAD_USER_INPUT)
    return errors


def redact(message: str) -> str:
    """Strip anything shaped like a Stripe secret key from a message."""
    return _SECRET.sub("[redacted]", message)


def is_user_error(exc: StripeError) -> bool:
    """Whether Stripe blamed the request itself, so the client can correct it."""
    return (
        isinstance(exc, StripeAPIError)
        and exc.type == "invalid_request_error"
        and exc.status
        in (
            400,
            404,
        )
    )


def user_error(
    exc: StripeAPIError,
    names: ParameterNames | None,
    prefix: list[str],
    field: list[str] | None = None,
) -> UserError:
    """Stripe's refusal in the schema's terms: `line_items[0][price]` becomes the path
    `[*prefix, "lineItems", "0", "price"]`, and the message says `lineItems[0].price`.

    `names` are the input's own, when the operation's input mirrors Stripe's parameters;
    `field`, when given, names the argument at fault instead.
    """
    message = exc.message
    if names is not None:
        message = names.speak(message, exc.param)
        if field is None and exc.param:
            field = [*prefix, *names.path(exc.param)]
    try:
        code = UserErrorCode(exc.code)
    except ValueError:
        code = UserErrorCode.INVALID
    return UserError(field=field, code=code, stripe_code=exc.code, message=redact(message))


def error_code(exc: StripeError) -> str:
    """The `extensions.code` a Stripe failure is reported with."""
    if isinstance(exc, StripeRateLimited):
        return "UPSTREAM_RATE_LIMITED"
    if isinstance(exc, CallsExhausted):
        return "COST_LIMIT_EXCEEDED"
    if isinstance(exc, CallsStopped):
        return "OPERATION_TIMEOUT"
    if isinstance(exc, StripeConnectionError) or not isinstance(exc, StripeAPIError):
        return "UPSTREAM_UNAVAILABLE"
    if exc.type == "idempotency_error" or exc.status == 409:
        return "IDEMPOTENCY_CONFLICT"
    return {
        400: "BAD_USER_INPUT",
        401: "UPSTREAM_AUTHENTICATION",
        402: "UPSTREAM_REQUEST_FAILED",
        403: "UPSTREAM_PERMISSION",
        404: "NOT_FOUND",
        429: "UPSTREAM_RATE_LIMITED",
    }.get(exc.status, "UPSTREAM_UNAVAILABLE")


_MESSAGES = {
    "UPSTREAM_UNAVAILABLE": "Stripe is unavailable right now; try again shortly.",
    "UPSTREAM_AUTHENTICATION": "The gateway's Stripe credentials were rejected.",
    "UPSTREAM_PERMISSION": "The gateway's Stripe credentials may not perform this request.",
    "UPSTREAM_RATE_LIMITED": "Stripe is rate limiting the gateway; try again shortly.",
    "OPERATION_TIMEOUT": "The operation ran out of time before this field could be fetched.",
    "COST_LIMIT_EXCEEDED": "The operation wanted more calls to Stripe than its cost allowed.",
}


def to_graphql_error(exc: StripeError, original: GraphQLError) -> GraphQLError:
    """A top-level error with a stable `extensions.code` and Stripe's request id."""
    code = error_code(exc)
    message = _MESSAGES.get(code) or redact(exc.message)
    extensions: dict[str, object] = {"code": code}
    if exc.request_id:
        extensions["stripeRequestId"] = exc.request_id
    return GraphQLError(
        message,
        nodes=original.nodes,
        source=original.source,
        positions=original.positions,
        path=original.path,
        extensions=extensions,
    )


def _internal(original: GraphQLError) -> GraphQLError:
    return GraphQLError(
        "Unexpected error.",
        nodes=original.nodes,
        source=original.source,
        positions=original.positions,
        path=original.path,
        extensions={"code": "INTERNAL_SERVER_ERROR"},
    )


def present(errors: Iterable[GraphQLError]) -> list[GraphQLError]:
    """Give Stripe failures clear codes and mask every error the gateway did not mean to show.

    Only failures the gateway did not expect are logged: a client's typo or a session that
    does not exist is not worth a log line.
    """
    presented: list[GraphQLError] = []
    for error in errors:
        cause = error.original_error
        if cause is None or isinstance(cause, GraphQLError):
            presented.append(error)
        elif isinstance(cause, StripeError):
            presented.append(to_graphql_error(cause, error))
        else:
            logger.error("unexpected error in resolver", exc_info=cause)
            presented.append(_internal(error))
    return presented

"""The Stripe REST client: the only code that talks to Stripe."""

from gateway.stripe.budget import CallBudget, CallGuard, CallsExhausted, CallsStopped
from gateway.stripe.client import StripeClient, StripeObject
from gateway.stripe.errors import (
    StripeAPIError,
    StripeCircuitOpen,
    StripeConnectionError,
    StripeError,
    StripeRateLimited,
)
from gateway.stripe.projection import LIST_FIELDS, Items, Keys, list_of

__all__ = [
    "LIST_FIELDS",
    "CallBudget",
    "CallGuard",
    "CallsExhausted",
    "CallsStopped",
    "Items",
    "Keys",
    "StripeAPIError",
    "StripeCircuitOpen",
    "StripeClient",
    "StripeConnectionError",
    "StripeError",
    "StripeObject",
    "StripeRateLimited",
    "list_of",
]

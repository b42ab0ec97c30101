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

__all__ = [
    "CallBudget",
    "CallGuard",
    "CallsExhausted",
    "CallsStopped",
    "StripeAPIError",
    "StripeCircuitOpen",
    "StripeClient",
    "StripeConnectionError",
    "StripeError",
    "StripeObject",
    "StripeRateLimited",
]

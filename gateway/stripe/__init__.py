"""The Stripe REST client: the only code that talks to Stripe."""

from gateway.stripe.client import StripeClient, StripeObject
from gateway.stripe.errors import StripeAPIError, StripeConnectionError, StripeError

__all__ = [
    "StripeAPIError",
    "StripeClient",
    "StripeConnectionError",
    "StripeError",
    "StripeObject",
]

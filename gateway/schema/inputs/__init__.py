"""Typed GraphQL inputs for creating and updating a Checkout Session, and their conversion to
Stripe params."""

from gateway.schema.inputs.create import CreateCheckoutSessionInput
from gateway.schema.inputs.encode import to_stripe_params
from gateway.schema.inputs.update import UpdateCheckoutSessionInput

__all__ = ["CreateCheckoutSessionInput", "UpdateCheckoutSessionInput", "to_stripe_params"]

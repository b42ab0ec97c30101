"""Typed GraphQL inputs for creating a Checkout Session, and their conversion to Stripe params."""

from gateway.schema.inputs.create import CreateCheckoutSessionInput
from gateway.schema.inputs.encode import to_stripe_params

__all__ = ["CreateCheckoutSessionInput", "to_stripe_params"]

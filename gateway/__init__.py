"""A typed GraphQL gateway over Stripe's Checkout Sessions API."""

__version__ = "0.1.0"

"""`make bench`: the gateway under load, next to a minimal proxy making the same Stripe calls."""

"""A stateful, Stripe-compatible Checkout Sessions API that runs in process or on its own.

Tests and benchmarks point Stripe clients at it instead of the real API: it speaks the same
form-encoded wire format, returns the same object and error shapes, and can add latency,
inject failures and send signed webhooks.
"""

from stripe_emulator.app import create_app
from stripe_emulator.options import EmulatorOptions

__all__ = ["EmulatorOptions", "create_app"]

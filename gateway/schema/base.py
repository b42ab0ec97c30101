"""What every output type shares: the objects behind them are Stripe's decoded JSON."""

from __future__ import annotations

from typing import Any

StripeObject = dict[str, Any]
"""A Stripe API object as decoded from JSON; output types read their fields from it."""


def resolve_key(source: Any, name: str) -> object:
    """Read a field from a Stripe JSON object, or an attribute from anything else.

    Output types keep Stripe's snake_case names as their Python names, so a field resolves by
    looking its own name up in the dictionary, with no per-field code and no copying.
    """
    if type(source) is dict:
        return source.get(name)
    return getattr(source, name)

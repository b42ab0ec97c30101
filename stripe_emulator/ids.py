"""Identifiers shaped like Stripe's: a type prefix and random alphanumerics."""

from __future__ import annotations

import secrets
import string

_ALPHABET = string.ascii_letters + string.digits


def random_id(prefix: str, length: int = 24) -> str:
    return prefix + "".join(secrets.choice(_ALPHABET) for _ in range(length))


def session_id() -> str:
    """Checkout Session ids are longer than most: `cs_test_` and 58 characters."""
    return random_id("cs_test_", 58)


def request_id() -> str:
    return random_id("req_", 14)

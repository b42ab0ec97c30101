"""Loaders, the shared store and cache: how resolvers read and write Stripe data."""

from gateway.loaders.cache import ResponseCache
from gateway.loaders.checkout import CheckoutLoaders
from gateway.loaders.store import PageRequest, SessionStore

__all__ = ["CheckoutLoaders", "PageRequest", "ResponseCache", "SessionStore"]

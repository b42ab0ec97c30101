"""Loaders and the shared cache: how resolvers read and write Stripe data."""

from gateway.loaders.cache import ResponseCache
from gateway.loaders.checkout import CheckoutLoaders, PageRequest

__all__ = ["CheckoutLoaders", "PageRequest", "ResponseCache"]

"""Authentication: who is calling, proven by an API key or a JWT, or nobody at all."""

from gateway.auth.authenticator import Authenticator, Unauthenticated
from gateway.auth.keys import new_key
from gateway.auth.tokens import KeysUnavailable

__all__ = ["Authenticator", "KeysUnavailable", "Unauthenticated", "new_key"]

"""API keys for server-side callers, matched by their SHA-256 in constant time."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from gateway.config import ApiKey

KEY_PREFIX = "cgk_"


class KeyTable:
    """The configured keys. The table holds digests only, so a leaked file leaks no key."""

    def __init__(self, keys: tuple[ApiKey, ...]) -> None:
        self._keys = [(bytes.fromhex(key.key_sha256), key) for key in keys]

    def find(self, presented: str) -> ApiKey | None:
        """The entry whose key is `presented`, or None.

        Every entry is compared, each with `hmac.compare_digest`, so how long the search
        takes says nothing about which entry, if any, came close.
        """
        digest = hashlib.sha256(presented.encode()).digest()
        found: ApiKey | None = None
        for expected, key in self._keys:
            if hmac.compare_digest(digest, expected):
                found = key
        return found


def new_key() -> tuple[str, str]:
    """A fresh random key and the hex SHA-256 that goes into the key file."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    return key, hashlib.sha256(key.encode()).hexdigest()

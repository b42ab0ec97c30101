"""Bearer JWTs, verified by PyJWT against the keys of a JWKS (fetched by URL, or read from a file).

Only asymmetric keys are trusted, and each token is checked with the algorithms of the key its
`kid` names: `alg: none`, an HMAC token made with a public key as its secret, or an RSA token
presented under an EC key all fail PyJWT's check.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import jwt
import orjson

from gateway.config import JwtSettings
from gateway.config.files import ACCOUNT_ID, CUSTOMER_ID
from gateway.identity import Caller, parse_scopes

logger = logging.getLogger(__name__)

_RSA_ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512")
_COMPACT_JWS = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")


class InvalidToken(Exception):
    """The token is malformed, unsigned, signed by an unknown key, expired or not for us."""


class KeysUnavailable(Exception):
    """No signing keys could be loaded, so no token can be checked right now."""


def looks_like_jwt(token: str) -> bool:
    return _COMPACT_JWS.fullmatch(token) is not None


@dataclass(frozen=True, slots=True)
class SigningKey:
    """A verification key from the set, with the algorithms a token under it may use."""

    kid: str | None
    key: Any
    algorithms: tuple[str, ...]


def _signing_key(data: object) -> SigningKey | None:
    """A usable public key of a JWKS, or None for keys never to trust (symmetric, encryption)."""
    if not isinstance(data, dict) or data.get("kty") not in ("RSA", "EC", "OKP"):
        return None
    if data.get("use", "sig") != "sig":
        return None
    try:
        jwk = jwt.PyJWK(data)
    except (jwt.PyJWKError, jwt.InvalidKeyError, ValueError, TypeError):
        return None
    declared = data.get("alg")
    if isinstance(declared, str):
        algorithms: tuple[str, ...] = (declared,)
    elif data["kty"] == "RSA":
        algorithms = _RSA_ALGORITHMS
    else:
        algorithms = (jwk.algorithm_name,)
    if any(name.upper().startswith("HS") or name == "none" for name in algorithms):
        return None
    kid = data.get("kid")
    return SigningKey(kid if isinstance(kid, str) else None, jwk.key, algorithms)


def parse_key_set(body: object) -> list[SigningKey]:
    keys = body.get("keys") if isinstance(body, dict) else None
    if not isinstance(keys, list):
        raise ValueError("not a JWK Set: no `keys` list")
    usable = [key for key in map(_signing_key, keys) if key is not None]
    if not usable:
        raise ValueError("the JWK Set holds no usable signing key")
    return usable


class KeySet:
    """The current signing keys, loaded lazily and refreshed without a restart.

    Keys are loaded again once they are `jwks_refresh` seconds old, and at once when a token
    names a key id not in the set (a rotation), though not more often than every
    `jwks_cooldown` seconds, so unknown ids cannot make the gateway hammer the key server.
    A failed refresh keeps the keys already held.
    """

    def __init__(self, settings: JwtSettings, http: httpx.AsyncClient | None) -> None:
        self._settings = settings
        self._http = http
        self._keys: list[SigningKey] = []
        self._loaded_at = float("-inf")
        self._attempted_at = float("-inf")
        self._loading: asyncio.Future[None] | None = None

    async def find(self, kid: str | None) -> SigningKey | None:
        now = time.monotonic()
        settings = self._settings
        stale = now - self._loaded_at > settings.jwks_refresh
        if stale and now - self._attempted_at >= settings.jwks_cooldown:
            await self._refresh(now)
        key = self._pick(kid)
        if key is None and now - self._attempted_at >= self._settings.jwks_cooldown:
            await self._refresh(now)
            key = self._pick(kid)
        if key is None and not self._keys:
            raise KeysUnavailable()
        return key

    def _pick(self, kid: str | None) -> SigningKey | None:
        if kid is None:
            return self._keys[0] if len(self._keys) == 1 else None
        return next((key for key in self._keys if key.kid == kid), None)

    async def _refresh(self, now: float) -> None:
        # Concurrent requests share one load, which a request giving up does not cancel.
        if self._loading is None:
            self._loading = asyncio.ensure_future(self._load(now))
        await asyncio.shield(self._loading)

    async def _load(self, now: float) -> None:
        self._attempted_at = now
        try:
            self._keys = parse_key_set(await self._read())
            self._loaded_at = now
        except (OSError, httpx.HTTPError, ValueError) as exc:
            logger.warning("could not load the JWT signing keys: %s", exc)
        finally:
            self._loading = None

    async def _read(self) -> object:
        if self._settings.jwks_file is not None:
            return orjson.loads(Path(self._settings.jwks_file).read_bytes())
        assert self._http is not None and self._settings.jwks_url is not None
        response = await self._http.get(self._settings.jwks_url)
        if response.status_code != 200:
            raise ValueError(f"the key server answered HTTP {response.status_code}")
        return orjson.loads(response.content)


class TokenVerifier:
    """Turns a verified token into a caller: its subject, scopes, customer and account."""

    def __init__(self, settings: JwtSettings, keys: KeySet) -> None:
        self._settings = settings
        self._keys = keys

    async def caller(self, token: str) -> Caller:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.InvalidTokenError:
            raise InvalidToken() from None
        kid = header.get("kid")
        key = await self._keys.find(kid if isinstance(kid, str) else None)
        if key is None:
            raise InvalidToken()
        settings = self._settings
        try:
            claims = jwt.decode(
                token,
                key=key.key,
                algorithms=list(key.algorithms),
                audience=settings.audience,
                issuer=settings.issuer,
                leeway=settings.leeway,
                options={"require": ["exp", "iss", "aud", "sub"]},
            )
        except jwt.InvalidTokenError:
            raise InvalidToken() from None
        return self._caller(claims)

    def _caller(self, claims: dict[str, Any]) -> Caller:
        subject = claims.get("sub")
        if not isinstance(subject, str) or not subject:
            raise InvalidToken()
        scopes = claims["scope"] if "scope" in claims else claims.get("scp", [])
        customer = _claimed_id(claims, self._settings.customer_claim, CUSTOMER_ID)
        if customer is None and self._settings.require_customer:
            raise InvalidToken()
        return Caller(
            name=f"jwt:{subject}",
            scopes=parse_scopes(scopes),
            customer=customer,
            account=_claimed_id(claims, self._settings.account_claim, ACCOUNT_ID),
            expires_at=float(claims["exp"]) + self._settings.leeway,
        )


def _claimed_id(claims: dict[str, Any], name: str, shape: re.Pattern[str]) -> str | None:
    value = claims.get(name)
    if value is None:
        return None
    if not isinstance(value, str) or not shape.fullmatch(value):
        raise InvalidToken()
    return value

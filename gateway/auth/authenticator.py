"""From an `Authorization` header to a caller: an API key, a JWT, or nobody."""

from __future__ import annotations

import httpx

from gateway.auth.keys import KeyTable
from gateway.auth.tokens import InvalidToken, KeySet, TokenVerifier, looks_like_jwt
from gateway.config import AuthSettings
from gateway.identity import Caller

MAX_CREDENTIAL_LENGTH = 8192


class Unauthenticated(Exception):
    """The request must be refused with 401: credentials missing where required, or invalid.

    `missing` tells the two apart; nothing else about why a credential failed is told.
    """

    def __init__(self, *, missing: bool) -> None:
        super().__init__("missing credentials" if missing else "invalid token")
        self.missing = missing


class Authenticator:
    """Knows every way a caller can prove who it is, and what each caller may do.

    A request without credentials is anonymous, with the anonymous scopes, unless there are
    none, in which case it is refused. A request with credentials that do not check out is
    always refused, never treated as anonymous: its sender meant to be someone.
    """

    def __init__(self, settings: AuthSettings) -> None:
        self._keys = KeyTable(settings.keys)
        self._anonymous: Caller | None = None
        if settings.anonymous_scopes:
            self._anonymous = Caller("anonymous", settings.anonymous_scopes, anonymous=True)
        self._http: httpx.AsyncClient | None = None
        self._tokens: TokenVerifier | None = None
        if settings.jwt is not None:
            if settings.jwt.jwks_url is not None:
                self._http = httpx.AsyncClient(timeout=5.0, follow_redirects=False)
            self._tokens = TokenVerifier(settings.jwt, KeySet(settings.jwt, self._http))

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()

    async def authenticate(self, authorization: str | None) -> Caller:
        """The caller the header names; raises Unauthenticated, or KeysUnavailable."""
        if authorization is None:
            if self._anonymous is None:
                raise Unauthenticated(missing=True)
            return self._anonymous
        scheme, _, credential = authorization.strip().partition(" ")
        credential = credential.strip()
        if (
            scheme.lower() != "bearer"
            or not credential
            or len(credential) > MAX_CREDENTIAL_LENGTH
            or " " in credential
        ):
            raise Unauthenticated(missing=False)
        if self._tokens is not None and looks_like_jwt(credential):
            try:
                return await self._tokens.caller(credential)
            except InvalidToken:
                raise Unauthenticated(missing=False) from None
        key = self._keys.find(credential)
        if key is None:
            raise Unauthenticated(missing=False)
        return Caller(name=key.name, scopes=key.scopes, customer=key.customer, account=key.account)

"""Real credentials for tests: API keys with their key file, and JWTs signed by keys made here."""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import jwt
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

ISSUER = "https://id.example.test/"
AUDIENCE = "checkout-gateway"


@dataclass
class Client:
    """One entry of a key file, with the key itself (which the file never holds)."""

    name: str
    scopes: list[str]
    customer: str | None = None
    account: str | None = None
    key: str = field(default_factory=lambda: f"cgk_{secrets.token_urlsafe(24)}")

    def toml(self) -> str:
        lines = [
            "[[client]]",
            f"name = {json.dumps(self.name)}",
            f'key_sha256 = "{hashlib.sha256(self.key.encode()).hexdigest()}"',
            f"scopes = {json.dumps(self.scopes)}",
        ]
        if self.customer:
            lines.append(f'customer = "{self.customer}"')
        if self.account:
            lines.append(f'account = "{self.account}"')
        return "\n".join(lines) + "\n"

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"}


async def post_as(
    http: httpx.AsyncClient, client: Client, query: str, **variables: Any
) -> dict[str, Any]:
    """Post an operation with `client`'s key and return the response body, insisting on 200."""
    response = await http.post(
        "/graphql", json={"query": query, "variables": variables}, headers=client.headers
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def write_key_file(path: Path, clients: list[Client]) -> str:
    path.write_text("\n".join(client.toml() for client in clients))
    return str(path)


@dataclass
class SigningKey:
    """A private key the test signs with, and its public half as a JWK."""

    kid: str
    private: Any
    algorithm: str

    @classmethod
    def rsa(cls, kid: str) -> SigningKey:
        return cls(kid, rsa.generate_private_key(public_exponent=65537, key_size=2048), "RS256")

    @classmethod
    def ec(cls, kid: str) -> SigningKey:
        return cls(kid, ec.generate_private_key(ec.SECP256R1()), "ES256")

    def jwk(self) -> dict[str, Any]:
        algorithm = jwt.get_algorithm_by_name(self.algorithm)
        public: dict[str, Any] = json.loads(algorithm.to_jwk(self.private.public_key()))
        return {**public, "kid": self.kid, "use": "sig", "alg": self.algorithm}

    def token(
        self,
        scopes: list[str] | str = "",
        *,
        subject: str = "user-1",
        lifetime: float = 300,
        headers: dict[str, Any] | None = None,
        **claims: Any,
    ) -> str:
        now = int(time.time())
        payload = {
            "iss": ISSUER,
            "aud": AUDIENCE,
            "sub": subject,
            "iat": now,
            "exp": now + int(lifetime),
            "scope": scopes if isinstance(scopes, str) else " ".join(scopes),
            **claims,
        }
        payload = {name: value for name, value in payload.items() if value is not None}
        return jwt.encode(
            payload,
            self.private,
            algorithm=self.algorithm,
            headers={"kid": self.kid, **(headers or {})},
        )


class KeyServer:
    """An identity provider's JWKS endpoint whose keys a test can rotate."""

    def __init__(self, *keys: SigningKey) -> None:
        self.keys = list(keys)
        self.fetches = 0
        self.app = Starlette(routes=[Route("/jwks.json", self._jwks)])

    async def _jwks(self, request: Request) -> JSONResponse:
        self.fetches += 1
        return JSONResponse({"keys": [key.jwk() for key in self.keys]})


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}

"""Who may call: keys and JWTs accepted, every bad credential refused with 401, keys rotated."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gateway.app import create_app
from gateway.config import Settings, load_settings
from tests.conftest import Upstream
from tests.identities import AUDIENCE, ISSUER, Client, KeyServer, SigningKey, bearer, write_key_file
from tests.servers import serve

ALL = [
    "checkout:read",
    "checkout:read_customer_data",
    "checkout:create",
    "checkout:update",
    "checkout:expire",
    "schema:introspect",
]
ADMIN = Client("admin", ALL)
READER = Client("reader", ["checkout:read"])
RSA_KEY = SigningKey.rsa("rsa-1")
EC_KEY = SigningKey.ec("ec-1")
QUERY = "{ checkoutSessions(first: 1) { nodes { id } } }"


def deployed(upstream: Upstream, **env: str) -> Settings:
    """Settings read from the environment of a deployment on the emulator, trusting our JWTs."""
    return load_settings(
        {
            "STRIPE_API_KEY": upstream.key,
            "STRIPE_API_BASE": upstream.url,
            "STRIPE_RATE_LIMIT": "off",
            "CACHE_URL": "off",
            "RATE_LIMIT_POINTS": "off",
            "AUTH_JWT_ISSUER": ISSUER,
            "AUTH_JWT_AUDIENCE": AUDIENCE,
            **env,
        }
    )


def secured_settings(upstream: Upstream, key_file: str, jwks_url: str, **env: str) -> Settings:
    """Settings as a deployment writes them: a real key, so no anonymous access by default."""
    settings = deployed(upstream, AUTH_KEYS_FILE=key_file, AUTH_JWKS_URL=jwks_url, **env)
    assert settings.auth.jwt is not None
    # Tests rotate keys back to back; a deployment waits a second between refreshes.
    return replace(
        settings, auth=replace(settings.auth, jwt=replace(settings.auth.jwt, jwks_cooldown=0))
    )


@pytest.fixture(scope="module")
def key_server() -> Iterator[tuple[KeyServer, str]]:
    server = KeyServer(RSA_KEY, EC_KEY)
    with serve(server.app) as url:
        yield server, f"{url}/jwks.json"


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    return write_key_file(tmp_path_factory.mktemp("auth") / "keys.toml", [ADMIN, READER])


@pytest.fixture(scope="module")
def gateway(upstream: Upstream, key_file: str, key_server: tuple[KeyServer, str]) -> Iterator[str]:
    with serve(create_app(secured_settings(upstream, key_file, key_server[1]))) as url:
        yield url


async def post(
    http: httpx.AsyncClient, headers: dict[str, str], query: str = QUERY
) -> httpx.Response:
    return await http.post("/graphql", json={"query": query}, headers=headers)


def assert_served(response: httpx.Response) -> None:
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    assert len(body["data"]["checkoutSessions"]["nodes"]) == 1


def assert_refused(response: httpx.Response, *, missing: bool = False) -> dict[str, Any]:
    assert response.status_code == 401, response.text
    challenge = response.headers["www-authenticate"]
    assert challenge.startswith("Bearer ")
    assert ('error="invalid_token"' in challenge) is not missing
    body: dict[str, Any] = response.json()
    [error] = body["errors"]
    assert error["extensions"] == {"code": "UNAUTHENTICATED"}
    assert "data" not in body
    return dict(error)


# Accepted


async def test_an_api_key_is_accepted(http: httpx.AsyncClient) -> None:
    assert_served(await post(http, ADMIN.headers))


async def test_an_rs256_token_with_a_scope_string_is_accepted(http: httpx.AsyncClient) -> None:
    assert_served(await post(http, bearer(RSA_KEY.token("checkout:read"))))


async def test_an_es256_token_with_an_scp_list_is_accepted(http: httpx.AsyncClient) -> None:
    token = EC_KEY.token(scope=None, scp=["checkout:read", "other:thing"])
    assert_served(await post(http, bearer(token)))


async def test_the_bearer_scheme_is_read_in_any_case(http: httpx.AsyncClient) -> None:
    assert_served(await post(http, {"Authorization": f"bearer {READER.key}"}))


# Refused


async def test_no_credentials_are_refused_where_anonymous_callers_may_do_nothing(
    http: httpx.AsyncClient,
) -> None:
    error = assert_refused(await post(http, {}), missing=True)
    assert error["message"].startswith("Missing credentials")


def unsigned(token: str) -> str:
    header, payload, _ = token.split(".")
    return f"{header}.{payload}."


def _none_algorithm() -> str:
    claims = jwt.decode(RSA_KEY.token(ALL), options={"verify_signature": False})
    return jwt.encode(claims, key="", algorithm="none", headers={"kid": RSA_KEY.kid})


def _confused_algorithm() -> str:
    # HS256 keyed with the RSA public key, which anyone can download from the JWKS. PyJWT
    # refuses to make such a token, so it is put together by hand.
    public = RSA_KEY.private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    claims = jwt.decode(RSA_KEY.token(ALL), options={"verify_signature": False})
    segments = [
        jwt.utils.base64url_encode(json.dumps(part, separators=(",", ":")).encode())
        for part in ({"alg": "HS256", "typ": "JWT", "kid": RSA_KEY.kid}, claims)
    ]
    signing_input = b".".join(segments)
    signature = hmac.new(public, signing_input, hashlib.sha256).digest()
    return (signing_input + b"." + jwt.utils.base64url_encode(signature)).decode()


BAD_CREDENTIALS = {
    "unknown api key": lambda: "Bearer cgk_" + "x" * 32,
    "basic scheme": lambda: "Basic " + READER.key,
    "bearer without a credential": lambda: "Bearer",
    "alg none": lambda: "Bearer " + _none_algorithm(),
    "no signature": lambda: "Bearer " + unsigned(RSA_KEY.token(ALL)),
    "hs256 keyed with the rsa public key": lambda: "Bearer " + _confused_algorithm(),
    "expired": lambda: "Bearer " + RSA_KEY.token(ALL, lifetime=-120),
    "not yet valid": lambda: "Bearer " + RSA_KEY.token(ALL, nbf=int(time.time()) + 600),
    "wrong issuer": lambda: "Bearer " + RSA_KEY.token(ALL, iss="https://evil.example/"),
    "wrong audience": lambda: "Bearer " + RSA_KEY.token(ALL, aud="someone-else"),
    "no expiry": lambda: "Bearer " + RSA_KEY.token(ALL, exp=None),
    "unknown kid": lambda: "Bearer " + SigningKey.rsa("nobody").token(ALL),
    "known kid, other key": lambda: "Bearer " + SigningKey.rsa(RSA_KEY.kid).token(ALL),
    "malformed token": lambda: "Bearer abc.def.ghi",
    "customer claim not a customer id": lambda: (
        "Bearer " + RSA_KEY.token(ALL, stripe_customer="acct_123")
    ),
}


@pytest.mark.parametrize("make", BAD_CREDENTIALS.values(), ids=BAD_CREDENTIALS.keys())
async def test_a_bad_credential_is_refused_without_saying_why(
    http: httpx.AsyncClient, make: Any
) -> None:
    authorization = make()
    error = assert_refused(await post(http, {"Authorization": authorization}))
    assert error["message"] == "Invalid token."
    token = authorization.partition(" ")[2]
    assert not token or token not in str(error)


async def test_two_authorization_headers_are_refused(http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/graphql",
        json={"query": QUERY},
        headers=[("Authorization", f"Bearer {READER.key}"), ("Authorization", "Bearer x")],
    )
    assert_refused(response)


# Keys rotate without a restart


async def test_a_rotated_signing_key_is_picked_up_and_the_old_one_dropped(
    upstream: Upstream, key_file: str, tmp_path: Path
) -> None:
    old, new = SigningKey.rsa("2026-01"), SigningKey.rsa("2026-02")
    server = KeyServer(old)
    with serve(server.app) as idp:
        settings = secured_settings(upstream, key_file, f"{idp}/jwks.json")
        with serve(create_app(settings)) as url:
            async with httpx.AsyncClient(base_url=url, timeout=30) as http:
                assert_served(await post(http, bearer(old.token("checkout:read"))))
                server.keys = [new]
                assert_served(await post(http, bearer(new.token("checkout:read"))))
                assert_refused(await post(http, bearer(old.token("checkout:read"))))
    assert server.fetches >= 2


async def test_a_key_server_that_is_down_makes_tokens_uncheckable_not_invalid(
    upstream: Upstream, key_file: str
) -> None:
    settings = secured_settings(upstream, key_file, "http://127.0.0.1:9/jwks.json")
    with serve(create_app(settings)) as url:
        async with httpx.AsyncClient(base_url=url, timeout=30) as http:
            response = await post(http, bearer(RSA_KEY.token("checkout:read")))
            assert response.status_code == 503
            assert response.json()["errors"][0]["extensions"]["code"] == (
                "AUTHENTICATION_UNAVAILABLE"
            )
            # API keys do not depend on the key server.
            assert_served(await post(http, READER.headers))


async def test_keys_can_come_from_a_file(upstream: Upstream, key_file: str, tmp_path: Path) -> None:
    jwks = tmp_path / "jwks.json"
    jwks.write_text(json.dumps({"keys": [EC_KEY.jwk()]}))
    settings = deployed(upstream, AUTH_JWKS_FILE=str(jwks))
    with serve(create_app(settings)) as url:
        async with httpx.AsyncClient(base_url=url, timeout=30) as http:
            assert_served(await post(http, bearer(EC_KEY.token("checkout:read"))))
            assert_refused(await post(http, bearer(RSA_KEY.token("checkout:read"))))


# Anonymous callers


async def test_anonymous_callers_get_the_anonymous_scopes(
    upstream: Upstream, key_file: str, key_server: tuple[KeyServer, str]
) -> None:
    settings = secured_settings(
        upstream, key_file, key_server[1], AUTH_ANONYMOUS_SCOPES="checkout:read"
    )
    with serve(create_app(settings)) as url:
        async with httpx.AsyncClient(base_url=url, timeout=30) as http:
            assert_served(await post(http, {}))
            response = await post(http, {}, "{ __schema { queryType { name } } }")
            assert response.status_code == 200
            assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
            # A bad credential is refused even where anonymous callers are served.
            assert_refused(await post(http, {"Authorization": "Bearer nonsense"}))


def test_demo_mode_lets_anyone_do_anything_and_a_real_key_nobody() -> None:
    assert {scope.value for scope in load_settings({}).auth.anonymous_scopes} == set(ALL)
    assert load_settings({"STRIPE_API_KEY": "sk_live_x"}).auth.anonymous_scopes == frozenset()


async def test_tokens_may_be_required_to_name_a_customer(
    upstream: Upstream, key_file: str, key_server: tuple[KeyServer, str]
) -> None:
    settings = secured_settings(upstream, key_file, key_server[1], AUTH_JWT_REQUIRE_CUSTOMER="true")
    with serve(create_app(settings)) as url:
        async with httpx.AsyncClient(base_url=url, timeout=30) as http:
            assert_refused(await post(http, bearer(RSA_KEY.token("checkout:read"))))
            bound = RSA_KEY.token("checkout:read", stripe_customer="cus_Bound1")
            response = await post(http, bearer(bound))
            assert response.status_code == 200 and "errors" not in response.json()


async def test_a_failing_key_server_is_asked_again_only_after_the_cooldown(
    upstream: Upstream, key_file: str
) -> None:
    asked = 0

    async def broken(request: Request) -> Response:
        nonlocal asked
        asked += 1
        return Response("down", 503)

    with serve(Starlette(routes=[Route("/jwks.json", broken)])) as idp:
        settings = secured_settings(upstream, key_file, f"{idp}/jwks.json")
        assert settings.auth.jwt is not None
        jwt_settings = replace(settings.auth.jwt, jwks_cooldown=60)
        settings = replace(settings, auth=replace(settings.auth, jwt=jwt_settings))
        with serve(create_app(settings)) as url:
            async with httpx.AsyncClient(base_url=url, timeout=30) as http:
                for _ in range(3):
                    response = await post(http, bearer(RSA_KEY.token("checkout:read")))
                    assert response.status_code == 503
    assert asked == 1


async def test_errors_suggest_names_only_where_anyone_may_introspect(
    http: httpx.AsyncClient, gateway_url: str
) -> None:
    query = {"query": "{ checkoutSesions(first: 1) { nodes { id } } }"}
    secured = await http.post("/graphql", json=query, headers=READER.headers)
    assert "Did you mean" not in secured.text
    misnamed = {
        "query": "query($f: CheckoutSessionFilter) { checkoutSessions(filter: $f) "
        "{ nodes { id } } }",
        "variables": {"f": {"custmerEmail": "ada@example.com"}},
    }
    secured = await http.post("/graphql", json=misnamed, headers=READER.headers)
    assert "custmerEmail" in secured.text and "Did you mean" not in secured.text
    async with httpx.AsyncClient(base_url=gateway_url) as open_http:
        playground = await open_http.post("/graphql", json=query)
    assert "Did you mean 'checkoutSessions'" in playground.text

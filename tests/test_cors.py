"""Browsers: allowed origins get CORS headers and preflight answers; others get neither."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import httpx
import pytest

from gateway.app import create_app
from gateway.config import CorsSettings
from tests.conftest import Upstream
from tests.servers import serve

SHOP = "https://shop.example.com"
QUERY = {"query": "{ checkoutSessions(first: 1) { nodes { id } } }"}


def gateway(upstream: Upstream, cors: CorsSettings) -> Iterator[str]:
    settings = replace(upstream.gateway_settings(), cors=cors)
    with serve(create_app(settings)) as url:
        yield url


@pytest.fixture(scope="module")
def listed(upstream: Upstream) -> Iterator[str]:
    yield from gateway(upstream, CorsSettings(allow_origins=(SHOP,)))


@pytest.fixture(scope="module")
def anyone(upstream: Upstream) -> Iterator[str]:
    yield from gateway(upstream, CorsSettings(allow_origins=("*",)))


def preflight(origin: str) -> dict[str, str]:
    return {
        "Origin": origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type",
    }


async def test_a_listed_origin_is_answered_before_and_after_it_asks(listed: str) -> None:
    async with httpx.AsyncClient(base_url=listed) as http:
        response = await http.options("/graphql", headers=preflight(SHOP))
        assert response.status_code == 200
        assert response.headers["access-control-allow-origin"] == SHOP
        allowed = response.headers["access-control-allow-headers"].lower()
        assert "authorization" in allowed and "content-type" in allowed
        assert "POST" in response.headers["access-control-allow-methods"]
        assert "origin" in response.headers["vary"].lower()

        response = await http.post("/graphql", json=QUERY, headers={"Origin": SHOP})
        assert response.status_code == 200
        assert response.headers["access-control-allow-origin"] == SHOP
        assert "origin" in response.headers["vary"].lower()
        assert "access-control-allow-credentials" not in response.headers


async def test_an_unlisted_origin_gets_no_cors_headers(listed: str) -> None:
    async with httpx.AsyncClient(base_url=listed) as http:
        response = await http.options("/graphql", headers=preflight("https://evil.example"))
        assert response.status_code == 400
        assert "access-control-allow-origin" not in response.headers
        response = await http.post(
            "/graphql", json=QUERY, headers={"Origin": "https://evil.example"}
        )
        assert "access-control-allow-origin" not in response.headers


async def test_any_origin_without_credentials(anyone: str) -> None:
    async with httpx.AsyncClient(base_url=anyone) as http:
        response = await http.options("/graphql", headers=preflight("https://a.example"))
        assert response.status_code == 200
        response = await http.post("/graphql", json=QUERY, headers={"Origin": "https://a.example"})
        assert response.headers["access-control-allow-origin"] == "*"
        assert "access-control-allow-credentials" not in response.headers


async def test_no_origins_no_cors(gateway_url: str) -> None:
    async with httpx.AsyncClient(base_url=gateway_url) as http:
        response = await http.post("/graphql", json=QUERY, headers={"Origin": SHOP})
        assert "access-control-allow-origin" not in response.headers

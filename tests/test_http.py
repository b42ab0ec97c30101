from __future__ import annotations

from pathlib import Path

import httpx

from gateway.schema import build_schema

ROOT = Path(__file__).resolve().parents[1]


async def test_health(gateway_url: str) -> None:
    async with httpx.AsyncClient(base_url=gateway_url) as http:
        response = await http.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_queries_over_get(gateway_url: str) -> None:
    async with httpx.AsyncClient(base_url=gateway_url) as http:
        response = await http.get(
            "/graphql", params={"query": "{ checkoutSessions(first: 1) { nodes { id } } }"}
        )
    assert response.status_code == 200
    [node] = response.json()["data"]["checkoutSessions"]["nodes"]
    assert node["id"].startswith("cs_")


async def test_mutations_over_get_are_refused(gateway_url: str) -> None:
    async with httpx.AsyncClient(base_url=gateway_url) as http:
        response = await http.get(
            "/graphql",
            params={
                "query": 'mutation { expireCheckoutSession(id: "cs_x") { userErrors { code } } }'
            },
        )
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert "mutations are not allowed" in response.text.lower()


async def test_browsers_get_graphiql(gateway_url: str) -> None:
    async with httpx.AsyncClient(base_url=gateway_url) as http:
        response = await http.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


async def test_malformed_requests_get_clear_errors(gateway_url: str) -> None:
    async with httpx.AsyncClient(base_url=gateway_url) as http:
        not_json = await http.post(
            "/graphql", content=b"{nope", headers={"Content-Type": "application/json"}
        )
        no_query = await http.post("/graphql", json={"variables": {}})
        bad_syntax = await http.post("/graphql", json={"query": "{ checkoutSession( }"})
    assert not_json.status_code == 400
    assert no_query.status_code == 400
    assert bad_syntax.status_code == 200
    assert "Syntax Error" in bad_syntax.json()["errors"][0]["message"]


def test_schema_file_matches_the_code() -> None:
    committed = (ROOT / "schema.graphql").read_text()
    assert committed == build_schema().as_str() + "\n", (
        "schema.graphql is out of date: run `make schema` to regenerate it."
    )

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from gateway.schema import build_schema

ROOT = Path(__file__).resolve().parents[1]


async def test_health(gateway_url: str) -> None:
    async with httpx.AsyncClient(base_url=gateway_url) as http:
        response = await http.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "mode": "test"}


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


async def test_requests_that_are_not_graphql_get_clear_statuses(gateway_url: str) -> None:
    async with httpx.AsyncClient(base_url=gateway_url) as http:
        form = await http.post("/graphql", data={"query": "{ __typename }"})
        array = await http.post("/graphql", json=[{"query": "{ __typename }"}])
        bad_variables = await http.post(
            "/graphql", json={"query": "{ __typename }", "variables": [1]}
        )
        bad_get_variables = await http.get(
            "/graphql", params={"query": "{ __typename }", "variables": "{nope"}
        )
        bad_name = await http.post("/graphql", json={"query": "{ __typename }", "operationName": 5})
        huge = await http.post(
            "/graphql",
            content=b'{"query": "' + b" " * (1 << 20) + b'{ __typename }"}',
            headers={"Content-Type": "application/json"},
        )
    assert form.status_code == 415
    assert "application/json" in form.json()["errors"][0]["message"]
    assert array.status_code == 400
    assert bad_variables.status_code == 400
    assert "variables" in bad_variables.json()["errors"][0]["message"]
    assert bad_get_variables.status_code == 400
    assert bad_name.status_code == 400
    assert huge.status_code == 413


async def test_validation_errors_and_unknown_operations_are_graphql_errors(
    gateway_url: str,
) -> None:
    async with httpx.AsyncClient(base_url=gateway_url) as http:
        unknown_field = await http.post("/graphql", json={"query": "{ nope }"})
        unknown_operation = await http.post(
            "/graphql", json={"query": "query A { __typename }", "operationName": "B"}
        )
        missing_variable = await http.post(
            "/graphql", json={"query": "query($id: ID!) { checkoutSession(id: $id) { id } }"}
        )
    assert unknown_field.status_code == 200
    assert "Cannot query field 'nope'" in unknown_field.json()["errors"][0]["message"]
    assert "Unknown operation named 'B'" in unknown_operation.json()["errors"][0]["message"]
    assert "to be provided" in missing_variable.json()["errors"][0]["message"]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"query": "{ checkoutSessions(first: 1) { nodes { id }"}, "GRAPHQL_PARSE_FAILED"),
        ({"query": "{ checkoutSessions { nodes { noSuchField } } }"}, "GRAPHQL_VALIDATION_FAILED"),
        (
            {"query": "query($n: Int!) { checkoutSessions(first: $n) { nodes { id } } }"},
            "BAD_USER_INPUT",
        ),
        (
            {
                "query": "query($n: Int!) { checkoutSessions(first: $n) { nodes { id } } }",
                "variables": {"n": "many"},
            },
            "BAD_USER_INPUT",
        ),
        (
            {"query": "query A { __typename } query B { __typename }", "operationName": "C"},
            "OPERATION_RESOLUTION_FAILURE",
        ),
        (
            {"query": "query A { __typename } query B { __typename }"},
            "OPERATION_RESOLUTION_FAILURE",
        ),
    ],
)
async def test_errors_in_the_request_itself_are_coded(
    gateway_url: str, body: dict[str, Any], code: str
) -> None:
    async with httpx.AsyncClient(base_url=gateway_url) as http:
        response = await http.post("/graphql", json=body)
    errors = response.json()["errors"]
    assert errors and all(error["extensions"]["code"] == code for error in errors), errors


GRAPHQL_RESPONSE = "application/graphql-response+json"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"query": "{ checkoutSessions(first: 1) { nodes { id } } }"}, 200),
        ({"query": "{ checkoutSessions(first: 1) { nodes { id }"}, 400),
        ({"query": "{ checkoutSessions { nodes { noSuchField } } }"}, 400),
        ({"query": "query($n: Int!) { checkoutSessions(first: $n) { nodes { id } } }"}, 400),
        ({"query": '{ checkoutSession(id: "cs_test_missing") { id } }'}, 200),
    ],
)
async def test_graphql_response_json_answers_request_errors_with_400(
    gateway_url: str, body: dict[str, Any], status: int
) -> None:
    async with httpx.AsyncClient(base_url=gateway_url) as http:
        response = await http.post("/graphql", json=body, headers={"Accept": GRAPHQL_RESPONSE})
        legacy = await http.post("/graphql", json=body, headers={"Accept": "application/json"})
        bare = await http.post("/graphql", json=body, headers={"Accept": ""})
    assert response.status_code == status
    assert response.headers["content-type"] == GRAPHQL_RESPONSE
    # A request that never ran has no `data`; one that ran has it, even when null.
    assert ("data" in response.json()) == (status == 200)
    for old in (legacy, bare):
        assert old.status_code == 200
        assert old.headers["content-type"] == "application/json"
        assert old.json() == response.json()


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        (f"{GRAPHQL_RESPONSE}, application/json;q=0.9", GRAPHQL_RESPONSE),
        (f"application/json, {GRAPHQL_RESPONSE};q=0.5", "application/json"),
        ("*/*", "application/json"),
        (f"{GRAPHQL_RESPONSE};charset=utf-8", GRAPHQL_RESPONSE),
        (f"text/html, {GRAPHQL_RESPONSE};q=0", None),
    ],
)
async def test_the_response_type_follows_accept(
    gateway_url: str, accept: str, chosen: str | None
) -> None:
    async with httpx.AsyncClient(base_url=gateway_url) as http:
        response = await http.post(
            "/graphql", json={"query": "{ __typename }"}, headers={"Accept": accept}
        )
    if chosen is None:
        assert response.status_code == 406
        assert "accepts neither" in response.json()["errors"][0]["message"]
    else:
        assert response.status_code == 200
        assert response.headers["content-type"] == chosen
        assert response.json()["data"] == {"__typename": "Query"}

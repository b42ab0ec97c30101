from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest

from gateway.schema import build_schema

ROOT = Path(__file__).resolve().parents[1]
GRAPHQL_RESPONSE = "application/graphql-response+json"


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
    browser = "text/html,application/xhtml+xml,*/*;q=0.8"
    async with httpx.AsyncClient(base_url=gateway_url) as http:
        response = await http.get("/graphql", headers={"Accept": browser})
        head = await http.head("/graphql", headers={"Accept": browser})
        refused_html = await http.get(
            "/graphql", headers={"Accept": "text/html;q=0, application/json"}
        )
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()
    assert response.headers["vary"] == "Accept"
    assert head.status_code == 200
    assert head.headers["content-type"].startswith("text/html")
    # HTML at weight 0 is HTML refused: the client gets JSON (here, that a query is missing).
    assert refused_html.headers["content-type"].startswith("application/json")


async def test_empty_get_parameters_count_as_absent(gateway_url: str) -> None:
    async with httpx.AsyncClient(base_url=gateway_url) as http:
        response = await http.get(
            "/graphql", params={"query": "{ __typename }", "variables": "", "operationName": ""}
        )
    assert response.status_code == 200
    assert response.json()["data"] == {"__typename": "Query"}


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


def post(body: bytes, content_type: str | None = "application/json") -> dict[str, Any]:
    """`httpx` arguments for a POST of `body` as it is, under `content_type` if any."""
    headers = {} if content_type is None else {"Content-Type": content_type}
    return {"method": "POST", "url": "/graphql", "content": body, "headers": headers}


def get(**params: str) -> dict[str, Any]:
    return {"method": "GET", "url": "/graphql", "params": params}


@pytest.mark.parametrize(
    ("request_", "status", "message"),
    [
        (post(b""), 400, "The request body is empty"),
        (post(b'{"query": '), 400, "The request body is not valid JSON: "),
        (post(b"null"), 400, 'a JSON object with a "query", not null'),
        (post(b'{"query": null}'), 400, "The request has no GraphQL query"),
        (post(b'{"query": "  "}'), 400, "The request has no GraphQL query"),
        (post(b'{"query": 0}'), 400, "`query` must be a string, not a number"),
        (post(b'{"query": "{ __typename }", "variables": "{}"}'), 400, "not a string"),
        (post(b'{"query": "{ __typename }", "extensions": false}'), 400, "not a boolean"),
        (post(b'{"query": "{ __typename }", "operationName": {}}'), 400, "not an object"),
        (post(b'{"documentId": ""}'), 400, "`documentId` must not be empty"),
        (post(b'{"query": "{ __typename }"}', None), 415, "this one has no Content-Type"),
        (post(b'{"query": "{ __typename }"}', "text/plain"), 415, "this one is text/plain"),
        (
            post(
                '{"query": "{ __typename }"}'.encode("utf-16"), "application/json; charset=utf-16"
            ),
            415,
            "in UTF-8; this one is in utf-16",
        ),
        (get(query="{ __typename }", variables="{nope"), 400, "`variables` must be a JSON object"),
        (get(query="{ __typename }", extensions="[1]"), 400, "`extensions` must be a JSON object"),
    ],
)
async def test_requests_refused_before_graphql_say_why_with_a_code(
    gateway_url: str, request_: dict[str, Any], status: int, message: str
) -> None:
    async with httpx.AsyncClient(base_url=gateway_url) as http:
        response = await http.request(**request_)
    assert response.status_code == status
    [error] = response.json()["errors"]
    assert message in error["message"]
    assert error["extensions"]["code"] == "BAD_REQUEST"


@pytest.mark.parametrize(
    "content_type",
    ["application/json; charset=utf-8", 'Application/JSON; Charset="UTF-8"', "application/json"],
)
async def test_json_in_utf8_is_taken_however_its_type_is_written(
    gateway_url: str, content_type: str
) -> None:
    query = '{ checkoutSessions(first: "🏃") { nodes { id } } }'
    async with httpx.AsyncClient(base_url=gateway_url) as http:
        response = await http.request(**post(orjson.dumps({"query": query}), content_type))
    assert response.status_code == 200
    # The error quotes the argument back: it was read as the UTF-8 it was sent in.
    assert '"🏃"' in response.json()["errors"][0]["message"]


async def test_get_takes_variables_and_extensions_as_json_strings(gateway_url: str) -> None:
    query = "query Type($name: String!) { __type(name: $name) { name } }"
    async with httpx.AsyncClient(base_url=gateway_url) as http:
        response = await http.get(
            "/graphql",
            params={"query": query, "variables": '{"name": "Query"}', "extensions": "null"},
        )
    assert response.status_code == 200
    assert response.json()["data"] == {"__type": {"name": "Query"}}


async def test_head_reads_as_get_does(gateway_url: str) -> None:
    mutation = 'mutation { expireCheckoutSession(id: "cs_x") { userErrors { code } } }'
    async with httpx.AsyncClient(base_url=gateway_url) as http:
        query = await http.head("/graphql", params={"query": "{ __typename }"})
        refused = await http.head("/graphql", params={"query": mutation})
        # A body is not where HEAD's parameters are: this mutation never runs.
        body = await http.request("HEAD", "/graphql", json={"query": mutation})
    assert query.status_code == 200 and query.content == b""
    assert refused.status_code == 405 and refused.headers["allow"] == "POST"
    assert body.status_code == 400


async def test_responses_name_their_encoding_and_vary_by_accept(gateway_url: str) -> None:
    async with httpx.AsyncClient(base_url=gateway_url) as http:
        ran = await http.post("/graphql", json={"query": "{ __typename }"})
        refused = await http.post("/graphql", content=b"{", headers={"Accept": GRAPHQL_RESPONSE})
    assert ran.headers["content-type"] == "application/json; charset=utf-8"
    assert refused.headers["content-type"] == f"{GRAPHQL_RESPONSE}; charset=utf-8"
    for response in (ran, refused):
        assert response.headers["vary"] == "Accept"


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
    assert response.headers["content-type"] == f"{GRAPHQL_RESPONSE}; charset=utf-8"
    # A request that never ran has no `data`; one that ran has it, even when null.
    assert ("data" in response.json()) == (status == 200)
    for old in (legacy, bare):
        assert old.status_code == 200
        assert old.headers["content-type"] == "application/json; charset=utf-8"
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
        assert response.headers["content-type"] == f"{chosen}; charset=utf-8"
        assert response.json()["data"] == {"__typename": "Query"}

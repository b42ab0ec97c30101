"""Automatic persisted queries, miss then hit; and trusted documents that lock the API down."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest

from gateway.app import create_app
from gateway.config import load_settings
from tests.conftest import Upstream
from tests.servers import serve

QUERY = "query Listed { checkoutSessions(first: 2) { nodes { id } } }"
OTHER = "query Unlisted { checkoutSessions(first: 3) { nodes { id status } } }"


def digest(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


def apq(document: str) -> dict[str, Any]:
    return {"persistedQuery": {"version": 1, "sha256Hash": digest(document)}}


def code(response: httpx.Response) -> str | None:
    errors = response.json().get("errors")
    return errors[0]["extensions"]["code"] if errors else None


@pytest.fixture(scope="module")
def gateway(upstream: Upstream) -> Iterator[str]:
    with serve(create_app(upstream.gateway_settings())) as url:
        yield url


async def test_a_hash_is_unknown_until_its_document_is_sent_once(gateway: str) -> None:
    document = QUERY + " # " + digest(gateway)  # unseen by any other test
    async with httpx.AsyncClient(base_url=gateway, timeout=30) as http:
        miss = await http.post("/graphql", json={"extensions": apq(document)})
        assert miss.status_code == 200
        assert code(miss) == "PERSISTED_QUERY_NOT_FOUND"
        assert miss.json()["errors"][0]["message"] == "PersistedQueryNotFound"

        registered = await http.post(
            "/graphql", json={"query": document, "extensions": apq(document)}
        )
        assert code(registered) is None
        hit = await http.post("/graphql", json={"extensions": apq(document)})
        assert hit.json()["data"] == registered.json()["data"]
        over_get = await http.get("/graphql", params={"extensions": json.dumps(apq(document))})
        assert over_get.json()["data"] == registered.json()["data"]


async def test_a_miss_is_a_404_for_clients_of_graphql_response_json(gateway: str) -> None:
    """Not a 400, which Apollo Client takes to mean there are no persisted queries at all."""
    document = QUERY + " # graphql-response+json " + digest(gateway)
    accept = {"Accept": "application/graphql-response+json"}
    async with httpx.AsyncClient(base_url=gateway, timeout=30) as http:
        miss = await http.post("/graphql", json={"extensions": apq(document)}, headers=accept)
        mismatch = await http.post(
            "/graphql", json={"query": OTHER, "extensions": apq(document)}, headers=accept
        )
    assert miss.status_code == 404
    assert code(miss) == "PERSISTED_QUERY_NOT_FOUND"
    assert mismatch.status_code == 400
    assert code(mismatch) == "PERSISTED_QUERY_HASH_MISMATCH"


async def test_only_a_valid_document_is_kept(gateway: str) -> None:
    invalid = "{ checkoutSessions(first: 1) { nodes { noSuchField } } }"
    async with httpx.AsyncClient(base_url=gateway, timeout=30) as http:
        sent = await http.post("/graphql", json={"query": invalid, "extensions": apq(invalid)})
        assert "noSuchField" in sent.json()["errors"][0]["message"]
        again = await http.post("/graphql", json={"extensions": apq(invalid)})
    assert code(again) == "PERSISTED_QUERY_NOT_FOUND"


async def test_a_document_is_never_kept_under_another_documents_hash(gateway: str) -> None:
    victim = QUERY + " # victim " + digest(gateway)
    planted = "query Planted { checkoutSessions(first: 1) { nodes { id status } } }"
    async with httpx.AsyncClient(base_url=gateway, timeout=30) as http:
        both = await http.post(
            "/graphql",
            json={"query": planted, "documentId": digest(planted), "extensions": apq(victim)},
        )
        assert code(both) == "BAD_REQUEST"
        malformed = await http.post(
            "/graphql",
            json={
                "query": planted,
                "documentId": digest(planted),
                "extensions": {"persistedQuery": "x"},
            },
        )
        assert malformed.status_code == 200 and code(malformed) == "BAD_REQUEST"
        victims_turn = await http.post("/graphql", json={"extensions": apq(victim)})
    assert code(victims_turn) == "PERSISTED_QUERY_NOT_FOUND"


async def test_a_document_that_is_not_its_hash_is_refused(gateway: str) -> None:
    async with httpx.AsyncClient(base_url=gateway, timeout=30) as http:
        response = await http.post("/graphql", json={"query": OTHER, "extensions": apq(QUERY)})
    assert code(response) == "PERSISTED_QUERY_HASH_MISMATCH"


@pytest.mark.parametrize("shape", ["map", "apollo"])
async def test_trusted_documents_run_and_nothing_else(
    upstream: Upstream, tmp_path: Path, shape: str
) -> None:
    manifest: object = (
        {digest(QUERY): QUERY}
        if shape == "map"
        else {
            "format": "apollo-persisted-query-manifest",
            "version": 1,
            "operations": [{"id": digest(QUERY), "name": "Listed", "type": "query", "body": QUERY}],
        }
    )
    path = tmp_path / "trusted.json"
    path.write_text(json.dumps(manifest))
    limits = load_settings({"TRUSTED_DOCUMENTS": str(path)}).limits
    settings = replace(upstream.gateway_settings(), limits=replace(limits, rate_limit_points=None))
    with serve(create_app(settings)) as url:
        async with httpx.AsyncClient(base_url=url, timeout=30) as http:
            by_hash = await http.post("/graphql", json={"extensions": apq(QUERY)})
            assert code(by_hash) is None
            by_id = await http.post("/graphql", json={"documentId": f"sha256:{digest(QUERY)}"})
            assert by_id.json()["data"] == by_hash.json()["data"]
            by_text = await http.post("/graphql", json={"query": QUERY})
            assert code(by_text) is None

            await upstream.reset_requests()
            unlisted = await http.post("/graphql", json={"query": OTHER})
            assert code(unlisted) == "PERSISTED_QUERY_REQUIRED"
            registering = await http.post(
                "/graphql", json={"query": OTHER, "extensions": apq(OTHER)}
            )
            assert code(registering) == "PERSISTED_QUERY_NOT_FOUND"
            assert await upstream.calls() == {}

"""One audit line for every mutation attempted: who, what, which session, how it ended."""

from __future__ import annotations

import logging
from dataclasses import replace

import httpx
import pytest

from gateway.app import create_app
from gateway.config import AuthSettings
from gateway.identity import Scope
from tests.conftest import GraphQLClient, Upstream
from tests.queries import CREATE, EXPIRE, payment_input
from tests.servers import serve


def audit_lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, str]]:
    return [record.audit for record in caplog.records if record.name == "gateway.audit"]  # type: ignore[attr-defined]


async def test_each_mutation_leaves_one_line(
    gql: GraphQLClient, upstream: Upstream, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="gateway.audit")
    created = await gql.data(CREATE, input=payment_input(300))
    session_id = created["createCheckoutSession"]["checkoutSession"]["id"]
    await gql.data(EXPIRE, id=session_id)
    await gql.data(EXPIRE, id=session_id)  # already expired: refused by Stripe
    await gql.data(CREATE, input=payment_input(300), key="")
    lines = audit_lines(caplog)
    assert lines == [
        {
            "client": "anonymous",
            "operation": "createCheckoutSession",
            "session": session_id,
            "outcome": "created",
        },
        {
            "client": "anonymous",
            "operation": "expireCheckoutSession",
            "session": session_id,
            "outcome": "expired",
        },
        {
            "client": "anonymous",
            "operation": "expireCheckoutSession",
            "session": session_id,
            "outcome": "refused",
            "code": "INVALID",
        },
        {
            "client": "anonymous",
            "operation": "createCheckoutSession",
            "session": "-",
            "outcome": "refused",
            "code": "INVALID",
        },
    ]
    messages = [r.getMessage() for r in caplog.records if r.name == "gateway.audit"]
    assert messages[0] == (
        f"audit client=anonymous operation=createCheckoutSession session={session_id} "
        "outcome=created"
    )
    assert upstream.key not in caplog.text


async def test_a_forbidden_mutation_is_audited_too(
    upstream: Upstream, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="gateway.audit")
    settings = replace(
        upstream.gateway_settings(), auth=AuthSettings(anonymous_scopes=frozenset({Scope.READ}))
    )
    with serve(create_app(settings)) as url:
        async with httpx.AsyncClient(base_url=url) as http:
            response = await http.post(
                "/graphql", json={"query": EXPIRE, "variables": {"id": "cs_test_x"}}
            )
    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert audit_lines(caplog) == [
        {
            "client": "anonymous",
            "operation": "expireCheckoutSession",
            "session": "cs_test_x",
            "outcome": "forbidden",
            "code": "FORBIDDEN",
        }
    ]

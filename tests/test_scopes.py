"""Each scope, granted and withheld, for every root field, mutation and protected field."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from gateway.app import create_app
from gateway.config import AuthSettings, JwtSettings
from gateway.identity import ALL_SCOPES, Scope
from tests.conftest import Upstream
from tests.identities import AUDIENCE, ISSUER, KeyServer, SigningKey, bearer
from tests.queries import CREATE, payment_input
from tests.servers import serve

KEY = SigningKey.rsa("scopes")


@dataclass
class Case:
    """An operation, the scope it needs, and whether that scope guards its root field."""

    query: str
    scope: Scope
    root: bool
    variables: dict[str, Any]


SESSION = "query($id: ID!) {{ checkoutSession(id: $id) {{ id {} }} }}"
ENTITIES = (
    "query($r: [_Any!]!) { _entities(representations: $r) { ... on CheckoutSession { id } } }"
)
CASES = {
    "checkoutSession": Case(SESSION.format(""), Scope.READ, True, {}),
    "checkoutSessions": Case(
        "{ checkoutSessions(first: 2) { nodes { id } } }", Scope.READ, True, {}
    ),
    "_entities": Case(ENTITIES, Scope.READ, True, {}),
    "createCheckoutSession": Case(CREATE, Scope.CREATE, True, {"input": payment_input(500)}),
    "expireCheckoutSession": Case(
        "mutation($id: ID!) { expireCheckoutSession(id: $id) { checkoutSession { status } } }",
        Scope.EXPIRE,
        True,
        {},
    ),
    "filter.customerEmail": Case(
        '{ checkoutSessions(first: 1, filter: {customerEmail: "ada@example.com"}) '
        "{ nodes { id } } }",
        Scope.READ_CUSTOMER_DATA,
        True,
        {},
    ),
    "__schema": Case("{ __schema { queryType { name } } }", Scope.INTROSPECT, True, {}),
    "__type": Case('{ __type(name: "CheckoutSession") { name } }', Scope.INTROSPECT, True, {}),
    "_service": Case("{ _service { sdl } }", Scope.INTROSPECT, True, {}),
    "customerDetails": Case(
        SESSION.format("customerDetails { email address { country } }"),
        Scope.READ_CUSTOMER_DATA,
        False,
        {},
    ),
    "customerEmail": Case(SESSION.format("customerEmail"), Scope.READ_CUSTOMER_DATA, False, {}),
    "collectedInformation": Case(
        SESSION.format("collectedInformation { individualName }"),
        Scope.READ_CUSTOMER_DATA,
        False,
        {},
    ),
    "customFields.text.value": Case(
        SESSION.format("customFields { key text { value } }"),
        Scope.READ_CUSTOMER_DATA,
        False,
        {},
    ),
}


@pytest.fixture(scope="module")
def gateway(upstream: Upstream) -> Iterator[str]:
    server = KeyServer(KEY)
    with serve(server.app) as idp:
        jwt = JwtSettings(ISSUER, AUDIENCE, jwks_url=f"{idp}/jwks.json")
        settings = upstream.gateway_settings(auth=AuthSettings(jwt=jwt))
        with serve(create_app(settings)) as url:
            yield url


CUSTOM_FIELD = {
    "custom_fields[0][key]": "engraving",
    "custom_fields[0][type]": "text",
    "custom_fields[0][label][type]": "custom",
    "custom_fields[0][label][custom]": "Engraving",
}


async def variables_for(case: Case, upstream: Upstream) -> dict[str, Any]:
    session = await upstream.new_session(**CUSTOM_FIELD)
    return {"id": session["id"], "r": [{"__typename": "CheckoutSession", "id": session["id"]}]}


async def run(
    http: httpx.AsyncClient, case: Case, scopes: set[Scope], variables: dict[str, Any]
) -> dict[str, Any]:
    token = KEY.token([scope.value for scope in scopes])
    response = await http.post(
        "/graphql",
        json={"query": case.query, "variables": {**variables, **case.variables}},
        headers=bearer(token),
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
async def test_granted(http: httpx.AsyncClient, upstream: Upstream, case: Case) -> None:
    variables = await variables_for(case, upstream)
    body = await run(http, case, {case.scope, Scope.READ}, variables)
    assert "errors" not in body, body["errors"]


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
async def test_withheld(http: httpx.AsyncClient, upstream: Upstream, case: Case) -> None:
    variables = await variables_for(case, upstream)
    scopes = set(ALL_SCOPES) - {case.scope}
    await upstream.reset_requests()
    body = await run(http, case, scopes, variables)
    [error] = body["errors"]
    assert error["extensions"] == {"code": "FORBIDDEN", "scope": case.scope.value}
    assert case.scope.value in error["message"]
    if case.root:
        # Refused before Stripe hears of it.
        assert await upstream.calls() == {}
    else:
        # The field alone is null; the rest of the session is there.
        assert body["data"]["checkoutSession"]["id"] == variables["id"]
        value: Any = body["data"]
        for step in error["path"]:
            value = value[step]
        assert value is None
        assert error["path"][-1] in case.query


@pytest.mark.parametrize(
    "query",
    [
        "query($id: ID!) { checkoutSession(id: $id) { id customerEmail } }",
        # Four variables deciding the selections are more than plans take: graphql-core runs it.
        "query($id: ID!, $yes: Boolean!) { checkoutSession(id: $id) { id @include(if: $yes) "
        "customerEmail @include(if: $yes) } }",
        "query($id: ID!, $a: Boolean!, $b: Boolean!, $c: Boolean!, $d: Boolean!) "
        "{ checkoutSession(id: $id) { id @include(if: $a) @skip(if: $d) "
        "customerEmail @include(if: $b) @skip(if: $c) } }",
    ],
)
async def test_a_protected_field_holds_on_either_engine(
    http: httpx.AsyncClient, upstream: Upstream, query: str
) -> None:
    session = await upstream.new_session()
    token = KEY.token(["checkout:read"])
    response = await http.post(
        "/graphql",
        json={
            "query": query,
            "variables": {
                "id": session["id"],
                **{name: True for name in ("yes", "a", "b")},
                **{name: False for name in ("c", "d")},
            },
        },
        headers=bearer(token),
    )
    body = response.json()
    assert body["data"]["checkoutSession"] == {"id": session["id"], "customerEmail": None}
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_the_schema_declares_each_scope_where_it_is_enforced() -> None:
    from gateway.schema import build_schema

    sdl = build_schema().as_str()
    assert '"@requiresScopes"' in sdl.splitlines()[0]
    for line in (
        "checkoutSessions(",
        "customerDetails: CustomerDetails @requiresScopes",
        "customerEmail: String @requiresScopes",
    ):
        assert line in sdl
    assert '): CheckoutSession @requiresScopes(scopes: [["checkout:read"]])' in sdl
    assert '@requiresScopes(scopes: [["checkout:create"]])' in sdl
    assert '@requiresScopes(scopes: [["checkout:expire"]])' in sdl


async def test_a_later_mutation_refused_keeps_the_earlier_ones_result(
    http: httpx.AsyncClient, upstream: Upstream
) -> None:
    """Mutations run in order; one refused nulls its own field, not the session made before it."""
    document = """
      mutation($input: CreateCheckoutSessionInput!, $id: ID!) {
        made: createCheckoutSession(input: $input) { checkoutSession { id status } }
        ended: expireCheckoutSession(id: $id) { checkoutSession { id } }
      }
    """
    open_session = await upstream.new_session()
    token = KEY.token([Scope.CREATE.value, Scope.READ.value])
    response = await http.post(
        "/graphql",
        json={
            "query": document,
            "variables": {"input": payment_input(700), "id": open_session["id"]},
        },
        headers=bearer(token),
    )
    body = response.json()
    made = body["data"]["made"]["checkoutSession"]
    assert made["id"].startswith("cs_") and made["status"] == "OPEN"
    assert body["data"]["ended"] is None
    [error] = body["errors"]
    assert error["path"] == ["ended"]
    assert error["extensions"]["code"] == "FORBIDDEN"

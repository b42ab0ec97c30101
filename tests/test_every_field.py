"""Every field of CheckoutSession, nested objects included, against the emulator's REST JSON.

The module has an emulator of its own: sessions other tests create would push the demo
sessions, which cover every mode and status, out of the first page it lists.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any, cast

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLType,
    get_named_type,
)

from gateway.app import create_app
from gateway.schema import build_schema
from stripe_emulator import EmulatorOptions
from stripe_emulator import create_app as create_emulator
from tests.conftest import GraphQLClient, Upstream, fake_key
from tests.servers import serve

SCHEMA = build_schema()._schema
# Connections that need calls of their own: a session's line items and a customer's sessions.
SKIPPED = {"lineItems", "checkoutSessions"}


@pytest.fixture(scope="module")
def upstream() -> Iterator[Upstream]:
    """An emulator holding the demo sessions and nothing else."""
    with serve(create_emulator(EmulatorOptions())) as url:
        yield Upstream(url=url, key=fake_key())


@pytest.fixture(scope="module")
def gateway_url(upstream: Upstream) -> Iterator[str]:
    """A gateway in front of the module's own emulator, for the `gql` client."""
    with serve(create_app(upstream.gateway_settings())) as url:
        yield url


def python_name(field: Any) -> str:
    definition = field.extensions["strawberry-definition"]
    name: str = definition.python_name
    return name


def selected(object_type: GraphQLObjectType) -> dict[str, str]:
    """Each field of the type with every field below it, except those that need arguments."""
    parts = {}
    for name, field in object_type.fields.items():
        if name in SKIPPED or any(isinstance(a.type, GraphQLNonNull) for a in field.args.values()):
            continue
        named = get_named_type(field.type)
        if isinstance(named, GraphQLObjectType):
            parts[name] = f"{name} {{ {selection(named)} }}"
        else:
            parts[name] = name
    return parts


def selection(object_type: GraphQLObjectType) -> str:
    """Every field of the type, recursively, except those that need arguments."""
    return " ".join(selected(object_type).values())


def compare(value: Any, rest: Any, graphql_type: GraphQLType, path: str) -> None:
    if isinstance(graphql_type, GraphQLNonNull):
        assert value is not None, f"{path} is null"
        compare(value, rest, graphql_type.of_type, path)
        return
    if rest is None:
        assert value is None, f"{path}: GraphQL has {value!r}, REST has null"
        return
    if isinstance(graphql_type, GraphQLList):
        assert isinstance(value, list) and len(value) == len(rest), path
        for index, (item, rest_item) in enumerate(zip(value, rest, strict=True)):
            compare(item, rest_item, graphql_type.of_type, f"{path}[{index}]")
    elif isinstance(graphql_type, GraphQLEnumType):
        assert graphql_type.values[value].value == rest, f"{path}: {value} is not {rest!r}"
    elif isinstance(graphql_type, GraphQLScalarType) and graphql_type.name == "DateTime":
        assert datetime.fromisoformat(value).timestamp() == rest, f"{path}: {value} vs {rest}"
    elif isinstance(graphql_type, GraphQLObjectType):
        if isinstance(rest, str):
            assert value == {"id": rest}, f"{path}: reference {value!r} is not {rest!r}"
            return
        fields = {python_name(f): (n, f) for n, f in graphql_type.fields.items()}
        missing = set(rest) - set(fields) - {"line_items"}
        assert not missing, f"{path} ({graphql_type.name}) lacks fields for {sorted(missing)}"
        for key, (name, field) in fields.items():
            if name in SKIPPED or name not in value:
                continue
            compare(value[name], rest.get(key), field.type, f"{path}.{name}")
    else:
        assert value == rest, f"{path}: {value!r} is not {rest!r}"


async def test_every_session_field_matches_the_rest_json(
    gql: GraphQLClient, upstream: Upstream
) -> None:
    listing = await upstream.rest("GET", "/v1/checkout/sessions", params={"limit": 100})
    sessions = listing["data"]
    pairs = {(s["mode"], s["status"]) for s in sessions}
    assert pairs >= {
        (mode, status)
        for mode in ("payment", "setup", "subscription")
        for status in ("open", "complete", "expired")
    }
    session_type = SCHEMA.type_map["CheckoutSession"]
    assert isinstance(session_type, GraphQLObjectType)
    query = f"query($id: ID!) {{ checkoutSession(id: $id) {{ {selection(session_type)} }} }}"
    for rest in sessions:
        data = await gql.data(query, id=rest["id"])
        compare(data["checkoutSession"], rest, session_type, rest["id"])


async def test_every_line_item_field_matches_the_rest_json(
    gql: GraphQLClient, upstream: Upstream
) -> None:
    listing = await upstream.rest("GET", "/v1/checkout/sessions", params={"limit": 100})
    line_item_type = SCHEMA.type_map["LineItem"]
    assert isinstance(line_item_type, GraphQLObjectType)
    query = (
        "query($id: ID!) { checkoutSession(id: $id) { lineItems(first: 100) { nodes { "
        f"{selection(line_item_type)} }} }} }} }}"
    )
    compared = 0
    for session in listing["data"]:
        rest = await upstream.rest(
            "GET", f"/v1/checkout/sessions/{session['id']}/line_items", params={"limit": 100}
        )
        data = await gql.data(query, id=session["id"])
        nodes = data["checkoutSession"]["lineItems"]["nodes"]
        compare(nodes, rest["data"], GraphQLList(GraphQLNonNull(line_item_type)), session["id"])
        compared += len(nodes)
    assert compared > 0


async def test_a_page_reads_every_field_as_a_read_by_id_does(
    gql: GraphQLClient, upstream: Upstream
) -> None:
    """A page decodes only the keys its selection reads (gateway/schema/reads.py): one page
    per field, each read through its own set of keys, and one with every field, must answer
    as whole sessions read by id do."""
    session_type = SCHEMA.type_map["CheckoutSession"]
    assert isinstance(session_type, GraphQLObjectType)
    fields = selected(session_type)
    items = selection(cast(GraphQLObjectType, SCHEMA.type_map["LineItem"]))
    whole = f"{' '.join(fields.values())} lineItems(first: 100) {{ nodes {{ {items} }} }}"
    listing = await upstream.rest("GET", "/v1/checkout/sessions", params={"limit": 100})
    by_id = {}
    for rest in listing["data"]:
        data = await gql.data(
            f"query($id: ID!) {{ checkoutSession(id: $id) {{ {whole} }} }}", id=rest["id"]
        )
        by_id[rest["id"]] = data["checkoutSession"]
    page = "{ checkoutSessions(first: 100) { %s } }"
    # One field at a time; one of these reads more keys than a page decodes in part
    # (reads.MAX_KEYS), so its own fields go one at a time.
    options_type = cast(GraphQLObjectType, SCHEMA.type_map["CheckoutSessionPaymentMethodOptions"])
    parts: list[tuple[str, str | None, str]] = [
        (name, None, part) for name, part in fields.items() if name != "paymentMethodOptions"
    ]
    parts += [
        ("paymentMethodOptions", inner, f"paymentMethodOptions {{ {part} }}")
        for inner, part in selected(options_type).items()
    ]
    for name, inner, part in parts:
        data = await gql.data(page % f"nodes {{ id {part} }}")
        nodes = data["checkoutSessions"]["nodes"]
        assert {node["id"] for node in nodes} == set(by_id)
        for node in nodes:
            expected = by_id[node["id"]][name]
            if inner is not None and expected is not None:
                expected = {inner: expected[inner]}
            assert node[name] == expected, f"{node['id']}.{name}"
    # Small pages keep every field of every line item within the default limits.
    after = None
    compared = set()
    while True:
        data = await gql.data(
            "query($after: String) { checkoutSessions(first: 5, after: $after) { "
            f"pageInfo {{ hasNextPage endCursor }} edges {{ node {{ id {whole} }} }} }} }}",
            after=after,
        )
        for edge in data["checkoutSessions"]["edges"]:
            node = edge["node"]
            assert node == {"id": node["id"], **by_id[node["id"]]}, node["id"]
            compared.add(node["id"])
        info = data["checkoutSessions"]["pageInfo"]
        if not info["hasNextPage"]:
            break
        after = info["endCursor"]
    assert compared == set(by_id)

"""A page of sessions is decoded down to the keys its selection reads.

What the selection reads (`gateway.schema.reads`), how a body is decoded down to it
(`gateway.stripe.projection`), and the client's full decode of a body not shaped as expected.
That a page read this way answers exactly as whole sessions do is checked field by field in
tests/test_every_field.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import msgspec
import orjson
import pytest
import strawberry
from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    OperationDefinitionNode,
    get_named_type,
    is_object_type,
    parse,
)
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gateway.engine.compat import graphql_schema
from gateway.schema import build_schema
from gateway.schema.reads import connection_keys
from gateway.stripe import Items, Keys, StripeClient, list_of
from gateway.stripe.projection import decode
from tests.conftest import Upstream, fake_key
from tests.servers import serve

SCHEMA = graphql_schema(build_schema())

SESSION = {
    "id": "cs_test_1",
    "object": "checkout.session",
    "amount_total": 500,
    "customer_details": {"email": "a@example.com", "name": "A", "address": {"city": "X"}},
    "custom_fields": [{"key": "k", "label": {"custom": "L"}, "text": {"value": "v"}}],
    "metadata": {"order": "1"},
    "line_items": {
        "object": "list",
        "data": [{"id": "li_1", "object": "item", "quantity": 2, "price": {"id": "p"}}],
        "has_more": False,
        "url": "/v1/checkout/sessions/cs_test_1/line_items",
    },
}


def test_a_body_is_decoded_down_to_its_keys() -> None:
    keys = Keys.of(
        {
            "id": None,
            "metadata": None,
            "customer_details": Keys.of({"email": None, "phone": None}),
            "custom_fields": Items(Keys.of({"label": None})),
            "line_items": list_of(Keys.of({"id": None, "quantity": None})),
        }
    )
    assert decode(orjson.dumps(SESSION), keys) == {
        "id": "cs_test_1",
        "metadata": {"order": "1"},
        "customer_details": {"email": "a@example.com"},
        "custom_fields": [{"label": {"custom": "L"}}],
        "line_items": {
            "object": "list",
            "data": [{"id": "li_1", "quantity": 2}],
            "has_more": False,
            "url": "/v1/checkout/sessions/cs_test_1/line_items",
        },
    }


def test_null_objects_stay_null() -> None:
    only_id = Keys.of({"id": None})
    keys = Keys.of({"customer_details": only_id, "custom_fields": Items(only_id)})
    body = orjson.dumps({"customer_details": None, "custom_fields": None})
    assert decode(body, keys) == {"customer_details": None, "custom_fields": None}


@pytest.mark.parametrize(
    "body",
    [b'{"customer_details": "cus_1"}', b'{"customer_details": [1]}', b"<html>", b'{"a": '],
)
def test_a_body_not_shaped_as_its_keys_is_refused(body: bytes) -> None:
    with pytest.raises(msgspec.DecodeError):
        decode(body, Keys.of({"customer_details": Keys.of({"email": None})}))


# Sessions no Stripe sends: a string where an object belongs, and a key nested deeper than
# msgspec follows but orjson does.
ODD = {"id": "cs_test_1", "customer_details": "odd", "extra": 1}
DEEP = b'{"id": "cs_test_1", "customer_details": null, "deep": ' + b"[" * 1000 + b"]" * 1000 + b"}"


@pytest.fixture
def odd_upstream() -> Iterator[str]:
    """Answers /odd and /deep with those sessions."""

    async def endpoint(request: Request) -> Response:
        body = orjson.dumps(ODD) if request.path_params["name"] == "odd" else DEEP
        return Response(body, media_type="application/json")

    with serve(Starlette(routes=[Route("/{name}", endpoint)])) as url:
        yield url


@pytest.mark.parametrize("name", ["odd", "deep"])
async def test_the_client_decodes_in_full_a_body_not_shaped_as_expected(
    odd_upstream: str, name: str
) -> None:
    settings = Upstream(url=odd_upstream, key=fake_key()).stripe_settings(max_retries=0)
    client = StripeClient(settings)
    try:
        keys = Keys.of({"id": None, "customer_details": Keys.of({"email": None})})
        session = await client.get(f"/{name}", keys=keys)
    finally:
        await client.aclose()
    # Decoded in full, keys the projection leaves out included (the deep one is not compared:
    # comparing it would go as deep as msgspec could not).
    assert session.keys() == (ODD.keys() if name == "odd" else {"id", "customer_details", "deep"})
    assert session["customer_details"] == ("odd" if name == "odd" else None)


def page_field(document: str) -> tuple[FieldNode, dict[str, FragmentDefinitionNode]]:
    parsed = parse(document)
    operation = next(d for d in parsed.definitions if isinstance(d, OperationDefinitionNode))
    fragments = {
        d.name.value: d for d in parsed.definitions if isinstance(d, FragmentDefinitionNode)
    }
    field = operation.selection_set.selections[0]
    assert isinstance(field, FieldNode)
    return field, fragments


def reads_of(document: str, schema: GraphQLSchema = SCHEMA) -> Keys | None:
    field, fragments = page_field(document)
    assert schema.query_type is not None
    connection = schema.query_type.fields[field.name.value].type
    return connection_keys(connection, [field], fragments)


def test_a_page_reads_the_keys_its_fields_name() -> None:
    keys = reads_of(
        """
        query Page($after: String) {
          checkoutSessions(first: 50, after: $after) {
            pageInfo { hasNextPage }
            nodes {
              id status amountTotal currency
              lineItems { nodes { id description quantity amountTotal } }
            }
          }
        }
        """
    )
    item = Keys.of(
        {"id": None, "object": None, "description": None, "quantity": None, "amount_total": None}
    )
    assert keys == Keys.of(
        {
            "id": None,
            "object": None,
            "status": None,
            "amount_total": None,
            "currency": None,
            "line_items": list_of(item),
        }
    )


def test_edges_fragments_and_aliases_add_up() -> None:
    keys = reads_of(
        """
        query {
          checkoutSessions {
            edges { cursor node { ...Who a: customerDetails { name } } }
            nodes { ... on CheckoutSession { customerDetails { email } } customer { id } }
          }
        }
        fragment Who on CheckoutSession { customerDetails { address { city } } }
        """
    )
    details = Keys.of(
        {
            "id": None,
            "object": None,
            "name": None,
            "email": None,
            "address": Keys.of({"id": None, "object": None, "city": None}),
        }
    )
    assert keys == Keys.of(
        {"id": None, "object": None, "customer_details": details, "customer": None}
    )


def test_a_list_of_objects_reads_each_item_by_its_fields() -> None:
    keys = reads_of("{ checkoutSessions { nodes { customFields { key label { custom } } } } }")
    assert keys is not None
    fields = dict(keys.fields)
    assert fields["custom_fields"] == Items(
        Keys.of(
            {
                "id": None,
                "object": None,
                "key": None,
                "label": Keys.of({"id": None, "object": None, "custom": None}),
            }
        )
    )


def test_a_selection_of_too_many_keys_decodes_whole() -> None:
    session_type = SCHEMA.type_map["CheckoutSession"]
    assert isinstance(session_type, GraphQLObjectType)
    options = session_type.fields["paymentMethodOptions"].type
    wide = f"paymentMethodOptions {{ {every_field(get_named_type(options))} }}"
    assert reads_of(f"{{ checkoutSessions {{ nodes {{ {wide} }} }} }}") is None
    narrow = "paymentMethodOptions { card { installments { enabled } } }"
    assert reads_of(f"{{ checkoutSessions {{ nodes {{ {narrow} }} }} }}") is not None


def every_field(object_type: GraphQLNamedType) -> str:
    assert isinstance(object_type, GraphQLObjectType)
    parts = []
    for name, field in object_type.fields.items():
        named = get_named_type(field.type)
        parts.append(f"{name} {{ {every_field(named)} }}" if is_object_type(named) else name)
    return " ".join(parts)


@strawberry.type
class Thing:
    id: strawberry.ID
    name: str

    @strawberry.field
    def shout(self) -> str:
        return self.name.upper()


@strawberry.type
class ThingConnection:
    nodes: list[Thing]
    edges: list[Thing]


@strawberry.type
class ThingQuery:
    @strawberry.field
    def things(self) -> ThingConnection:
        return ThingConnection(nodes=[], edges=[])


def test_a_resolver_that_declares_nothing_means_whole_objects() -> None:
    schema = graphql_schema(strawberry.Schema(query=ThingQuery))
    assert reads_of("{ things { nodes { id shout } } }", schema) is None
    assert reads_of("{ things { nodes { id name } } }", schema) == Keys.of(
        {"id": None, "object": None, "name": None}
    )

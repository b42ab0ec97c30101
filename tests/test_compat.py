"""What gateway/compat.py assumes of httpx and Strawberry, checked against the installed versions.

Strawberry's view is handed a schema of the gateway's own making: the view must ask it for
nothing but `stream()` (with the arguments the adapter takes), `config` and
`process_errors`, and it must frame what `stream()` yields as the protocols say.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import aiohttp
import httpx
import pytest
import strawberry
from graphql import GraphQLSchema
from starlette.applications import Starlette
from starlette.routing import Route, WebSocketRoute
from strawberry.asgi import GraphQL
from strawberry.subscriptions import GRAPHQL_SSE_PROTOCOL, GRAPHQL_TRANSPORT_WS_PROTOCOL

from gateway.compat import (
    ScalarDefinition,
    StreamingSchema,
    graphql_schema,
    join_url,
    read_response,
    resolve_info,
    to_camel_case,
    without_hidden_retries,
)
from gateway.schema import build_schema
from tests.live import Socket
from tests.servers import serve

CALLS: list[tuple[Any, ...]] = []


async def streams(
    context: Any,
    query: str | None,
    variables: dict[str, Any] | None,
    operation_name: str | None,
    extensions: dict[str, Any] | None,
) -> AsyncIterator[dict[str, Any]]:
    CALLS.append((query, variables, operation_name, extensions))
    if query == "refused":
        yield {"errors": [{"message": "No.", "extensions": {"code": "NOPE"}}]}
        return
    for n in range(2):
        yield {"data": {"n": n}, "extensions": {"cost": n}}


class Narrow:
    """A schema that answers only what the adapter offers, so any other use fails loudly."""

    def __init__(self, schema: StreamingSchema) -> None:
        self._schema = schema

    def __getattr__(self, name: str) -> Any:
        if name not in {"stream", "config", "process_errors"}:
            raise AssertionError(f"Strawberry's view asked the schema for {name!r}")
        return getattr(self._schema, name)


@pytest.fixture(scope="module")
def view() -> Iterator[str]:
    schema = Narrow(StreamingSchema(build_schema(), streams))
    app: GraphQL[Any, Any] = GraphQL(
        schema,  # type: ignore[arg-type]
        graphql_ide=None,
        subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_SSE_PROTOCOL),
    )
    routes = [Route("/graphql", app, methods=["POST"]), WebSocketRoute("/graphql", app)]
    with serve(Starlette(routes=routes)) as url:
        yield url


async def test_websocket_frames_each_response_and_a_refusal(view: str) -> None:
    CALLS.clear()
    async with Socket(view) as ws:
        first = await ws.subscribe("subscription { a }", x=1)
        assert await ws.receive() == {
            "id": first,
            "type": "next",
            "payload": {"data": {"n": 0}, "extensions": {"cost": 0}},
        }
        assert (await ws.receive())["payload"]["data"] == {"n": 1}
        assert await ws.receive() == {"id": first, "type": "complete"}
        refused = await ws.subscribe("refused")
        error = await ws.receive()
        assert (error["id"], error["type"]) == (refused, "error")
        assert error["payload"] == [{"message": "No.", "extensions": {"code": "NOPE"}}]
    assert CALLS[0] == ("subscription { a }", {"x": 1}, None, None)


async def test_server_sent_events_frame_each_response(view: str) -> None:
    body = {"query": "subscription { a }", "operationName": "A", "extensions": {"e": 1}}
    async with (
        httpx.AsyncClient(base_url=view) as client,
        client.stream(
            "POST", "/graphql", json=body, headers={"Accept": "text/event-stream"}
        ) as response,
    ):
        lines = [line async for line in response.aiter_lines() if line]
    assert lines[0::2][:3] == ["event: next", "event: next", "event: complete"]
    assert json.loads(lines[1].removeprefix("data: "))["data"] == {"n": 0}
    assert CALLS[-1] == ("subscription { a }", None, "A", {"e": 1})


def test_the_adapter_keeps_the_schemas_config() -> None:
    schema = build_schema()
    adapter = StreamingSchema(schema, streams)
    assert adapter.config is schema.config
    assert isinstance(schema, strawberry.Schema)


@pytest.mark.parametrize(
    ("path", "query"),
    [("/v1/checkout/sessions", None), ("/v1/checkout/sessions/cs_1/line_items", "limit=3")],
)
def test_a_joined_url_is_the_url_parsed_whole(path: str, query: str | None) -> None:
    base = httpx.URL("https://api.stripe.test:8443/base")
    joined = join_url(base, path, query)
    whole = httpx.URL(f"https://api.stripe.test:8443/base{path}" + (f"?{query}" if query else ""))
    assert joined == whole
    assert (str(joined), joined.raw_path, joined.params) == (
        str(whole),
        whole.raw_path,
        whole.params,
    )


def test_a_read_response_holds_its_body() -> None:
    request = httpx.Request("GET", "https://api.stripe.test/v1/x")
    response = read_response(200, [(b"content-type", b"application/json")], b'{"a": 1}', request)
    assert response.content == b'{"a": 1}'
    assert response.json() == {"a": 1}
    assert response.request is request


async def test_resolve_info_is_graphql_cores() -> None:
    seen: list[object] = []

    @strawberry.type
    class Query:
        @strawberry.field
        def probe(self, info: strawberry.Info) -> int:
            raw = resolve_info(info)
            seen.append((raw.field_name, [node.name.value for node in raw.field_nodes]))
            return 1

    schema = strawberry.Schema(query=Query)
    assert isinstance(graphql_schema(schema), GraphQLSchema)
    result = await schema.execute("{ probe }")
    assert result.errors is None
    assert seen == [("probe", ["probe"])]


def test_names_are_camel_cased_as_the_schema_does() -> None:
    assert to_camel_case("line_items") == "lineItems"
    assert to_camel_case("line1") == "line1"


async def test_aiohttp_retries_on_its_own_until_told_not_to() -> None:
    async with aiohttp.ClientSession() as session:
        assert session._retry_connection is True
        assert without_hidden_retries(session) is session
        assert session._retry_connection is False


def test_the_federation_and_scalar_names_are_strawberrys() -> None:
    from strawberry.federation.schema import Schema

    # The resolver the gateway overrides takes its representations typed so.
    taken = inspect.signature(Schema.entities_resolver).parameters["representations"]
    assert "FederationAny" in str(taken.annotation)
    scalar_fields = set(inspect.signature(ScalarDefinition).parameters)
    assert {"name", "serialize", "parse_value"} <= scalar_fields

"""The executor's short path for leaf fields gives exactly what graphql-core's full path gives."""

from __future__ import annotations

import enum
from collections.abc import AsyncIterator
from typing import Any, cast

import pytest
import strawberry

from gateway.config import CacheSettings, StripeSettings
from gateway.loaders import CheckoutLoaders, ResponseCache, SessionStore
from gateway.schema import Context, Executor
from gateway.schema.base import StripeObject, schema_config
from gateway.schema.errors import present
from gateway.stripe import StripeClient


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


@strawberry.type
class Thing:
    id: strawberry.ID
    colour: Colour
    size: int | None
    tags: list[str] | None


THINGS: list[StripeObject] = [
    {"id": "t_1", "colour": "red", "size": 3, "tags": ["a"]},
    {"id": "t_2", "colour": "blue", "size": None, "tags": None},
    {"id": "t_3", "colour": "green", "size": 1, "tags": []},
    {"id": "t_4", "colour": None, "size": 2, "tags": []},
    {"id": "t_5", "colour": "red", "size": "many", "tags": []},
]


@strawberry.type
class Query:
    @strawberry.field
    def things(self) -> list[Thing | None]:
        return cast("list[Thing | None]", THINGS)


SCHEMA = strawberry.Schema(query=Query, config=schema_config())
QUERY = "{ things { id colour size tags } }"


@pytest.fixture
async def context() -> AsyncIterator[Context]:
    client = StripeClient(StripeSettings(api_key="sk_test_unused"))
    try:
        store = SessionStore(client, ResponseCache(CacheSettings(url="off")))
        yield Context(loaders=CheckoutLoaders(store))
    finally:
        await client.aclose()


async def test_leaves_read_directly_match_the_full_path(context: Context) -> None:
    lean = await Executor(SCHEMA).run(Executor(SCHEMA).prepare(QUERY), context=context)
    full = await SCHEMA.execute(QUERY, context_value=context)
    assert lean["data"] == full.data
    assert lean["data"]["things"][:2] == [
        {"id": "t_1", "colour": "RED", "size": 3, "tags": ["a"]},
        {"id": "t_2", "colour": "BLUE", "size": None, "tags": None},
    ]
    assert lean["data"]["things"][2:] == [
        None,
        None,
        {"id": "t_5", "colour": "RED", "size": None, "tags": []},
    ]
    errors: list[dict[str, Any]] = lean["errors"]
    assert [error["path"] for error in errors] == [
        ["things", 2, "colour"],
        ["things", 3, "colour"],
        ["things", 4, "size"],
    ]
    presented = present(full.errors or [])
    assert [error["message"] for error in errors] == [error.message for error in presented]

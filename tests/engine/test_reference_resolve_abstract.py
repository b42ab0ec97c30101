"""graphql-core's resolve and abstract-type cases, through every engine.

Each case runs on all three engines and must give what graphql-core's own executor gives on the
same Strawberry schema. Operations with interfaces or unions get no plan (DIFFERENCES.md), so
for them the cases check that falling back changes nothing.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

import pytest
import strawberry

from gateway.schema import Context
from gateway.schema.base import schema_config
from tests.engine.compare import by_path, every_engine, reference


@strawberry.type
class Tag:
    name: str
    count: int | None = None


@strawberry.type
class Query:
    @strawberry.field
    def plain(self) -> str:
        return "plain"

    @strawberry.field
    def greeting(self, name: str = "world", times: int = 1) -> str:
        return " ".join([f"hello {name}"] * times)

    @strawberry.field
    def where(self, info: strawberry.Info) -> list[str]:
        return [info.field_name, *map(str, info.path.as_list())]

    @strawberry.field
    async def later(self, value: int) -> int:
        await asyncio.sleep(0)
        return value * 2

    @strawberry.field
    def broken(self) -> str | None:
        raise ValueError("the resolver failed")

    @strawberry.field
    def broken_required(self) -> str:
        raise ValueError("the resolver failed")

    @strawberry.field
    def tags(self) -> list[Tag]:
        return [Tag(name="a", count=1), Tag(name="b")]

    @strawberry.field
    def from_dict(self) -> Tag:
        return {"name": "from a dict", "count": 3}  # type: ignore[return-value]


# Fields without resolvers read dictionary keys, as the gateway's schema has it. (Strawberry
# sets a field's default resolver when a schema is built, so these types serve one schema.)
RESOLVE = strawberry.Schema(query=Query, config=schema_config())


@strawberry.interface
class Pet:
    name: str


@strawberry.type
class Dog(Pet):
    barks: bool


@strawberry.type
class Cat(Pet):
    meows: bool


@strawberry.type
class Human:
    name: str


Owner = Annotated[Dog | Cat | Human, strawberry.union("Owner")]


@strawberry.type
class PetQuery:
    @strawberry.field
    def pets(self) -> list[Pet]:
        return [Dog(name="Odie", barks=True), Cat(name="Garfield", meows=False)]

    @strawberry.field
    def owners(self) -> list[Owner]:
        return [Human(name="Jon"), Dog(name="Odie", barks=True)]

    @strawberry.field
    def stray(self) -> Pet | None:
        return Human(name="not a pet")  # type: ignore[return-value]


ABSTRACT = strawberry.Schema(query=PetQuery, types=[Dog, Cat])

CASES: list[tuple[strawberry.Schema, str, dict[str, Any] | None]] = [
    (RESOLVE, "{ plain }", None),
    (RESOLVE, "{ greeting }", None),
    (RESOLVE, '{ greeting(name: "Ada", times: 2) }', None),
    (RESOLVE, "query($n: String!) { greeting(name: $n) }", {"n": "Grace"}),
    (RESOLVE, "{ first: greeting(times: 1) second: greeting(times: 2) }", None),
    (RESOLVE, "{ where aliased: where }", None),
    (RESOLVE, "{ later(value: 21) }", None),
    (RESOLVE, "{ plain broken }", None),
    (RESOLVE, "{ plain brokenRequired }", None),
    (RESOLVE, "{ tags { name count } }", None),
    (RESOLVE, "{ fromDict { name count } }", None),
    (ABSTRACT, "{ pets { name __typename } }", None),
    (ABSTRACT, "{ pets { name ... on Dog { barks } ... on Cat { meows } } }", None),
    (ABSTRACT, "{ owners { __typename ... on Human { name } ... on Dog { barks } } }", None),
    (ABSTRACT, "fragment P on Pet { name } { pets { ...P } }", None),
    (ABSTRACT, "{ stray { name } }", None),
]


@pytest.mark.parametrize(("schema", "query", "variables"), CASES)
async def test_every_engine_answers_as_graphql_core(
    schema: strawberry.Schema, query: str, variables: dict[str, Any] | None, context: Context
) -> None:
    expected = await reference(schema, query, variables, context)
    for engine, answer in (await every_engine(schema, query, variables, context)).items():
        assert by_path(answer) == by_path(expected), engine


async def test_the_reference_answers_are_what_graphql_core_documents(context: Context) -> None:
    """A few answers spelled out, so that the comparison is not the only check."""
    answers = await every_engine(RESOLVE, "{ plain broken }", None, context)
    for answer in answers.values():
        assert answer["data"] == {"plain": "plain", "broken": None}
        [error] = answer["errors"]
        assert (error["path"], error["extensions"]["code"]) == (["broken"], "INTERNAL_SERVER_ERROR")
    required = await every_engine(RESOLVE, "{ plain brokenRequired }", None, context)
    assert {repr(answer["data"]) for answer in required.values()} == {"None"}
    pets = await every_engine(ABSTRACT, "{ pets { __typename } }", None, context)
    for answer in pets.values():
        assert answer == {"data": {"pets": [{"__typename": "Dog"}, {"__typename": "Cat"}]}}

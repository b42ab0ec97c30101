"""What gateway/engine/compat.py takes from graphql-core and Strawberry, checked against the
installed versions; and the engine's fence: it imports nothing else from the gateway."""

from __future__ import annotations

import ast
import asyncio
import inspect
from pathlib import Path

import strawberry
from graphql import GraphQLSchema, parse
from graphql.execution import Executor

from gateway.engine import compat

ENGINE = Path(compat.__file__).parent


@strawberry.type
class Query:
    plain: str = "x"
    maybe: str | None = None

    @strawberry.field
    def echo(self, info: strawberry.Info, text: str) -> str:
        return f"{info.field_name}:{text}"


SCHEMA = strawberry.Schema(query=Query)


def test_the_engine_imports_nothing_else_from_the_gateway() -> None:
    for module in ENGINE.glob("*.py"):
        tree = ast.parse(module.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                if name.startswith("gateway"):
                    assert name.startswith("gateway.engine"), f"{module.name} imports {name}"


def test_field_collection_takes_what_the_plans_give_it() -> None:
    schema = compat.graphql_schema(SCHEMA)
    assert isinstance(schema, GraphQLSchema)
    document = parse('{ plain echo(text: "a") }')
    operation = document.definitions[0]
    root = schema.query_type
    assert root is not None
    grouped, *_ = compat.collect_fields(schema, {}, {}, root, operation)  # type: ignore[arg-type]
    assert list(grouped) == ["plain", "echo"]
    assert all(isinstance(d, compat.FieldDetails) for d in grouped["plain"])
    assert list(inspect.signature(compat.collect_subfields).parameters)[:6] == [
        "schema",
        "fragments",
        "variable_values",
        "operation",
        "return_type",
        "field_details_list",
    ]


def test_variable_signatures_and_nesting_checks_exist_as_used() -> None:
    schema = compat.graphql_schema(SCHEMA)
    document = parse("query($t: String!) { echo(text: $t) }")
    [variable] = document.definitions[0].variable_definitions  # type: ignore[attr-defined]
    signature = compat.get_variable_signature(schema, variable)
    assert isinstance(signature, compat.GraphQLVariableSignature)
    assert signature.name == "t"
    assert not compat.input_is_nested_too_deeply("a", signature.type)
    assert inspect.isclass(compat.VariableValueSource)


def test_strawberry_fields_and_info_are_as_plans_read_them() -> None:
    fields = {f.python_name: f for f in Query.__strawberry_definition__.fields}  # type: ignore[attr-defined]
    assert isinstance(fields["plain"], compat.StrawberryField)
    assert fields["plain"].is_basic_field and not fields["echo"].is_basic_field
    assert compat.has_exception_handlers(SCHEMA) is False
    assert isinstance(SCHEMA.config, compat.StrawberryConfig)
    assert isinstance(fields["maybe"].type, compat.StrawberryOptional)
    assert not isinstance(fields["maybe"].type, compat.StrawberryMaybe)


async def test_an_info_made_here_is_strawberrys() -> None:
    seen: list[str] = []

    @strawberry.type
    class Probe:
        @strawberry.field
        def name(self, info: strawberry.Info) -> str:
            made = compat.strawberry_info(type(info), info._raw_info, info._field)
            seen.append(made.field_name)
            return made.python_name

    result = await strawberry.Schema(query=Probe).execute("{ name }")
    assert result.errors is None and result.data == {"name": "name"}
    assert seen == ["name"]


def test_the_awaitable_check_is_strawberrys() -> None:
    async def coroutine() -> None:
        return None

    pending = coroutine()
    assert compat.optimized_is_awaitable(pending)
    assert not compat.optimized_is_awaitable("value")
    asyncio.run(pending)
    assert issubclass(compat.StrawberryGraphQLCoreExecutionContext, Executor)

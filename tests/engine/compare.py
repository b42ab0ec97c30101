"""Run one operation through every engine and through graphql-core's own executor."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import strawberry
from graphql import OperationDefinitionNode, parse

from gateway.config.settings import ENGINES
from gateway.engine import compile_plans
from gateway.schema import Context, Executor
from gateway.schema.errors import present, request_errors

Response = dict[str, Any]


async def reference(
    schema: strawberry.Schema,
    query: str,
    variables: Mapping[str, Any] | None,
    ctx: Context,
) -> Response:
    """graphql-core's answer, its errors presented as the gateway presents them."""
    full = await schema.execute(
        query, variable_values=dict(variables) if variables else None, context_value=ctx
    )
    if full.data is None and full.errors and all(error.path is None for error in full.errors):
        return {"errors": [error.formatted for error in present(request_errors(full.errors))]}
    response: Response = {"data": full.data}
    if full.errors:
        response["errors"] = [error.formatted for error in present(full.errors)]
    return response


async def on_engine(
    schema: strawberry.Schema,
    engine: str,
    query: str,
    variables: Mapping[str, Any] | None,
    ctx: Context,
) -> Response:
    """What the gateway's executor answers on `engine`."""
    executor = Executor(schema, engine=engine)
    return await executor.run(executor.prepare(parse(query)), context=ctx, variables=variables)


def has_plans(schema: strawberry.Schema, query: str) -> bool:
    """Whether plans run `query`, rather than leaving it to graphql-core."""
    document = parse(query)
    [operation] = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    return compile_plans(schema, document, operation) is not None


async def every_engine(
    schema: strawberry.Schema,
    query: str,
    variables: Mapping[str, Any] | None,
    ctx: Context,
) -> dict[str, Response]:
    """Each engine's answer, by engine name."""
    return {engine: await on_engine(schema, engine, query, variables, ctx) for engine in ENGINES}


def by_path(response: Response) -> Response:
    """The response with its errors in path order, the one difference plans may show."""
    errors = sorted(response.get("errors", []), key=lambda error: repr(error.get("path")))
    return {**response, "errors": errors}

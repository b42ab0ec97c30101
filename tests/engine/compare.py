"""Run one operation through every engine and through graphql-core's own executor."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import strawberry
from graphql import parse

from gateway.config.settings import ENGINES
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
    full = await schema.execute(query, variable_values=dict(variables or {}), context_value=ctx)
    if full.data is None and full.errors and all(error.path is None for error in full.errors):
        return {"errors": [error.formatted for error in present(request_errors(full.errors))]}
    response: Response = {"data": full.data}
    if full.errors:
        response["errors"] = [error.formatted for error in present(full.errors)]
    return response


async def every_engine(
    schema: strawberry.Schema,
    query: str,
    variables: Mapping[str, Any] | None,
    ctx: Context,
) -> dict[str, Response]:
    """Each engine's answer, by engine name."""
    answers = {}
    for engine in ENGINES:
        executor = Executor(schema, engine=engine)
        prepared = executor.prepare(parse(query))
        answers[engine] = await executor.run(prepared, context=ctx, variables=variables)
    return answers


def by_path(response: Response) -> Response:
    """The response with its errors in path order, the one difference plans may show."""
    errors = sorted(response.get("errors", []), key=lambda error: repr(error.get("path")))
    return {**response, "errors": errors}

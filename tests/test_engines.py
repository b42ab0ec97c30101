"""Each engine GRAPHQL_ENGINE chooses gives what graphql-core gives, on the executor's cases."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import parse

from gateway.config.settings import ENGINES
from gateway.schema import Context, Executor
from tests.engine.compare import by_path
from tests.test_executor import QUERIES, SCHEMA, expected_response


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("query", "variables"), QUERIES)
async def test_every_engine_matches_graphql_core(
    engine: str, query: str, variables: dict[str, Any] | None, context: Context
) -> None:
    executor = Executor(SCHEMA, engine=engine)
    answer = await executor.run(
        executor.prepare(parse(query)), context=context, variables=variables
    )
    assert by_path(answer) == by_path(await expected_response(query, variables, context))

"""The GraphQL schema: an Apollo Federation v2 subgraph over Checkout Sessions."""

from __future__ import annotations

from functools import partial

import strawberry
from graphql import GraphQLError
from strawberry.extensions import ParserCache, ValidationCache
from strawberry.types import ExecutionContext

from gateway.schema.base import schema_config
from gateway.schema.context import Context, Info
from gateway.schema.errors import ErrorPresenter
from gateway.schema.mutation import Mutation
from gateway.schema.query import Query

__all__ = ["Context", "Info", "build_schema"]


class GatewaySchema(strawberry.federation.Schema):
    """The federation schema, leaving error logging to `ErrorPresenter`.

    Strawberry would log every error with a traceback, including a client's typo and a session
    that does not exist; only failures the gateway did not expect are worth a log line.
    """

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        return None


def build_schema() -> GatewaySchema:
    """Build the schema; parsed and validated documents are cached across requests."""
    return GatewaySchema(
        query=Query,
        mutation=Mutation,
        config=schema_config(),
        extensions=[
            ErrorPresenter,
            partial(ParserCache, maxsize=256),
            partial(ValidationCache, maxsize=256),
        ],
    )

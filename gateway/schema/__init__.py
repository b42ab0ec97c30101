"""The GraphQL schema: an Apollo Federation v2 subgraph over Checkout Sessions."""

from __future__ import annotations

import strawberry
from strawberry.extensions import ParserCache, ValidationCache
from strawberry.schema.config import StrawberryConfig

from gateway.schema.base import resolve_key
from gateway.schema.context import Context, Info
from gateway.schema.errors import ErrorPresenter
from gateway.schema.mutation import Mutation
from gateway.schema.query import Query

__all__ = ["Context", "Info", "build_schema"]


def build_schema() -> strawberry.federation.Schema:
    """Build the schema; parsed and validated documents are cached across requests."""
    return strawberry.federation.Schema(
        query=Query,
        mutation=Mutation,
        config=StrawberryConfig(default_resolver=resolve_key),
        extensions=[ErrorPresenter, ParserCache(maxsize=256), ValidationCache(maxsize=256)],
    )

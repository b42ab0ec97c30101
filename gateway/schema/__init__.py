"""The GraphQL schema: an Apollo Federation v2 subgraph over Checkout Sessions."""

from __future__ import annotations

import strawberry

from gateway.schema.base import schema_config
from gateway.schema.context import Context, Info
from gateway.schema.customers import Customer
from gateway.schema.executor import Executor, Prepared
from gateway.schema.federation import Schema
from gateway.schema.mutation import Mutation
from gateway.schema.query import Query
from gateway.schema.subscription import Subscription

__all__ = ["Context", "Executor", "Info", "Prepared", "build_schema"]


def build_schema() -> strawberry.federation.Schema:
    """Build the schema; `Executor` runs operations against it.

    Customer is named outright: sessions refer to it only lazily, which federation's search
    for entity types does not follow.
    """
    return Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=[Customer],
        config=schema_config(),
    )

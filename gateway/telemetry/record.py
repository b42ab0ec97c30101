"""What one HTTP request did, gathered as it runs and written out once it ends."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(slots=True)
class RequestRecord:
    """The facts of one request that its access line, metrics and spans report.

    Set as the request's context variable, so every layer below the HTTP app (the operation,
    the loaders, the Stripe client) adds to the record of the request it works for without
    being handed it.
    """

    request_id: str
    method: str
    path: str
    client: str | None = None
    operation_name: str | None = None
    operation_type: str | None = None
    # The name metrics use: a trusted document's operation name, or `other`, so that clients
    # cannot grow the number of series without bound.
    operation_label: str = "other"
    outcome: str | None = None
    # Stripe calls the operation could make (its cost), and those it made.
    cost: int | None = None
    actual_cost: int | None = None
    stripe_calls: int = 0
    cache_hits: int = 0
    cache_misses: int = 0
    # The age in seconds of the oldest last copy answered with while Stripe failed, if any.
    stale_age: float | None = None


current_request: ContextVar[RequestRecord | None] = ContextVar("current_request", default=None)


def current_request_id() -> str | None:
    record = current_request.get()
    return record.request_id if record is not None else None

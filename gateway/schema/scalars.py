"""Scalars for Stripe values that GraphQL has no built-in type for."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import NewType

import strawberry

from gateway.compat import ScalarDefinition

DateTime = NewType("DateTime", int)
"""A unix timestamp in Python; an ISO 8601 string on the wire."""

Metadata = NewType("Metadata", dict[str, str])
"""Stripe's string-to-string metadata map."""


def _serialize_datetime(value: int | datetime) -> str:
    if isinstance(value, datetime):
        moment = value.astimezone(UTC)
    else:
        moment = datetime.fromtimestamp(value, UTC)
    return moment.isoformat().replace("+00:00", "Z")


def _parse_datetime(value: object) -> int:
    if not isinstance(value, str):
        raise ValueError("DateTime must be an ISO 8601 string such as 2026-02-25T12:00:00Z.")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO 8601 date and time.") from None
    if moment.tzinfo is None:
        raise ValueError(f"{value!r} has no time zone; add Z or an offset such as +00:00.")
    return int(moment.timestamp())


_DATETIME = strawberry.scalar(
    name="DateTime",
    description=(
        "A moment in time as an ISO 8601 string in UTC, for example 2026-02-25T12:00:00Z. "
        "Stripe stores these as whole seconds since the Unix epoch."
    ),
    specified_by_url="https://datatracker.ietf.org/doc/html/rfc3339",
    serialize=_serialize_datetime,
    parse_value=_parse_datetime,
)


def _parse_metadata(value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ValueError("Metadata must be an object whose values are strings.")
    parsed: dict[str, str] = {}
    for key, item in value.items():
        if not isinstance(key, str) or not isinstance(item, str):
            raise ValueError(f"Metadata value for {key!r} must be a string.")
        parsed[key] = item
    return parsed


def _serialize_metadata(value: dict[str, str]) -> dict[str, str]:
    return value


_METADATA = strawberry.scalar(
    name="Metadata",
    description=(
        "A JSON object of string keys and string values that you attach to an object to keep "
        "your own identifiers or notes beside it."
    ),
    serialize=_serialize_metadata,
    parse_value=_parse_metadata,
)


SCALARS: dict[object, ScalarDefinition] = {DateTime: _DATETIME, Metadata: _METADATA}
"""The scalar definitions behind the Python types above, for the schema's configuration."""

"""Turn a Checkout Session input into the parameter dictionary Stripe's API expects."""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any

from strawberry.types.unset import UNSET

MAP_KEY = "stripe_map_key"
"""Field metadata naming the entry field that keys a list which Stripe expects as a map."""

CLEARS = "stripe_clears"
"""Field metadata marking a list that Stripe empties when it is sent an empty string."""


def keyed_by(key: str) -> dict[str, str]:
    """Field metadata for a list of entries that Stripe takes as a map keyed by the field `key`.

    GraphQL has no map type, so such parameters are lists of inputs that carry their own key.
    """
    return {MAP_KEY: key}


def cleared_when_empty() -> dict[str, bool]:
    """Field metadata for a list whose empty value asks Stripe to remove every entry.

    An empty list has nothing to put on the wire, so it would change nothing; Stripe's way of
    emptying such a parameter is an empty string, which is sent in its place.
    """
    return {CLEARS: True}


def to_stripe_params(value: object) -> dict[str, Any]:
    """Convert a Strawberry input instance into Stripe parameters, leaving out unset fields.

    Keys are the Python field names, which are Stripe's parameter names; enums become their
    string values and nested inputs become nested dictionaries.
    """
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        raise TypeError(f"Expected a Strawberry input instance, got {type(value).__name__}.")
    params: dict[str, Any] = {}
    for field in dataclasses.fields(value):
        item = getattr(value, field.name)
        if item is None or item is UNSET:
            continue
        key = field.metadata.get(MAP_KEY)
        if item == [] and field.metadata.get(CLEARS):
            params[field.name] = ""
        else:
            params[field.name] = _to_map(item, key) if key else _convert(item)
    return params


def _to_map(entries: list[object], key: str) -> dict[str, Any]:
    mapped: dict[str, Any] = {}
    for entry in entries:
        params = to_stripe_params(entry)
        mapped[params.pop(key)] = params
    return mapped


def _convert(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_convert(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_stripe_params(value)
    return value

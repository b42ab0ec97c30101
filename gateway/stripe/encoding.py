"""Stripe's wire format: nested parameters flattened into bracketed form fields."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def encode_params(params: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Flatten `params` the way Stripe expects them in a query string or form body.

    Nested mappings become `a[b]`, sequences become indexed `a[0]`, booleans become `true` and
    `false`, and `None` values are left out so that "not given" is never sent as a value.
    """
    pairs: list[tuple[str, str]] = []
    for key, value in params.items():
        _flatten(key, value, pairs)
    return pairs


def _flatten(prefix: str, value: Any, pairs: list[tuple[str, str]]) -> None:
    if value is None:
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            _flatten(f"{prefix}[{key}]", item, pairs)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _flatten(f"{prefix}[{index}]", item, pairs)
    elif isinstance(value, bool):
        pairs.append((prefix, "true" if value else "false"))
    else:
        pairs.append((prefix, str(value)))

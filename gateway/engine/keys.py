"""How a field without a resolver reads its value, which plans may do without a call."""

from __future__ import annotations

from typing import Any


def resolve_key(source: Any, name: str) -> object:
    """Read a field from a decoded JSON object, or an attribute from anything else.

    Output types keep the JSON's keys as their Python names, so a field resolves by looking its
    own name up in the dictionary, with no per-field code and no copying.
    """
    if type(source) is dict:
        return source.get(name)
    return getattr(source, name)

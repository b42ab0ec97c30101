"""Decode Stripe's form encoding (`a[b][0][c]=v`, `x[]=v`) into nested dictionaries and lists."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

from stripe_emulator.errors import invalid

MAX_DEPTH = 12


def decode(raw: bytes | str) -> dict[str, Any]:
    """Turn a query string or form body into nested values; a malformed one is a 400."""
    try:
        text = raw.decode() if isinstance(raw, bytes) else raw
        pairs = parse_qsl(text, keep_blank_values=True, errors="strict")
    except (UnicodeDecodeError, ValueError) as exc:
        raise invalid("The request body could not be decoded as form parameters.") from exc
    root: dict[str, Any] = {}
    for key, value in pairs:
        _insert(root, _split(key), value, key)
    return {key: _finish(value) for key, value in root.items()}


def _split(key: str) -> list[str]:
    head, bracket, rest = key.partition("[")
    if not head:
        raise invalid(f"Invalid parameter name: {key}")
    parts = [head]
    while bracket:
        inner, closing, rest = rest.partition("]")
        if not closing:
            raise invalid(f"Invalid parameter name: {key}")
        parts.append(inner)
        if rest and not rest.startswith("["):
            raise invalid(f"Invalid parameter name: {key}")
        bracket, rest = rest[:1], rest[1:]
    if len(parts) > MAX_DEPTH:
        raise invalid(f"Parameter nested too deeply: {key}")
    return parts


def _insert(node: dict[str, Any] | list[Any], parts: list[str], value: str, key: str) -> None:
    """Place `value` at `parts` below `node`; an empty part (`[]`) appends to a list."""
    part, rest = parts[0], parts[1:]
    if isinstance(node, list):
        if part != "":
            raise invalid(f"Conflicting types for parameter: {key}")
        if not rest:
            node.append(value)
            return
        last = node[-1] if node else None
        if not isinstance(last, dict) or rest[0] in last:
            last = {}
            node.append(last)
        _insert(last, rest, value, key)
        return
    if not rest:
        if part in node:
            raise invalid(f"Conflicting values for parameter: {key}")
        node[part] = value
        return
    existing = node.get(part)
    if existing is None:
        existing = [] if rest[0] == "" else {}
        node[part] = existing
    if isinstance(existing, str) or (isinstance(existing, list) != (rest[0] == "")):
        raise invalid(f"Conflicting types for parameter: {key}")
    _insert(existing, rest, value, key)


def _finish(value: Any) -> Any:
    """Turn dictionaries keyed only by indexes (`x[0]`, `x[1]`) into lists, in index order."""
    if isinstance(value, list):
        return [_finish(item) for item in value]
    if not isinstance(value, dict):
        return value
    done = {key: _finish(item) for key, item in value.items()}
    if done and all(key.isdigit() for key in done):
        return [done[key] for key in sorted(done, key=int)]
    return done

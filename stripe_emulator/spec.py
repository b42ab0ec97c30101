"""A small language for describing API parameters, and the checker that applies it.

Form bodies carry every leaf as a string, so checking a parameter also converts it: integers,
booleans and numbers come back typed, and unknown keys, bad enum values and missing required
children become the same 400 errors Stripe returns, with `param` naming the offending path.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from stripe_emulator.errors import StripeError, invalid, missing_parameter, unknown_parameter


@dataclass(frozen=True, slots=True)
class Scalar:
    kind: str


@dataclass(frozen=True, slots=True)
class OneOf:
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Obj:
    fields: Mapping[str, Spec]
    required: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class ListOf:
    item: Spec


@dataclass(frozen=True, slots=True)
class MapOf:
    value: Spec


@dataclass(frozen=True, slots=True)
class Clearable:
    """A parameter that also accepts an empty string, which Stripe reads as "unset"."""

    inner: Spec


@dataclass(frozen=True, slots=True)
class Either:
    options: tuple[Spec, ...]


Spec: TypeAlias = Scalar | OneOf | Obj | ListOf | MapOf | Clearable | Either

STR = Scalar("string")
INT = Scalar("integer")
BOOL = Scalar("boolean")
NUM = Scalar("number")


def one_of(*values: str) -> OneOf:
    return OneOf(values)


def address(*required: str) -> Obj:
    """A postal address, with the parts the parameter requires."""
    parts = ("city", "country", "line1", "line2", "postal_code", "state")
    return obj(dict.fromkeys(parts, STR), required=required)


def obj(fields: Mapping[str, Spec], required: tuple[str, ...] = ()) -> Obj:
    return Obj(fields, frozenset(required))


def list_of(item: Spec) -> ListOf:
    return ListOf(item)


def map_of(value: Spec) -> MapOf:
    return MapOf(value)


def clearable(inner: Spec) -> Clearable:
    return Clearable(inner)


def either(*options: Spec) -> Either:
    return Either(options)


_INTEGER = re.compile(r"-?\d{1,18}")
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def child(path: str, key: str | int) -> str:
    return f"{path}[{key}]" if path else str(key)


def check(value: Any, spec: Spec, path: str) -> Any:
    """Validate `value` against `spec` and return it with leaves converted to their types."""
    if isinstance(spec, Clearable):
        return None if value == "" else check(value, spec.inner, path)
    if value == "" and not isinstance(spec, MapOf):
        raise invalid(
            f"You passed an empty string for '{path}'. We assume empty values are an attempt to "
            f"unset a parameter; however '{path}' cannot be unset. You should remove '{path}' "
            "from your request or supply a non-empty value.",
            code="parameter_invalid_empty",
            param=path,
        )
    if isinstance(spec, Scalar):
        return _scalar(value, spec.kind, path)
    if isinstance(spec, OneOf):
        return _one_of(value, spec, path)
    if isinstance(spec, Obj):
        return check_object(value, spec, path)
    if isinstance(spec, ListOf):
        items = as_list(value, path)
        return [check(item, spec.item, child(path, i)) for i, item in enumerate(items)]
    if isinstance(spec, MapOf):
        if value == "":
            return {}
        if not isinstance(value, dict):
            raise invalid(f"Invalid hash: {path} must be a dictionary of keys.", param=path)
        return {key: check(item, spec.value, child(path, key)) for key, item in value.items()}
    return _either(value, spec, path)


def check_object(value: Any, spec: Obj, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise invalid(f"Invalid object: {path} must be a dictionary of parameters.", param=path)
    result: dict[str, Any] = {}
    for key, item in value.items():
        sub = spec.fields.get(key)
        if sub is None:
            raise unknown_parameter(child(path, key))
        result[key] = check(item, sub, child(path, key))
    for key in sorted(spec.required):
        if result.get(key) is None:
            raise missing_parameter(child(path, key))
    return result


def as_list(value: Any, path: str) -> list[Any]:
    """Accept a decoded list, or a dictionary keyed by consecutive indexes from JSON-ish clients."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict) and all(key.isdigit() for key in value):
        return [value[key] for key in sorted(value, key=int)]
    raise invalid(f"Invalid array: {path} must be a list.", param=path)


def _scalar(value: Any, kind: str, path: str) -> Any:
    if not isinstance(value, str):
        raise invalid(f"Invalid {kind}: {path} must be a single value.", param=path)
    if kind == "string":
        return value
    if kind == "integer":
        if not _INTEGER.fullmatch(value):
            raise invalid(f"Invalid integer: {value}", code="parameter_invalid_integer", param=path)
        return int(value)
    if kind == "boolean":
        if value not in ("true", "false"):
            raise invalid(f"Invalid boolean: {value}", param=path)
        return value == "true"
    if not _NUMBER.fullmatch(value):
        raise invalid(f"Invalid decimal: {value}", param=path)
    return float(value)


def _one_of(value: Any, spec: OneOf, path: str) -> str:
    if isinstance(value, str) and value in spec.values:
        return value
    allowed = ", ".join(f"`{v}`" for v in spec.values)
    raise invalid(
        f"Invalid {path}: must be one of {allowed}",
        code="parameter_invalid_string",
        param=path,
    )


def _either(value: Any, spec: Either, path: str) -> Any:
    """Try the options shaped like the value (a dictionary or a single value), first error wins."""
    nested = isinstance(value, dict)
    shaped = [o for o in spec.options if isinstance(o, Obj | MapOf) == nested] or list(spec.options)
    first: StripeError | None = None
    for option in shaped:
        try:
            return check(value, option, path)
        except StripeError as exc:
            first = first or exc
    assert first is not None
    raise first

"""Decoding only the keys of Stripe's JSON that an operation reads.

A page of 50 rich sessions with their line items is a quarter of a megabyte of JSON, of which a
page query typically reads a few keys of each session. Decoding all of it into Python objects,
and freeing them again, was the largest single cost of serving such a page. `Keys` names what
to keep; msgspec decodes into TypedDicts of just those keys and steps over the rest without
building it. What comes out is plain dicts and lists, as a full decode gives, so everything
downstream reads both alike; only what a `Keys` leaves out is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypedDict

import msgspec

# What a Stripe list object holds beside its `data`, read whole.
LIST_FIELDS = ("object", "has_more", "url")
# Distinct projections are few (one per shape of page query); the bounds keep hostile ones
# from holding on to decoders, and to the types they are made of. Projections that share a
# sub-tree share its type.
DECODERS = 256
TYPES = 4096


@dataclass(frozen=True)
class Items:
    """A list of objects, each read as `item` says."""

    item: Keys


@dataclass(frozen=True)
class Keys:
    """Some keys of a JSON object. Each key's value is read whole (None), as an object of
    which only some keys are read (`Keys`), or as a list of such objects (`Items`)."""

    fields: frozenset[tuple[str, Keys | Items | None]]

    @classmethod
    def of(cls, fields: Mapping[str, Keys | Items | None]) -> Keys:
        return cls(frozenset(fields.items()))

    def size(self) -> int:
        """How many keys it names, those of nested objects included."""
        return sum(
            1 + (0 if value is None else (value.item if isinstance(value, Items) else value).size())
            for _, value in self.fields
        )

    def with_whole(self, *names: str) -> Keys:
        """These keys as well, each read whole."""
        fields: dict[str, Keys | Items | None] = dict(self.fields)
        fields.update(dict.fromkeys(names))
        return Keys.of(fields)


def list_of(item: Keys) -> Keys:
    """The keys of a Stripe list object whose `data` holds objects read as `item`."""
    return Keys.of({**dict.fromkeys(LIST_FIELDS), "data": Items(item)})


def decode(body: bytes, keys: Keys) -> Any:
    """The JSON object in `body`, holding only `keys`.

    Raises msgspec.DecodeError if `body` is not JSON, or if a value that `keys` reads as an
    object or a list is something else, and RecursionError where it nests deeper than about
    a thousand levels; the caller then decodes it in full instead.
    """
    return _decoder(keys).decode(body)


@lru_cache(maxsize=DECODERS)
def _decoder(keys: Keys) -> msgspec.json.Decoder[Any]:
    return msgspec.json.Decoder(_typed(keys))


@lru_cache(maxsize=TYPES)
def _typed(keys: Keys) -> Any:
    fields = {name: _value_type(value) for name, value in sorted(keys.fields, key=_name)}
    return TypedDict("Projected", fields, total=False)  # type: ignore[operator]


def _value_type(value: Keys | Items | None) -> Any:
    if value is None:
        return Any
    if isinstance(value, Items):
        return list[_typed(value.item)] | None  # type: ignore[misc]
    return _typed(value) | None


def _name(field: tuple[str, Keys | Items | None]) -> str:
    return field[0]

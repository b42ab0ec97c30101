"""Stripe's names in the create input's own spelling, for messages a GraphQL client reads.

An input's Python field names are Stripe's parameter names (`line_items`), and its enums'
values Stripe's strings (`hosted`); the schema spells them `lineItems` and `HOSTED`. Stripe's
messages use its own spelling, so they are rewritten before a client sees them.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from enum import Enum

from gateway.compat import to_camel_case

# A word as Stripe writes a parameter: `line_items[0][price_data][currency]`.
_TOKEN = re.compile(r"(`?)\b([a-z][a-z0-9_]*(?:\[[A-Za-z0-9_]*\])*)(`?)")
_PART = re.compile(r"[^\[\]]+")


class ParameterNames:
    """The parameter names and enum values an input type takes, at any depth."""

    def __init__(self, root: type) -> None:
        self.fields: set[str] = set()
        self.values: set[str] = set()
        self._walk(root, set())

    def _walk(self, cls: type, seen: set[type]) -> None:
        seen.add(cls)
        hints = typing.get_type_hints(cls)
        for field in dataclasses.fields(cls):
            self.fields.add(field.name)
            pending = [hints[field.name]]
            while pending:
                hint = pending.pop()
                if isinstance(hint, type) and issubclass(hint, Enum):
                    self.values.update(str(member.value) for member in hint)
                elif dataclasses.is_dataclass(hint) and isinstance(hint, type):
                    if hint not in seen:
                        self._walk(hint, seen)
                else:
                    pending.extend(typing.get_args(hint))

    def path(self, param: str) -> list[str]:
        """`line_items[0][price]` as the list of GraphQL names `["lineItems", "0", "price"]`."""
        return [to_camel_case(part) for part in _PART.findall(param)]

    def spell(self, param: str) -> str:
        """`line_items[0][price]` as a client writes it in a document: `lineItems[0].price`."""
        spelled = ""
        for part in self.path(param):
            spelled += f"[{part}]" if part.isdigit() else ("." if spelled else "") + part
        return spelled

    def speak(self, message: str, param: str | None = None) -> str:
        """`message` with Stripe's parameter names and values in the schema's spelling.

        The parameter at fault is always renamed. Another word is renamed only when it can be
        nothing else: a field name that is no enum value, or a quoted value that is no field.
        """

        def rename(match: re.Match[str]) -> str:
            opening, word, closing = match.groups()
            base = word.split("[", 1)[0]
            if word == param or (
                ("_" in word or "[" in word) and base in self.fields and word not in self.values
            ):
                word = self.spell(word)
            elif opening and closing and word in self.values and word not in self.fields:
                word = word.upper()
            return opening + word + closing

        return _TOKEN.sub(rename, message)

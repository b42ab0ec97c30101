"""Preparing documents: measured against the limits, validated and compiled once, then kept.

Preparing a document is checking, in order of cost, what it asks for: its size, its tokens
(the parser stops counting past the limit), its shape (depth, aliases, fields, directives,
introspection), then validation, plans and costs. Each check refuses the document before the
next, costlier one runs, with an error coded for the limit that carries the limit and what
was measured. What passes is kept, the least recently used dropped past a budget of bytes.

Documents longer than a few kilobytes are prepared on the worker thread, so that however long
one takes, requests already prepared keep being served in between.
"""

from __future__ import annotations

import bisect
import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from graphql import (
    DocumentNode,
    GraphQLError,
    OperationType,
    Source,
    SourceLocation,
    parse,
)

from gateway.config import LimitSettings
from gateway.limits.cost import Cost, CostModel
from gateway.limits.hoisting import Relocation, Shape, Tokens, template, tokens
from gateway.limits.shape import DocumentShape, measure
from gateway.limits.worker import Worker
from gateway.loaders.flight import SingleFlight
from gateway.schema import Executor, Prepared
from gateway.schema.errors import PARSE_FAILED, coded

# Documents up to this many characters are prepared on the event loop: it takes less time
# than handing them to a thread.
INLINE_CHARACTERS = 2048
# Documents up to this many characters share prepared documents by shape. Mapping an error's
# location back to the text sent lexes both texts on the event loop, which this bounds.
HOIST_CHARACTERS = 8192
# Documents with more fields than this are validated on the worker thread, as validation
# compares the fields of a selection pairwise.
INLINE_FIELDS = 100
# Memory a kept document takes for each byte of its text, parsed, planned and costed: from
# 156 to 170 measured on documents of 110 to 510 bytes.
MEMORY_PER_BYTE = 170
# Memory a text sharing another's prepared document takes per byte: the text, its literal
# values and their place in the cache; and what a shape's entry takes besides its key.
TEXT_FACTOR = 4
SHAPE_BYTES = 512
_NEWLINE = re.compile(r"\r\n|[\n\r]")


class IndexedSource(Source):
    """A source that finds the line of a position by bisection.

    graphql-core scans the text from the start for every error it locates, so a document
    with many errors cost the square of its size; this scans it once.
    """

    line_starts: list[int] | None = None

    def get_location(self, position: int) -> SourceLocation:
        starts = self.line_starts
        if starts is None:
            starts = [0, *(match.end() for match in _NEWLINE.finditer(self.body))]
            self.line_starts = starts
        line = bisect.bisect_right(starts, position)
        return SourceLocation(line, position + 1 - starts[line - 1])


def limit_error(code: str, message: str, limit: int, measured: int | None) -> GraphQLError:
    return GraphQLError(message, extensions={"code": code, "limit": limit, "measured": measured})


@dataclass(frozen=True, slots=True)
class Parsed:
    """A document that is within the limits, before validation."""

    document: DocumentNode
    size: int
    fields: int


@dataclass(frozen=True)
class Document:
    """A prepared document, and what each of its operations costs in Stripe calls."""

    prepared: Prepared
    costs: dict[str | None, Cost]
    # Estimated memory kept with the document, in bytes.
    size: int

    @property
    def errors(self) -> tuple[GraphQLError, ...]:
        errors: tuple[GraphQLError, ...] = self.prepared.errors
        return errors

    def operation_type(self, operation_name: str | None) -> OperationType | None:
        operation = self.prepared.operation(operation_name)
        return operation.type if operation is not None else None


@dataclass(frozen=True, slots=True)
class Found:
    """The prepared document for a text, and the values of the literals it takes as variables
    (see gateway.limits.hoisting)."""

    document: Document
    literals: dict[str, Any] | None = None
    # Set when the prepared document was parsed from another text of the same shape.
    relocation: Relocation | None = None


SharedKey = tuple[str, str, tuple[str | None, ...]]


@dataclass(frozen=True, slots=True)
class _Shared:
    """The prepared document of one shape and its kept literals, with the text it was parsed
    from; `document` is None where it did not validate (its texts are then prepared as they
    are, for their own errors)."""

    text: str
    document: Document | None


@dataclass(frozen=True, slots=True)
class _Bound:
    """A text that shares a prepared document: which one, and the text's literal values. It
    holds the document only by its key, so that dropping the document frees it."""

    key: SharedKey
    literals: dict[str, Any]


class _Mark(Enum):
    NOT_HOISTED = "not hoisted"


_NOT_HOISTED = _Mark.NOT_HOISTED
# Texts (a Found, or a _Bound), shapes (a Shape, or _NOT_HOISTED) and shared documents.
_Kept = Found | _Bound | Shape | _Mark | _Shared
T = TypeVar("T")


class DocumentCache:
    """Prepares documents under the limits and keeps them, within `document_cache_bytes` of
    (estimated) memory.

    Documents of up to `HOIST_CHARACTERS` that differ only in literal values share one
    prepared document, unless the settings turn `hoist_literals` off.
    """

    def __init__(
        self,
        executor: Executor,
        costs: CostModel,
        settings: LimitSettings,
        worker: Worker,
    ) -> None:
        self._executor = executor
        self._costs = costs
        self._settings = settings
        self._worker = worker
        self._hoist = settings.hoist_literals
        # Least recently used first; texts are keyed by themselves, the rest by tuples.
        self._kept: OrderedDict[str | tuple[str, ...] | SharedKey, _Kept] = OrderedDict()
        self._sizes: dict[str | tuple[str, ...] | SharedKey, int] = {}
        self._bytes = 0
        self._flights = SingleFlight()

    def kept(self, query: str) -> Found | None:
        """The prepared document, if it is kept; most requests repeat one."""
        kept = self._kept.get(query)
        if isinstance(kept, Found):
            self._kept.move_to_end(query)
            return kept
        if isinstance(kept, _Bound):
            shared = self._kept.get(kept.key)
            if isinstance(shared, _Shared) and shared.document is not None:
                self._kept.move_to_end(query)
                self._kept.move_to_end(kept.key)
                return _found(shared, shared.document, kept.literals, query)
        return None

    async def prepare(self, query: str) -> Found:
        kept = self.kept(query)
        if kept is not None:
            return kept
        inline = len(query) <= INLINE_CHARACTERS
        hoist = self._hoist and len(query) <= HOIST_CHARACTERS
        hoisted = await self._hoisted(query, inline) if hoist else None
        if hoisted is not None:
            found, bound = hoisted
            if bound is not None:
                self._keep(query, bound, len(query) * TEXT_FACTOR)
            return found
        if inline:
            # A short document is parsed and measured here; validating and planning it too,
            # unless it has many fields (validation compares fields pairwise).
            found = Found(await self._prepare_short(query, self._parse(query)))
        else:
            found = Found(await self._off_loop(query, lambda: self._prepare(query)))
        if not found.document.errors:
            self._keep(query, found, found.document.size)
        return found

    async def _prepare_short(self, query: str, parsed: Parsed | Document) -> Document:
        if isinstance(parsed, Document):
            return parsed
        if parsed.fields <= INLINE_FIELDS:
            return self._complete(parsed)
        return await self._off_loop(query, lambda: self._complete(parsed))

    async def _run(self, inline: bool, work: Callable[[], T]) -> T:
        """`work` here, for a short document, or on the worker thread."""
        return work() if inline else await self._worker.run(work)

    async def _hoisted(self, query: str, inline: bool) -> tuple[Found, _Bound | None] | None:
        """The shared document for `query`'s shape and its literal values, or None when the
        text is to be prepared as it is. Reading the tokens of a text that is not short, and
        parsing, validating and planning it, run on the worker thread."""
        settings = self._settings
        if len(query) > settings.max_document_bytes:
            # Too large however it is encoded: refused on the ordinary path before any lexing.
            return None
        found = await self._run(inline, lambda: tokens(query, settings.max_tokens))
        if found is None or not found.literals or self._near_limits(query, found):
            return None
        shape_key = ("shape", found.shape)
        shape = self._kept.get(shape_key)
        parsed: Parsed | Document | None = None
        if shape is None:
            parsed, made = await self._run(inline, lambda: self._new_shape(query, found))
            if isinstance(parsed, Document):
                return Found(parsed), None
            shape = made
            self._keep(shape_key, shape, SHAPE_BYTES + len(found.shape) * TEXT_FACTOR)
        else:
            self._kept.move_to_end(shape_key)
        if not isinstance(shape, Shape):
            return None
        literals = shape.bind(found.literals)
        if literals is None:
            return None
        key = shape.key(found.shape, found.literals)
        shared = self._kept.get(key)
        if isinstance(shared, _Shared):
            self._kept.move_to_end(key)
        else:
            # Requests of the same new shape in the meantime share this one's work, and with
            # it the text its document was parsed from, which their errors are mapped from.
            first = parsed
            shared = await self._flights.run(
                key, lambda: self._share(key, query, found, shape, first, inline)
            )
        if shared.document is None:
            return None
        return _found(shared, shared.document, literals, query), _Bound(key, literals)

    def _new_shape(self, query: str, found: Tokens) -> tuple[Parsed | Document, Shape | _Mark]:
        """The text parsed, and the shape it is the first of (or why it has none)."""
        parsed = self._parse(query)
        if isinstance(parsed, Document):
            return parsed, _NOT_HOISTED
        made = template(self._executor.schema, parsed.document, found)
        return parsed, made[0] if made is not None else _NOT_HOISTED

    async def _share(
        self,
        key: SharedKey,
        query: str,
        found: Tokens,
        shape: Shape,
        parsed: Parsed | Document | None,
        inline: bool,
    ) -> _Shared:
        """Prepare the document the texts of `key` share, from `query`, and keep it if it
        validates."""
        rewritten = await self._run(inline, lambda: self._rewrite(query, found, shape, parsed))
        document = None
        if rewritten is not None:
            if inline and rewritten.fields <= INLINE_FIELDS:
                document = self._complete(rewritten)
            else:
                document = await self._worker.run(lambda: self._complete(rewritten))
        if document is None or document.errors:
            # Whether the shared document validates depends only on `key`: later texts of it
            # go straight to the ordinary path, which reports their own errors.
            shared = _Shared(query, None)
            kept = sum(len(value or "") for value in key[2])
            self._keep(key, shared, SHAPE_BYTES + (len(key[1]) + kept) * TEXT_FACTOR)
            return shared
        shared = _Shared(query, document)
        self._keep(key, shared, document.size)
        return shared

    def _rewrite(
        self, query: str, found: Tokens, shape: Shape, parsed: Parsed | Document | None
    ) -> Parsed | None:
        """`query` parsed with its literals made variables as `shape` makes them, or None."""
        if parsed is None:
            parsed = self._parse(query)
        if not isinstance(parsed, Parsed):
            return None
        made = template(self._executor.schema, parsed.document, found)
        if made is None or made[0].hoisted != shape.hoisted:
            return None
        return Parsed(made[1], parsed.size, parsed.fields)

    def _near_limits(self, query: str, found: Tokens) -> bool:
        """Whether the text is near the size or token limits. A text of a shape already seen
        is not parsed, so these, which differ between texts of one shape, are checked here;
        the ordinary path measures a text near them exactly."""
        settings = self._settings
        return (
            found.count >= settings.max_tokens or len(query.encode()) > settings.max_document_bytes
        )

    async def _off_loop(self, query: str, work: Callable[[], Document]) -> Document:
        # Requests with the same document in the meantime wait for the same work.
        return await self._flights.run(query, lambda: self._worker.run(work))

    def _keep(self, key: str | tuple[str, ...] | SharedKey, value: _Kept, size: int) -> None:
        if key in self._kept or size > self._settings.document_cache_bytes:
            return
        self._kept[key] = value
        self._sizes[key] = size
        self._bytes += size
        while self._bytes > self._settings.document_cache_bytes:
            dropped, _ = self._kept.popitem(last=False)
            self._bytes -= self._sizes.pop(dropped)

    def _prepare(self, query: str) -> Document:
        parsed = self._parse(query)
        return parsed if isinstance(parsed, Document) else self._complete(parsed)

    def _parse(self, query: str) -> Parsed | Document:
        """The document parsed and measured, or refused for its size, tokens or shape."""
        size = len(query.encode())
        refusal = self._check_size(size)
        if refusal is None:
            try:
                document = parse(
                    IndexedSource(query),
                    max_lexical_tokens=self._settings.max_tokens,
                    max_comments=self._settings.max_tokens,
                )
            except GraphQLError as error:
                refusal = self._token_refusal(error)
            else:
                _unlink_tokens(document)
                shape = self._measure(document)
                if isinstance(shape, DocumentShape):
                    refusal = self._check_shape(shape)
                    if refusal is None:
                        return Parsed(document, size, shape.fields)
                else:
                    refusal = shape
        return Document(Prepared(None, (refusal,)), {}, size * MEMORY_PER_BYTE)

    def _complete(self, parsed: Parsed) -> Document:
        """Validate, plan and cost a parsed document."""
        document = parsed.document
        prepared = self._executor.prepare(document)
        # A document of one operation has it under its name and under None too.
        compiled = {
            id(operation): self._costs.compile(document, operation.definition)
            for operation in prepared.operations.values()
        }
        costs = {name: compiled[id(operation)] for name, operation in prepared.operations.items()}
        return Document(prepared, costs, parsed.size * MEMORY_PER_BYTE)

    def _check_size(self, size: int) -> GraphQLError | None:
        limit = self._settings.max_document_bytes
        if size <= limit:
            return None
        return limit_error(
            "DOCUMENT_TOO_LARGE",
            f"The document is {size} bytes; the limit is {limit}.",
            limit,
            size,
        )

    def _token_refusal(self, error: GraphQLError) -> GraphQLError:
        if "Document contains more than" not in error.message:
            [syntax] = coded([error], PARSE_FAILED)
            return syntax
        limit = self._settings.max_tokens
        return limit_error(
            "TOKEN_LIMIT_EXCEEDED",
            f"The document has more than {limit} tokens, the limit.",
            limit,
            None,
        )

    def _measure(self, document: DocumentNode) -> DocumentShape | GraphQLError:
        try:
            return measure(document)
        except RecursionError:
            return limit_error(
                "DEPTH_LIMIT_EXCEEDED",
                "The document nests too deeply to be measured.",
                self._settings.max_depth,
                None,
            )

    def _check_shape(self, shape: DocumentShape) -> GraphQLError | None:
        settings = self._settings
        for code, what, limit, measured in _measures(shape, settings):
            if measured > limit:
                return limit_error(
                    code,
                    f"The document has {measured} {what}; the limit is {limit}.",
                    limit,
                    measured,
                )
        return None


def _found(shared: _Shared, document: Document, literals: dict[str, Any], query: str) -> Found:
    moved = shared.text != query
    return Found(document, literals, Relocation(shared.text, query) if moved else None)


def _unlink_tokens(document: DocumentNode) -> None:
    """Make the parser's chain of tokens one-way, so that refcounting alone can free it.

    Every location in the tree points into a chain of tokens linked both ways: a cycle, which
    only the garbage collector frees, and which a kept document lives long enough to reach its
    oldest generation with, where the process's collector settings (see gateway.cli) seldom
    look. Nothing reads a token's `prev` once the document is parsed.
    """
    token = document.loc.start_token if document.loc is not None else None
    while token is not None:
        token.prev = None
        token = token.next


def _measures(shape: DocumentShape, settings: LimitSettings) -> list[tuple[str, str, int, int]]:
    return [
        ("DEPTH_LIMIT_EXCEEDED", "levels of nesting", settings.max_depth, shape.depth),
        ("ALIAS_LIMIT_EXCEEDED", "aliases", settings.max_aliases, shape.aliases),
        ("ROOT_FIELD_LIMIT_EXCEEDED", "root fields", settings.max_root_fields, shape.root_fields),
        ("FIELD_LIMIT_EXCEEDED", "fields, fragments expanded", settings.max_fields, shape.fields),
        (
            "DIRECTIVE_LIMIT_EXCEEDED",
            "directives on one field",
            settings.max_directives,
            shape.directives,
        ),
        (
            "INTROSPECTION_LIMIT_EXCEEDED",
            "introspection fields",
            settings.max_introspection_fields,
            shape.introspection_fields,
        ),
        (
            "INTROSPECTION_DEPTH_LIMIT_EXCEEDED",
            "levels of nested introspection lists",
            settings.max_introspection_depth,
            shape.introspection_depth,
        ),
    ]

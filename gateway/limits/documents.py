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
from gateway.limits.shape import DocumentShape, measure
from gateway.limits.worker import Worker
from gateway.loaders.flight import SingleFlight
from gateway.schema import Executor, Prepared
from gateway.schema.errors import PARSE_FAILED, coded

# Documents up to this many characters are prepared on the event loop: it takes less time
# than handing them to a thread.
INLINE_CHARACTERS = 2048
# Documents with more fields than this are validated on the worker thread, as validation
# compares the fields of a selection pairwise.
INLINE_FIELDS = 100
# Memory a kept document takes for each byte of its text, parsed, planned and costed: from
# 156 to 170 measured on documents of 110 to 510 bytes.
MEMORY_PER_BYTE = 170
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


class DocumentCache:
    """Prepares documents under the limits and keeps them, within `document_cache_bytes` of
    (estimated) memory."""

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
        self._kept: OrderedDict[str, Document] = OrderedDict()
        self._bytes = 0
        self._flights = SingleFlight()

    def kept(self, query: str) -> Document | None:
        """The prepared document, if it is kept; most requests repeat one."""
        kept = self._kept.get(query)
        if kept is not None:
            self._kept.move_to_end(query)
        return kept

    async def prepare(self, query: str) -> Document:
        kept = self.kept(query)
        if kept is not None:
            return kept
        if len(query) > INLINE_CHARACTERS:
            document = await self._off_loop(query, lambda: self._prepare(query))
        else:
            # A short document is parsed and measured here; validating and planning it too,
            # unless it has many fields (validation compares fields pairwise).
            parsed = self._parse(query)
            if isinstance(parsed, Document):
                document = parsed
            elif parsed.fields <= INLINE_FIELDS:
                document = self._complete(parsed)
            else:
                document = await self._off_loop(query, lambda: self._complete(parsed))
        if not document.errors:
            self._keep(query, document)
        return document

    async def _off_loop(self, query: str, work: Callable[[], Document]) -> Document:
        # Requests with the same document in the meantime wait for the same work.
        return await self._flights.run(query, lambda: self._worker.run(work))

    def _keep(self, query: str, document: Document) -> None:
        if query in self._kept or document.size > self._settings.document_cache_bytes:
            return
        self._kept[query] = document
        self._bytes += document.size
        while self._bytes > self._settings.document_cache_bytes:
            _, dropped = self._kept.popitem(last=False)
            self._bytes -= dropped.size

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

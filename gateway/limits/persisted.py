"""Persisted documents: Apollo's automatic persisted queries, and trusted documents only.

With automatic persisted queries a client sends the SHA-256 of its document first; the gateway
answers `PERSISTED_QUERY_NOT_FOUND` until the client has sent the document with its hash once,
after which the hash alone will do. With a trusted documents manifest, only the documents it
lists run, named by hash (as `extensions.persistedQuery.sha256Hash` or `documentId`) or sent
in full; anything else is refused with `PERSISTED_QUERY_REQUIRED`.
"""

from __future__ import annotations

import hashlib
import logging
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

import redis.asyncio as redis
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

APQ_TTL_SECONDS = 24 * 3600
# What a kept document costs beside its text: its hash and the dictionary's entry.
ENTRY_OVERHEAD = 200


class PersistedQueryError(Exception):
    """The request's document cannot be had; `code` says why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def sha256(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


class MemoryDocuments:
    """Registered documents in this process, the least recently used dropped past `max_bytes`."""

    def __init__(self, max_bytes: int) -> None:
        self._documents: OrderedDict[str, str] = OrderedDict()
        self._bytes = 0
        self._max_bytes = max_bytes

    async def get(self, digest: str) -> str | None:
        document = self._documents.get(digest)
        if document is not None:
            self._documents.move_to_end(digest)
        return document

    async def put(self, digest: str, document: str) -> None:
        size = len(document) + ENTRY_OVERHEAD
        if digest in self._documents or size > self._max_bytes:
            return
        self._documents[digest] = document
        self._bytes += size
        while self._bytes > self._max_bytes:
            _, dropped = self._documents.popitem(last=False)
            self._bytes -= len(dropped) + ENTRY_OVERHEAD


class RedisDocuments:
    """Registered documents every replica sees; a failing Redis reads as a miss."""

    def __init__(self, client: redis.Redis, prefix: str) -> None:
        self._client = client
        self._prefix = prefix

    async def get(self, digest: str) -> str | None:
        try:
            value = await self._client.get(f"{self._prefix}:{digest}")
        except RedisError as exc:
            logger.warning("persisted query read failed: %s", type(exc).__name__)
            return None
        return value.decode() if isinstance(value, bytes) else None

    async def put(self, digest: str, document: str) -> None:
        try:
            await self._client.set(f"{self._prefix}:{digest}", document, ex=APQ_TTL_SECONDS)
        except RedisError as exc:
            logger.warning("persisted query write failed: %s", type(exc).__name__)


class PersistedDocuments:
    """Finds the document a request means, from its text, its hash or its document id."""

    def __init__(
        self,
        *,
        store: MemoryDocuments | RedisDocuments | None,
        trusted: Mapping[str, str] | None,
        max_bytes: int,
    ) -> None:
        self._store = store
        self._trusted = dict(trusted) if trusted is not None else None
        self._trusted_texts = frozenset(self._trusted.values()) if self._trusted else frozenset()
        self._max_bytes = max_bytes

    @property
    def trusted_only(self) -> bool:
        """Whether only the manifest's documents run (so their names are a bounded set)."""
        return self._trusted is not None

    def takes_as_sent(self, extensions: Mapping[str, Any] | None, document_id: str | None) -> bool:
        """Whether a request's `query` runs as it is: it names no hash, and any may run."""
        return (
            self._trusted is None
            and document_id is None
            and (extensions is None or "persistedQuery" not in extensions)
        )

    async def document(
        self, query: str | None, extensions: Mapping[str, Any] | None, document_id: str | None
    ) -> str:
        digest = _requested_hash(extensions, document_id)
        if self._trusted is not None:
            return self._trusted_document(query, digest)
        if digest is None:
            if query is None:
                raise PersistedQueryError(
                    "BAD_REQUEST", 'The request has no GraphQL query: send a "query" string.'
                )
            return query
        if self._store is None:
            raise PersistedQueryError(
                "PERSISTED_QUERY_NOT_SUPPORTED", "Persisted queries are turned off."
            )
        if query is None:
            found = await self._store.get(digest)
            if found is None:
                raise PersistedQueryError("PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound")
            return found
        if sha256(query) != digest:
            raise PersistedQueryError(
                "PERSISTED_QUERY_HASH_MISMATCH", "The query's SHA-256 is not the hash sent."
            )
        return query

    async def register(
        self, query: str, extensions: Mapping[str, Any] | None, document_id: str | None
    ) -> None:
        """Keep a document a client sent with its hash, once it has proved a valid one.

        The hash is the one `document` checked against the text, and is checked again here:
        a document is only ever kept under its own hash.
        """
        if self._store is None or self._trusted is not None:
            return
        try:
            digest = _requested_hash(extensions, document_id)
        except PersistedQueryError:
            return
        if digest is not None and sha256(query) == digest:
            await self._store.put(digest, query)

    def _trusted_document(self, query: str | None, digest: str | None) -> str:
        assert self._trusted is not None
        if digest is not None:
            found = self._trusted.get(digest)
            if found is None:
                raise PersistedQueryError("PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound")
            return found
        if query is not None and (query in self._trusted_texts or sha256(query) in self._trusted):
            return query
        raise PersistedQueryError(
            "PERSISTED_QUERY_REQUIRED",
            "Only trusted documents run here: send the hash of a registered document.",
        )


def _requested_hash(extensions: Mapping[str, Any] | None, document_id: str | None) -> str | None:
    """The hash the request names, from `documentId` or Apollo's `persistedQuery` extension."""
    persisted = (extensions or {}).get("persistedQuery")
    if document_id is not None:
        if persisted is not None:
            raise PersistedQueryError(
                "BAD_REQUEST", "Name the document by `documentId` or `persistedQuery`, not both."
            )
        return document_id.removeprefix("sha256:")
    if persisted is None:
        return None
    if (
        not isinstance(persisted, dict)
        or persisted.get("version") != 1
        or not isinstance(persisted.get("sha256Hash"), str)
    ):
        raise PersistedQueryError(
            "BAD_REQUEST", "`persistedQuery` must be {version: 1, sha256Hash: <hex>}."
        )
    digest: str = persisted["sha256Hash"]
    return digest

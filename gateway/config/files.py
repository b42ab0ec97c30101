"""Settings that live in files: the API key table and the trusted documents manifest."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import orjson

from gateway.config.settings import ApiKey
from gateway.identity import Scope

_SHA256_HEX = re.compile(r"[0-9a-f]{64}")
CUSTOMER_ID = re.compile(r"cus_[A-Za-z0-9]+")
ACCOUNT_ID = re.compile(r"acct_[A-Za-z0-9]+")
_CLIENT_FIELDS = {"name", "key_sha256", "scopes", "customer", "account"}


class FileError(ValueError):
    """A settings file that cannot be used; the message says where and why."""


def read_api_keys(path: str) -> tuple[ApiKey, ...]:
    """The `[[client]]` tables of a TOML key file, each checked field by field."""
    try:
        table = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise FileError(f"cannot read {path}: {exc.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise FileError(f"{path} is not valid TOML: {exc}") from None
    unknown = set(table) - {"client"}
    if unknown:
        raise FileError(f"{path} may hold only [[client]] tables, not {sorted(unknown)}")
    clients = table.get("client", [])
    if not isinstance(clients, list):
        raise FileError(f"{path}: `client` must be an array of tables, [[client]]")
    keys = tuple(
        _api_key(entry, f"{path}, client {index + 1}") for index, entry in enumerate(clients)
    )
    _unique(keys, path)
    return keys


def _api_key(entry: Any, where: str) -> ApiKey:
    if not isinstance(entry, dict):
        raise FileError(f"{where} must be a table")
    unknown = set(entry) - _CLIENT_FIELDS
    if unknown:
        raise FileError(f"{where} has unknown fields {sorted(unknown)}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise FileError(f"{where} needs a `name`")
    digest = entry.get("key_sha256")
    if not isinstance(digest, str) or not _SHA256_HEX.fullmatch(digest.lower()):
        raise FileError(
            f"{where} ({name}): `key_sha256` must be the 64 hex digits of the key's SHA-256"
        )
    scopes = entry.get("scopes", [])
    known = {scope.value: scope for scope in Scope}
    if not isinstance(scopes, list) or not all(isinstance(s, str) for s in scopes):
        raise FileError(f"{where} ({name}): `scopes` must be a list of strings")
    strange = [scope for scope in scopes if scope not in known]
    if strange:
        raise FileError(
            f"{where} ({name}): unknown scopes {strange}; known: {', '.join(sorted(known))}"
        )
    return ApiKey(
        name=name.strip(),
        key_sha256=digest.lower(),
        scopes=frozenset(known[scope] for scope in scopes),
        customer=_optional_id(entry, "customer", CUSTOMER_ID, where, name),
        account=_optional_id(entry, "account", ACCOUNT_ID, where, name),
    )


def _optional_id(
    entry: dict[str, Any], field: str, shape: re.Pattern[str], where: str, name: str
) -> str | None:
    value = entry.get(field)
    if value is None:
        return None
    if not isinstance(value, str) or not shape.fullmatch(value):
        prefix = shape.pattern.partition("_")[0]
        raise FileError(f"{where} ({name}): `{field}` must be a Stripe id starting {prefix}_")
    return value


def _unique(keys: tuple[ApiKey, ...], path: str) -> None:
    names = [key.name for key in keys]
    digests = [key.key_sha256 for key in keys]
    for label, values in (("name", names), ("key_sha256", digests)):
        repeated = sorted({value for value in values if values.count(value) > 1})
        if repeated:
            shown = repeated if label == "name" else [value[:12] + "…" for value in repeated]
            raise FileError(f"{path}: two clients share the {label} {shown}")


def read_trusted_documents(path: str) -> dict[str, str]:
    """A manifest of trusted documents, by hash.

    Two shapes are read: a JSON object of hash to document (GraphQL Codegen's client preset
    and The Guild's tools write this), and Apollo's persisted query manifest (an object with
    `operations`, each with an `id` and a `body`).
    """
    try:
        manifest = orjson.loads(Path(path).read_bytes())
    except OSError as exc:
        raise FileError(f"cannot read {path}: {exc.strerror}") from None
    except orjson.JSONDecodeError as exc:
        raise FileError(f"{path} is not valid JSON: {exc}") from None
    if isinstance(manifest, dict) and isinstance(manifest.get("operations"), list):
        pairs = [
            (operation.get("id"), operation.get("body"))
            for operation in manifest["operations"]
            if isinstance(operation, dict)
        ]
    elif isinstance(manifest, dict):
        pairs = list(manifest.items())
    else:
        raise FileError(f"{path} must be a JSON object of hash to document")
    documents: dict[str, str] = {}
    for key, body in pairs:
        if not isinstance(key, str) or not key or not isinstance(body, str) or not body.strip():
            raise FileError(f"{path}: every entry needs a hash and a document, got {key!r}")
        documents[key.removeprefix("sha256:")] = body
    if not documents:
        raise FileError(f"{path} lists no documents")
    return documents

"""The files GraphiQL's page loads, read from the npm packages installed beside this module."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

PACKAGES = Path(__file__).parent / "node_modules"
HERE = Path(__file__).parent

# What the page needs, in the order it loads them: the name it is served under, the npm
# package it comes from (None for the gateway's own script) and its path in that package.
FILES = (
    ("react.js", "react", "umd/react.production.min.js"),
    ("react-dom.js", "react-dom", "umd/react-dom.production.min.js"),
    ("graphiql.js", "graphiql", "graphiql.min.js"),
    ("graphiql.css", "graphiql", "graphiql.min.css"),
    ("explorer.js", "@graphiql/plugin-explorer", "dist/index.umd.js"),
    ("explorer.css", "@graphiql/plugin-explorer", "dist/style.css"),
    ("start.js", None, "start.js"),
)
MEDIA_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


class AssetsMissing(Exception):
    """The npm packages are not installed: `make run` and `make test` install them."""


@dataclass(frozen=True)
class Asset:
    name: str
    body: bytes
    media_type: str
    integrity: str
    """Subresource Integrity value, so the browser refuses a file altered after start-up."""


class Assets:
    """Every file of the page, read once at start-up and kept in memory (about 1.6 MB).

    Their URLs carry a digest of their contents, so browsers may cache them for good and a
    new version of any package is a new URL.
    """

    def __init__(self, packages: Path = PACKAGES) -> None:
        self.versions: dict[str, str] = {}
        self.by_name: dict[str, Asset] = {}
        for name, package, path in FILES:
            source = HERE / path if package is None else packages / package / path
            try:
                body = source.read_bytes()
                if package is not None:
                    manifest = json.loads((packages / package / "package.json").read_bytes())
                    self.versions[package] = manifest["version"]
            except OSError:
                raise AssetsMissing(
                    f"GraphiQL's files are not installed ({source} is missing): run "
                    f"`npm ci --prefix {HERE}`, which `make run` does."
                ) from None
            digest = hashlib.sha384(body).digest()
            self.by_name[name] = Asset(
                name=name,
                body=body,
                media_type=MEDIA_TYPES[Path(name).suffix],
                integrity="sha384-" + base64.b64encode(digest).decode(),
            )
        self.tag = hashlib.sha256(
            "".join(asset.integrity for asset in self.by_name.values()).encode()
        ).hexdigest()[:12]

    def url(self, prefix: str, name: str) -> str:
        return f"{prefix}/{self.tag}/{name}"

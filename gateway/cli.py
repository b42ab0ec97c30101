"""Command line: `checkout-gateway serve`, `export-schema`, `export-scopes` and `new-key`."""

from __future__ import annotations

import argparse
import json
import logging.config
import sys

from gateway.config import ConfigError, load_settings
from gateway.identity import Scope
from gateway.telemetry import log_config


def export_schema() -> None:
    from gateway.schema import build_schema

    sys.stdout.write(build_schema().as_str() + "\n")


SCOPES_START = "<!-- scopes: made by `checkout-gateway export-scopes` -->\n"
SCOPES_END = "<!-- /scopes -->"


def export_scopes(readme: str | None) -> None:
    """Print the table of scopes, or rewrite it in place between the markers of `readme`."""
    from gateway.compat import graphql_schema
    from gateway.schema import build_schema
    from gateway.schema.permissions import scope_table

    table = scope_table(graphql_schema(build_schema()))
    if readme is None:
        sys.stdout.write(table)
        return
    with open(readme, encoding="utf-8") as file:
        text = file.read()
    head, start, rest = text.partition(SCOPES_START)
    _, end, tail = rest.partition(SCOPES_END)
    if not start or not end:
        raise SystemExit(f"checkout-gateway: {readme} has no scopes markers")
    with open(readme, "w", encoding="utf-8") as file:
        file.write(head + start + table + end + tail)


def new_key(
    name: str, scopes: list[str], customer: str | None, account: str | None, append: str | None
) -> None:
    """Make a key: the key itself for the client (on stdout), and the entry for the key file
    (appended to `append`, or shown on stderr)."""
    from gateway.auth import new_key as make_key

    key, digest = make_key()
    entry = [
        "[[client]]",
        f"name = {json.dumps(name)}",
        f'key_sha256 = "{digest}"',
        f"scopes = {json.dumps(scopes)}",
    ]
    if customer:
        entry.append(f"customer = {json.dumps(customer)}")
    if account:
        entry.append(f"account = {json.dumps(account)}")
    text = "\n".join(entry) + "\n"
    if append is None:
        sys.stderr.write("Add this entry to the AUTH_KEYS_FILE:\n\n" + text + "\n")
    else:
        with open(append, "a", encoding="utf-8") as file:
            file.write(("\n" if file.tell() else "") + text)
    sys.stdout.write(key + "\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="checkout-gateway",
        description="A GraphQL gateway over Stripe's Checkout Sessions API.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="serve GraphQL at /graphql (configured by environment)")
    commands.add_parser("export-schema", help="print the schema's SDL")
    scopes = commands.add_parser("export-scopes", help="print the table of scopes")
    scopes.add_argument("--readme", help="rewrite the table in this file instead")
    keys = commands.add_parser("new-key", help="make an API key and its key file entry")
    keys.add_argument("name", help="the client's name, as rate limits and audit lines show it")
    keys.add_argument("--scope", action="append", default=[], choices=[s.value for s in Scope])
    keys.add_argument("--customer", help="bind the key to this customer (cus_…)")
    keys.add_argument("--account", help="act as this connected account (acct_…)")
    keys.add_argument("--append", metavar="KEY_FILE", help="append the entry to this key file")
    args = parser.parse_args(argv)
    if args.command == "export-schema":
        export_schema()
        return
    if args.command == "export-scopes":
        export_scopes(args.readme)
        return
    if args.command == "new-key":
        new_key(args.name, args.scope, args.customer, args.account, args.append)
        return
    try:
        settings = load_settings()
    except ConfigError as exc:
        parser.exit(2, f"checkout-gateway: {exc}\n")
    observability = settings.observability
    logging.config.dictConfig(log_config(observability.log_level, observability.log_format))
    from gateway.server import serve

    try:
        serve(settings)
    except RuntimeError as exc:
        parser.exit(1, f"checkout-gateway: {exc}\n")

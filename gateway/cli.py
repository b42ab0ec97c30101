"""Command line: `checkout-gateway serve` and `checkout-gateway export-schema`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import secrets
import sys
import threading
import time
from dataclasses import replace

import uvicorn

from gateway.config import ConfigError, Settings, load_settings

logger = logging.getLogger("gateway")


def start_emulator(port: int) -> str:
    """Serve the embedded emulator, with its demo data, from a background thread.

    The gateway then reaches it over loopback HTTP exactly as it would reach Stripe.
    """
    from gateway.emulator import EmulatorOptions, create_app

    config = uvicorn.Config(
        create_app(EmulatorOptions()), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=lambda: asyncio.run(server.serve()), name="emulator", daemon=True
    )
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the embedded emulator could not listen on 127.0.0.1:{port}")
        time.sleep(0.01)
    bound = server.servers[0].sockets[0].getsockname()[1]
    return f"http://127.0.0.1:{bound}"


def with_emulator(settings: Settings) -> Settings:
    """Point the settings at a freshly started emulator with a throwaway test key."""
    base = start_emulator(settings.emulator_port)
    stripe = replace(settings.stripe, api_key=f"sk_test_{secrets.token_hex(12)}", api_base=base)
    return replace(settings, stripe=stripe)


def serve(settings: Settings) -> None:
    from gateway.app import create_app

    if settings.uses_emulator:
        settings = with_emulator(settings)
        logger.info(
            "No STRIPE_API_KEY set: serving demo data from the embedded Stripe emulator at %s",
            settings.stripe.api_base,
        )
    else:
        logger.info("Serving Stripe at %s", settings.stripe.api_base)
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level,
    )


def export_schema() -> None:
    from gateway.schema import build_schema

    sys.stdout.write(build_schema().as_str() + "\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="checkout-gateway",
        description="A GraphQL gateway over Stripe's Checkout Sessions API.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="serve GraphQL at /graphql (configured by environment)")
    commands.add_parser("export-schema", help="print the schema's SDL")
    args = parser.parse_args(argv)
    if args.command == "export-schema":
        export_schema()
        return
    try:
        settings = load_settings()
    except ConfigError as exc:
        parser.exit(2, f"checkout-gateway: {exc}\n")
    logging.basicConfig(level=settings.log_level.upper(), format="%(levelname)s:     %(message)s")
    serve(settings)

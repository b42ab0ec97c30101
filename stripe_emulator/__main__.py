"""Serve the emulator alone: `python -m stripe_emulator --port 12111`.

Webhooks go to `--webhook-url`, signed with the secret in `EMULATOR_WEBHOOK_SECRET` (kept
off the command line, where any user of the machine could read it).
"""

from __future__ import annotations

import argparse
import os

import uvicorn

from stripe_emulator import EmulatorOptions, create_app


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m stripe_emulator", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=12111)
    parser.add_argument("--empty", action="store_true", help="start without demo data")
    parser.add_argument("--latency-ms", type=float, default=0.0)
    parser.add_argument("--failure-rate", type=float, default=0.0)
    parser.add_argument("--webhook-url", help="where to send events (needs the secret)")
    args = parser.parse_args(argv)
    secret = os.environ.get("EMULATOR_WEBHOOK_SECRET", "").strip() or None
    if bool(args.webhook_url) != bool(secret):
        parser.error("--webhook-url and the EMULATOR_WEBHOOK_SECRET variable go together")
    try:
        options = EmulatorOptions(
            seed_demo_data=not args.empty,
            latency_ms=args.latency_ms,
            failure_rate=args.failure_rate,
            webhook_url=args.webhook_url,
            webhook_secret=secret,
        )
    except ValueError as exc:
        parser.error(str(exc))
    uvicorn.run(create_app(options), host=args.host, port=args.port, log_level="warning")


if __name__ == "__main__":
    main()

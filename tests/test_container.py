"""The container files: what compose runs would start and talk to each other."""

from __future__ import annotations

import re
from pathlib import Path

from stripe_emulator.calls import authenticate
from stripe_emulator.errors import StripeError

ROOT = Path(__file__).parent.parent


def _setting(text: str, name: str) -> str:
    match = re.search(rf"^\s+{name}: (\S+)$", text, re.MULTILINE)
    assert match is not None, name
    return match[1]


def test_the_compose_gateway_holds_a_key_the_emulator_takes() -> None:
    from starlette.requests import Request

    compose = (ROOT / "docker-compose.yml").read_text()
    key = _setting(compose, "STRIPE_API_KEY")
    request = Request({"type": "http", "headers": [(b"authorization", f"Bearer {key}".encode())]})
    try:
        authenticate(request)
    except StripeError as exc:
        raise AssertionError(f"the emulator refuses {key}: {exc}") from None
    # Both ends sign with one secret, and the emulator sends to the gateway's webhook route.
    assert _setting(compose, "EMULATOR_WEBHOOK_SECRET") == "*webhook-secret"
    assert _setting(compose, "STRIPE_WEBHOOK_SECRET") == "*webhook-secret"
    assert "--webhook-url=http://gateway:8000/webhooks/stripe" in compose
    assert _setting(compose, "CACHE_URL").startswith("redis://redis:6379")


def test_the_image_checks_health_on_the_port_it_serves() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    [healthcheck] = [line for line in dockerfile.splitlines() if "/healthz" in line]
    assert "os.environ.get('PORT', '8000')" in healthcheck
    assert re.search(r"^USER \d+$", dockerfile, re.MULTILINE)

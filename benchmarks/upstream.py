"""The Stripe emulator the servers call: its process, its admin endpoints and the suite's data."""

from __future__ import annotations

import secrets
import sys
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx

from benchmarks.processes import Pinning, Server, free_port
from gateway.stripe.encoding import encode_params

SESSIONS = 1000
LINE_ITEMS = 2
RICH_LINE_ITEMS = 3
# Every third session is paid, so there are completed sessions to cache and open ones to expire.
COMPLETE_EVERY = 3
# No upstream call for this long means the servers have nothing left in flight.
QUIET_SECONDS = 0.3


def new_key() -> str:
    return f"sk_test_{secrets.token_hex(12)}"


def session_form(index: int, items: int = LINE_ITEMS) -> str:
    """A Stripe-style form body for a payment session with `items` inline-priced line items."""
    params: list[tuple[str, str]] = [
        ("mode", "payment"),
        ("success_url", "https://example.com/done"),
    ]
    for n in range(items):
        prefix = f"line_items[{n}]"
        params += [
            (f"{prefix}[price_data][currency]", "usd"),
            (f"{prefix}[price_data][unit_amount]", str(500 + 100 * n + index)),
            (f"{prefix}[price_data][product_data][name]", f"Bench item {index}.{n}"),
            (f"{prefix}[quantity]", str(1 + n)),
        ]
    return urlencode(params)


def rich_session_form(index: int, items: int = RICH_LINE_ITEMS) -> str:
    """A payment session filled in as a shop's would be: the customer's email, a coupon,
    automatic tax, a custom field, phone and shipping address collection, a shipping rate
    and `items` line items. Paid, it carries the customer's details as well."""
    params: dict[str, Any] = {
        "mode": "payment",
        "success_url": "https://example.com/success?session_id={CHECKOUT_SESSION_ID}",
        "cancel_url": "https://example.com/cart",
        "client_reference_id": f"cart_{index}",
        "customer_email": f"customer{index}@example.com",
        "customer_creation": "always",
        "locale": "en",
        "submit_type": "pay",
        "billing_address_collection": "required",
        "line_items": [
            {
                "price_data": {
                    "currency": "usd",
                    "unit_amount": 500 + 100 * n + index,
                    "product_data": {"name": f"Bench item {index}.{n}"},
                },
                "quantity": 1 + n,
            }
            for n in range(items)
        ],
        "discounts": [{"coupon": "SUMMER10"}],
        "metadata": {"order": f"B-{index}", "channel": "web"},
        "automatic_tax": {"enabled": True},
        "custom_fields": [
            {
                "key": "engraving",
                "label": {"type": "custom", "custom": "Engraving text"},
                "type": "text",
                "optional": True,
            }
        ],
        "phone_number_collection": {"enabled": True},
        "shipping_address_collection": {"allowed_countries": ["US", "CA"]},
        "shipping_options": [
            {
                "shipping_rate_data": {
                    "display_name": "Standard",
                    "type": "fixed_amount",
                    "fixed_amount": {"amount": 500, "currency": "usd"},
                }
            }
        ],
        "tax_id_collection": {"enabled": True},
    }
    return urlencode(encode_params(params))


@dataclass(frozen=True)
class Dataset:
    """The sessions the suite made, newest last."""

    ids: tuple[str, ...]
    completed: tuple[str, ...]


class Emulator:
    """The emulator, started empty on the load CPU, with a client for its admin endpoints."""

    def __init__(self, pinning: Pinning) -> None:
        port = free_port()
        command = [sys.executable, "-m", "stripe_emulator", "--port", str(port), "--empty"]
        self.server = Server(
            "emulator", pinning.load(command), port, health_path="/_emulator/config"
        )
        self.key = new_key()
        self._http: httpx.Client | None = None

    @property
    def url(self) -> str:
        return self.server.url

    def __enter__(self) -> Emulator:
        self.server.__enter__()
        self._http = httpx.Client(
            base_url=self.url, headers={"Authorization": f"Bearer {self.key}"}, timeout=10
        )
        return self

    def __exit__(self, *exc: object) -> None:
        if self._http is not None:
            self._http.close()
        self.server.stop()

    @property
    def http(self) -> httpx.Client:
        if self._http is None:
            raise RuntimeError("the emulator is not running")
        return self._http

    def _call(
        self, method: str, path: str, *, json: object = None, form: str | None = None
    ) -> dict[str, Any]:
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if form else None
        response = self.http.request(method, path, json=json, content=form, headers=headers)
        if response.status_code != 200:
            raise RuntimeError(
                f"emulator: {method} {path} answered {response.status_code}: {response.text}"
            )
        body: dict[str, Any] = response.json()
        return body

    def seed(self) -> Dataset:
        """Create the sessions every workload reads, each with two line items; pay some."""
        ids: list[str] = []
        completed: list[str] = []
        for index in range(SESSIONS):
            session = self._call("POST", "/v1/checkout/sessions", form=session_form(index))
            sid = str(session["id"])
            ids.append(sid)
            if index % COMPLETE_EVERY == 0:
                self._call("POST", f"/_emulator/checkout/sessions/{sid}/complete", json={})
                completed.append(sid)
        return Dataset(tuple(ids), tuple(completed))

    def seed_rich(self) -> tuple[str, ...]:
        """Create and pay the sessions the side-by-side run reads (`rich_session_form`)."""
        ids: list[str] = []
        for index in range(SESSIONS):
            session = self._call("POST", "/v1/checkout/sessions", form=rich_session_form(index))
            sid = str(session["id"])
            self._call("POST", f"/_emulator/checkout/sessions/{sid}/complete", json={})
            ids.append(sid)
        return tuple(ids)

    def reset_counters(self) -> None:
        self._call("POST", "/_emulator/requests/reset")

    def counters(self) -> dict[str, int]:
        """Requests the emulator served since the last reset, by route, plus `total`."""
        body = self._call("GET", "/_emulator/requests")
        return {"total": int(body["total"]), **body["routes"]}

    def wait_until_quiet(self, timeout: float = 15.0) -> None:
        """Wait until no upstream call arrives for a while (abandoned operations finishing)."""
        deadline = time.monotonic() + timeout
        last = self.counters()["total"]
        while time.monotonic() < deadline:
            time.sleep(QUIET_SECONDS)
            now = self.counters()["total"]
            if now == last:
                return
            last = now

    def set_latency(self, milliseconds: float) -> None:
        self._call("POST", "/_emulator/config", json={"latency_ms": milliseconds})

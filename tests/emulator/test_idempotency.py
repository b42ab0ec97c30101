"""`Idempotency-Key`: replays, mismatches and keys still in flight."""

from __future__ import annotations

import secrets
import threading

import httpx
import stripe

from stripe_emulator import EmulatorOptions, create_app
from tests.emulator.conftest import make_price, new_key
from tests.servers import serve


def session_form(price_id: str, quantity: int = 1) -> dict[str, str]:
    return {
        "mode": "payment",
        "line_items[0][price]": price_id,
        "line_items[0][quantity]": str(quantity),
    }


def test_same_key_same_parameters_replays(client: stripe.StripeClient, http: httpx.Client) -> None:
    price = make_price(client)
    key = {"Idempotency-Key": secrets.token_hex(8)}
    first = http.post("/v1/checkout/sessions", data=session_form(price.id), headers=key)
    second = http.post("/v1/checkout/sessions", data=session_form(price.id), headers=key)
    assert first.status_code == second.status_code == 200
    assert second.json()["id"] == first.json()["id"]
    assert second.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert len(client.v1.checkout.sessions.list().data) == 1


def test_same_key_other_parameters_is_refused(
    client: stripe.StripeClient, http: httpx.Client
) -> None:
    price = make_price(client)
    key = {"Idempotency-Key": secrets.token_hex(8)}
    http.post("/v1/checkout/sessions", data=session_form(price.id), headers=key)
    other = http.post("/v1/checkout/sessions", data=session_form(price.id, 2), headers=key)
    assert other.status_code == 400
    assert other.json()["error"]["type"] == "idempotency_error"


def test_keys_are_per_account(client: stripe.StripeClient, base_url: str) -> None:
    price = make_price(client)
    key = secrets.token_hex(8)
    auth = {"Authorization": f"Bearer {new_key()}", "Idempotency-Key": key}
    first = httpx.post(
        f"{base_url}/v1/checkout/sessions", data={"mode": "setup", "currency": "usd"}, headers=auth
    )
    other = httpx.post(
        f"{base_url}/v1/checkout/sessions",
        data=session_form(price.id),
        headers={**auth, "Stripe-Account": "acct_" + secrets.token_hex(6)},
    )
    assert first.status_code == 200
    assert other.status_code == 400 and other.json()["error"]["code"] == "resource_missing"


def test_key_in_flight_is_409() -> None:
    with serve(create_app(EmulatorOptions(seed_demo_data=False, latency_ms=400))) as url:
        headers = {"Authorization": f"Bearer {new_key()}", "Idempotency-Key": "hold-me"}
        form = {"mode": "setup", "currency": "usd"}
        results: list[httpx.Response] = []
        slow = threading.Thread(
            target=lambda: results.append(
                httpx.post(f"{url}/v1/checkout/sessions", data=form, headers=headers)
            )
        )
        slow.start()
        threading.Event().wait(0.15)
        busy = httpx.post(f"{url}/v1/checkout/sessions", data=form, headers=headers)
        slow.join()
        assert busy.status_code == 409
        error = busy.json()["error"]
        assert (error["type"], error["code"]) == ("idempotency_error", "idempotency_key_in_use")
        assert results[0].status_code == 200
        replay = httpx.post(f"{url}/v1/checkout/sessions", data=form, headers=headers)
        assert replay.json()["id"] == results[0].json()["id"]


def test_keys_longer_than_255_characters_are_refused(
    client: stripe.StripeClient, http: httpx.Client
) -> None:
    price = make_price(client)
    long_key = {"Idempotency-Key": "k" * 256}
    refused = http.post("/v1/checkout/sessions", data=session_form(price.id), headers=long_key)
    assert refused.status_code == 400
    assert "255" in refused.json()["error"]["message"]
    assert len(client.v1.checkout.sessions.list().data) == 0

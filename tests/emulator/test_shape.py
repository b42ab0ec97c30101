"""Every session has exactly the top-level fields of the Checkout Session reference, which the
pinned stripe SDK's `checkout.Session` annotations give."""

from __future__ import annotations

import inspect
from typing import Any, ClassVar, get_origin

import httpx
from stripe.checkout import Session

from tests.emulator.conftest import new_key


def reference_fields() -> set[str]:
    """The Checkout Session's top-level fields, as the pinned stripe SDK annotates them
    (leaving out its class constants)."""
    annotations: dict[str, object] = inspect.get_annotations(Session)
    return {name for name, hint in annotations.items() if get_origin(hint) is not ClassVar}


def test_the_pinned_sdk_lists_66_fields() -> None:
    assert len(reference_fields()) == 66


def test_every_session_has_exactly_the_reference_fields(base_url: str) -> None:
    fields = reference_fields()
    with httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {new_key()}"}) as api:
        demo = api.get("/v1/checkout/sessions", params={"limit": 100}).json()["data"]
        price = api.post(
            "/v1/prices",
            data={"currency": "usd", "unit_amount": "100", "product_data[name]": "P"},
        ).json()
        fresh: list[dict[str, Any]] = []
        for mode in ("payment", "subscription", "setup"):
            form = {"mode": mode, "currency": "usd"} if mode == "setup" else {"mode": mode}
            if mode != "setup":
                recurring = api.post(
                    "/v1/prices",
                    data={
                        "currency": "usd",
                        "unit_amount": "100",
                        "product": price["product"],
                        **({"recurring[interval]": "month"} if mode == "subscription" else {}),
                    },
                ).json()
                form |= {"line_items[0][price]": recurring["id"], "line_items[0][quantity]": "1"}
            for outcome in ("open", "complete", "expired"):
                session = api.post("/v1/checkout/sessions", data=form).json()
                if outcome == "complete":
                    path = f"/_emulator/checkout/sessions/{session['id']}/complete"
                    session = api.post(path).json()
                elif outcome == "expired":
                    session = api.post(f"/v1/checkout/sessions/{session['id']}/expire").json()
                fresh.append(session)
        expanded = api.get(
            f"/v1/checkout/sessions/{fresh[0]['id']}", params={"expand[]": "line_items"}
        ).json()
    seen = {(s["mode"], s["status"], s["ui_mode"]) for s in demo}
    assert {m for m, _, _ in seen} == {"payment", "setup", "subscription"}
    assert {(m, s) for m, s, _ in seen} >= {
        (m, s)
        for m in ("payment", "setup", "subscription")
        for s in ("open", "complete", "expired")
    }
    assert {u for _, _, u in seen} == {"hosted", "embedded", "custom"}
    for session in [*demo, *fresh, expanded]:
        assert set(session) == fields, session["id"]


def test_demo_data_fills_nested_objects(base_url: str) -> None:
    with httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {new_key()}"}) as api:
        demo = api.get("/v1/checkout/sessions", params={"limit": 100}).json()["data"]
    filled = {
        key for session in demo for key, value in session.items() if value not in (None, [], {})
    }
    assert filled >= {
        "customer_details",
        "total_details",
        "custom_fields",
        "custom_text",
        "shipping_options",
        "shipping_cost",
        "consent",
        "consent_collection",
        "invoice_creation",
        "payment_method_options",
        "discounts",
        "optional_items",
        "branding_settings",
        "name_collection",
        "wallet_options",
        "adaptive_pricing",
        "collected_information",
        "presentment_details",
        "permissions",
        "saved_payment_method_options",
        "payment_method_configuration_details",
        "currency_conversion",
        "after_expiration",
    }
    rich = next(s for s in demo if s["total_details"] and s["total_details"]["breakdown"])
    breakdown = rich["total_details"]["breakdown"]
    assert breakdown["discounts"][0]["amount"] == rich["total_details"]["amount_discount"] > 0
    assert breakdown["taxes"][0]["amount"] == rich["total_details"]["amount_tax"] > 0
    assert {f["type"] for f in rich["custom_fields"]} == {"text", "numeric", "dropdown"}
    assert rich["customer_details"]["tax_ids"][0]["type"] == "eu_vat"
    assert set(rich["payment_method_options"]) >= {"card", "us_bank_account", "sepa_debit"}
    assert rich["shipping_cost"]["shipping_rate"].startswith("shr_")
    totals = rich["total_details"]
    assert rich["amount_total"] == (
        rich["amount_subtotal"]
        - totals["amount_discount"]
        + totals["amount_tax"]
        + totals["amount_shipping"]
    )

"""Demo data: a small catalog and sessions in every mode, status and UI mode.

Sessions are made by the same code as `POST /v1/checkout/sessions`, then completed or expired.
Only what a create request cannot express (coupon and tax amounts, tax ids, a payment link,
currency conversion) is added to the finished objects afterwards.
"""

from __future__ import annotations

from typing import Any

from stripe_emulator import catalog, sessions
from stripe_emulator.emulator import Emulator
from stripe_emulator.ids import random_id
from stripe_emulator.params import SESSION_CREATE
from stripe_emulator.spec import check_object
from stripe_emulator.store import Account, Json, SessionRecord

TAX_PERCENT = 8.25
DISCOUNT_PERCENT = 10


def seed(emulator: Emulator) -> None:
    account = emulator.store.account(None)
    now = emulator.clock.now()
    prices = _catalog(account, now - 7 * 86400)
    specs = _sessions(prices)
    for i, (params, outcome) in enumerate(specs):
        created = now - (len(specs) - i) * 600
        checked = check_object(params, SESSION_CREATE, "")
        record = sessions.create(account, checked, created, emulator.store.next_seq())
        if outcome == "complete":
            sessions.complete(record, None, None)
        elif outcome == "expired":
            sessions.expire(record, created + 3600)
        if i == 0:
            _enrich(record, created)
        account.add_session(record)


def _catalog(account: Account, created: int) -> dict[str, str]:
    """Create the demo products with their prices; return price ids by a short name."""
    rows = [
        ("tshirt", "prod_DemoTshirt01", "Emulator T-shirt", 2500, None),
        ("mug", "prod_DemoMug00001", "Coffee mug", 1200, None),
        ("stickers", "prod_DemoStickers1", "Sticker pack", 500, None),
        ("setup_fee", "prod_DemoSetupFee1", "Onboarding", 4900, None),
        ("pro_monthly", "prod_DemoProPlan01", "Pro plan", 2900, "month"),
        ("team_yearly", "prod_DemoTeamPlan1", "Team plan", 29900, "year"),
    ]
    prices = {}
    for key, product_id, name, amount, interval in rows:
        params: dict[str, Any] = {
            "id": product_id,
            "name": name,
            "description": f"{name} (demo)",
            "metadata": {"demo": "true"},
            "default_price_data": {"currency": "usd", "unit_amount": amount},
        }
        if interval is not None:
            params["default_price_data"]["recurring"] = {"interval": interval}
        product = catalog.create_product(account, params, created)
        prices[key] = product["default_price"]
    return prices


def _sessions(p: dict[str, str]) -> list[tuple[dict[str, Any], str]]:
    """Create parameters, as a form would carry them, and what happens to each session."""
    tshirt = {"price": p["tshirt"], "quantity": "2"}
    mug = {"price": p["mug"], "quantity": "1"}
    plan = {"price": p["pro_monthly"], "quantity": "1"}
    hosted = {"success_url": "https://example.com/success", "cancel_url": "https://example.com/"}
    embedded = {"ui_mode": "embedded", "return_url": "https://example.com/return"}
    custom = {"ui_mode": "custom", "return_url": "https://example.com/return"}
    return [
        (_rich_payment(p), "complete"),
        ({"mode": "payment", "line_items": [tshirt], **hosted}, "open"),
        (
            {
                "mode": "payment",
                "line_items": [
                    {
                        "price_data": {
                            "currency": "usd",
                            "unit_amount": "1999",
                            "product_data": {"name": "Gift card"},
                        },
                        "quantity": "1",
                    }
                ],
                "metadata": {"order": "A-1002"},
                **embedded,
            },
            "open",
        ),
        (
            {
                "mode": "payment",
                "line_items": [mug],
                "after_expiration": {
                    "recovery": {"enabled": "true", "allow_promotion_codes": "true"}
                },
                **custom,
            },
            "expired",
        ),
        (
            {
                "mode": "subscription",
                "line_items": [plan, {"price": p["setup_fee"], "quantity": "1"}],
                "subscription_data": {"trial_period_days": "14", "metadata": {"tier": "pro"}},
                "customer_email": "sam@example.com",
                "allow_promotion_codes": "true",
                **hosted,
            },
            "complete",
        ),
        (
            {
                "mode": "subscription",
                "line_items": [{"price": p["team_yearly"], "quantity": "5"}],
                **embedded,
            },
            "open",
        ),
        ({"mode": "subscription", "line_items": [plan], **custom}, "expired"),
        ({"mode": "setup", "currency": "usd", **hosted}, "complete"),
        ({"mode": "setup", "currency": "usd", **embedded}, "open"),
        (
            {"mode": "setup", "payment_method_types": ["card", "us_bank_account"], **hosted},
            "expired",
        ),
    ]


def _rich_payment(p: dict[str, str]) -> dict[str, Any]:
    """A payment session that fills nearly every nested object a create request can set."""
    return {
        "mode": "payment",
        "success_url": "https://example.com/success?session_id={CHECKOUT_SESSION_ID}",
        "cancel_url": "https://example.com/cart",
        "client_reference_id": "cart_8841",
        "customer_email": "jenny.rosen@example.com",
        "customer_creation": "always",
        "locale": "en",
        "submit_type": "pay",
        "billing_address_collection": "required",
        "line_items": [
            {
                "price": p["tshirt"],
                "quantity": "2",
                "adjustable_quantity": {"enabled": "true", "minimum": "1", "maximum": "10"},
            },
            {"price": p["mug"], "quantity": "1"},
        ],
        "optional_items": [{"price": p["stickers"], "quantity": "1"}],
        "discounts": [{"coupon": "SUMMER10"}],
        "metadata": {"order": "A-1001", "channel": "web"},
        "automatic_tax": {"enabled": "true"},
        "adaptive_pricing": {"enabled": "true"},
        "branding_settings": {
            "display_name": "Emulator Outfitters",
            "background_color": "#f6f9fc",
            "button_color": "#635bff",
            "border_style": "pill",
            "font_family": "inter",
            "logo": {"type": "url", "url": "https://example.com/logo.png"},
        },
        "consent_collection": {
            "promotions": "auto",
            "terms_of_service": "required",
            "payment_method_reuse_agreement": {"position": "auto"},
        },
        "custom_fields": [
            {
                "key": "engraving",
                "label": {"type": "custom", "custom": "Engraving text"},
                "type": "text",
                "optional": "true",
                "text": {"maximum_length": "20"},
            },
            {
                "key": "employees",
                "label": {"type": "custom", "custom": "Team size"},
                "type": "numeric",
                "numeric": {"default_value": "12"},
            },
            {
                "key": "source",
                "label": {"type": "custom", "custom": "How did you hear about us?"},
                "type": "dropdown",
                "dropdown": {
                    "options": [
                        {"label": "A friend", "value": "friend"},
                        {"label": "A search engine", "value": "search"},
                    ],
                    "default_value": "search",
                },
            },
        ],
        "custom_text": {
            "submit": {"message": "We ship within two business days."},
            "shipping_address": {"message": "We deliver to the US and Canada."},
            "after_submit": {"message": "A receipt is on its way."},
            "terms_of_service_acceptance": {"message": "I accept the store terms."},
        },
        "invoice_creation": {
            "enabled": "true",
            "invoice_data": {
                "description": "Order A-1001",
                "footer": "Thank you for your business.",
                "metadata": {"order": "A-1001"},
                "custom_fields": [{"name": "PO number", "value": "PO-7731"}],
                "rendering_options": {"amount_tax_display": "include_inclusive_tax"},
            },
        },
        "name_collection": {"business": {"enabled": "true", "optional": "true"}},
        "payment_method_options": {
            "card": {
                "request_three_d_secure": "any",
                "setup_future_usage": "off_session",
                "installments": {"enabled": "false"},
            },
            "us_bank_account": {
                "verification_method": "instant",
                "financial_connections": {"permissions": ["payment_method", "balances"]},
            },
            "sepa_debit": {"mandate_options": {"reference_prefix": "EMU"}},
            "customer_balance": {
                "funding_type": "bank_transfer",
                "bank_transfer": {
                    "type": "eu_bank_transfer",
                    "eu_bank_transfer": {"country": "DE"},
                    "requested_address_types": ["iban"],
                },
            },
            "konbini": {"expires_after_days": "3"},
        },
        "permissions": {"update_shipping_details": "server_only"},
        "phone_number_collection": {"enabled": "true"},
        "saved_payment_method_options": {
            "payment_method_save": "enabled",
            "allow_redisplay_filters": ["always", "limited"],
        },
        "shipping_address_collection": {"allowed_countries": ["US", "CA"]},
        "shipping_options": [
            {
                "shipping_rate_data": {
                    "display_name": "Standard",
                    "type": "fixed_amount",
                    "fixed_amount": {"amount": "500", "currency": "usd"},
                }
            },
            {
                "shipping_rate_data": {
                    "display_name": "Express",
                    "type": "fixed_amount",
                    "fixed_amount": {"amount": "1500", "currency": "usd"},
                }
            },
        ],
        "tax_id_collection": {"enabled": "true", "required": "if_supported"},
        "wallet_options": {"link": {"display": "auto"}},
    }


def _enrich(record: SessionRecord, created: int) -> None:
    """Add a coupon, sales tax, a tax id and currency details to the rich demo session."""
    data = record.data
    discount = {
        "id": random_id("di_", 24),
        "object": "discount",
        "checkout_session": data["id"],
        "customer": data["customer"],
        "customer_account": None,
        "end": None,
        "invoice": None,
        "invoice_item": None,
        "promotion_code": None,
        "source": {"coupon": "SUMMER10", "type": "coupon"},
        "start": created,
        "subscription": None,
        "subscription_item": None,
    }
    rate = {
        "id": random_id("txr_", 24),
        "object": "tax_rate",
        "active": True,
        "country": "US",
        "created": created,
        "description": None,
        "display_name": "Sales Tax",
        "effective_percentage": TAX_PERCENT,
        "flat_amount": None,
        "inclusive": False,
        "jurisdiction": "CALIFORNIA",
        "jurisdiction_level": "state",
        "livemode": False,
        "metadata": {},
        "percentage": TAX_PERCENT,
        "rate_type": "percentage",
        "state": "CA",
        "tax_type": "sales_tax",
    }
    total_discount = total_tax = taxable_total = 0
    for item in record.line_items:
        off = item["amount_subtotal"] * DISCOUNT_PERCENT // 100
        taxable = item["amount_subtotal"] - off
        tax = round(taxable * TAX_PERCENT / 100)
        item.update(amount_discount=off, amount_tax=tax, amount_total=taxable + tax)
        item["discounts"] = [{"amount": off, "discount": discount}]
        item["taxes"] = [_tax(tax, rate, taxable)]
        total_discount, total_tax = total_discount + off, total_tax + tax
        taxable_total += taxable
    totals: Json = data["total_details"]
    totals.update(
        amount_discount=total_discount,
        amount_tax=total_tax,
        breakdown={
            "discounts": [{"amount": total_discount, "discount": discount}],
            "taxes": [_tax(total_tax, rate, taxable_total)],
        },
    )
    data["amount_total"] = (
        data["amount_subtotal"] - total_discount + total_tax + totals["amount_shipping"]
    )
    data["customer_details"]["tax_ids"] = [{"type": "eu_vat", "value": "DE123456789"}]
    data["customer_details"]["business_name"] = "Rosen Design GmbH"
    data["collected_information"]["business_name"] = "Rosen Design GmbH"
    data["payment_link"] = random_id("plink_", 24)
    data["presentment_details"] = {
        "presentment_amount": round(data["amount_total"] * 0.92),
        "presentment_currency": "eur",
    }
    data["currency_conversion"] = {
        "amount_subtotal": round(data["amount_subtotal"] * 0.92),
        "amount_total": round(data["amount_total"] * 0.92),
        "fx_rate": "0.92",
        "source_currency": "usd",
    }
    record.changed()


def _tax(amount: int, rate: Json, taxable: int) -> Json:
    return {
        "amount": amount,
        "rate": rate,
        "taxability_reason": "standard_rated",
        "taxable_amount": taxable,
    }

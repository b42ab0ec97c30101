"""Checkout Sessions: building one from create parameters, and moving it through its lifecycle."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

from stripe_emulator import shapes
from stripe_emulator.catalog import create_price
from stripe_emulator.errors import StripeError, invalid, missing_parameter, no_such
from stripe_emulator.ids import random_id, session_id
from stripe_emulator.pagination import list_object
from stripe_emulator.params import SESSION_CREATE
from stripe_emulator.shapes import fill, reflect
from stripe_emulator.spec import (
    INT,
    STR,
    ListOf,
    Obj,
    Spec,
    address,
    clearable,
    list_of,
    map_of,
    obj,
)
from stripe_emulator.store import Account, Json, SessionRecord

MIN_LIFETIME = 30 * 60
MAX_LIFETIME = 24 * 60 * 60
MAX_LINE_ITEMS = 100
EXPANDED_LINE_ITEMS = 10
LIABILITY: shapes.Shape = {"account": None, "type": None}


def create(account: Account, params: dict[str, Any], now: int, seq: int) -> SessionRecord:
    """Validate checked create parameters against each other and build an open session."""
    mode = params.get("mode")
    if mode is None:
        raise missing_parameter("mode")
    ui_mode = params.get("ui_mode", "hosted")
    _check_ui_mode(params, ui_mode)
    if params.get("customer") and params.get("customer_email"):
        raise invalid(
            "You may only specify one of these parameters: customer, customer_email.",
            code="parameters_exclusive",
            param="customer_email",
        )
    if mode != "payment" and params.get("invoice_creation") is not None:
        raise invalid(
            "`invoice_creation` can only be used in `payment` mode.", param="invoice_creation"
        )

    expires_at = params.get("expires_at", now + MAX_LIFETIME)
    if not now + MIN_LIFETIME <= expires_at <= now + MAX_LIFETIME:
        raise invalid(
            "The `expires_at` timestamp must be between 30 minutes and 24 hours from the "
            "Checkout Session's creation.",
            param="expires_at",
        )
    sid = session_id()
    items, currency = _line_items(account, params, mode, now)
    if mode == "setup":
        currency = params.get("currency", "").lower() or None
        if currency is None and not params.get("payment_method_types"):
            raise invalid(
                "`currency` is required in `setup` mode when `payment_method_types` is not set.",
                code="parameter_missing",
                param="currency",
            )
    elif params.get("currency") and params["currency"].lower() != currency:
        raise invalid(
            f"The `currency` {params['currency']} does not match the line items' currency "
            f"{currency}.",
            param="currency",
        )
    shipping_options = _shipping_options(account, params.get("shipping_options", []), now)
    optional_items = params.get("optional_items")
    for i, item in enumerate(optional_items or []):
        if item["price"] not in account.prices:
            raise no_such("price", item["price"], f"optional_items[{i}][price]", 400)

    data = _session_json(sid, params, mode, ui_mode, currency, now, expires_at)
    data["shipping_options"] = shipping_options
    if optional_items is not None:
        data["optional_items"] = [fill(i, shapes.OPTIONAL_ITEMS) for i in optional_items]
    _set_amounts(data, items)
    return SessionRecord(seq=seq, data=data, line_items=items)


def _create_line_item_param(name: str) -> Spec:
    """A line item parameter as create declares it; update takes the same shape."""
    items = SESSION_CREATE.fields["line_items"]
    assert isinstance(items, ListOf) and isinstance(items.item, Obj)
    return items.item.fields[name]


# Metadata changes: a key given an empty value is removed, and an empty `metadata` removes all.
METADATA_CHANGES = clearable(map_of(clearable(STR)))

SESSION_UPDATE = obj(
    {
        "collected_information": obj(
            {
                "shipping_details": obj(
                    {
                        "address": address("country", "line1"),
                        "name": STR,
                    },
                    required=("address", "name"),
                )
            }
        ),
        "expand": list_of(STR),
        "line_items": list_of(
            obj(
                {
                    "adjustable_quantity": _create_line_item_param("adjustable_quantity"),
                    "id": STR,
                    "metadata": METADATA_CHANGES,
                    "price": STR,
                    "price_data": _create_line_item_param("price_data"),
                    "quantity": INT,
                    "tax_rates": clearable(list_of(STR)),
                }
            )
        ),
        "metadata": METADATA_CHANGES,
        "shipping_options": clearable(SESSION_CREATE.fields["shipping_options"]),
    }
)


def update(account: Account, record: SessionRecord, params: dict[str, Any], now: int) -> None:
    """Apply checked update parameters to an open session, pricing it again as create does.

    Everything given is checked before anything changes, so a refused update leaves the
    session as it was.
    """
    data = record.data
    if data["status"] != "open":
        raise not_open(data, "updated")
    items = record.line_items
    if "line_items" in params:
        items = _updated_line_items(account, record, params["line_items"], now)
    shipping_options = data["shipping_options"]
    if "shipping_options" in params:
        shipping_options = _shipping_options(account, params["shipping_options"] or [], now)
    collected = data["collected_information"]
    if "collected_information" in params:
        collected = _collected_information(data, params["collected_information"])
    data["metadata"] = _merged_metadata(data["metadata"], params)
    data["collected_information"] = collected
    data["shipping_options"] = shipping_options
    record.line_items = items
    _reprice(data, items)
    record.changed()


def _updated_line_items(
    account: Account, record: SessionRecord, given: list[Json], now: int
) -> list[Json]:
    """The session's items as the update lists them: each one kept or changed by its `id`, or
    added without one; items left out are removed."""
    data = record.data
    if data["mode"] == "setup":
        raise _line_items_in_setup()
    current = {item["id"]: item for item in record.line_items}
    listed: set[str] = set()

    def build(params: Json, path: str) -> Json:
        item_id = params.get("id")
        if item_id is None:
            item = _line_item(account, params, path, now)
            item["metadata"] = _merged_metadata({}, params)
            return item
        old = current.get(item_id)
        if old is None:
            raise no_such("line item", item_id, f"{path}[id]", 400)
        if item_id in listed:
            raise invalid(
                f"The line item `{item_id}` is listed more than once.", param=f"{path}[id]"
            )
        listed.add(item_id)
        item = _line_item(account, _as_changed(old, params), path, now)
        item.update(id=item_id, metadata=_merged_metadata(old["metadata"], params))
        return item

    items = _priced_items(given, build, data["mode"])
    if items[0]["currency"] != data["currency"]:
        raise invalid(
            f"The line items' currency {items[0]['currency']} does not match the session's "
            f"currency {data['currency']}.",
            param="line_items",
        )
    return items


def _as_changed(old: Json, changes: Json) -> Json:
    """An existing line item as the parameters that made it, with `changes` over them; a price
    given anew replaces the old one."""
    made: Json = {
        "adjustable_quantity": old["adjustable_quantity"],
        "price": old["price"]["id"],
        "quantity": old["quantity"],
    }
    if "price" in changes or "price_data" in changes:
        del made["price"]
    return {**made, **changes}


def _merged_metadata(current: Json, params: Json) -> Json:
    """Stripe's metadata update: given keys are set, keys given empty are removed, and an empty
    `metadata` removes every key."""
    if "metadata" not in params:
        return current
    changes = params["metadata"]
    if changes is None:
        return {}
    merged = {**current, **changes}
    return {key: value for key, value in merged.items() if value is not None}


def _collected_information(data: Json, given: Json) -> Json:
    if data["ui_mode"] == "hosted":
        raise invalid(
            "`collected_information` can only be set on `embedded` or `custom` sessions.",
            param="collected_information",
        )
    return fill({**(data["collected_information"] or {}), **given}, shapes.COLLECTED_INFORMATION)


def _reprice(data: Json, items: list[Json]) -> None:
    """The totals again, from a session with no shipping chosen and nothing to pay yet."""
    data["shipping_cost"] = None
    if data["mode"] != "setup":
        data["payment_status"] = "unpaid"
    _set_amounts(data, items)


def _check_ui_mode(params: dict[str, Any], ui_mode: str) -> None:
    if ui_mode == "hosted":
        for name in ("return_url", "redirect_on_completion"):
            if name in params:
                raise invalid(f"`{name}` is not allowed when `ui_mode` is `hosted`.", param=name)
        return
    for name in ("success_url", "cancel_url"):
        if name in params:
            raise invalid(f"`{name}` is not allowed when `ui_mode` is `{ui_mode}`.", param=name)
    if "return_url" not in params and params.get("redirect_on_completion") != "never":
        raise invalid(
            f"`return_url` is required when `ui_mode` is `{ui_mode}` unless "
            "`redirect_on_completion` is `never`.",
            code="parameter_missing",
            param="return_url",
        )


def _line_items(
    account: Account, params: dict[str, Any], mode: str, now: int
) -> tuple[list[Json], str | None]:
    given = params.get("line_items")
    if mode == "setup":
        if given:
            raise _line_items_in_setup()
        return [], None
    if not given:
        raise missing_parameter("line_items")
    items = _priced_items(given, lambda item, path: _line_item(account, item, path, now), mode)
    return items, items[0]["currency"]


def _line_items_in_setup() -> StripeError:
    return invalid("You cannot pass `line_items` in `setup` mode.", param="line_items")


def _priced_items(given: list[Json], build: Callable[[Json, str], Json], mode: str) -> list[Json]:
    """Build each given line item, then check them together as Stripe checks a session's."""
    if len(given) > MAX_LINE_ITEMS:
        raise invalid(
            f"You may only specify up to {MAX_LINE_ITEMS} line items.", param="line_items"
        )
    items = [build(item, f"line_items[{i}]") for i, item in enumerate(given)]
    currencies = {item["currency"] for item in items}
    if len(currencies) > 1:
        raise invalid(
            "All line items must use the same currency; got " + ", ".join(sorted(currencies)),
            param="line_items",
        )
    recurring = [item["price"]["type"] == "recurring" for item in items]
    if mode == "payment" and any(recurring):
        raise invalid(
            "You specified `payment` mode but passed a recurring price. Either switch to "
            "`subscription` mode or use only one-time prices.",
            param="line_items",
        )
    if mode == "subscription" and not any(recurring):
        raise invalid(
            "You must provide at least one recurring price in `subscription` mode.",
            param="line_items",
        )
    return items


def _line_item(account: Account, params: dict[str, Any], path: str, now: int) -> Json:
    price_id = params.get("price")
    price_data: Json | None = params.get("price_data")
    if (price_id is None) == (price_data is None):
        raise invalid(
            f"You must specify exactly one of `{path}[price]` or `{path}[price_data]`.",
            param=f"{path}[price]",
        )
    if price_data is not None:
        price = create_price(account, price_data, now, f"{path}[price_data]", active=False)
    elif price_id in account.prices:
        price = account.prices[price_id]
    else:
        raise no_such("price", str(price_id), f"{path}[price]", 400)
    quantity = params.get("quantity")
    if quantity is None:
        raise missing_parameter(f"{path}[quantity]")
    if quantity < 1:
        raise invalid("Quantity must be at least 1.", param=f"{path}[quantity]")
    subtotal = price["unit_amount"] * quantity
    product = account.products.get(price["product"])
    adjustable = params.get("adjustable_quantity")
    return {
        "id": random_id("li_", 24),
        "object": "item",
        "adjustable_quantity": None
        if adjustable is None
        else {
            "enabled": adjustable["enabled"],
            "maximum": adjustable.get("maximum", 99),
            "minimum": adjustable.get("minimum", 0),
        },
        "amount_discount": 0,
        "amount_subtotal": subtotal,
        "amount_tax": 0,
        "amount_total": subtotal,
        "currency": price["currency"],
        "description": product["name"] if product else None,
        "discounts": [],
        "metadata": params.get("metadata", {}),
        "price": price,
        "quantity": quantity,
        "taxes": [],
    }


def _shipping_options(account: Account, given: list[Json], now: int) -> list[Json]:
    options = []
    for i, option in enumerate(given):
        rate_id = option.get("shipping_rate")
        rate_data: Json | None = option.get("shipping_rate_data")
        if (rate_id is None) == (rate_data is None):
            raise invalid(
                "Each shipping option needs exactly one of `shipping_rate` or "
                "`shipping_rate_data`.",
                param=f"shipping_options[{i}]",
            )
        if rate_data is not None:
            rate = _shipping_rate(rate_data, now)
            account.shipping_rates[rate["id"]] = rate
        elif rate_id in account.shipping_rates:
            rate = account.shipping_rates[rate_id]
        else:
            raise no_such(
                "shipping_rate", str(rate_id), f"shipping_options[{i}][shipping_rate]", 400
            )
        options.append({"shipping_amount": rate["amount"], "shipping_rate": rate["id"]})
    return options


def _shipping_rate(params: Json, now: int) -> Json:
    fixed = params.get("fixed_amount") or {"amount": 0, "currency": "usd"}
    return {
        "id": random_id("shr_", 24),
        "created": now,
        "display_name": params["display_name"],
        "amount": fixed["amount"],
        "currency": fixed["currency"],
    }


def _session_json(
    sid: str,
    params: dict[str, Any],
    mode: str,
    ui_mode: str,
    currency: str | None,
    now: int,
    expires_at: int,
) -> Json:
    """Every one of the session's top-level fields, from the parameters or Stripe's defaults."""
    get = params.get
    tax = get("automatic_tax") or {"enabled": False}
    pmo = get("payment_method_options") or {}
    customer = get("customer")
    data: Json = dict.fromkeys(shapes.SESSION_FIELDS)
    data.update(
        {
            "id": sid,
            "object": "checkout.session",
            "adaptive_pricing": reflect(
                get("adaptive_pricing", {"enabled": False}), shapes.ADAPTIVE_PRICING
            ),
            "after_expiration": _after_expiration(get("after_expiration")),
            "allow_promotion_codes": get("allow_promotion_codes"),
            "automatic_tax": {
                "enabled": tax["enabled"],
                "liability": reflect(tax.get("liability") or {"type": "self"}, LIABILITY)
                if tax["enabled"]
                else None,
                "provider": "stripe" if tax["enabled"] else None,
                "status": "requires_location_inputs" if tax["enabled"] else None,
            },
            "billing_address_collection": get("billing_address_collection"),
            "branding_settings": _branding(get("branding_settings")),
            "cancel_url": get("cancel_url"),
            "client_reference_id": get("client_reference_id"),
            "client_secret": f"{sid}_secret_{secrets.token_hex(12)}"
            if ui_mode != "hosted"
            else None,
            "consent_collection": reflect(get("consent_collection"), shapes.CONSENT_COLLECTION),
            "created": now,
            "currency": currency,
            "custom_fields": [_custom_field(f, i) for i, f in enumerate(get("custom_fields", []))],
            "custom_text": reflect(get("custom_text", {}), shapes.CUSTOM_TEXT),
            "customer": customer,
            "customer_account": get("customer_account"),
            "customer_creation": _customer_creation(params, mode),
            "customer_email": get("customer_email"),
            "discounts": [fill(d, shapes.DISCOUNTS) for d in get("discounts", [])],
            "excluded_payment_method_types": get("excluded_payment_method_types", []),
            "expires_at": expires_at,
            "invoice_creation": _invoice_creation(get("invoice_creation"))
            if mode == "payment"
            else None,
            "livemode": False,
            "locale": get("locale"),
            "metadata": get("metadata", {}),
            "mode": mode,
            "name_collection": _name_collection(get("name_collection")),
            "origin_context": get("origin_context"),
            "payment_method_collection": get("payment_method_collection", "always"),
            "payment_method_configuration_details": None
            if get("payment_method_types")
            else {
                "id": get("payment_method_configuration") or random_id("pmc_", 24),
                "parent": None,
            },
            "payment_method_options": _payment_method_options(pmo),
            "payment_method_types": get("payment_method_types") or ["card"],
            "payment_status": "no_payment_required" if mode == "setup" else "unpaid",
            "permissions": reflect(get("permissions"), shapes.PERMISSIONS),
            "phone_number_collection": {
                "enabled": (get("phone_number_collection") or {}).get("enabled", False)
            },
            "redirect_on_completion": get("redirect_on_completion", "always")
            if ui_mode != "hosted"
            else None,
            "return_url": get("return_url"),
            "saved_payment_method_options": _saved_payment_method_options(params, mode),
            "shipping_address_collection": reflect(
                get("shipping_address_collection"), shapes.SHIPPING_ADDRESS_COLLECTION
            ),
            "shipping_options": [],
            "status": "open",
            "submit_type": get("submit_type"),
            "success_url": get("success_url"),
            "tax_id_collection": {
                "enabled": (get("tax_id_collection") or {}).get("enabled", False),
                "required": (get("tax_id_collection") or {}).get("required", "never"),
            },
            "ui_mode": ui_mode,
            "url": checkout_url(sid) if ui_mode == "hosted" else None,
            "wallet_options": reflect(get("wallet_options"), shapes.WALLET_OPTIONS),
        }
    )
    return data


def checkout_url(sid: str) -> str:
    return f"https://checkout.stripe.com/c/pay/{sid}#fid{secrets.token_urlsafe(24)}"


def _after_expiration(given: Json | None) -> Json | None:
    if given is None:
        return None
    recovery = given.get("recovery")
    return {
        "recovery": None
        if recovery is None
        else {
            "allow_promotion_codes": recovery.get("allow_promotion_codes", False),
            "enabled": recovery["enabled"],
            "expires_at": None,
            "url": None,
        }
    }


def _branding(given: Json | None) -> Json | None:
    if given is None:
        return None
    defaults = {
        "background_color": "#ffffff",
        "border_style": "rounded",
        "button_color": "#0074d4",
        "display_name": "Emulated Store",
        "font_family": "default",
    }
    chosen = {key: value for key, value in given.items() if value is not None}
    return fill({**defaults, **chosen}, shapes.BRANDING_SETTINGS)


def _custom_field(given: Json, index: int) -> Json:
    kind = given["type"]
    if kind == "dropdown" and given.get("dropdown") is None:
        raise missing_parameter(f"custom_fields[{index}][dropdown]")
    return fill({"optional": False, kind: {}, **given}, shapes.CUSTOM_FIELDS)


def _customer_creation(params: dict[str, Any], mode: str) -> str | None:
    if mode == "subscription":
        return "always"
    default = "if_required" if mode == "payment" else None
    value: str | None = params.get("customer_creation", default)
    return value


def _invoice_creation(given: Json | None) -> Json:
    given = given or {"enabled": False}
    data = given.get("invoice_data") or {}
    return {
        "enabled": given["enabled"],
        "invoice_data": {
            "account_tax_ids": data.get("account_tax_ids"),
            "custom_fields": data.get("custom_fields"),
            "description": data.get("description"),
            "footer": data.get("footer"),
            "issuer": reflect(data.get("issuer"), LIABILITY),
            "metadata": data.get("metadata", {}),
            "rendering_options": data.get("rendering_options"),
        },
    }


def _name_collection(given: Json | None) -> Json | None:
    if given is None:
        return None
    return {
        kind: None if given.get(kind) is None else {"optional": False, **given[kind]}
        for kind in ("business", "individual")
    }


def _payment_method_options(given: Json) -> Json:
    """Keep the methods the session object describes, with each one's keys all present."""
    shape = shapes.PAYMENT_METHOD_OPTIONS
    result: Json = {}
    for method, options in given.items():
        sub = shape.get(method)
        if not isinstance(sub, dict):
            continue
        options = dict(options)
        if method == "card":
            options.setdefault("request_three_d_secure", "automatic")
        if method in ("boleto", "oxxo"):
            options.setdefault("expires_after_days", 3)
        result[method] = fill(options, sub)
    return result


def _saved_payment_method_options(params: dict[str, Any], mode: str) -> Json | None:
    given = params.get("saved_payment_method_options")
    if mode == "setup" or (given is None and params.get("customer") is None):
        return None
    return fill(
        {"allow_redisplay_filters": ["always"], **(given or {})},
        shapes.SAVED_PAYMENT_METHOD_OPTIONS,
    )


def _set_amounts(data: Json, items: list[Json]) -> None:
    """Fill the totals from line items and the first (preselected) shipping option."""
    if data["mode"] == "setup":
        data["amount_subtotal"] = data["amount_total"] = data["total_details"] = None
        return
    subtotal = sum(item["amount_subtotal"] for item in items)
    shipping = data["shipping_options"][0] if data["shipping_options"] else None
    shipping_amount = shipping["shipping_amount"] if shipping else 0
    if shipping is not None:
        data["shipping_cost"] = {
            "amount_subtotal": shipping_amount,
            "amount_tax": 0,
            "amount_total": shipping_amount,
            "shipping_rate": shipping["shipping_rate"],
            "taxes": [],
        }
    data["amount_subtotal"] = subtotal
    data["amount_total"] = subtotal + shipping_amount
    data["total_details"] = {
        "amount_discount": 0,
        "amount_shipping": shipping_amount,
        "amount_tax": 0,
        "breakdown": None,
    }
    if data["amount_total"] == 0:
        data["payment_status"] = "no_payment_required"


def complete(
    record: SessionRecord, email: str | None, name: str | None, delayed: bool = False
) -> None:
    """Simulate the customer finishing checkout: payment made, ids created as the mode implies.

    With `delayed` the customer paid by a method that settles later (such as ACH debit): the
    session completes `unpaid` and waits for `settle`.
    """
    data = record.data
    if data["status"] != "open":
        raise not_open(data, "completed")
    mode = data["mode"]
    paid = mode != "setup" and (data["amount_total"] or 0) > 0
    if delayed and not paid:
        raise invalid(
            "This Checkout Session has nothing to pay, so its payment cannot be delayed.",
            param="delayed",
        )
    name = name or "Jenny Rosen"
    email = email or data["customer_email"] or "jenny.rosen@example.com"
    address = {
        "city": "San Francisco",
        "country": "US",
        "line1": "510 Townsend St",
        "line2": None,
        "postal_code": "94103",
        "state": "CA",
    }
    wants_customer = mode == "subscription" or data["customer_creation"] == "always"
    data.update(
        {
            "status": "complete",
            "url": None,
            "payment_status": _payment_status(paid, delayed),
            "customer": data["customer"] or (random_id("cus_", 14) if wants_customer else None),
            "customer_details": {
                "address": None if mode == "setup" else address,
                "business_name": None,
                "email": email,
                "individual_name": None,
                "name": name,
                "phone": "+14155550100" if data["phone_number_collection"]["enabled"] else None,
                "tax_exempt": "none",
                "tax_ids": [],
            },
            "collected_information": {
                "business_name": None,
                "individual_name": None,
                "shipping_details": {"address": address, "name": name}
                if data["shipping_address_collection"]
                else None,
            },
        }
    )
    if data["consent_collection"] is not None:
        wanted = data["consent_collection"]
        data["consent"] = {
            "promotions": "opt_in" if wanted["promotions"] == "auto" else None,
            "terms_of_service": "accepted" if wanted["terms_of_service"] == "required" else None,
        }
    for field in data["custom_fields"]:
        _answer(field)
    if data["automatic_tax"]["enabled"]:
        data["automatic_tax"]["status"] = "complete"
    if mode == "payment":
        data["payment_intent"] = random_id("pi_", 24)
        if data["invoice_creation"]["enabled"]:
            data["invoice"] = random_id("in_", 24)
    elif mode == "setup":
        data["setup_intent"] = random_id("seti_", 24)
    else:
        data["subscription"] = random_id("sub_", 24)
        data["invoice"] = random_id("in_", 24)
    record.async_payment = "pending" if delayed else None
    record.changed()


def _payment_status(paid: bool, delayed: bool) -> str:
    if not paid:
        return "no_payment_required"
    return "unpaid" if delayed else "paid"


def _answer(field: Json) -> None:
    kind = field["type"]
    if kind == "dropdown":
        dropdown = field["dropdown"]
        dropdown["value"] = dropdown["default_value"] or dropdown["options"][0]["value"]
    elif kind == "numeric":
        field["numeric"]["value"] = field["numeric"]["default_value"] or "42"
    else:
        field["text"]["value"] = field["text"]["default_value"] or "Emulated answer"


def settle(record: SessionRecord, succeeded: bool) -> None:
    """Finish a delayed payment: the session becomes `paid`, or stays `unpaid` if it failed."""
    if record.async_payment != "pending":
        raise invalid(_not_awaiting(record))
    record.async_payment = "succeeded" if succeeded else "failed"
    if succeeded:
        record.data["payment_status"] = "paid"
        record.changed()


def _not_awaiting(record: SessionRecord) -> str:
    status = record.data["status"]
    if status != "complete":
        return (
            f"This Checkout Session is `{status}`; only a session completed with a delayed "
            "payment has one to settle."
        )
    if record.async_payment is None:
        return (
            "This Checkout Session was completed without a delayed payment, so there is none "
            "to settle; complete a session with `delayed: true` for one."
        )
    return (
        f"This Checkout Session's delayed payment has already {record.async_payment}; "
        "it can be settled only once."
    )


def expire(record: SessionRecord, now: int) -> None:
    data = record.data
    if data["status"] != "open":
        raise not_open(data, "expired")
    data["status"] = "expired"
    data["url"] = None
    recovery = (data["after_expiration"] or {}).get("recovery")
    if recovery and recovery["enabled"]:
        recovery["expires_at"] = now + 30 * MAX_LIFETIME
        recovery["url"] = f"https://buy.stripe.com/r/test_{secrets.token_urlsafe(32)}"
    record.changed()


def not_open(data: Json, action: str) -> StripeError:
    return invalid(
        f"This Checkout Session can no longer be {action}: it is in the terminal "
        f"state `{data['status']}`; only `open` sessions can change."
    )


def line_items_url(sid: str) -> str:
    return f"/v1/checkout/sessions/{sid}/line_items"


def with_line_items(record: SessionRecord) -> Json:
    """The session JSON with `line_items` expanded to its first page."""
    items = record.line_items
    first = items[:EXPANDED_LINE_ITEMS]
    return {
        **record.data,
        "line_items": list_object(
            line_items_url(record.data["id"]), first, len(items) > EXPANDED_LINE_ITEMS
        ),
    }

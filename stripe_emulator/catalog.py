"""Products and prices: just enough of Stripe's catalog for line items to reference."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from stripe_emulator import values
from stripe_emulator.errors import invalid, no_such
from stripe_emulator.ids import random_id
from stripe_emulator.spec import BOOL, INT, STR, Spec, list_of, map_of, obj, one_of
from stripe_emulator.store import Account, Json

TAX_BEHAVIOR = one_of(*values.TAX_BEHAVIOR)
INTERVAL = one_of(*values.RECURRING_INTERVAL)

PRODUCT_DATA = obj(
    {
        "active": BOOL,
        "description": STR,
        "id": STR,
        "images": list_of(STR),
        "metadata": map_of(STR),
        "name": STR,
        "statement_descriptor": STR,
        "tax_code": STR,
        "unit_label": STR,
    },
    required=("name",),
)

RECURRING = obj(
    {
        "interval": INTERVAL,
        "interval_count": INT,
        "trial_period_days": INT,
        "usage_type": one_of(*values.RECURRING_USAGE_TYPE),
    },
    required=("interval",),
)

PRICE_CREATE = obj(
    {
        "active": BOOL,
        "billing_scheme": one_of(*values.PRICE_BILLING_SCHEME_EMULATED),
        "currency": STR,
        "expand": list_of(STR),
        "lookup_key": STR,
        "metadata": map_of(STR),
        "nickname": STR,
        "product": STR,
        "product_data": PRODUCT_DATA,
        "recurring": RECURRING,
        "tax_behavior": TAX_BEHAVIOR,
        "unit_amount": INT,
        "unit_amount_decimal": STR,
    },
    required=("currency",),
)

PRODUCT_CREATE = obj(
    {
        **PRODUCT_DATA.fields,
        "default_price_data": obj(
            {
                "currency": STR,
                "metadata": map_of(STR),
                "recurring": obj({"interval": INTERVAL, "interval_count": INT}, ("interval",)),
                "tax_behavior": TAX_BEHAVIOR,
                "unit_amount": INT,
                "unit_amount_decimal": STR,
            },
            required=("currency",),
        ),
        "expand": list_of(STR),
        "shippable": BOOL,
        "type": one_of(*values.PRODUCT_TYPE),
        "url": STR,
    },
    required=("name",),
)

_PAGE: dict[str, Spec] = {
    "limit": INT,
    "starting_after": STR,
    "ending_before": STR,
    "expand": list_of(STR),
}
PRODUCT_LIST = obj({**_PAGE, "active": BOOL})
PRICE_LIST = obj(
    {
        **_PAGE,
        "active": BOOL,
        "currency": STR,
        "product": STR,
        "type": one_of(*values.PRICE_TYPE),
    }
)


def create_product(account: Account, params: dict[str, Any], now: int) -> Json:
    product_id = params.get("id") or random_id("prod_", 14)
    if product_id in account.products:
        raise invalid(f"Product already exists with id: {product_id}", param="id")
    product: Json = {
        "id": product_id,
        "object": "product",
        "active": params.get("active", True),
        "created": now,
        "default_price": None,
        "description": params.get("description"),
        "images": params.get("images", []),
        "livemode": False,
        "marketing_features": [],
        "metadata": params.get("metadata", {}),
        "name": params["name"],
        "package_dimensions": None,
        "shippable": params.get("shippable"),
        "statement_descriptor": params.get("statement_descriptor"),
        "tax_code": params.get("tax_code"),
        "type": params.get("type", "service"),
        "unit_label": params.get("unit_label"),
        "updated": now,
        "url": params.get("url"),
    }
    account.products[product_id] = product
    default = params.get("default_price_data")
    if default is not None:
        price = create_price(account, {**default, "product": product_id}, now, "default_price_data")
        product["default_price"] = price["id"]
    return product


def create_price(
    account: Account, params: dict[str, Any], now: int, path: str = "", *, active: bool = True
) -> Json:
    """Create a price from `POST /v1/prices` parameters or from a line item's `price_data`."""
    prefix = f"{path}[" if path else ""
    suffix = "]" if path else ""
    product_id = params.get("product")
    product_data = params.get("product_data")
    if (product_id is None) == (product_data is None):
        raise invalid(
            "You must specify either `product` or `product_data` when creating a price.",
            param=f"{prefix}product{suffix}",
        )
    if product_id is not None and product_id not in account.products:
        raise no_such("product", product_id, f"{prefix}product{suffix}", 400)
    if product_data is not None:
        product_id = create_product(account, product_data, now)["id"]
    amount = params.get("unit_amount")
    decimal = params.get("unit_amount_decimal")
    if amount is None and decimal is not None:
        try:
            amount = round(float(decimal))
        except ValueError:
            raise invalid(
                f"Invalid decimal: {decimal}", param=f"{prefix}unit_amount_decimal{suffix}"
            ) from None
    if amount is None:
        raise invalid(
            "You must specify either `unit_amount` or `unit_amount_decimal`.",
            code="parameter_missing",
            param=f"{prefix}unit_amount{suffix}",
        )
    if amount < 0:
        raise invalid(
            "This value must be greater than or equal to 0.",
            param=f"{prefix}unit_amount{suffix}",
        )
    recurring = params.get("recurring")
    price: Json = {
        "id": random_id("price_", 24),
        "object": "price",
        "active": params.get("active", active),
        "billing_scheme": "per_unit",
        "created": now,
        "currency": params["currency"].lower(),
        "custom_unit_amount": None,
        "livemode": False,
        "lookup_key": params.get("lookup_key"),
        "metadata": params.get("metadata", {}),
        "nickname": params.get("nickname"),
        "product": product_id,
        "recurring": None
        if recurring is None
        else {
            "interval": recurring["interval"],
            "interval_count": recurring.get("interval_count", 1),
            "meter": None,
            "trial_period_days": recurring.get("trial_period_days"),
            "usage_type": recurring.get("usage_type", "licensed"),
        },
        "tax_behavior": params.get("tax_behavior", "unspecified"),
        "tiers_mode": None,
        "transform_quantity": None,
        "type": "one_time" if recurring is None else "recurring",
        "unit_amount": amount,
        "unit_amount_decimal": decimal if decimal is not None else str(amount),
    }
    account.prices[price["id"]] = price
    return price


def price_filter(params: dict[str, Any]) -> Callable[[Json], bool]:
    """A predicate for `GET /v1/prices` from its filters."""

    def keep(price: Json) -> bool:
        return all(
            params.get(key) is None or price[key] == params[key]
            for key in ("active", "currency", "product", "type")
        )

    return keep

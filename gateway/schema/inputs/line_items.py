"""Inputs for what the customer buys: line items with their inline prices and products."""

from __future__ import annotations

import strawberry

from gateway.schema.enums import RecurringInterval, TaxBehavior
from gateway.schema.scalars import Metadata


@strawberry.input(
    description="Lets the customer change the quantity of an item on the Checkout page."
)
class AdjustableQuantityInput:
    enabled: bool = strawberry.field(description="Whether the customer may change the quantity.")
    maximum: int | None = strawberry.field(
        default=None, description="The highest quantity the customer may choose."
    )
    minimum: int | None = strawberry.field(
        default=None,
        description="The lowest quantity the customer may choose; zero lets them remove the item.",
    )


@strawberry.input(description="Makes an inline price bill again and again on a fixed schedule.")
class RecurringInput:
    interval: RecurringInterval = strawberry.field(description="The unit of time between billings.")
    interval_count: int | None = strawberry.field(
        default=None,
        description=(
            "How many intervals pass between two billings, for example 3 with month"
            " for quarterly billing."
        ),
    )


@strawberry.input(description="A new product made on the fly for an inline price.")
class ProductDataInput:
    description: str | None = strawberry.field(
        default=None, description="A longer text about the product that the customer can read."
    )
    images: list[str] | None = strawberry.field(
        default=None, description="URLs of pictures of the product."
    )
    metadata: Metadata | None = strawberry.field(
        default=None, description="Your own key-value data to keep on the product."
    )
    name: str = strawberry.field(description="The product name shown to the customer.")
    tax_code: str | None = strawberry.field(
        default=None,
        description="The ID of the tax code that classifies the product for tax purposes.",
    )
    unit_label: str | None = strawberry.field(
        default=None,
        description="What one unit of the product is called, shown on receipts and invoices.",
    )


@strawberry.input(
    description="A price defined inline instead of referring to an existing Price object."
)
class PriceDataInput:
    currency: str = strawberry.field(description="Three-letter ISO currency code in lowercase.")
    product: str | None = strawberry.field(
        default=None,
        description=(
            "The ID of an existing product the price belongs to; give this or product_data."
        ),
    )
    product_data: ProductDataInput | None = strawberry.field(
        default=None, description="A new product to create for this price; give this or product."
    )
    recurring: RecurringInput | None = strawberry.field(
        default=None, description="The billing schedule; leave out for a one-time price."
    )
    tax_behavior: TaxBehavior | None = strawberry.field(
        default=None, description="Whether the amount already contains tax."
    )
    unit_amount: int | None = strawberry.field(
        default=None,
        description="The price of one unit in the currency's smallest unit, such as cents.",
    )
    unit_amount_decimal: str | None = strawberry.field(
        default=None,
        description=(
            "The price of one unit in the smallest currency unit as a decimal "
            "string with up to 12 decimal places; use this or unit_amount."
        ),
    )


@strawberry.input(description="One item the customer buys in the session.")
class CheckoutLineItemInput:
    adjustable_quantity: AdjustableQuantityInput | None = strawberry.field(
        default=None, description="Lets the customer change how many they buy."
    )
    dynamic_tax_rates: list[str] | None = strawberry.field(
        default=None,
        description=(
            "IDs of tax rates from which Stripe picks the one matching the customer's address."
        ),
    )
    metadata: Metadata | None = strawberry.field(
        default=None, description="Your own key-value data to keep on the line item."
    )
    price: str | None = strawberry.field(
        default=None, description="The ID of an existing Price; give this or price_data."
    )
    price_data: PriceDataInput | None = strawberry.field(
        default=None, description="A price defined inline; give this or price."
    )
    quantity: int | None = strawberry.field(
        default=None, description="How many units of the price the customer buys."
    )
    tax_rates: list[str] | None = strawberry.field(
        default=None, description="IDs of tax rates that always apply to this line item."
    )

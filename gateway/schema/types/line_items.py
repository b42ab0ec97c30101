"""What the customer buys: line items and the prices they are charged at."""

import strawberry

from gateway.schema.base import StripeObject, expandable
from gateway.schema.enums import PriceBillingScheme, PriceTiersMode, PriceType, TaxBehavior
from gateway.schema.reads import reads
from gateway.schema.scalars import DateTime, Metadata
from gateway.schema.types.collection import AdjustableQuantity
from gateway.schema.types.prices import (
    CustomUnitAmount,
    PriceRecurring,
    PriceTier,
    TransformQuantity,
)
from gateway.schema.types.pricing import DiscountAmount, TaxAmount
from gateway.schema.types.references import Product


@strawberry.type(description="What a price charges when the customer pays in another currency.")
class PriceCurrencyOption:
    currency: str = strawberry.field(
        description="Three-letter lowercase ISO code of the currency these amounts apply to."
    )
    custom_unit_amount: CustomUnitAmount | None = strawberry.field(
        description="Bounds on a customer-chosen amount in this currency."
    )
    tax_behavior: TaxBehavior | None = strawberry.field(
        description="Whether the amounts in this currency include tax."
    )
    tiers: list[PriceTier] | None = strawberry.field(
        description="Quantity tiers in this currency, for tiered prices."
    )
    unit_amount: int | None = strawberry.field(
        description="Charge per unit in this currency, in its smallest unit."
    )
    unit_amount_decimal: str | None = strawberry.field(
        description="Charge per unit in this currency as a decimal string allowing fractions."
    )


@reads("currency_options")
def resolve_currency_options(root: strawberry.Parent[StripeObject]) -> list[StripeObject] | None:
    """Turn Stripe's map of currency to amounts into a list with the currency on each entry."""
    options: dict[str, StripeObject] | None = root.get("currency_options")
    if options is None:
        return None
    return [{"currency": currency, **option} for currency, option in options.items()]


@strawberry.type(description="How much and how often a product is charged, in one currency.")
class Price:
    id: strawberry.ID = strawberry.field(description="Stripe's price id, starting with price_.")
    active: bool = strawberry.field(
        description="False once the price is archived and can no longer be used for new purchases."
    )
    billing_scheme: PriceBillingScheme = strawberry.field(
        description="Whether the amount is a fixed charge per unit or depends on quantity tiers."
    )
    created: DateTime = strawberry.field(description="When the price was created.")
    currency: str = strawberry.field(
        description="Three-letter lowercase ISO code of the currency the price charges in."
    )
    currency_options = strawberry.field(
        resolver=resolve_currency_options,
        graphql_type=list[PriceCurrencyOption] | None,
        description="Amounts in other currencies; Stripe includes them only when expanded.",
    )
    custom_unit_amount: CustomUnitAmount | None = strawberry.field(
        description="Bounds on the amount, when the customer chooses what to pay."
    )
    deleted: bool | None = strawberry.field(description="True when the price has been deleted.")
    livemode: bool = strawberry.field(description="True for live data, false for test-mode data.")
    lookup_key: str | None = strawberry.field(
        description="Your own stable name for the price, used to look it up without its id."
    )
    metadata: Metadata = strawberry.field(
        description="Your own key-value data stored on the price."
    )
    nickname: str | None = strawberry.field(
        description="Internal name of the price; customers do not see it."
    )
    object: str = strawberry.field(description="Stripe's object type, always price.")
    product = strawberry.field(
        resolver=expandable("product"),
        graphql_type=Product,
        description="The product this price is for.",
    )
    recurring: PriceRecurring | None = strawberry.field(
        description="Billing interval and usage settings, present for recurring prices."
    )
    tax_behavior: TaxBehavior | None = strawberry.field(
        description="Whether the amount already includes tax."
    )
    tiers: list[PriceTier] | None = strawberry.field(
        description="Quantity tiers, for tiered prices; Stripe includes them only when expanded."
    )
    tiers_mode: PriceTiersMode | None = strawberry.field(
        description="How the tiers combine, for tiered prices."
    )
    transform_quantity: TransformQuantity | None = strawberry.field(
        description="Rule that divides the quantity before pricing, such as selling in packs."
    )
    type: PriceType = strawberry.field(
        description="Whether the price is charged once or on a recurring schedule."
    )
    unit_amount: int | None = strawberry.field(
        description="Charge per unit in the smallest currency unit, for per-unit prices."
    )
    unit_amount_decimal: str | None = strawberry.field(
        description="Charge per unit as a decimal string allowing fractions of the smallest unit."
    )


@strawberry.type(description="One product the customer is buying in the session, with its amounts.")
class LineItem:
    id: strawberry.ID = strawberry.field(description="Stripe's line item id, starting with li_.")
    adjustable_quantity: AdjustableQuantity | None = strawberry.field(
        description="Whether and how far the customer may change the quantity at checkout."
    )
    amount_discount: int = strawberry.field(
        description="Total taken off this item by discounts, in the smallest currency unit."
    )
    amount_subtotal: int = strawberry.field(
        description="Cost of the item before discounts and tax, in the smallest currency unit."
    )
    amount_tax: int = strawberry.field(
        description="Tax charged on the item, in the smallest currency unit."
    )
    amount_total: int = strawberry.field(
        description="Cost of the item after discounts and tax, in the smallest currency unit."
    )
    currency: str = strawberry.field(
        description="Three-letter lowercase ISO code of the currency the item is charged in."
    )
    description: str | None = strawberry.field(
        description="Text shown to the customer for the item, by default the product name."
    )
    discounts: list[DiscountAmount] | None = strawberry.field(
        description="Each discount applied to the item and how much it took off."
    )
    metadata: Metadata | None = strawberry.field(
        description="Your own key-value data stored on the line item."
    )
    object: str = strawberry.field(description="Stripe's object type, always item.")
    price: Price | None = strawberry.field(description="The price the item is charged at.")
    quantity: int | None = strawberry.field(description="Number of units being bought.")
    taxes: list[TaxAmount] | None = strawberry.field(
        description="Each tax charged on the item and how much it added."
    )

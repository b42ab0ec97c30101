"""How the money adds up: tax, discounts, totals, shipping and currency conversion."""

from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.federation.schema_directives import Key
from strawberry.federation.types import FieldSet

from gateway.schema.base import expandable
from gateway.schema.enums import (
    AccountReferenceType,
    AutomaticTaxStatus,
    DiscountSourceType,
    TaxabilityReason,
    TaxJurisdictionLevel,
    TaxRateType,
    TaxType,
)
from gateway.schema.scalars import DateTime, Metadata
from gateway.schema.types.references import (
    Account,
    Coupon,
    PromotionCode,
    ShippingRate,
)

if TYPE_CHECKING:
    from gateway.schema.customers import Customer


@strawberry.type(description="The account that is responsible for paying a tax to the authorities.")
class TaxLiability:
    account = strawberry.field(
        resolver=expandable("account"),
        graphql_type=Account | None,
        description="The liable connected account, present only when type is ACCOUNT.",
    )
    type: AccountReferenceType = strawberry.field(
        description="Whether your own account or another account is liable."
    )


@strawberry.type(description="How Stripe Tax calculates tax for the session automatically.")
class AutomaticTax:
    enabled: bool = strawberry.field(
        description="True when Stripe Tax works out the tax from the customer's location."
    )
    liability: TaxLiability | None = strawberry.field(
        description="The account that owes the calculated tax, for Connect setups."
    )
    provider: str | None = strawberry.field(
        description="Name of the service that calculated the tax, such as stripe."
    )
    status: AutomaticTaxStatus | None = strawberry.field(
        description="Whether the calculation succeeded or still needs the customer's address."
    )


@strawberry.type(description="A fixed amount of tax charged by a flat-amount tax rate.")
class TaxRateFlatAmount:
    amount: int = strawberry.field(description="Tax charged, in the smallest unit of the currency.")
    currency: str = strawberry.field(
        description="Three-letter lowercase ISO code of the currency the tax is charged in."
    )


@strawberry.federation.type(
    keys=[Key(fields=FieldSet("id"), resolvable=False)],
    description="A tax rate that applied to part of the order, with what a receipt needs to show.",
)
class TaxRate:
    id: strawberry.ID = strawberry.field(description="Stripe's tax rate id, starting with txr_.")
    active: bool = strawberry.field(
        description="False once the rate is archived and can no longer be applied to new orders."
    )
    country: str | None = strawberry.field(
        description="Two-letter ISO code of the country whose tax this rate collects."
    )
    created: DateTime = strawberry.field(description="When the tax rate was created.")
    description: str | None = strawberry.field(
        description="Your own note about the rate; customers do not see it."
    )
    display_name: str = strawberry.field(
        description="Short name of the tax shown to customers on receipts, such as VAT."
    )
    effective_percentage: float | None = strawberry.field(
        description="Percentage that was actually applied, which can differ from the nominal one."
    )
    flat_amount: TaxRateFlatAmount | None = strawberry.field(
        description="The fixed tax amount, for rates that charge an amount instead of a percentage."
    )
    inclusive: bool = strawberry.field(
        description="True when the tax is already included in the price rather than added on top."
    )
    jurisdiction: str | None = strawberry.field(
        description="Name of the tax authority's area shown to customers, such as a state."
    )
    jurisdiction_level: TaxJurisdictionLevel | None = strawberry.field(
        description="Which level of government levies the tax."
    )
    livemode: bool = strawberry.field(description="True for live data, false for test-mode data.")
    metadata: Metadata | None = strawberry.field(
        description="Your own key-value data stored on the tax rate."
    )
    object: str = strawberry.field(description="Stripe's object type, always tax_rate.")
    percentage: float = strawberry.field(description="Nominal rate of the tax as a percentage.")
    rate_type: TaxRateType | None = strawberry.field(
        description="Whether the rate charges a percentage or a flat amount."
    )
    state: str | None = strawberry.field(
        description="ISO 3166-2 code of the state or province, without the country prefix."
    )
    tax_type: TaxType | None = strawberry.field(
        description="Kind of tax, such as VAT or sales tax, used to label it on receipts."
    )


@strawberry.type(description="An amount of tax charged at one tax rate.")
class TaxAmount:
    amount: int = strawberry.field(
        description="Tax charged at this rate, in the smallest unit of the currency."
    )
    rate: TaxRate = strawberry.field(description="The tax rate that produced this amount.")
    taxability_reason: TaxabilityReason | None = strawberry.field(
        description="Why the amount was taxed as it was, for example a reverse charge or exemption."
    )
    taxable_amount: int | None = strawberry.field(
        description="The part of the price this tax was calculated on, in the smallest unit."
    )


@strawberry.type(description="What a discount was created from.")
class DiscountSource:
    coupon = strawberry.field(
        resolver=expandable("coupon"),
        graphql_type=Coupon | None,
        description="The coupon behind the discount.",
    )
    type: DiscountSourceType = strawberry.field(
        description="Kind of object the discount came from."
    )


@strawberry.federation.type(
    keys=[Key(fields=FieldSet("id"), resolvable=False)],
    description="A coupon or promotion code as it was applied to a customer or purchase.",
)
class Discount:
    id: strawberry.ID = strawberry.field(
        description="Stripe's id for this application of the discount, starting with di_."
    )
    checkout_session: str | None = strawberry.field(
        description="Id of the Checkout Session the discount was applied in, if any."
    )
    customer = strawberry.field(
        resolver=expandable("customer"),
        graphql_type=Annotated["Customer", strawberry.lazy("gateway.schema.customers")] | None,
        description="The customer the discount belongs to.",
    )
    customer_account: str | None = strawberry.field(
        description="Id of the account representing the customer the discount belongs to."
    )
    end: DateTime | None = strawberry.field(
        description="When the discount stops applying; empty when it does not end."
    )
    invoice: str | None = strawberry.field(
        description="Id of the invoice the discount was applied to, if any."
    )
    invoice_item: str | None = strawberry.field(
        description="Id of the invoice item the discount was applied to, if any."
    )
    object: str = strawberry.field(description="Stripe's object type, always discount.")
    promotion_code = strawberry.field(
        resolver=expandable("promotion_code"),
        graphql_type=PromotionCode | None,
        description="The promotion code the customer entered to get the discount, if any.",
    )
    source: DiscountSource = strawberry.field(description="The coupon behind the discount.")
    start: DateTime = strawberry.field(description="When the discount started to apply.")
    subscription: str | None = strawberry.field(
        description="Id of the subscription the discount applies to, if any."
    )
    subscription_item: str | None = strawberry.field(
        description="Id of the subscription item the discount applies to, if any."
    )


@strawberry.type(description="An amount taken off the order by one discount.")
class DiscountAmount:
    amount: int = strawberry.field(
        description="How much this discount took off, in the smallest unit of the currency."
    )
    discount: Discount = strawberry.field(description="The discount that took the amount off.")


@strawberry.type(description="A coupon or promotion code attached to the Checkout Session.")
class CheckoutSessionDiscount:
    coupon = strawberry.field(
        resolver=expandable("coupon"),
        graphql_type=Coupon | None,
        description="The coupon applied to the session, if any.",
    )
    promotion_code = strawberry.field(
        resolver=expandable("promotion_code"),
        graphql_type=PromotionCode | None,
        description="The promotion code applied to the session, if any.",
    )


@strawberry.type(description="Each discount and tax that makes up the order's totals.")
class TotalDetailsBreakdown:
    discounts: list[DiscountAmount] = strawberry.field(
        description="Every discount applied to the order and how much each took off."
    )
    taxes: list[TaxAmount] = strawberry.field(
        description="Every tax charged on the order and how much each added."
    )


@strawberry.type(description="How much of the order total is discounts, shipping and tax.")
class TotalDetails:
    amount_discount: int = strawberry.field(
        description="Total taken off by discounts, in the smallest unit of the currency."
    )
    amount_shipping: int | None = strawberry.field(
        description="Total charged for shipping, in the smallest unit of the currency."
    )
    amount_tax: int = strawberry.field(
        description="Total tax charged, in the smallest unit of the currency."
    )
    breakdown: TotalDetailsBreakdown | None = strawberry.field(
        description="Each discount and tax one by one; Stripe includes it only when expanded."
    )


@strawberry.type(
    description="The amounts of an older Adaptive Pricing session in your own currency."
)
class CurrencyConversion:
    amount_subtotal: int = strawberry.field(
        description="Subtotal before discounts and tax, in the smallest unit of your currency."
    )
    amount_total: int = strawberry.field(
        description="Total after discounts and tax, in the smallest unit of your currency."
    )
    fx_rate: str = strawberry.field(
        description="Exchange rate used to convert from your currency to the customer's."
    )
    source_currency: str = strawberry.field(
        description="Three-letter lowercase ISO code of the currency you priced the items in."
    )


@strawberry.type(description="The amount and currency the customer actually saw and paid in.")
class PresentmentDetails:
    presentment_amount: int = strawberry.field(
        description="Amount charged to the customer, in the smallest unit of their currency."
    )
    presentment_currency: str = strawberry.field(
        description="Three-letter lowercase ISO code of the currency the customer paid in."
    )


@strawberry.type(description="What the customer pays for shipping, including tax on it.")
class ShippingCost:
    amount_subtotal: int = strawberry.field(
        description="Shipping charge before tax, in the smallest unit of the currency."
    )
    amount_tax: int = strawberry.field(
        description="Tax on the shipping charge, in the smallest unit of the currency."
    )
    amount_total: int = strawberry.field(
        description="Shipping charge including tax, in the smallest unit of the currency."
    )
    shipping_rate = strawberry.field(
        resolver=expandable("shipping_rate"),
        graphql_type=ShippingRate | None,
        description="The shipping rate the customer picked.",
    )
    taxes: list[TaxAmount] | None = strawberry.field(
        description="Each tax charged on shipping and how much it added."
    )


@strawberry.type(description="A shipping rate the customer can pick at checkout.")
class ShippingOption:
    shipping_amount: int = strawberry.field(
        description="Price of this shipping choice, in the smallest unit of the currency."
    )
    shipping_rate = strawberry.field(
        resolver=expandable("shipping_rate"),
        graphql_type=ShippingRate,
        description="The shipping rate offered.",
    )

"""Inputs for the objects a Checkout Session creates: payments, setups, subscriptions, invoices."""

from __future__ import annotations

import strawberry

from gateway.schema.enums import AllowRedisplay
from gateway.schema.inputs.common import AccountReferenceInput, AddressInput
from gateway.schema.inputs.enums import (
    BillingModeType,
    InvoiceAmountTaxDisplay,
    PaymentIntentCaptureMethod,
    ProrationBehavior,
    ProrationDiscounts,
    SetupFutureUsage,
    TrialMissingPaymentMethodBehavior,
)
from gateway.schema.scalars import DateTime, Metadata


@strawberry.input(description="Where and how an order is shipped.")
class ShippingDetailsInput:
    address: AddressInput = strawberry.field(description="The delivery address.")
    carrier: str | None = strawberry.field(
        default=None, description="The delivery company, such as DHL or USPS."
    )
    name: str = strawberry.field(description="The recipient's name.")
    phone: str | None = strawberry.field(default=None, description="The recipient's phone number.")
    tracking_number: str | None = strawberry.field(
        default=None, description="The carrier's tracking number; list several separated by commas."
    )


@strawberry.input(description="Sends the funds of a payment on to a connected account.")
class TransferDataInput:
    amount: int | None = strawberry.field(
        default=None,
        description=(
            "How much to transfer, in the smallest currency unit; the whole amount when left out."
        ),
    )
    destination: str = strawberry.field(
        description="The ID of the connected account that receives the funds."
    )


@strawberry.input(description="Settings for the PaymentIntent a payment-mode session creates.")
class PaymentIntentDataInput:
    application_fee_amount: int | None = strawberry.field(
        default=None,
        description="The fee your platform takes from the payment, in the smallest currency unit.",
    )
    capture_method: PaymentIntentCaptureMethod | None = strawberry.field(
        default=None, description="When the authorized funds are captured."
    )
    description: str | None = strawberry.field(
        default=None, description="A free-text description of the payment."
    )
    metadata: Metadata | None = strawberry.field(
        default=None, description="Your own key-value data to keep on the PaymentIntent."
    )
    on_behalf_of: str | None = strawberry.field(
        default=None, description="The ID of the connected account the payment is made for."
    )
    receipt_email: str | None = strawberry.field(
        default=None, description="Where to email the receipt after a successful payment."
    )
    setup_future_usage: SetupFutureUsage | None = strawberry.field(
        default=None,
        description=(
            "Saves the payment method on the Customer for later charges and says how those happen."
        ),
    )
    shipping: ShippingDetailsInput | None = strawberry.field(
        default=None, description="Shipping details of the order."
    )
    statement_descriptor: str | None = strawberry.field(
        default=None,
        description=(
            "The text on the customer's bank or card statement for payments other than cards."
        ),
    )
    statement_descriptor_suffix: str | None = strawberry.field(
        default=None,
        description=(
            "Text added to your account's card statement prefix to form the full descriptor."
        ),
    )
    transfer_data: TransferDataInput | None = strawberry.field(
        default=None, description="Sends the funds on to a connected account."
    )
    transfer_group: str | None = strawberry.field(
        default=None, description="A string that groups this payment with related transfers."
    )


@strawberry.input(description="Settings for the payment method the customer enters.")
class PaymentMethodDataInput:
    allow_redisplay: AllowRedisplay | None = strawberry.field(
        default=None,
        description="Whether the saved payment method may be offered again in later checkouts.",
    )


@strawberry.input(description="Settings for the SetupIntent a setup-mode session creates.")
class SetupIntentDataInput:
    description: str | None = strawberry.field(
        default=None, description="A free-text description of the setup."
    )
    metadata: Metadata | None = strawberry.field(
        default=None, description="Your own key-value data to keep on the SetupIntent."
    )
    on_behalf_of: str | None = strawberry.field(
        default=None,
        description="The ID of the connected account the payment method is set up for.",
    )


@strawberry.input(description="A name and value pair printed on an invoice.")
class InvoiceCustomFieldInput:
    name: str = strawberry.field(description="The name of the field.")
    value: str = strawberry.field(description="The value of the field.")


@strawberry.input(description="How the invoice PDF is laid out.")
class InvoiceRenderingOptionsInput:
    amount_tax_display: InvoiceAmountTaxDisplay | None = strawberry.field(
        default=None, description="Whether line item amounts include inclusive tax."
    )
    template: str | None = strawberry.field(
        default=None, description="The ID of an invoice rendering template to use."
    )


@strawberry.input(description="What goes on the invoice made after a one-time payment.")
class InvoiceDataInput:
    account_tax_ids: list[str] | None = strawberry.field(
        default=None, description="IDs of your account's tax IDs to print on the invoice."
    )
    custom_fields: list[InvoiceCustomFieldInput] | None = strawberry.field(
        default=None, description="Extra name and value pairs printed on the invoice."
    )
    description: str | None = strawberry.field(
        default=None, description="A free-text description of the invoice."
    )
    footer: str | None = strawberry.field(
        default=None, description="Text printed at the bottom of the invoice."
    )
    issuer: AccountReferenceInput | None = strawberry.field(
        default=None, description="The account that issues the invoice."
    )
    metadata: Metadata | None = strawberry.field(
        default=None, description="Your own key-value data to keep on the invoice."
    )
    rendering_options: InvoiceRenderingOptionsInput | None = strawberry.field(
        default=None, description="How the invoice PDF is laid out."
    )


@strawberry.input(description="Makes an invoice after a payment-mode session is paid.")
class InvoiceCreationInput:
    enabled: bool = strawberry.field(description="Whether to make an invoice.")
    invoice_data: InvoiceDataInput | None = strawberry.field(
        default=None, description="What goes on the invoice."
    )


@strawberry.input(description="Settings of the flexible billing mode.")
class FlexibleBillingModeInput:
    proration_discounts: ProrationDiscounts | None = strawberry.field(
        default=None, description="How prorations and discounts appear on invoices."
    )


@strawberry.input(description="How the subscription calculates prorations and invoices.")
class BillingModeInput:
    flexible: FlexibleBillingModeInput | None = strawberry.field(
        default=None, description="Settings used when type is flexible."
    )
    type: BillingModeType = strawberry.field(description="Which billing mode to use.")


@strawberry.input(description="Settings for the invoices of the subscription.")
class SubscriptionInvoiceSettingsInput:
    issuer: AccountReferenceInput | None = strawberry.field(
        default=None, description="The account that issues the subscription's invoices."
    )


@strawberry.input(description="Sends part of each subscription invoice on to a connected account.")
class SubscriptionTransferDataInput:
    amount_percent: float | None = strawberry.field(
        default=None, description="The share of each invoice total to transfer, as a percentage."
    )
    destination: str = strawberry.field(
        description="The ID of the connected account that receives the funds."
    )


@strawberry.input(description="What happens when a free trial ends.")
class TrialEndBehaviorInput:
    missing_payment_method: TrialMissingPaymentMethodBehavior = strawberry.field(
        description="What happens when no payment method is on file at the end of the trial."
    )


@strawberry.input(description="Settings for the free trial of the subscription.")
class TrialSettingsInput:
    end_behavior: TrialEndBehaviorInput = strawberry.field(
        description="What happens when the trial ends."
    )


@strawberry.input(description="Settings for the subscription a subscription-mode session creates.")
class SubscriptionDataInput:
    application_fee_percent: float | None = strawberry.field(
        default=None,
        description="The share of each invoice your platform takes as a fee, as a percentage.",
    )
    billing_cycle_anchor: DateTime | None = strawberry.field(
        default=None,
        description="A future moment that sets when the billing periods of the subscription start.",
    )
    billing_mode: BillingModeInput | None = strawberry.field(
        default=None, description="How prorations and invoices are calculated."
    )
    default_tax_rates: list[str] | None = strawberry.field(
        default=None, description="IDs of tax rates applied to items that have none of their own."
    )
    description: str | None = strawberry.field(
        default=None,
        description=(
            "A free-text description of the subscription, shown to the customer in some places."
        ),
    )
    invoice_settings: SubscriptionInvoiceSettingsInput | None = strawberry.field(
        default=None, description="Settings for the subscription's invoices."
    )
    metadata: Metadata | None = strawberry.field(
        default=None, description="Your own key-value data to keep on the subscription."
    )
    on_behalf_of: str | None = strawberry.field(
        default=None, description="The ID of the connected account the subscription is billed for."
    )
    proration_behavior: ProrationBehavior | None = strawberry.field(
        default=None,
        description="Whether prorations are created, for example for a billing cycle anchor.",
    )
    transfer_data: SubscriptionTransferDataInput | None = strawberry.field(
        default=None, description="Sends part of each invoice on to a connected account."
    )
    trial_end: DateTime | None = strawberry.field(
        default=None, description="When the free trial ends; it must be at least two days away."
    )
    trial_period_days: int | None = strawberry.field(
        default=None, description="How many days the free trial lasts."
    )
    trial_settings: TrialSettingsInput | None = strawberry.field(
        default=None, description="Settings for the free trial."
    )

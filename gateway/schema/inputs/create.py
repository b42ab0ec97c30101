"""The root input for creating a Checkout Session."""

from __future__ import annotations

import strawberry

from gateway.schema.enums import (
    AlwaysOrIfRequired,
    BillingAddressCollection,
    CheckoutLocale,
    CheckoutMode,
    CheckoutUiMode,
    OriginContext,
    RedirectOnCompletion,
    SubmitType,
)
from gateway.schema.inputs.collection import (
    ConsentCollectionInput,
    CustomerUpdateInput,
    CustomFieldInput,
    CustomTextInput,
    NameCollectionInput,
    OptionalItemInput,
    PhoneNumberCollectionInput,
    ShippingAddressCollectionInput,
    TaxIdCollectionInput,
)
from gateway.schema.inputs.enums import CheckoutPaymentMethodType, ExcludedPaymentMethodType
from gateway.schema.inputs.intents import (
    InvoiceCreationInput,
    PaymentIntentDataInput,
    PaymentMethodDataInput,
    SetupIntentDataInput,
    SubscriptionDataInput,
)
from gateway.schema.inputs.line_items import CheckoutLineItemInput
from gateway.schema.inputs.payment_method_options import PaymentMethodOptionsInput
from gateway.schema.inputs.settings import (
    AdaptivePricingInput,
    AfterExpirationInput,
    AutomaticTaxInput,
    BrandingSettingsInput,
    DiscountInput,
    PermissionsInput,
    SavedPaymentMethodOptionsInput,
    ShippingOptionInput,
    WalletOptionsInput,
)
from gateway.schema.scalars import DateTime, Metadata


@strawberry.input(description="Everything needed to create a Stripe Checkout Session.")
class CreateCheckoutSessionInput:
    adaptive_pricing: AdaptivePricingInput | None = strawberry.field(
        default=None, description="Shows prices in the customer's local currency."
    )
    after_expiration: AfterExpirationInput | None = strawberry.field(
        default=None,
        description=(
            "What happens once the session has expired; not available for the custom UI mode."
        ),
    )
    allow_promotion_codes: bool | None = strawberry.field(
        default=None, description="Whether the customer may enter promotion codes."
    )
    automatic_tax: AutomaticTaxInput | None = strawberry.field(
        default=None, description="Lets Stripe calculate tax for the session and what it creates."
    )
    billing_address_collection: BillingAddressCollection | None = strawberry.field(
        default=None, description="Whether Checkout asks for a billing address."
    )
    branding_settings: BrandingSettingsInput | None = strawberry.field(
        default=None, description="Styles the Checkout page; not available for the custom UI mode."
    )
    cancel_url: str | None = strawberry.field(
        default=None,
        description=(
            "Where a customer who backs out is sent; adds a back button to the hosted page."
        ),
    )
    client_reference_id: str | None = strawberry.field(
        default=None,
        description=(
            "Your own reference for the session, such as a cart or order ID, to match it up later."
        ),
    )
    consent_collection: ConsentCollectionInput | None = strawberry.field(
        default=None, description="Consents Checkout asks the customer for."
    )
    currency: str | None = strawberry.field(
        default=None,
        description=(
            "Three-letter ISO currency code in lowercase; needed in setup mode "
            "without payment method types."
        ),
    )
    custom_fields: list[CustomFieldInput] | None = strawberry.field(
        default=None, description="Extra fields the customer fills in on the page."
    )
    custom_text: CustomTextInput | None = strawberry.field(
        default=None, description="Your own text shown at set places on the page."
    )
    customer: str | None = strawberry.field(
        default=None,
        description="The ID of an existing Customer whose saved details prefill the page.",
    )
    customer_account: str | None = strawberry.field(
        default=None,
        description="The ID of an existing Account that acts as the customer, like customer does.",
    )
    customer_creation: AlwaysOrIfRequired | None = strawberry.field(
        default=None, description="When a payment-mode session makes a Customer for the buyer."
    )
    customer_email: str | None = strawberry.field(
        default=None, description="Prefills the email address of a newly created Customer."
    )
    customer_update: CustomerUpdateInput | None = strawberry.field(
        default=None, description="Which entered details are saved back on an existing Customer."
    )
    discounts: list[DiscountInput] | None = strawberry.field(
        default=None, description="Coupons or promotion codes applied to the session."
    )
    excluded_payment_method_types: list[ExcludedPaymentMethodType] | None = strawberry.field(
        default=None, description="Payment method types that are not offered in the session."
    )
    expires_at: DateTime | None = strawberry.field(
        default=None,
        description="When the session expires, between 30 minutes and 24 hours from now.",
    )
    invoice_creation: InvoiceCreationInput | None = strawberry.field(
        default=None, description="Makes an invoice after a payment-mode session is paid."
    )
    line_items: list[CheckoutLineItemInput] | None = strawberry.field(
        default=None, description="The items the customer buys; needed unless the mode is setup."
    )
    locale: CheckoutLocale | None = strawberry.field(
        default=None, description="The language of the Checkout page."
    )
    metadata: Metadata | None = strawberry.field(
        default=None, description="Your own key-value data to keep on the session."
    )
    mode: CheckoutMode | None = strawberry.field(
        default=None,
        description=(
            "Whether the session takes a payment, saves a payment method or starts a subscription."
        ),
    )
    name_collection: NameCollectionInput | None = strawberry.field(
        default=None, description="Names Checkout asks the customer for."
    )
    optional_items: list[OptionalItemInput] | None = strawberry.field(
        default=None, description="Items offered for the customer to add to the purchase."
    )
    origin_context: OriginContext | None = strawberry.field(
        default=None,
        description=(
            "Where the customer opened Checkout from; not available for the custom UI mode."
        ),
    )
    payment_intent_data: PaymentIntentDataInput | None = strawberry.field(
        default=None, description="Settings for the PaymentIntent of a payment-mode session."
    )
    payment_method_collection: AlwaysOrIfRequired | None = strawberry.field(
        default=None,
        description="When Checkout asks for a payment method in subscription or setup flows.",
    )
    payment_method_configuration: str | None = strawberry.field(
        default=None, description="The ID of the payment method configuration to use."
    )
    payment_method_data: PaymentMethodDataInput | None = strawberry.field(
        default=None, description="Settings for the payment method the customer enters."
    )
    payment_method_options: PaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for individual payment methods."
    )
    payment_method_types: list[CheckoutPaymentMethodType] | None = strawberry.field(
        default=None,
        description=(
            "The payment method types offered; left out, Stripe picks them from your settings."
        ),
    )
    permissions: PermissionsInput | None = strawberry.field(
        default=None,
        description="Who may change the session later; only for the embedded and custom UI modes.",
    )
    phone_number_collection: PhoneNumberCollectionInput | None = strawberry.field(
        default=None, description="Whether Checkout asks for a phone number."
    )
    redirect_on_completion: RedirectOnCompletion | None = strawberry.field(
        default=None,
        description="Whether an embedded or custom session redirects to the return URL when done.",
    )
    return_url: str | None = strawberry.field(
        default=None,
        description=(
            "Where an embedded or custom session sends the customer after an attempted payment."
        ),
    )
    saved_payment_method_options: SavedPaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="How payment methods saved before are handled."
    )
    setup_intent_data: SetupIntentDataInput | None = strawberry.field(
        default=None, description="Settings for the SetupIntent of a setup-mode session."
    )
    shipping_address_collection: ShippingAddressCollectionInput | None = strawberry.field(
        default=None, description="Asks for a shipping address in the listed countries."
    )
    shipping_options: list[ShippingOptionInput] | None = strawberry.field(
        default=None, description="Shipping options the customer can choose from."
    )
    submit_type: SubmitType | None = strawberry.field(
        default=None,
        description="The wording of the button that finishes the session; payment mode only.",
    )
    subscription_data: SubscriptionDataInput | None = strawberry.field(
        default=None, description="Settings for the subscription of a subscription-mode session."
    )
    success_url: str | None = strawberry.field(
        default=None,
        description="Where the hosted page sends the customer after a successful payment.",
    )
    tax_id_collection: TaxIdCollectionInput | None = strawberry.field(
        default=None, description="Whether Checkout asks for a tax ID."
    )
    ui_mode: CheckoutUiMode | None = strawberry.field(
        default=None, description="How the Checkout page is presented; hosted when left out."
    )
    wallet_options: WalletOptionsInput | None = strawberry.field(
        default=None, description="Settings of wallets shown on the page."
    )

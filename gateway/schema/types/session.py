"""The Checkout Session: one customer's attempt to pay or subscribe on a checkout page."""

import builtins
from typing import TYPE_CHECKING, Annotated

import strawberry

from gateway.identity import Scope
from gateway.schema.base import StripeObject, expandable
from gateway.schema.context import Info
from gateway.schema.enums import (
    AlwaysOrIfRequired,
    BillingAddressCollection,
    CheckoutLocale,
    CheckoutMode,
    CheckoutSessionPaymentStatus,
    CheckoutSessionStatus,
    CheckoutUiMode,
    OriginContext,
    RedirectOnCompletion,
    SubmitType,
)
from gateway.schema.line_items import LineItemConnection, resolve_line_items
from gateway.schema.lookahead import selects
from gateway.schema.permissions import scoped_field
from gateway.schema.scalars import DateTime, Metadata
from gateway.schema.types.collection import (
    Consent,
    ConsentCollection,
    CustomField,
    CustomText,
    NameCollection,
    OptionalItem,
    PhoneNumberCollection,
    ShippingAddressCollection,
    TaxIdCollection,
)
from gateway.schema.types.customer import CollectedInformation, CustomerDetails
from gateway.schema.types.node import Node
from gateway.schema.types.payment_method_options import CheckoutSessionPaymentMethodOptions
from gateway.schema.types.pricing import (
    AutomaticTax,
    CheckoutSessionDiscount,
    CurrencyConversion,
    PresentmentDetails,
    ShippingCost,
    ShippingOption,
    TotalDetails,
)
from gateway.schema.types.references import (
    Invoice,
    PaymentIntent,
    PaymentLink,
    SetupIntent,
    StripeSubscription,
)
from gateway.schema.types.settings import (
    AdaptivePricing,
    AfterExpiration,
    BrandingSettings,
    CheckoutSessionPermissions,
    InvoiceCreation,
    PaymentMethodConfigurationDetails,
    SavedPaymentMethodOptions,
    WalletOptions,
)

if TYPE_CHECKING:
    from gateway.schema.customers import Customer


@strawberry.federation.type(
    keys=["id"],
    description=(
        "A customer's visit to a Stripe checkout page to pay once, subscribe or save a payment "
        "method; create a new one for every attempt."
    ),
)
class CheckoutSession(Node):
    id: strawberry.ID = strawberry.field(description="Stripe's session id, starting with cs_.")
    adaptive_pricing: AdaptivePricing | None = strawberry.field(
        description="Whether customers may see and pay in their local currency."
    )
    after_expiration: AfterExpiration | None = strawberry.field(
        description="What happens once the session expires, such as offering a recovery link."
    )
    allow_promotion_codes: bool | None = strawberry.field(
        description="True when the customer may type in a promotion code."
    )
    amount_subtotal: int | None = strawberry.field(
        description="Cost of all items before discounts and tax, in the smallest currency unit."
    )
    amount_total: int | None = strawberry.field(
        description="Amount due after discounts and tax, in the smallest currency unit."
    )
    automatic_tax: AutomaticTax = strawberry.field(
        description="Whether Stripe Tax calculates tax for the session, and how that went."
    )
    billing_address_collection: BillingAddressCollection | None = strawberry.field(
        description="How much of a billing address the page asks for."
    )
    branding_settings: BrandingSettings | None = strawberry.field(
        description="Colours, font and images that style the page."
    )
    cancel_url: str | None = strawberry.field(
        description="Where the back button sends a customer who gives up, if there is one."
    )
    client_reference_id: str | None = strawberry.field(
        description="Your own id for the purchase, such as a cart id, for matching it up later."
    )
    client_secret: str | None = strawberry.field(
        description="Secret passed to Stripe.js to show an embedded or custom checkout."
    )
    collected_information: CollectedInformation | None = scoped_field(
        Scope.READ_CUSTOMER_DATA,
        description="Names and shipping details the customer entered on the page.",
    )
    consent: Consent | None = strawberry.field(
        description="The consents the customer gave, such as accepting your terms."
    )
    consent_collection: ConsentCollection | None = strawberry.field(
        description="Which consents the page asks the customer for."
    )
    created: DateTime = strawberry.field(description="When the session was created.")
    currency: str | None = strawberry.field(
        description="Three-letter lowercase ISO code of the currency the session charges in."
    )
    currency_conversion: CurrencyConversion | None = strawberry.field(
        description="Amounts in your own currency for older sessions using Adaptive Pricing."
    )
    custom_fields: list[CustomField] = strawberry.field(
        description="Your extra questions on the page, with the customer's answers."
    )
    custom_text: CustomText = strawberry.field(
        description="Your own messages shown at set places on the page."
    )
    customer = strawberry.field(
        resolver=expandable("customer"),
        # Lazy: Customer's own sessions field leads back here.
        graphql_type=Annotated["Customer", strawberry.lazy("gateway.schema.customers")] | None,
        description="The customer who paid, either given when creating or created by checkout.",
    )
    customer_account: str | None = strawberry.field(
        description="Id of the account that represents the customer, when accounts are used."
    )
    customer_creation: AlwaysOrIfRequired | None = strawberry.field(
        description="Whether checkout always creates a customer or only when it needs one."
    )
    customer_details: CustomerDetails | None = scoped_field(
        Scope.READ_CUSTOMER_DATA,
        description="Contact, address and tax details the customer entered.",
    )
    customer_email: str | None = scoped_field(
        Scope.READ_CUSTOMER_DATA,
        description="Email address you filled in for the customer when creating the session.",
    )
    discounts: list[CheckoutSessionDiscount] | None = strawberry.field(
        description="Coupons and promotion codes applied to the session."
    )
    excluded_payment_method_types: list[str] | None = strawberry.field(
        description="Payment method types, such as card, that the session must not offer."
    )
    expires_at: DateTime = strawberry.field(
        description="When the session expires if the customer has not finished."
    )
    invoice = strawberry.field(
        resolver=expandable("invoice"),
        graphql_type=Invoice | None,
        description="The invoice checkout created for the purchase, if any.",
    )
    invoice_creation: InvoiceCreation | None = strawberry.field(
        description="Whether checkout creates an invoice after payment, and what goes on it."
    )
    line_items = strawberry.field(
        resolver=resolve_line_items,
        graphql_type=LineItemConnection,
        description=(
            "What the customer is buying, a page at a time. Asked for together with the session, "
            "the first page comes in the same call to Stripe."
        ),
    )
    livemode: bool = strawberry.field(description="True for live data, false for test-mode data.")
    locale: CheckoutLocale | None = strawberry.field(
        description="Language the page is shown in; AUTO follows the browser."
    )
    metadata: Metadata | None = strawberry.field(
        description="Your own key-value data stored on the session."
    )
    mode: CheckoutMode = strawberry.field(
        description="Whether the session takes a payment, starts a subscription or saves a card."
    )
    name_collection: NameCollection | None = strawberry.field(
        description="Which names the page asks the customer for."
    )
    object: str = strawberry.field(description="Stripe's object type, always checkout.session.")
    optional_items: list[OptionalItem] | None = strawberry.field(
        description="Extra items offered on the page that the customer may add."
    )
    origin_context: OriginContext | None = strawberry.field(
        description="Whether the customer came from a website or a mobile app."
    )
    payment_intent = strawberry.field(
        resolver=expandable("payment_intent"),
        graphql_type=PaymentIntent | None,
        description="The PaymentIntent that collects a one-time payment, in payment mode.",
    )
    payment_link = strawberry.field(
        resolver=expandable("payment_link"),
        graphql_type=PaymentLink | None,
        description="The Payment Link that started this session, if any.",
    )
    payment_method_collection: AlwaysOrIfRequired | None = strawberry.field(
        description="Whether the page always asks for a payment method or only when money is due."
    )
    payment_method_configuration_details: PaymentMethodConfigurationDetails | None = (
        strawberry.field(
            description="The configuration that chose the payment methods, when set dynamically."
        )
    )
    payment_method_options: CheckoutSessionPaymentMethodOptions | None = strawberry.field(
        description="Settings for each payment method the session offers."
    )
    payment_method_types: list[str] = strawberry.field(
        description="Payment method types, such as card, that the session can accept."
    )
    payment_status: CheckoutSessionPaymentStatus = strawberry.field(
        description="Whether the money has arrived; fulfil the order once it is PAID."
    )
    permissions: CheckoutSessionPermissions | None = strawberry.field(
        description="Who may change parts of the session while it is open."
    )
    phone_number_collection: PhoneNumberCollection | None = strawberry.field(
        description="Whether the page asks for a phone number."
    )
    presentment_details: PresentmentDetails | None = strawberry.field(
        description="Amount and currency the customer actually saw and paid in."
    )
    recovered_from: str | None = strawberry.field(
        description="Id of the expired session this one was recovered from, if any."
    )
    redirect_on_completion: RedirectOnCompletion | None = strawberry.field(
        description="When an embedded checkout sends the customer to your return URL."
    )
    return_url: str | None = strawberry.field(
        description="Where embedded or custom checkouts send the customer back to afterwards."
    )
    saved_payment_method_options: SavedPaymentMethodOptions | None = strawberry.field(
        description="How saved payment methods are shown and saved."
    )
    setup_intent = strawberry.field(
        resolver=expandable("setup_intent"),
        graphql_type=SetupIntent | None,
        description="The SetupIntent that saves the payment method, in setup mode.",
    )
    shipping_address_collection: ShippingAddressCollection | None = strawberry.field(
        description="Which countries the customer may ship to, when a shipping address is asked."
    )
    shipping_cost: ShippingCost | None = strawberry.field(
        description="What the customer pays for the shipping rate they picked."
    )
    shipping_options: list[ShippingOption] = strawberry.field(
        description="Shipping rates the customer can pick from."
    )
    status: CheckoutSessionStatus | None = strawberry.field(
        description="Whether the session is open, complete or expired."
    )
    submit_type: SubmitType | None = strawberry.field(
        description="Wording on the submit button, such as donate or book."
    )
    subscription = strawberry.field(
        resolver=expandable("subscription"),
        graphql_type=StripeSubscription | None,
        description="The subscription started by the session, in subscription mode.",
    )
    success_url: str | None = strawberry.field(
        description="Where the customer is sent after paying or subscribing successfully."
    )
    tax_id_collection: TaxIdCollection | None = strawberry.field(
        description="Whether the page lets business customers enter a tax ID."
    )
    total_details: TotalDetails | None = strawberry.field(
        description="How much of the total is discounts, shipping and tax."
    )
    ui_mode: CheckoutUiMode | None = strawberry.field(
        description="Whether the page is hosted by Stripe, embedded in your site or custom-built."
    )
    url: str | None = strawberry.field(
        description="Address of the hosted page to send the customer to, while the session is open."
    )
    wallet_options: WalletOptions | None = strawberry.field(
        description="Settings for digital wallets, such as Link."
    )

    @classmethod
    def is_type_of(cls, obj: builtins.object, info: builtins.object) -> bool:
        """Recognise a Stripe Checkout Session dict, so federation can resolve it as an entity."""
        return isinstance(obj, dict) and obj.get("object") == "checkout.session"

    @classmethod
    async def resolve_reference(cls, info: Info, id: strawberry.ID) -> StripeObject | None:
        """Resolve a session another subgraph refers to, through the request's loader."""
        return await info.context.loaders.session(id, with_line_items=selects(info, ("lineItems",)))

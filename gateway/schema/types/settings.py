"""How the session behaves: expiry recovery, branding, invoices, saved methods and wallets."""

import strawberry

from gateway.schema.enums import (
    AllowRedisplay,
    BrandingBorderStyle,
    BrandingImageType,
    LinkWalletDisplay,
    SavedPaymentMethodSetting,
    ShippingDetailsUpdatePermission,
)
from gateway.schema.scalars import DateTime, Metadata
from gateway.schema.types.pricing import TaxLiability
from gateway.schema.types.references import TaxId, expandable_list


@strawberry.type(description="Whether prices are shown converted into the customer's own currency.")
class AdaptivePricing:
    enabled: bool = strawberry.field(
        description="True when customers can see and pay in their local currency."
    )


@strawberry.type(description="How a customer can come back to finish a checkout that expired.")
class AfterExpirationRecovery:
    allow_promotion_codes: bool = strawberry.field(
        description="True when the customer may enter promotion codes on the recovery session."
    )
    enabled: bool = strawberry.field(
        description="True when Stripe creates a recovery link once the session expires."
    )
    expires_at: DateTime | None = strawberry.field(
        description="When the recovery link stops working."
    )
    url: str | None = strawberry.field(
        description="Link that reopens the checkout, which you can send in an abandoned-cart email."
    )


@strawberry.type(description="What happens when the Checkout Session expires.")
class AfterExpiration:
    recovery: AfterExpirationRecovery | None = strawberry.field(
        description="Settings for letting the customer resume an expired checkout."
    )


@strawberry.type(description="An icon or logo shown on the checkout page.")
class BrandingImage:
    file: str | None = strawberry.field(
        description="Id of the uploaded file holding the image, when it was uploaded to Stripe."
    )
    type: BrandingImageType = strawberry.field(
        description="Whether the image is an uploaded file or a public URL."
    )
    url: str | None = strawberry.field(
        description="Public address of the image, when it is given as a URL."
    )


@strawberry.type(description="The colours, font and images that style the checkout page.")
class BrandingSettings:
    background_color: str = strawberry.field(
        description="Background colour of the page as a hex code, such as #ffffff."
    )
    border_style: BrandingBorderStyle = strawberry.field(
        description="Corner style of buttons and input fields."
    )
    button_color: str = strawberry.field(
        description="Colour of the buttons as a hex code, such as #0074d4."
    )
    display_name: str = strawberry.field(
        description="Business name shown to the customer on the page."
    )
    font_family: str = strawberry.field(
        description="Name of the typeface used for text on the page."
    )
    icon: BrandingImage | None = strawberry.field(
        description="Small square image shown where space is tight, such as on mobile."
    )
    logo: BrandingImage | None = strawberry.field(description="Logo shown at the top of the page.")


@strawberry.type(description="A name and value pair printed on the invoice.")
class InvoiceCustomField:
    name: str = strawberry.field(description="Label printed beside the value, such as PO number.")
    value: str = strawberry.field(description="Text printed beside the label.")


@strawberry.type(description="How the invoice PDF is laid out.")
class InvoiceRenderingOptions:
    amount_tax_display: str | None = strawberry.field(
        description="Whether line item amounts are shown with or without tax."
    )
    template: str | None = strawberry.field(
        description="Id of the invoice template used to render the PDF."
    )


@strawberry.type(description="What goes on the invoice that checkout creates after payment.")
class InvoiceData:
    account_tax_ids = strawberry.field(
        resolver=expandable_list("account_tax_ids"),
        graphql_type=list[TaxId] | None,
        description="Your tax IDs printed on the invoice.",
    )
    custom_fields: list[InvoiceCustomField] | None = strawberry.field(
        description="Extra labelled values printed on the invoice."
    )
    description: str | None = strawberry.field(
        description="Memo text printed on the invoice, often a short note to the customer."
    )
    footer: str | None = strawberry.field(description="Text printed at the bottom of the invoice.")
    issuer: TaxLiability | None = strawberry.field(
        description="The account the invoice is issued by and that owes any tax on it."
    )
    metadata: Metadata | None = strawberry.field(
        description="Your own key-value data copied onto the invoice."
    )
    rendering_options: InvoiceRenderingOptions | None = strawberry.field(
        description="How the invoice PDF is laid out."
    )


@strawberry.type(description="Whether checkout creates an invoice for a one-time payment.")
class InvoiceCreation:
    enabled: bool = strawberry.field(
        description="True when a paid invoice is created once the payment succeeds."
    )
    invoice_data: InvoiceData = strawberry.field(
        description="What goes on the invoice when one is created."
    )


@strawberry.type(description="How checkout shows and saves the customer's payment methods.")
class SavedPaymentMethodOptions:
    allow_redisplay_filters: list[AllowRedisplay] | None = strawberry.field(
        description="Which saved payment methods are shown, judged by their redisplay consent."
    )
    payment_method_remove: SavedPaymentMethodSetting | None = strawberry.field(
        description="Whether the customer may delete a saved payment method from the page."
    )
    payment_method_save: SavedPaymentMethodSetting | None = strawberry.field(
        description="Whether the customer is offered a checkbox to save the payment method."
    )


@strawberry.type(description="How the Link wallet appears on the checkout page.")
class LinkWalletOptions:
    display: LinkWalletDisplay | None = strawberry.field(
        description="Whether Link is offered to the customer."
    )


@strawberry.type(description="Settings for digital wallets offered on the checkout page.")
class WalletOptions:
    link: LinkWalletOptions | None = strawberry.field(description="Settings for the Link wallet.")


@strawberry.type(description="Who may change parts of the session while it is open.")
class CheckoutSessionPermissions:
    update_shipping_details: ShippingDetailsUpdatePermission | None = strawberry.field(
        description="Whether the browser or only your server may change the shipping details."
    )


@strawberry.type(
    description="The payment method configuration that decided which methods the session offers."
)
class PaymentMethodConfigurationDetails:
    id: strawberry.ID = strawberry.field(
        description="Id of the payment method configuration, starting with pmc_."
    )
    parent: str | None = strawberry.field(
        description="Id of the platform configuration this one inherits from, for Connect."
    )

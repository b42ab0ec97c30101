"""Inputs for session-wide settings: tax, branding, discounts, shipping, wallets, permissions."""

from __future__ import annotations

import strawberry

from gateway.schema.enums import (
    AllowRedisplay,
    BrandingBorderStyle,
    BrandingImageType,
    LinkWalletDisplay,
    SavedPaymentMethodSetting,
    ShippingDetailsUpdatePermission,
    TaxBehavior,
)
from gateway.schema.inputs.common import AccountReferenceInput
from gateway.schema.inputs.encode import keyed_by
from gateway.schema.inputs.enums import BrandingFontFamily, DeliveryEstimateUnit, ShippingRateType
from gateway.schema.scalars import Metadata


@strawberry.input(description="Shows prices in the customer's local currency.")
class AdaptivePricingInput:
    enabled: bool | None = strawberry.field(
        default=None, description="Whether prices are converted to the customer's local currency."
    )


@strawberry.input(
    description="Lets a customer come back to an expired session through a recovery link."
)
class ExpirationRecoveryInput:
    allow_promotion_codes: bool | None = strawberry.field(
        default=None, description="Whether the recovered session accepts promotion codes."
    )
    enabled: bool = strawberry.field(
        description="Whether a recovery link is made when the session expires."
    )


@strawberry.input(description="What happens once the session has expired.")
class AfterExpirationInput:
    recovery: ExpirationRecoveryInput | None = strawberry.field(
        default=None, description="Settings for recovering the expired session."
    )


@strawberry.input(description="Lets Stripe calculate tax from the customer's location.")
class AutomaticTaxInput:
    enabled: bool = strawberry.field(description="Whether tax is calculated automatically.")
    liability: AccountReferenceInput | None = strawberry.field(
        default=None, description="The account that owes the tax collected."
    )


@strawberry.input(description="An image used for branding the Checkout page.")
class BrandingImageInput:
    file: str | None = strawberry.field(
        default=None, description="The ID of an uploaded Stripe File; used when type is file."
    )
    type: BrandingImageType = strawberry.field(
        description="Whether the image is a Stripe File or a URL."
    )
    url: str | None = strawberry.field(
        default=None, description="The public URL of the image; used when type is url."
    )


@strawberry.input(description="Colours, fonts and images that style the Checkout page.")
class BrandingSettingsInput:
    background_color: str | None = strawberry.field(
        default=None, description="The page background colour as a hex code, such as #ffffff."
    )
    border_style: BrandingBorderStyle | None = strawberry.field(
        default=None, description="The corner shape of buttons and fields."
    )
    button_color: str | None = strawberry.field(
        default=None, description="The button colour as a hex code, such as #0074d4."
    )
    display_name: str | None = strawberry.field(
        default=None, description="The business name shown on the page."
    )
    font_family: BrandingFontFamily | None = strawberry.field(
        default=None, description="The typeface of the page."
    )
    icon: BrandingImageInput | None = strawberry.field(
        default=None, description="A square icon for your business."
    )
    logo: BrandingImageInput | None = strawberry.field(
        default=None, description="Your business logo."
    )


@strawberry.input(description="A discount applied to the session.")
class DiscountInput:
    coupon: str | None = strawberry.field(default=None, description="The ID of a coupon to apply.")
    promotion_code: str | None = strawberry.field(
        default=None, description="The ID of a promotion code to apply."
    )


@strawberry.input(description="Who may change the session after it is created.")
class PermissionsInput:
    update_shipping_details: ShippingDetailsUpdatePermission | None = strawberry.field(
        default=None, description="Who may change the shipping details."
    )


@strawberry.input(description="How payment methods the customer saved before are handled.")
class SavedPaymentMethodOptionsInput:
    allow_redisplay_filters: list[AllowRedisplay] | None = strawberry.field(
        default=None,
        description="Which redisplay settings a saved payment method must have to be shown.",
    )
    payment_method_remove: SavedPaymentMethodSetting | None = strawberry.field(
        default=None, description="Whether the customer may remove saved payment methods."
    )
    payment_method_save: SavedPaymentMethodSetting | None = strawberry.field(
        default=None,
        description="Whether the customer is offered to save the payment method for next time.",
    )


@strawberry.input(description="One end of a delivery time range.")
class DeliveryEstimateBoundInput:
    unit: DeliveryEstimateUnit = strawberry.field(description="The unit of time.")
    value: int = strawberry.field(description="How many units of time.")


@strawberry.input(description="How long delivery is expected to take.")
class DeliveryEstimateInput:
    maximum: DeliveryEstimateBoundInput | None = strawberry.field(
        default=None, description="The longest expected delivery time; open-ended when left out."
    )
    minimum: DeliveryEstimateBoundInput | None = strawberry.field(
        default=None, description="The shortest expected delivery time; open-ended when left out."
    )


@strawberry.input(description="The shipping price in one additional currency.")
class CurrencyOptionInput:
    currency: str = strawberry.field(
        description="Three-letter ISO currency code in lowercase that this price applies to."
    )
    amount: int = strawberry.field(
        description="The shipping price in the smallest unit of that currency."
    )
    tax_behavior: TaxBehavior | None = strawberry.field(
        default=None, description="Whether the amount already contains tax."
    )


@strawberry.input(description="A shipping price that is the same for every order.")
class FixedAmountInput:
    amount: int = strawberry.field(description="The shipping price in the smallest currency unit.")
    currency: str = strawberry.field(description="Three-letter ISO currency code in lowercase.")
    currency_options: list[CurrencyOptionInput] | None = strawberry.field(
        default=None,
        description="Shipping prices in other currencies, one entry per currency.",
        metadata=keyed_by("currency"),
    )


@strawberry.input(description="A shipping rate defined inline for this session.")
class ShippingRateDataInput:
    delivery_estimate: DeliveryEstimateInput | None = strawberry.field(
        default=None, description="How long delivery is expected to take."
    )
    display_name: str = strawberry.field(
        description="The name of the shipping option shown to the customer."
    )
    fixed_amount: FixedAmountInput | None = strawberry.field(
        default=None, description="The price when type is fixed_amount."
    )
    metadata: Metadata | None = strawberry.field(
        default=None, description="Your own key-value data to keep on the shipping rate."
    )
    tax_behavior: TaxBehavior | None = strawberry.field(
        default=None, description="Whether the price already contains tax."
    )
    tax_code: str | None = strawberry.field(
        default=None, description="The ID of the tax code that classifies the shipping charge."
    )
    type: ShippingRateType | None = strawberry.field(
        default=None, description="How the price is worked out."
    )


@strawberry.input(description="A shipping option the customer can choose.")
class ShippingOptionInput:
    shipping_rate: str | None = strawberry.field(
        default=None,
        description="The ID of an existing shipping rate; give this or shipping_rate_data.",
    )
    shipping_rate_data: ShippingRateDataInput | None = strawberry.field(
        default=None, description="A new shipping rate to create; give this or shipping_rate."
    )


@strawberry.input(description="Settings of the Link wallet.")
class LinkWalletOptionsInput:
    display: LinkWalletDisplay | None = strawberry.field(
        default=None, description="Whether Link is shown as a wallet."
    )


@strawberry.input(description="Settings of wallets shown on the Checkout page.")
class WalletOptionsInput:
    link: LinkWalletOptionsInput | None = strawberry.field(
        default=None, description="Settings of the Link wallet."
    )

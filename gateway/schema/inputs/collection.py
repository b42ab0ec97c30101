"""Inputs for what Checkout asks the customer for: consents, custom fields, names, addresses."""

from __future__ import annotations

import strawberry

from gateway.schema.enums import (
    CountryCode,
    CustomFieldLabelType,
    CustomFieldType,
    PromotionsConsent,
    ReuseAgreementPosition,
    TaxIdRequirement,
    TermsOfServiceConsent,
)
from gateway.schema.inputs.enums import CustomerUpdateBehavior
from gateway.schema.inputs.line_items import AdjustableQuantityInput


@strawberry.input(
    description=(
        "How Checkout tells the customer that their payment method will be saved for later use."
    )
)
class PaymentMethodReuseAgreementInput:
    position: ReuseAgreementPosition = strawberry.field(
        description="Where the notice is shown, or whether it is hidden."
    )


@strawberry.input(description="Consents that Checkout asks the customer to give.")
class ConsentCollectionInput:
    payment_method_reuse_agreement: PaymentMethodReuseAgreementInput | None = strawberry.field(
        default=None, description="How the notice about saving the payment method is shown."
    )
    promotions: PromotionsConsent | None = strawberry.field(
        default=None, description="Whether to ask for permission to send promotional emails."
    )
    terms_of_service: TermsOfServiceConsent | None = strawberry.field(
        default=None, description="Whether the customer must accept your terms of service."
    )


@strawberry.input(description="One choice in a dropdown custom field.")
class CustomFieldDropdownOptionInput:
    label: str = strawberry.field(description="The text the customer sees for this choice.")
    value: str = strawberry.field(
        description="The value recorded when this choice is picked; letters and digits only."
    )


@strawberry.input(description="Settings of a dropdown custom field.")
class CustomFieldDropdownInput:
    default_value: str | None = strawberry.field(
        default=None, description="The value of the choice selected at first."
    )
    options: list[CustomFieldDropdownOptionInput] = strawberry.field(
        description="The choices the customer can pick from."
    )


@strawberry.input(description="The label shown next to a custom field.")
class CustomFieldLabelInput:
    custom: str = strawberry.field(description="The label text.")
    type: CustomFieldLabelType = strawberry.field(description="The kind of label.")


@strawberry.input(description="Settings of a text or numeric custom field.")
class CustomFieldTextOptionsInput:
    default_value: str | None = strawberry.field(
        default=None, description="The value filled in at first."
    )
    maximum_length: int | None = strawberry.field(
        default=None, description="The longest value the customer may enter, in characters."
    )
    minimum_length: int | None = strawberry.field(
        default=None, description="The shortest value the customer may enter, in characters."
    )


@strawberry.input(
    description="An extra field shown on the Checkout page for the customer to fill in."
)
class CustomFieldInput:
    dropdown: CustomFieldDropdownInput | None = strawberry.field(
        default=None, description="Settings for a dropdown field."
    )
    key: str = strawberry.field(
        description=(
            "Your identifier for the field, unique within the session; letters and digits only."
        )
    )
    label: CustomFieldLabelInput = strawberry.field(
        description="The label shown next to the field."
    )
    numeric: CustomFieldTextOptionsInput | None = strawberry.field(
        default=None, description="Settings for a numeric field."
    )
    optional: bool | None = strawberry.field(
        default=None,
        description=(
            "Whether the customer may leave the field empty; fields are required "
            "unless this is true."
        ),
    )
    text: CustomFieldTextOptionsInput | None = strawberry.field(
        default=None, description="Settings for a text field."
    )
    type: CustomFieldType = strawberry.field(description="What kind of value the field collects.")


@strawberry.input(description="A short piece of text to show on the Checkout page.")
class CustomTextMessageInput:
    message: str = strawberry.field(description="The text; it may contain Markdown links.")


@strawberry.input(description="Your own text shown at set places on the Checkout page.")
class CustomTextInput:
    after_submit: CustomTextMessageInput | None = strawberry.field(
        default=None, description="Text shown below the payment button."
    )
    shipping_address: CustomTextMessageInput | None = strawberry.field(
        default=None, description="Text shown next to the shipping address fields."
    )
    submit: CustomTextMessageInput | None = strawberry.field(
        default=None, description="Text shown next to the payment button."
    )
    terms_of_service_acceptance: CustomTextMessageInput | None = strawberry.field(
        default=None,
        description="Text that replaces the standard wording of the terms of service checkbox.",
    )


@strawberry.input(
    description="Which details the customer enters are saved back onto an existing Customer."
)
class CustomerUpdateInput:
    address: CustomerUpdateBehavior | None = strawberry.field(
        default=None, description="Whether the billing address is saved on the Customer."
    )
    name: CustomerUpdateBehavior | None = strawberry.field(
        default=None, description="Whether the name is saved on the Customer."
    )
    shipping: CustomerUpdateBehavior | None = strawberry.field(
        default=None, description="Whether the shipping details are saved on the Customer."
    )


@strawberry.input(description="Whether and how Checkout asks for one kind of name.")
class NameCollectionFieldInput:
    enabled: bool = strawberry.field(description="Whether Checkout asks for this name.")
    optional: bool | None = strawberry.field(
        default=None, description="Whether the customer may leave the name empty."
    )


@strawberry.input(description="Names Checkout asks the customer for.")
class NameCollectionInput:
    business: NameCollectionFieldInput | None = strawberry.field(
        default=None, description="Asking for a business name."
    )
    individual: NameCollectionFieldInput | None = strawberry.field(
        default=None, description="Asking for the name of a person."
    )


@strawberry.input(description="An item offered to the customer that they may add to the purchase.")
class OptionalItemInput:
    adjustable_quantity: AdjustableQuantityInput | None = strawberry.field(
        default=None, description="Lets the customer change how many they add."
    )
    price: str = strawberry.field(description="The ID of the Price of the offered item.")
    quantity: int = strawberry.field(
        description="How many units are added when the customer picks the item."
    )


@strawberry.input(description="Whether Checkout asks for a phone number.")
class PhoneNumberCollectionInput:
    enabled: bool = strawberry.field(description="Whether Checkout asks for a phone number.")


@strawberry.input(description="Asks the customer for a shipping address.")
class ShippingAddressCollectionInput:
    allowed_countries: list[CountryCode] = strawberry.field(
        description="The countries Checkout accepts shipping addresses in."
    )


@strawberry.input(description="Whether Checkout asks for a tax ID.")
class TaxIdCollectionInput:
    enabled: bool = strawberry.field(description="Whether Checkout asks for a tax ID.")
    required: TaxIdRequirement | None = strawberry.field(
        default=None, description="Whether the customer must give one."
    )

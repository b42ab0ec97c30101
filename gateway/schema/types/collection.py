"""What checkout asks the customer for: consent, custom fields, names, phone, tax IDs, items."""

import strawberry

from gateway.identity import Scope
from gateway.schema.enums import (
    CountryCode,
    CustomFieldLabelType,
    CustomFieldType,
    PromotionsConsent,
    PromotionsConsentStatus,
    ReuseAgreementPosition,
    TaxIdRequirement,
    TermsOfServiceConsent,
    TermsOfServiceConsentStatus,
)
from gateway.schema.permissions import scoped_field


@strawberry.type(description="The consents the customer gave while completing checkout.")
class Consent:
    promotions: PromotionsConsentStatus | None = strawberry.field(
        description="Whether the customer agreed to receive promotional messages from you."
    )
    terms_of_service: TermsOfServiceConsentStatus | None = strawberry.field(
        description="Set when the customer accepted your terms of service."
    )


@strawberry.type(
    description="How checkout presents its notice about reusing a saved payment method."
)
class PaymentMethodReuseAgreement:
    position: ReuseAgreementPosition = strawberry.field(
        description="Whether Stripe shows its own notice or leaves the wording to you."
    )


@strawberry.type(description="Which consents checkout asks the customer for before they pay.")
class ConsentCollection:
    payment_method_reuse_agreement: PaymentMethodReuseAgreement | None = strawberry.field(
        description="How the notice about saving the payment method for future use is shown."
    )
    promotions: PromotionsConsent | None = strawberry.field(
        description="Whether checkout asks the customer to opt in to promotional messages."
    )
    terms_of_service: TermsOfServiceConsent | None = strawberry.field(
        description="Whether the customer must accept your terms of service to pay."
    )


@strawberry.type(description="One choice in a dropdown custom field.")
class CustomFieldDropdownOption:
    label: str = strawberry.field(description="Text the customer sees for this choice.")
    value: str = strawberry.field(
        description="Value you receive when the customer picks this choice."
    )


@strawberry.type(description="Settings and answer of a custom field that offers a list of choices.")
class CustomFieldDropdown:
    default_value: str | None = strawberry.field(
        description="Value of the choice selected before the customer changes anything."
    )
    options: list[CustomFieldDropdownOption] = strawberry.field(
        description="The choices the customer can pick from."
    )
    value: str | None = scoped_field(
        Scope.READ_CUSTOMER_DATA,
        description="Value of the choice the customer picked, once they submit.",
    )


@strawberry.type(description="The label shown above a custom field.")
class CustomFieldLabel:
    custom: str | None = strawberry.field(description="The label text you supplied.")
    type: CustomFieldLabelType = strawberry.field(description="Where the label text comes from.")


@strawberry.type(
    description="Settings and answer of a custom field where the customer types text or digits."
)
class CustomFieldEntry:
    default_value: str | None = strawberry.field(
        description="Value filled in before the customer types anything."
    )
    maximum_length: int | None = strawberry.field(
        description="Most characters the customer may enter."
    )
    minimum_length: int | None = strawberry.field(
        description="Fewest characters the customer must enter."
    )
    value: str | None = scoped_field(
        Scope.READ_CUSTOMER_DATA, description="What the customer entered, once they submit."
    )


@strawberry.type(description="An extra question you added to the checkout page, with the answer.")
class CustomField:
    dropdown: CustomFieldDropdown | None = strawberry.field(
        description="Choices and answer, present when the field is a dropdown."
    )
    key: str = strawberry.field(
        description="Your identifier for the field, used to find the answer in your records."
    )
    label: CustomFieldLabel = strawberry.field(description="The label shown with the field.")
    numeric: CustomFieldEntry | None = strawberry.field(
        description="Limits and answer, present when the field accepts digits only."
    )
    optional: bool = strawberry.field(
        description="True when the customer may leave the field empty."
    )
    text: CustomFieldEntry | None = strawberry.field(
        description="Limits and answer, present when the field accepts free text."
    )
    type: CustomFieldType = strawberry.field(description="Which kind of input the field shows.")


@strawberry.type(description="A short message you show at one place on the checkout page.")
class CustomTextMessage:
    message: str = strawberry.field(description="The message text, which may use Markdown links.")


@strawberry.type(description="Your own messages shown at set places on the checkout page.")
class CustomText:
    after_submit: CustomTextMessage | None = strawberry.field(
        description="Message shown below the submit button."
    )
    shipping_address: CustomTextMessage | None = strawberry.field(
        description="Message shown next to the shipping address fields."
    )
    submit: CustomTextMessage | None = strawberry.field(
        description="Message shown next to the submit button."
    )
    terms_of_service_acceptance: CustomTextMessage | None = strawberry.field(
        description="Message that replaces the default wording of the terms of service checkbox."
    )


@strawberry.type(
    description="Whether checkout asks for one kind of name, and whether it must be given."
)
class NameCollectionOption:
    enabled: bool = strawberry.field(description="True when checkout shows the name field.")
    optional: bool = strawberry.field(
        description="True when the customer may leave the name field empty."
    )


@strawberry.type(description="Which names checkout asks the customer for.")
class NameCollection:
    business: NameCollectionOption | None = strawberry.field(
        description="Whether checkout asks for the name of the customer's business."
    )
    individual: NameCollectionOption | None = strawberry.field(
        description="Whether checkout asks for the customer's personal name."
    )


@strawberry.type(description="Whether checkout asks the customer for a phone number.")
class PhoneNumberCollection:
    enabled: bool = strawberry.field(description="True when checkout shows a phone number field.")


@strawberry.type(description="Whether checkout lets business customers enter a tax ID.")
class TaxIdCollection:
    enabled: bool = strawberry.field(description="True when checkout shows the tax ID field.")
    required: TaxIdRequirement = strawberry.field(
        description="Whether the customer must give a tax ID where one can be collected."
    )


@strawberry.type(description="Where checkout lets the customer ship the order to.")
class ShippingAddressCollection:
    allowed_countries: list[CountryCode] = strawberry.field(
        description="Countries the customer may pick for the shipping address."
    )


@strawberry.type(description="Limits on how many units of an item the customer may choose.")
class AdjustableQuantity:
    enabled: bool = strawberry.field(
        description="True when the customer may change the quantity on the checkout page."
    )
    maximum: int | None = strawberry.field(description="Most units the customer may choose.")
    minimum: int | None = strawberry.field(
        description="Fewest units the customer may choose; zero lets them remove the item."
    )


@strawberry.type(description="An item offered on the checkout page that the customer may add.")
class OptionalItem:
    adjustable_quantity: AdjustableQuantity | None = strawberry.field(
        description="Whether and how far the customer may change the quantity."
    )
    price: str = strawberry.field(description="Id of the price the item is sold at.")
    quantity: int = strawberry.field(
        description="Number of units added when the customer picks the item."
    )

"""Who is paying: the customer's details, address, tax IDs and what checkout collected."""

import strawberry

from gateway.schema.enums import TaxExemptStatus, TaxIdType


@strawberry.type(description="A postal address as entered by the customer or stored by Stripe.")
class Address:
    city: str | None = strawberry.field(
        description="City, district, suburb, town or village of the address."
    )
    country: str | None = strawberry.field(
        description="Two-letter ISO 3166-1 code of the country the address is in, such as US."
    )
    line1: str | None = strawberry.field(
        description="First address line, usually the street and house number or a PO box."
    )
    line2: str | None = strawberry.field(
        description="Second address line, such as an apartment, suite, unit or building."
    )
    postal_code: str | None = strawberry.field(description="ZIP or postal code of the address.")
    state: str | None = strawberry.field(
        description="State, county, province or region, where the country uses one."
    )


@strawberry.type(description="A tax identification number the customer entered during checkout.")
class CustomerTaxId:
    type: TaxIdType = strawberry.field(
        description="Country and kind of the number, which tells you how to validate it."
    )
    value: str | None = strawberry.field(description="The number itself, as the customer typed it.")


@strawberry.type(
    description="What the customer told checkout about themselves, used for receipts and tax."
)
class CustomerDetails:
    address: Address | None = strawberry.field(
        description="Billing address the customer gave; absent for sessions in setup mode."
    )
    business_name: str | None = strawberry.field(
        description="Name of the business the customer is buying for, if they gave one."
    )
    email: str | None = strawberry.field(
        description="Email address the customer gave, where Stripe sends receipts."
    )
    individual_name: str | None = strawberry.field(
        description="Personal name of the customer, when collected apart from a business name."
    )
    name: str | None = strawberry.field(
        description="Name the customer gave, taken from the billing details or the card."
    )
    phone: str | None = strawberry.field(
        description="Phone number the customer gave, when phone number collection is on."
    )
    tax_exempt: TaxExemptStatus | None = strawberry.field(
        description="The customer's tax exemption, which decides whether and how tax applies."
    )
    tax_ids: list[CustomerTaxId] | None = strawberry.field(
        description="Tax IDs the customer entered, when tax ID collection is on."
    )


@strawberry.type(description="Where and to whom the order should be shipped.")
class ShippingDetails:
    address: Address = strawberry.field(description="Postal address to ship the order to.")
    name: str = strawberry.field(description="Name of the person who receives the shipment.")


@strawberry.type(description="Details the checkout page collected from the customer for the order.")
class CollectedInformation:
    business_name: str | None = strawberry.field(
        description="Business name the customer entered, when business name collection is on."
    )
    individual_name: str | None = strawberry.field(
        description="Personal name the customer entered, when individual name collection is on."
    )
    shipping_details: ShippingDetails | None = strawberry.field(
        description="Shipping name and address the customer entered, when shipping is collected."
    )

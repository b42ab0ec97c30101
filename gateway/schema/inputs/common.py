"""Input shapes shared by several parts of the Checkout Session create input."""

from __future__ import annotations

import strawberry

from gateway.schema.enums import AccountReferenceType


@strawberry.input(
    description=(
        "Points to the account that is responsible for something, either your "
        "own account or a connected account."
    )
)
class AccountReferenceInput:
    account: str | None = strawberry.field(
        default=None, description="The ID of the connected account; only used when type is account."
    )
    type: AccountReferenceType = strawberry.field(
        description="Whether the reference is to your own account or to a connected account."
    )


@strawberry.input(description="A postal address.")
class AddressInput:
    city: str | None = strawberry.field(default=None, description="City, town, district or suburb.")
    country: str | None = strawberry.field(
        default=None, description="Two-letter ISO 3166-1 country code."
    )
    line1: str = strawberry.field(description="First line: street, PO box or company name.")
    line2: str | None = strawberry.field(
        default=None, description="Second line: apartment, suite, unit or building."
    )
    postal_code: str | None = strawberry.field(default=None, description="Postal or ZIP code.")
    state: str | None = strawberry.field(
        default=None, description="State, county, province or region."
    )

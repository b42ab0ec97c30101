"""The input for updating an open Checkout Session: only what Stripe lets an update change.

Nested pieces that Stripe's update takes in the same shape as its create (inline prices,
adjustable quantities, shipping options) are the create input's own types. Those it shapes
differently have their own: a line item, named by its id, here, and the collected shipping
details, whose address must have its country and first line, in inputs/collected.py.
"""

from __future__ import annotations

import strawberry

from gateway.schema.inputs.collected import CollectedInformationInput
from gateway.schema.inputs.encode import cleared_when_empty
from gateway.schema.inputs.line_items import AdjustableQuantityInput, PriceDataInput
from gateway.schema.inputs.settings import ShippingOptionInput
from gateway.schema.scalars import Metadata


@strawberry.input(
    description=(
        "One item of a session after the update: an existing one named by its id, kept as it "
        "is or changed, or a new one given a price and a quantity."
    )
)
class UpdateLineItemInput:
    adjustable_quantity: AdjustableQuantityInput | None = strawberry.field(
        default=None, description="Lets the customer change how many they buy."
    )
    id: strawberry.ID | None = strawberry.field(
        default=None,
        description="The id (li_…) of an existing line item to keep or change; leave out to add.",
    )
    metadata: Metadata | None = strawberry.field(
        default=None,
        description=(
            "Changes to your own key-value data on the line item: each key given is set, and a "
            "key given an empty string is removed."
        ),
    )
    price: str | None = strawberry.field(
        default=None,
        description="The ID of an existing Price; a new item needs this or price_data.",
    )
    price_data: PriceDataInput | None = strawberry.field(
        default=None, description="A price defined inline; a new item needs this or price."
    )
    quantity: int | None = strawberry.field(
        default=None,
        description="How many units the customer buys; a new item needs it.",
    )
    tax_rates: list[str] | None = strawberry.field(
        default=None,
        description="IDs of tax rates that always apply to the item; an empty list removes them.",
        metadata=cleared_when_empty(),
    )


@strawberry.input(
    description="What to change on an open Checkout Session; whatever is left out stays as it is."
)
class UpdateCheckoutSessionInput:
    collected_information: CollectedInformationInput | None = strawberry.field(
        default=None,
        description=(
            "Details about the customer collected outside Checkout; only for the embedded and "
            "custom UI modes."
        ),
    )
    line_items: list[UpdateLineItemInput] | None = strawberry.field(
        default=None,
        description=(
            "Every item the session keeps, in order: existing ones by id, new ones without; an "
            "existing item left out is removed. Amounts are worked out again."
        ),
    )
    metadata: Metadata | None = strawberry.field(
        default=None,
        description=(
            "Changes to your own key-value data on the session: each key given is set, and a "
            "key given an empty string is removed; keys left out stay."
        ),
    )
    shipping_options: list[ShippingOptionInput] | None = strawberry.field(
        default=None,
        description=(
            "The shipping options the customer chooses from, replacing those before; the first "
            "is preselected and priced into the total. An empty list removes them all."
        ),
        metadata=cleared_when_empty(),
    )

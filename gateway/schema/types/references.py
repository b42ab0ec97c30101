"""Stubs for Stripe objects that other subgraphs own; here they carry only their id."""

from collections.abc import Callable

import strawberry
from strawberry.federation.schema_directives import Key
from strawberry.federation.types import FieldSet

from gateway.schema.base import StripeObject
from gateway.schema.reads import reads


def expandable_list(key: str) -> Callable[[StripeObject], list[StripeObject] | None]:
    """Build a resolver for a list whose items are each an id or an expanded Stripe object."""

    def resolve(root: strawberry.Parent[StripeObject]) -> list[StripeObject] | None:
        values = root.get(key)
        if values is None:
            return None
        return [{"id": value} if isinstance(value, str) else value for value in values]

    resolve.__name__ = f"resolve_{key}"
    return reads(key)(resolve)


@strawberry.federation.type(
    keys=[Key(fields=FieldSet("id"), resolvable=False)],
    description="A Stripe account, such as a connected account that is liable for tax.",
)
class Account:
    id: strawberry.ID = strawberry.field(description="Stripe's account id, starting with acct_.")


@strawberry.federation.type(
    keys=[Key(fields=FieldSet("id"), resolvable=False)],
    description="A Stripe invoice, such as the receipt-style invoice made after a checkout.",
)
class Invoice:
    id: strawberry.ID = strawberry.field(description="Stripe's invoice id, starting with in_.")


@strawberry.federation.type(
    keys=[Key(fields=FieldSet("id"), resolvable=False)],
    description="A Stripe PaymentIntent, which tracks the attempt to collect a one-time payment.",
)
class PaymentIntent:
    id: strawberry.ID = strawberry.field(
        description="Stripe's PaymentIntent id, starting with pi_."
    )


@strawberry.federation.type(
    keys=[Key(fields=FieldSet("id"), resolvable=False)],
    description="A Stripe Payment Link, a reusable URL that starts a new checkout on each visit.",
)
class PaymentLink:
    id: strawberry.ID = strawberry.field(
        description="Stripe's Payment Link id, starting with plink_."
    )


@strawberry.federation.type(
    keys=[Key(fields=FieldSet("id"), resolvable=False)],
    description="A Stripe SetupIntent, which tracks saving a payment method for later charges.",
)
class SetupIntent:
    id: strawberry.ID = strawberry.field(
        description="Stripe's SetupIntent id, starting with seti_."
    )


@strawberry.federation.type(
    keys=[Key(fields=FieldSet("id"), resolvable=False)],
    description=(
        "A Stripe subscription that bills the customer on a recurring schedule. Not named "
        "Subscription: under Apollo composition a type of that name becomes the supergraph's "
        "subscription root."
    ),
)
class StripeSubscription:
    id: strawberry.ID = strawberry.field(
        description="Stripe's subscription id, starting with sub_."
    )


@strawberry.federation.type(
    keys=[Key(fields=FieldSet("id"), resolvable=False)],
    description="A Stripe coupon, which defines an amount or percentage taken off a purchase.",
)
class Coupon:
    id: strawberry.ID = strawberry.field(description="Stripe's coupon id, chosen by you or Stripe.")


@strawberry.federation.type(
    keys=[Key(fields=FieldSet("id"), resolvable=False)],
    description="A Stripe promotion code, a customer-facing code that applies a coupon.",
)
class PromotionCode:
    id: strawberry.ID = strawberry.field(
        description="Stripe's promotion code id, starting with promo_."
    )


@strawberry.federation.type(
    keys=[Key(fields=FieldSet("id"), resolvable=False)],
    description="A Stripe shipping rate, a delivery option with its price and delivery estimate.",
)
class ShippingRate:
    id: strawberry.ID = strawberry.field(
        description="Stripe's shipping rate id, starting with shr_."
    )


@strawberry.federation.type(
    keys=[Key(fields=FieldSet("id"), resolvable=False)],
    description="A Stripe product, the good or service that a price is for.",
)
class Product:
    id: strawberry.ID = strawberry.field(description="Stripe's product id, starting with prod_.")


@strawberry.federation.type(
    keys=[Key(fields=FieldSet("id"), resolvable=False)],
    description="A tax ID stored on a Stripe account, shown on the invoices it issues.",
)
class TaxId:
    id: strawberry.ID = strawberry.field(description="Stripe's tax ID id, starting with txi_.")

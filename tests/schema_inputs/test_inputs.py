"""The Checkout Session create input: GraphQL shape, conversion to Stripe params, coverage."""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import (
    Any,
    ForwardRef,
    Literal,
    NotRequired,
    Required,
    Union,
    cast,
    get_args,
    get_origin,
)

import pytest
import strawberry
from strawberry.scalars import JSON
from strawberry.types.base import StrawberryList, StrawberryOptional
from strawberry.types.enum import StrawberryEnumDefinition
from typing_extensions import is_typeddict

from gateway.schema.base import schema_config
from gateway.schema.inputs import CreateCheckoutSessionInput, to_stripe_params
from gateway.schema.inputs.encode import MAP_KEY
from gateway.schema.inputs.line_items import CheckoutLineItemInput, PriceDataInput
from gateway.schema.scalars import Metadata

stripe_params = pytest.importorskip("stripe.params.checkout._session_create_params")
request_options = pytest.importorskip("stripe._request_options")


@strawberry.type
class Query:
    @strawberry.field
    def ok(self) -> bool:
        return True


@strawberry.type
class Mutation:
    @strawberry.mutation
    def echo(self, input: CreateCheckoutSessionInput) -> JSON:
        return cast("JSON", to_stripe_params(input))


schema = strawberry.Schema(query=Query, mutation=Mutation, config=schema_config())

ECHO = "mutation Echo($input: CreateCheckoutSessionInput!) { echo(input: $input) }"


def echo(variables: dict[str, Any]) -> dict[str, Any]:
    result = schema.execute_sync(ECHO, variable_values={"input": variables})
    assert result.errors is None, result.errors
    assert result.data is not None
    echoed: dict[str, Any] = result.data["echo"]
    return echoed


def test_rich_input_becomes_stripe_params() -> None:
    params = echo(
        {
            "mode": "SUBSCRIPTION",
            "uiMode": "HOSTED",
            "successUrl": "https://shop.example/done",
            "expiresAt": "2026-02-25T12:00:00Z",
            "metadata": {"order": "A-17"},
            "locale": "PT_BR",
            "billingAddressCollection": "REQUIRED",
            "paymentMethodTypes": ["CARD", "SEPA_DEBIT", "LINK"],
            "lineItems": [
                {"price": "price_123", "quantity": 2},
                {
                    "quantity": 1,
                    "adjustableQuantity": {"enabled": True, "maximum": 5},
                    "priceData": {
                        "currency": "eur",
                        "unitAmount": 1500,
                        "taxBehavior": "EXCLUSIVE",
                        "productData": {"name": "Plan", "images": ["https://img.example/p"]},
                        "recurring": {"interval": "MONTH", "intervalCount": 3},
                    },
                },
            ],
            "customFields": [
                {
                    "key": "size",
                    "type": "DROPDOWN",
                    "label": {"type": "CUSTOM", "custom": "Size"},
                    "dropdown": {
                        "options": [
                            {"label": "Small", "value": "s"},
                            {"label": "Large", "value": "l"},
                        ]
                    },
                    "optional": False,
                }
            ],
            "paymentMethodOptions": {
                "card": {
                    "requestThreeDSecure": "CHALLENGE",
                    "setupFutureUsage": "OFF_SESSION",
                    "restrictions": {"brandsBlocked": ["AMERICAN_EXPRESS"]},
                },
                "sepaDebit": {"mandateOptions": {"referencePrefix": "SHOP"}},
                "wechatPay": {"client": "WEB"},
                "klarna": None,
            },
            "subscriptionData": {
                "trialPeriodDays": 14,
                "trialEnd": "2026-03-01T00:00:00+01:00",
                "applicationFeePercent": 2.5,
                "metadata": {"plan": "pro"},
                "billingMode": {"type": "FLEXIBLE"},
                "trialSettings": {"endBehavior": {"missingPaymentMethod": "PAUSE"}},
            },
            "shippingAddressCollection": {"allowedCountries": ["DE", "AT", "ZZ"]},
            "shippingOptions": [
                {
                    "shippingRateData": {
                        "displayName": "Express",
                        "type": "FIXED_AMOUNT",
                        "fixedAmount": {
                            "amount": 900,
                            "currency": "eur",
                            "currencyOptions": [
                                {"currency": "usd", "amount": 1000, "taxBehavior": "INCLUSIVE"},
                                {"currency": "gbp", "amount": 800},
                            ],
                        },
                        "deliveryEstimate": {"minimum": {"unit": "BUSINESS_DAY", "value": 1}},
                    }
                }
            ],
        }
    )
    assert params == {
        "mode": "subscription",
        "ui_mode": "hosted",
        "success_url": "https://shop.example/done",
        "expires_at": 1772020800,
        "metadata": {"order": "A-17"},
        "locale": "pt-BR",
        "billing_address_collection": "required",
        "payment_method_types": ["card", "sepa_debit", "link"],
        "line_items": [
            {"price": "price_123", "quantity": 2},
            {
                "quantity": 1,
                "adjustable_quantity": {"enabled": True, "maximum": 5},
                "price_data": {
                    "currency": "eur",
                    "unit_amount": 1500,
                    "tax_behavior": "exclusive",
                    "product_data": {"name": "Plan", "images": ["https://img.example/p"]},
                    "recurring": {"interval": "month", "interval_count": 3},
                },
            },
        ],
        "custom_fields": [
            {
                "key": "size",
                "type": "dropdown",
                "label": {"type": "custom", "custom": "Size"},
                "dropdown": {
                    "options": [{"label": "Small", "value": "s"}, {"label": "Large", "value": "l"}]
                },
                "optional": False,
            }
        ],
        "payment_method_options": {
            "card": {
                "request_three_d_secure": "challenge",
                "setup_future_usage": "off_session",
                "restrictions": {"brands_blocked": ["american_express"]},
            },
            "sepa_debit": {"mandate_options": {"reference_prefix": "SHOP"}},
            "wechat_pay": {"client": "web"},
        },
        "subscription_data": {
            "trial_period_days": 14,
            "trial_end": 1772319600,
            "application_fee_percent": 2.5,
            "metadata": {"plan": "pro"},
            "billing_mode": {"type": "flexible"},
            "trial_settings": {"end_behavior": {"missing_payment_method": "pause"}},
        },
        "shipping_address_collection": {"allowed_countries": ["DE", "AT", "ZZ"]},
        "shipping_options": [
            {
                "shipping_rate_data": {
                    "display_name": "Express",
                    "type": "fixed_amount",
                    "fixed_amount": {
                        "amount": 900,
                        "currency": "eur",
                        "currency_options": {
                            "usd": {"amount": 1000, "tax_behavior": "inclusive"},
                            "gbp": {"amount": 800},
                        },
                    },
                    "delivery_estimate": {"minimum": {"unit": "business_day", "value": 1}},
                }
            }
        ],
    }


def test_empty_input_gives_empty_params() -> None:
    assert echo({}) == {}


def test_inline_literals_are_accepted() -> None:
    query = """
        mutation {
          echo(input: {mode: PAYMENT, expiresAt: "2026-02-25T12:30:00Z",
                       lineItems: [{price: "price_1", quantity: 1}], metadata: {a: "b"}})
        }
    """
    result = schema.execute_sync(query)
    assert result.errors is None, result.errors
    assert result.data == {
        "echo": {
            "mode": "payment",
            "expires_at": 1772022600,
            "line_items": [{"price": "price_1", "quantity": 1}],
            "metadata": {"a": "b"},
        }
    }


def test_invalid_enum_value_is_rejected() -> None:
    result = schema.execute_sync(ECHO, variable_values={"input": {"mode": "payment"}})
    assert result.errors


def test_missing_required_child_is_rejected() -> None:
    result = schema.execute_sync(
        ECHO, variable_values={"input": {"lineItems": [{"priceData": {"unitAmount": 5}}]}}
    )
    assert result.errors


def test_unset_and_none_are_skipped() -> None:
    item = CheckoutLineItemInput(
        price=strawberry.UNSET,
        quantity=None,
        price_data=PriceDataInput(currency="usd", unit_amount=0),
    )
    assert to_stripe_params(item) == {"price_data": {"currency": "usd", "unit_amount": 0}}


def test_non_input_is_refused() -> None:
    with pytest.raises(TypeError):
        to_stripe_params({"mode": "payment"})


STRIPE_GLOBALS = vars(stripe_params)


def _resolve(annotation: Any) -> Any:
    if isinstance(annotation, str):
        return eval(annotation, STRIPE_GLOBALS)
    if isinstance(annotation, ForwardRef):
        return eval(annotation.__forward_arg__, STRIPE_GLOBALS)
    return annotation


@dataclasses.dataclass
class StripeParam:
    """What a Stripe TypedDict annotation says about one parameter."""

    required: bool = True
    literals: set[str] = dataclasses.field(default_factory=set)
    children: list[Any] = dataclasses.field(default_factory=list)
    keyed_children: list[Any] = dataclasses.field(default_factory=list)
    is_list: bool = False
    is_string_map: bool = False


def _describe(annotation: Any, param: StripeParam, in_map: bool = False) -> StripeParam:
    annotation = _resolve(annotation)
    origin = get_origin(annotation)
    if origin is NotRequired:
        param.required = False
    if origin is Literal:
        param.literals |= {value for value in get_args(annotation) if value != ""}
    elif is_typeddict(annotation):
        (param.keyed_children if in_map else param.children).append(annotation)
    elif origin is dict:
        value_type = get_args(annotation)[1]
        if _resolve(value_type) is str:
            param.is_string_map = True
        else:
            _describe(value_type, param, in_map=True)
    elif origin in (NotRequired, Required, Union):
        for argument in get_args(annotation):
            _describe(argument, param, in_map)
    elif origin is list:
        param.is_list = True
        _describe(get_args(annotation)[0], param, in_map)
    return param


def _unwrap(field_type: Any) -> tuple[bool, bool, Any]:
    optional = isinstance(field_type, StrawberryOptional)
    if optional:
        field_type = field_type.of_type
    is_list = isinstance(field_type, StrawberryList)
    while isinstance(field_type, StrawberryList | StrawberryOptional):
        field_type = field_type.of_type
    if isinstance(field_type, StrawberryEnumDefinition):
        field_type = field_type.wrapped_cls
    return optional, is_list, field_type


def _stripe_keys(typed_dict: Any) -> dict[str, Any]:
    skipped = set(request_options.RequestOptions.__annotations__) | {"expand"}
    if typed_dict is not stripe_params.SessionCreateParams:
        skipped = set()
    return {key: value for key, value in typed_dict.__annotations__.items() if key not in skipped}


def _compare(
    typed_dict: Any, input_class: Any, path: str, problems: list[str], map_key: str = ""
) -> None:
    """Check one input class against the Stripe TypedDict it models, then its children.

    An empty TypedDict may have no field: GraphQL input objects need at least one field, and an
    empty hash sends Stripe nothing. `map_key` names the field that keys a map entry.
    """
    fields = {field.python_name: field for field in input_class.__strawberry_definition__.fields}
    stripe_keys = _stripe_keys(typed_dict)
    for key, annotation in stripe_keys.items():
        where = f"{path}.{key}"
        param = _describe(annotation, StripeParam())
        if key not in fields:
            if not (param.children and all(not _stripe_keys(c) for c in param.children)):
                problems.append(f"{where}: missing from {input_class.__name__}")
            continue
        field = fields[key]
        optional, is_list, leaf = _unwrap(field.type)
        if optional == param.required:
            wanted = "required" if param.required else "optional"
            problems.append(f"{where}: Stripe has it {wanted}, the input does not")
        if is_list != (param.is_list or bool(param.keyed_children)):
            problems.append(f"{where}: one side is a list and the other is not")
        if param.literals:
            if not (isinstance(leaf, type) and issubclass(leaf, Enum)):
                problems.append(f"{where}: expected an enum, got {leaf!r}")
            elif {member.value for member in leaf} != param.literals:
                problems.append(f"{where}: {leaf.__name__} values differ from Stripe's")
        if param.is_string_map and leaf is not Metadata:
            problems.append(f"{where}: expected Metadata, got {leaf!r}")
        for child in param.children:
            _compare(child, leaf, where, problems)
        for child in param.keyed_children:
            entry_key = field.metadata.get(MAP_KEY)
            if entry_key is None:
                problems.append(f"{where}: a map parameter needs a keyed list")
            else:
                _compare(child, leaf, where, problems, map_key=entry_key)
    extra = set(fields) - set(stripe_keys) - {map_key}
    if extra:
        problems.append(f"{path}: {input_class.__name__} has fields Stripe lacks: {sorted(extra)}")


def test_every_stripe_parameter_has_a_matching_input_field() -> None:
    problems: list[str] = []
    _compare(stripe_params.SessionCreateParams, CreateCheckoutSessionInput, "session", problems)
    assert not problems, "\n".join(problems)

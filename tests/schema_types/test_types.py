"""Checkout Session output types: values resolve from Stripe JSON and match Stripe's fields."""

import typing
from types import SimpleNamespace
from typing import Any

import pytest
import strawberry
from graphql import (
    GraphQLEnumType,
    GraphQLNonNull,
    GraphQLObjectType,
)

from gateway.identity import ALL_SCOPES, Caller
from gateway.schema.base import StripeObject, schema_config
from gateway.schema.types.line_items import LineItem
from gateway.schema.types.session import CheckoutSession

CREATED = 1_767_225_600
EXPIRES = CREATED + 86_400

TAX_RATE = {
    "id": "txr_vat20",
    "object": "tax_rate",
    "active": True,
    "country": "GB",
    "created": CREATED,
    "description": None,
    "display_name": "VAT",
    "effective_percentage": 20.0,
    "flat_amount": None,
    "inclusive": False,
    "jurisdiction": "United Kingdom",
    "jurisdiction_level": "country",
    "livemode": False,
    "metadata": {},
    "percentage": 20.0,
    "rate_type": "percentage",
    "state": None,
    "tax_type": "vat",
}

DISCOUNT = {
    "id": "di_summer",
    "object": "discount",
    "checkout_session": "cs_test_rich",
    "customer": "cus_ada",
    "customer_account": None,
    "end": None,
    "invoice": None,
    "invoice_item": None,
    "promotion_code": "promo_summer",
    "source": {"type": "coupon", "coupon": "SUMMER"},
    "start": CREATED,
    "subscription": None,
    "subscription_item": None,
}

SESSION: StripeObject = {
    "id": "cs_test_rich",
    "object": "checkout.session",
    "adaptive_pricing": {"enabled": True},
    "after_expiration": {
        "recovery": {
            "allow_promotion_codes": True,
            "enabled": True,
            "expires_at": EXPIRES,
            "url": "https://checkout.example/recover",
        }
    },
    "allow_promotion_codes": True,
    "amount_subtotal": 4000,
    "amount_total": 4300,
    "automatic_tax": {
        "enabled": True,
        "liability": {"type": "account", "account": "acct_platform"},
        "provider": "stripe",
        "status": "complete",
    },
    "billing_address_collection": "required",
    "branding_settings": {
        "background_color": "#ffffff",
        "border_style": "pill",
        "button_color": "#0074d4",
        "display_name": "Ada's Books",
        "font_family": "inter",
        "icon": {"type": "url", "url": "https://cdn.example/icon.png", "file": None},
        "logo": None,
    },
    "cancel_url": "https://shop.example/cart",
    "client_reference_id": "cart_42",
    "client_secret": None,
    "collected_information": {
        "business_name": None,
        "individual_name": "Ada Lovelace",
        "shipping_details": {
            "name": "Ada Lovelace",
            "address": {
                "city": "London",
                "country": "GB",
                "line1": "12 St James's Square",
                "line2": None,
                "postal_code": "SW1Y 4JH",
                "state": None,
            },
        },
    },
    "consent": {"promotions": "opt_in", "terms_of_service": "accepted"},
    "consent_collection": {
        "payment_method_reuse_agreement": {"position": "hidden"},
        "promotions": "auto",
        "terms_of_service": "required",
    },
    "created": CREATED,
    "currency": "gbp",
    "currency_conversion": None,
    "custom_fields": [
        {
            "key": "gift_note",
            "label": {"type": "custom", "custom": "Gift note"},
            "optional": True,
            "type": "text",
            "text": {
                "default_value": None,
                "maximum_length": 200,
                "minimum_length": None,
                "value": "Happy birthday",
            },
            "numeric": None,
            "dropdown": None,
        },
        {
            "key": "wrapping",
            "label": {"type": "custom", "custom": "Wrapping"},
            "optional": False,
            "type": "dropdown",
            "dropdown": {
                "default_value": "plain",
                "options": [
                    {"label": "Plain", "value": "plain"},
                    {"label": "Festive", "value": "festive"},
                ],
                "value": "festive",
            },
            "numeric": None,
            "text": None,
        },
    ],
    "custom_text": {
        "after_submit": None,
        "shipping_address": {"message": "We ship within two days."},
        "submit": None,
        "terms_of_service_acceptance": None,
    },
    "customer": {"id": "cus_ada", "object": "customer", "email": "ada@example.com"},
    "customer_account": None,
    "customer_creation": "if_required",
    "customer_details": {
        "address": {
            "city": "London",
            "country": "GB",
            "line1": "12 St James's Square",
            "line2": None,
            "postal_code": "SW1Y 4JH",
            "state": None,
        },
        "business_name": None,
        "email": "ada@example.com",
        "individual_name": None,
        "name": "Ada Lovelace",
        "phone": None,
        "tax_exempt": "none",
        "tax_ids": [{"type": "gb_vat", "value": "GB123456789"}],
    },
    "customer_email": None,
    "discounts": [{"coupon": None, "promotion_code": "promo_summer"}],
    "excluded_payment_method_types": [],
    "expires_at": EXPIRES,
    "invoice": "in_123",
    "invoice_creation": {
        "enabled": True,
        "invoice_data": {
            "account_tax_ids": ["txi_one", {"id": "txi_two", "object": "tax_id"}],
            "custom_fields": [{"name": "PO", "value": "7781"}],
            "description": None,
            "footer": "Thank you",
            "issuer": {"type": "self", "account": None},
            "metadata": {"channel": "web"},
            "rendering_options": None,
        },
    },
    "livemode": False,
    "locale": "zh-HK",
    "metadata": {"order": "1001"},
    "mode": "payment",
    "name_collection": {"business": None, "individual": {"enabled": True, "optional": False}},
    "optional_items": [
        {
            "adjustable_quantity": {"enabled": True, "maximum": 5, "minimum": 0},
            "price": "price_bookmark",
            "quantity": 1,
        }
    ],
    "origin_context": "web",
    "payment_intent": "pi_123",
    "payment_link": None,
    "payment_method_collection": "always",
    "payment_method_configuration_details": {"id": "pmc_default", "parent": None},
    "payment_method_options": {
        "card": {
            "capture_method": "manual",
            "installments": {"enabled": False},
            "request_three_d_secure": "automatic",
            "request_overcapture": "if_available",
            "restrictions": {"brands_blocked": ["american_express"]},
            "setup_future_usage": "off_session",
            "statement_descriptor_suffix_kana": None,
            "statement_descriptor_suffix_kanji": None,
        },
        "customer_balance": {
            "bank_transfer": {
                "eu_bank_transfer": {"country": "NL"},
                "requested_address_types": ["iban"],
                "type": "eu_bank_transfer",
            },
            "funding_type": "bank_transfer",
            "setup_future_usage": None,
        },
        "us_bank_account": {
            "financial_connections": {
                "filters": {"account_subcategories": ["checking"]},
                "permissions": ["payment_method", "balances"],
                "prefetch": [],
                "return_url": None,
            },
            "setup_future_usage": None,
            "target_date": None,
            "verification_method": "instant",
        },
        "link": {"capture_method": None, "setup_future_usage": "none"},
    },
    "payment_method_types": ["card", "link", "customer_balance", "us_bank_account"],
    "payment_status": "unpaid",
    "permissions": {"update_shipping_details": "server_only"},
    "phone_number_collection": {"enabled": False},
    "presentment_details": {"presentment_amount": 5000, "presentment_currency": "eur"},
    "recovered_from": None,
    "redirect_on_completion": None,
    "return_url": None,
    "saved_payment_method_options": {
        "allow_redisplay_filters": ["always"],
        "payment_method_remove": None,
        "payment_method_save": "enabled",
    },
    "setup_intent": None,
    "shipping_address_collection": {"allowed_countries": ["GB", "IE", "ZZ"]},
    "shipping_cost": {
        "amount_subtotal": 500,
        "amount_tax": 100,
        "amount_total": 600,
        "shipping_rate": "shr_standard",
        "taxes": [
            {
                "amount": 100,
                "rate": TAX_RATE,
                "taxability_reason": "standard_rated",
                "taxable_amount": 500,
            }
        ],
    },
    "shipping_options": [
        {"shipping_amount": 500, "shipping_rate": "shr_standard"},
        {"shipping_amount": 1500, "shipping_rate": {"id": "shr_express", "object": "x"}},
    ],
    "status": "open",
    "submit_type": "pay",
    "subscription": None,
    "success_url": "https://shop.example/thanks",
    "tax_id_collection": {"enabled": True, "required": "if_supported"},
    "total_details": {
        "amount_discount": 400,
        "amount_shipping": 500,
        "amount_tax": 200,
        "breakdown": {
            "discounts": [{"amount": 400, "discount": DISCOUNT}],
            "taxes": [
                {
                    "amount": 200,
                    "rate": TAX_RATE,
                    "taxability_reason": None,
                    "taxable_amount": 1000,
                }
            ],
        },
    },
    "ui_mode": "hosted",
    "url": "https://checkout.stripe.com/c/pay/cs_test_rich",
    "wallet_options": {"link": {"display": "never"}},
}

LINE_ITEM: StripeObject = {
    "id": "li_1",
    "object": "item",
    "adjustable_quantity": None,
    "amount_discount": 400,
    "amount_subtotal": 4000,
    "amount_tax": 720,
    "amount_total": 4320,
    "currency": "gbp",
    "description": "Notes on the Analytical Engine",
    "discounts": [{"amount": 400, "discount": DISCOUNT}],
    "metadata": {},
    "price": {
        "id": "price_book",
        "object": "price",
        "active": True,
        "billing_scheme": "tiered",
        "created": CREATED,
        "currency": "gbp",
        "currency_options": {
            "gbp": {"tax_behavior": "exclusive", "unit_amount": 2000},
            "eur": {"tax_behavior": "inclusive", "unit_amount": 2400},
        },
        "custom_unit_amount": None,
        "livemode": False,
        "lookup_key": None,
        "metadata": {"isbn": "978-0"},
        "nickname": None,
        "product": "prod_book",
        "recurring": {
            "interval": "month",
            "interval_count": 3,
            "meter": None,
            "trial_period_days": None,
            "usage_type": "licensed",
        },
        "tax_behavior": "exclusive",
        "tiers": [
            {"flat_amount": None, "unit_amount": 2000, "up_to": 10},
            {"flat_amount": 500, "unit_amount": 1500, "up_to": None},
        ],
        "tiers_mode": "graduated",
        "transform_quantity": {"divide_by": 10, "round": "up"},
        "type": "recurring",
        "unit_amount": None,
        "unit_amount_decimal": None,
    },
    "quantity": 2,
    "taxes": [{"amount": 720, "rate": TAX_RATE, "taxability_reason": None, "taxable_amount": 3600}],
}


@strawberry.type
class Query:
    @strawberry.field
    def session(self) -> CheckoutSession:
        return typing.cast("CheckoutSession", SESSION)

    @strawberry.field
    def line_item(self) -> LineItem:
        return typing.cast("LineItem", LINE_ITEM)


SCHEMA = strawberry.federation.Schema(query=Query, config=schema_config())
# The resolvers read only the caller, who may read everything.
CONTEXT = SimpleNamespace(caller=Caller("test", ALL_SCOPES))


def run(query: str) -> dict[str, Any]:
    result = SCHEMA.execute_sync(query, context_value=CONTEXT)
    assert result.errors is None, result.errors
    assert result.data is not None
    return result.data


def test_session_scalars_enums_and_references() -> None:
    data = run(
        """{ session {
            id object status mode paymentStatus uiMode locale submitType originContext
            billingAddressCollection customerCreation paymentMethodCollection
            created expiresAt metadata livemode amountTotal currency paymentMethodTypes
            customer { id } invoice { id } paymentIntent { id } paymentLink { id }
            setupIntent { id } subscription { id }
        } }"""
    )["session"]
    assert data == {
        "id": "cs_test_rich",
        "object": "checkout.session",
        "status": "OPEN",
        "mode": "PAYMENT",
        "paymentStatus": "UNPAID",
        "uiMode": "HOSTED",
        "locale": "ZH_HK",
        "submitType": "PAY",
        "originContext": "WEB",
        "billingAddressCollection": "REQUIRED",
        "customerCreation": "IF_REQUIRED",
        "paymentMethodCollection": "ALWAYS",
        "created": "2026-01-01T00:00:00Z",
        "expiresAt": "2026-01-02T00:00:00Z",
        "metadata": {"order": "1001"},
        "livemode": False,
        "amountTotal": 4300,
        "currency": "gbp",
        "paymentMethodTypes": ["card", "link", "customer_balance", "us_bank_account"],
        "customer": {"id": "cus_ada"},
        "invoice": {"id": "in_123"},
        "paymentIntent": {"id": "pi_123"},
        "paymentLink": None,
        "setupIntent": None,
        "subscription": None,
    }


def test_session_nested_objects() -> None:
    data = run(
        """{ session {
            afterExpiration { recovery { expiresAt url } }
            automaticTax { enabled status liability { type account { id } } }
            brandingSettings { borderStyle icon { type url } logo { url } }
            collectedInformation { shippingDetails { name address { city postalCode } } }
            consent { promotions termsOfService }
            consentCollection { paymentMethodReuseAgreement { position } termsOfService }
            customFields { key type label { custom } text { value maximumLength }
                           dropdown { value options { label value } } }
            customText { shippingAddress { message } submit { message } }
            customerDetails { name taxExempt address { country } taxIds { type value } }
            discounts { coupon { id } promotionCode { id } }
            invoiceCreation { invoiceData { accountTaxIds { id } issuer { type account { id } }
                              metadata customFields { name value } } }
            nameCollection { individual { enabled optional } business { enabled } }
            optionalItems { price adjustableQuantity { maximum minimum } }
            paymentMethodConfigurationDetails { id }
            paymentMethodOptions {
                card { captureMethod requestThreeDSecure requestOvercapture
                       restrictions { brandsBlocked } setupFutureUsage installments { enabled } }
                customerBalance { fundingType bankTransfer { type requestedAddressTypes
                                  euBankTransfer { country } } }
                usBankAccount { verificationMethod financialConnections {
                                permissions filters { accountSubcategories } } }
                link { setupFutureUsage }
                klarna { captureMethod }
            }
            permissions { updateShippingDetails }
            presentmentDetails { presentmentAmount presentmentCurrency }
            savedPaymentMethodOptions { allowRedisplayFilters paymentMethodSave }
            shippingAddressCollection { allowedCountries }
            shippingCost { amountTotal shippingRate { id }
                           taxes { amount taxabilityReason rate { id percentage taxType } } }
            shippingOptions { shippingAmount shippingRate { id } }
            taxIdCollection { required }
            totalDetails { amountDiscount breakdown {
                discounts { amount discount { id start end source { type coupon { id } }
                            promotionCode { id } customer { id } } }
                taxes { amount rate { displayName inclusive jurisdictionLevel created } } } }
            walletOptions { link { display } }
        } }"""
    )["session"]
    assert data["afterExpiration"] == {
        "recovery": {"expiresAt": "2026-01-02T00:00:00Z", "url": "https://checkout.example/recover"}
    }
    assert data["automaticTax"] == {
        "enabled": True,
        "status": "COMPLETE",
        "liability": {"type": "ACCOUNT", "account": {"id": "acct_platform"}},
    }
    assert data["brandingSettings"] == {
        "borderStyle": "PILL",
        "icon": {"type": "URL", "url": "https://cdn.example/icon.png"},
        "logo": None,
    }
    assert data["collectedInformation"]["shippingDetails"] == {
        "name": "Ada Lovelace",
        "address": {"city": "London", "postalCode": "SW1Y 4JH"},
    }
    assert data["consent"] == {"promotions": "OPT_IN", "termsOfService": "ACCEPTED"}
    assert data["consentCollection"] == {
        "paymentMethodReuseAgreement": {"position": "HIDDEN"},
        "termsOfService": "REQUIRED",
    }
    text_field, dropdown_field = data["customFields"]
    assert text_field["type"] == "TEXT"
    assert text_field["text"] == {"value": "Happy birthday", "maximumLength": 200}
    assert text_field["dropdown"] is None
    assert dropdown_field["label"] == {"custom": "Wrapping"}
    assert dropdown_field["dropdown"]["value"] == "festive"
    assert [option["label"] for option in dropdown_field["dropdown"]["options"]] == [
        "Plain",
        "Festive",
    ]
    assert data["customText"] == {
        "shippingAddress": {"message": "We ship within two days."},
        "submit": None,
    }
    assert data["customerDetails"] == {
        "name": "Ada Lovelace",
        "taxExempt": "NONE",
        "address": {"country": "GB"},
        "taxIds": [{"type": "GB_VAT", "value": "GB123456789"}],
    }
    assert data["discounts"] == [{"coupon": None, "promotionCode": {"id": "promo_summer"}}]
    assert data["invoiceCreation"]["invoiceData"] == {
        "accountTaxIds": [{"id": "txi_one"}, {"id": "txi_two"}],
        "issuer": {"type": "SELF", "account": None},
        "metadata": {"channel": "web"},
        "customFields": [{"name": "PO", "value": "7781"}],
    }
    assert data["nameCollection"] == {
        "individual": {"enabled": True, "optional": False},
        "business": None,
    }
    assert data["optionalItems"] == [
        {"price": "price_bookmark", "adjustableQuantity": {"maximum": 5, "minimum": 0}}
    ]
    assert data["paymentMethodConfigurationDetails"] == {"id": "pmc_default"}
    assert data["paymentMethodOptions"] == {
        "card": {
            "captureMethod": "MANUAL",
            "requestThreeDSecure": "AUTOMATIC",
            "requestOvercapture": "IF_AVAILABLE",
            "restrictions": {"brandsBlocked": ["AMERICAN_EXPRESS"]},
            "setupFutureUsage": "OFF_SESSION",
            "installments": {"enabled": False},
        },
        "customerBalance": {
            "fundingType": "BANK_TRANSFER",
            "bankTransfer": {
                "type": "EU_BANK_TRANSFER",
                "requestedAddressTypes": ["IBAN"],
                "euBankTransfer": {"country": "NL"},
            },
        },
        "usBankAccount": {
            "verificationMethod": "INSTANT",
            "financialConnections": {
                "permissions": ["PAYMENT_METHOD", "BALANCES"],
                "filters": {"accountSubcategories": ["CHECKING"]},
            },
        },
        "link": {"setupFutureUsage": "NONE"},
        "klarna": None,
    }
    assert data["permissions"] == {"updateShippingDetails": "SERVER_ONLY"}
    assert data["presentmentDetails"] == {"presentmentAmount": 5000, "presentmentCurrency": "eur"}
    assert data["savedPaymentMethodOptions"] == {
        "allowRedisplayFilters": ["ALWAYS"],
        "paymentMethodSave": "ENABLED",
    }
    assert data["shippingAddressCollection"] == {"allowedCountries": ["GB", "IE", "ZZ"]}
    assert data["shippingCost"] == {
        "amountTotal": 600,
        "shippingRate": {"id": "shr_standard"},
        "taxes": [
            {
                "amount": 100,
                "taxabilityReason": "STANDARD_RATED",
                "rate": {"id": "txr_vat20", "percentage": 20.0, "taxType": "VAT"},
            }
        ],
    }
    assert data["shippingOptions"] == [
        {"shippingAmount": 500, "shippingRate": {"id": "shr_standard"}},
        {"shippingAmount": 1500, "shippingRate": {"id": "shr_express"}},
    ]
    assert data["taxIdCollection"] == {"required": "IF_SUPPORTED"}
    assert data["totalDetails"] == {
        "amountDiscount": 400,
        "breakdown": {
            "discounts": [
                {
                    "amount": 400,
                    "discount": {
                        "id": "di_summer",
                        "start": "2026-01-01T00:00:00Z",
                        "end": None,
                        "source": {"type": "COUPON", "coupon": {"id": "SUMMER"}},
                        "promotionCode": {"id": "promo_summer"},
                        "customer": {"id": "cus_ada"},
                    },
                }
            ],
            "taxes": [
                {
                    "amount": 200,
                    "rate": {
                        "displayName": "VAT",
                        "inclusive": False,
                        "jurisdictionLevel": "COUNTRY",
                        "created": "2026-01-01T00:00:00Z",
                    },
                }
            ],
        },
    }
    assert data["walletOptions"] == {"link": {"display": "NEVER"}}


def test_line_item_and_price() -> None:
    data = run(
        """{ lineItem {
            id object amountTotal currency description quantity
            discounts { amount discount { id } }
            taxes { amount rate { id } }
            price { id type billingScheme tiersMode taxBehavior created metadata
                    product { id }
                    recurring { interval intervalCount usageType }
                    tiers { unitAmount flatAmount upTo }
                    transformQuantity { divideBy round }
                    currencyOptions { currency unitAmount taxBehavior } }
        } }"""
    )["lineItem"]
    assert data["id"] == "li_1"
    assert data["object"] == "item"
    assert data["quantity"] == 2
    assert data["discounts"] == [{"amount": 400, "discount": {"id": "di_summer"}}]
    assert data["taxes"] == [{"amount": 720, "rate": {"id": "txr_vat20"}}]
    assert data["price"] == {
        "id": "price_book",
        "type": "RECURRING",
        "billingScheme": "TIERED",
        "tiersMode": "GRADUATED",
        "taxBehavior": "EXCLUSIVE",
        "created": "2026-01-01T00:00:00Z",
        "metadata": {"isbn": "978-0"},
        "product": {"id": "prod_book"},
        "recurring": {"interval": "MONTH", "intervalCount": 3, "usageType": "LICENSED"},
        "tiers": [
            {"unitAmount": 2000, "flatAmount": None, "upTo": 10},
            {"unitAmount": 1500, "flatAmount": 500, "upTo": None},
        ],
        "transformQuantity": {"divideBy": 10, "round": "UP"},
        "currencyOptions": [
            {"currency": "gbp", "unitAmount": 2000, "taxBehavior": "EXCLUSIVE"},
            {"currency": "eur", "unitAmount": 2400, "taxBehavior": "INCLUSIVE"},
        ],
    }


def test_session_recognises_only_checkout_session_dicts() -> None:
    assert CheckoutSession.is_type_of(SESSION, None)
    assert not CheckoutSession.is_type_of(LINE_ITEM, None)
    assert not CheckoutSession.is_type_of("cs_test_rich", None)


def _stripe_fields(stripe_class: type) -> dict[str, Any]:
    return {
        name: hint
        for name, hint in vars(stripe_class).get("__annotations__", {}).items()
        if not name.startswith("_") and name not in {"OBJECT_NAME", "line_items"}
    }


def _nested_class(hint: Any) -> type | None:
    """The Stripe class a field holds, through Optional and List, if it is one we mirror."""
    for arg in (hint, *typing.get_args(hint)):
        if typing.get_origin(arg) is list:
            return _nested_class(typing.get_args(arg)[0])
        if isinstance(arg, type) and "_inner_class_types" in dir(arg) and _stripe_fields(arg):
            return arg
    return None


def _literal_values(hint: Any) -> set[str]:
    """The strings a Stripe Literal allows, looking through Optional and List."""
    if typing.get_origin(hint) is typing.Literal:
        return {value for value in typing.get_args(hint) if isinstance(value, str)}
    return {value for arg in typing.get_args(hint) for value in _literal_values(arg)}


def _named(graphql_type: Any) -> Any:
    while hasattr(graphql_type, "of_type"):
        graphql_type = graphql_type.of_type
    return graphql_type


def _compare(stripe_class: type, graphql_name: str, seen: set[str]) -> list[str]:
    """Differences in field names and nullability between a Stripe class and a GraphQL type."""
    graphql_type = SCHEMA._schema.type_map[graphql_name]
    assert isinstance(graphql_type, GraphQLObjectType)
    seen.add(f"{stripe_class.__qualname__}->{graphql_name}")
    convert = SCHEMA.config.name_converter.apply_naming_config
    hints = {convert(name): hint for name, hint in _stripe_fields(stripe_class).items()}
    # Stripe's embedded line_items list is a paginated connection here, compared elsewhere.
    fields = set(graphql_type.fields) - {"lineItems"}
    problems = [f"{graphql_name}.{name}: only in one of them" for name in set(hints) ^ fields]
    for name, hint in hints.items():
        field = graphql_type.fields.get(name)
        if field is None:
            continue
        nullable = type(None) in typing.get_args(hint)
        if isinstance(field.type, GraphQLNonNull) == nullable:
            problems.append(f"{graphql_name}.{name}: nullability differs")
        literals = _literal_values(hint)
        named = _named(field.type)
        if literals and name != "object":
            values = set()
            if isinstance(named, GraphQLEnumType):
                values = {value.value for value in named.values.values()}
            if values != literals:
                problems.append(f"{graphql_name}.{name}: enum values differ")
        nested = _nested_class(hint)
        if nested is not None:
            problems += _compare(nested, named.name, seen)
    return problems


def test_types_match_stripe_field_names_and_nullability() -> None:
    session = pytest.importorskip("stripe.checkout._session").Session
    line_item = pytest.importorskip("stripe._line_item").LineItem
    price = pytest.importorskip("stripe._price").Price
    seen: set[str] = set()
    problems = _compare(session, "CheckoutSession", seen)
    problems += _compare(line_item, "LineItem", seen)
    problems += _compare(price, "Price", seen)
    assert problems == []
    assert len(seen) > 80

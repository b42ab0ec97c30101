"""The nested objects of a Checkout Session, as the key sets Stripe always returns.

A shape maps each key to None (a plain value), to another shape (a nested object) or to a
one-element list holding a shape (a list of such objects). `reflect` copies a parameter or a
stored value into a shape, so every key is present and unset ones are null, the way Stripe
renders them.
"""

from __future__ import annotations

from typing import Any, TypeAlias

Shape: TypeAlias = "dict[str, Shape | list[Shape] | None]"


def reflect(value: dict[str, Any] | None, shape: Shape) -> dict[str, Any] | None:
    """Copy `value` into `shape`; None stays None, missing keys become None, extras are dropped."""
    return None if value is None else fill(value, shape)


def fill(value: dict[str, Any], shape: Shape) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, sub in shape.items():
        item = value.get(key)
        if sub is None or item is None:
            result[key] = item
        elif isinstance(sub, list):
            result[key] = [fill(element, sub[0]) for element in item]
        else:
            result[key] = reflect(item, sub)
    return result


SESSION_FIELDS = (
    "adaptive_pricing",
    "after_expiration",
    "allow_promotion_codes",
    "amount_subtotal",
    "amount_total",
    "automatic_tax",
    "billing_address_collection",
    "branding_settings",
    "cancel_url",
    "client_reference_id",
    "client_secret",
    "collected_information",
    "consent",
    "consent_collection",
    "created",
    "currency",
    "currency_conversion",
    "custom_fields",
    "custom_text",
    "customer",
    "customer_account",
    "customer_creation",
    "customer_details",
    "customer_email",
    "discounts",
    "excluded_payment_method_types",
    "expires_at",
    "id",
    "invoice",
    "invoice_creation",
    "line_items",
    "livemode",
    "locale",
    "metadata",
    "mode",
    "name_collection",
    "object",
    "optional_items",
    "origin_context",
    "payment_intent",
    "payment_link",
    "payment_method_collection",
    "payment_method_configuration_details",
    "payment_method_options",
    "payment_method_types",
    "payment_status",
    "permissions",
    "phone_number_collection",
    "presentment_details",
    "recovered_from",
    "redirect_on_completion",
    "return_url",
    "saved_payment_method_options",
    "setup_intent",
    "shipping_address_collection",
    "shipping_cost",
    "shipping_options",
    "status",
    "submit_type",
    "subscription",
    "success_url",
    "tax_id_collection",
    "total_details",
    "ui_mode",
    "url",
    "wallet_options",
)

ADDRESS: Shape = {
    "city": None,
    "country": None,
    "line1": None,
    "line2": None,
    "postal_code": None,
    "state": None,
}

ADAPTIVE_PRICING: Shape = {"enabled": None}

AFTER_EXPIRATION: Shape = {
    "recovery": {"allow_promotion_codes": None, "enabled": None, "expires_at": None, "url": None}
}

AUTOMATIC_TAX: Shape = {
    "enabled": None,
    "liability": {"account": None, "type": None},
    "provider": None,
    "status": None,
}

BRANDING_SETTINGS: Shape = {
    "background_color": None,
    "border_style": None,
    "button_color": None,
    "display_name": None,
    "font_family": None,
    "icon": {"file": None, "type": None, "url": None},
    "logo": {"file": None, "type": None, "url": None},
}

COLLECTED_INFORMATION: Shape = {
    "business_name": None,
    "individual_name": None,
    "shipping_details": {
        "address": ADDRESS,
        "name": None,
    },
}

CONSENT: Shape = {"promotions": None, "terms_of_service": None}

CONSENT_COLLECTION: Shape = {
    "payment_method_reuse_agreement": {"position": None},
    "promotions": None,
    "terms_of_service": None,
}

CURRENCY_CONVERSION: Shape = {
    "amount_subtotal": None,
    "amount_total": None,
    "fx_rate": None,
    "source_currency": None,
}

CUSTOM_FIELDS: Shape = {
    "dropdown": {"default_value": None, "options": [{"label": None, "value": None}], "value": None},
    "key": None,
    "label": {"custom": None, "type": None},
    "numeric": {
        "default_value": None,
        "maximum_length": None,
        "minimum_length": None,
        "value": None,
    },
    "optional": None,
    "text": {"default_value": None, "maximum_length": None, "minimum_length": None, "value": None},
    "type": None,
}

CUSTOM_TEXT: Shape = {
    "after_submit": {"message": None},
    "shipping_address": {"message": None},
    "submit": {"message": None},
    "terms_of_service_acceptance": {"message": None},
}

CUSTOMER_DETAILS: Shape = {
    "address": ADDRESS,
    "business_name": None,
    "email": None,
    "individual_name": None,
    "name": None,
    "phone": None,
    "tax_exempt": None,
    "tax_ids": [{"type": None, "value": None}],
}

DISCOUNTS: Shape = {"coupon": None, "promotion_code": None}

INVOICE_CREATION: Shape = {
    "enabled": None,
    "invoice_data": {
        "account_tax_ids": None,
        "custom_fields": [{"name": None, "value": None}],
        "description": None,
        "footer": None,
        "issuer": {"account": None, "type": None},
        "metadata": None,
        "rendering_options": {"amount_tax_display": None, "template": None},
    },
}

NAME_COLLECTION: Shape = {
    "business": {"enabled": None, "optional": None},
    "individual": {"enabled": None, "optional": None},
}

OPTIONAL_ITEMS: Shape = {
    "adjustable_quantity": {"enabled": None, "maximum": None, "minimum": None},
    "price": None,
    "quantity": None,
}

PAYMENT_METHOD_CONFIGURATION_DETAILS: Shape = {"id": None, "parent": None}

PAYMENT_METHOD_OPTIONS: Shape = {
    "acss_debit": {
        "currency": None,
        "mandate_options": {
            "custom_mandate_url": None,
            "default_for": None,
            "interval_description": None,
            "payment_schedule": None,
            "transaction_type": None,
        },
        "setup_future_usage": None,
        "target_date": None,
        "verification_method": None,
    },
    "affirm": {"capture_method": None, "setup_future_usage": None},
    "afterpay_clearpay": {"capture_method": None, "setup_future_usage": None},
    "alipay": {"setup_future_usage": None},
    "alma": {"capture_method": None},
    "amazon_pay": {"capture_method": None, "setup_future_usage": None},
    "au_becs_debit": {"setup_future_usage": None, "target_date": None},
    "bacs_debit": {
        "mandate_options": {"reference_prefix": None},
        "setup_future_usage": None,
        "target_date": None,
    },
    "bancontact": {"setup_future_usage": None},
    "billie": {"capture_method": None},
    "boleto": {"expires_after_days": None, "setup_future_usage": None},
    "card": {
        "capture_method": None,
        "installments": {"enabled": None},
        "request_extended_authorization": None,
        "request_incremental_authorization": None,
        "request_multicapture": None,
        "request_overcapture": None,
        "request_three_d_secure": None,
        "restrictions": {"brands_blocked": None},
        "setup_future_usage": None,
        "statement_descriptor_suffix_kana": None,
        "statement_descriptor_suffix_kanji": None,
    },
    "cashapp": {"capture_method": None, "setup_future_usage": None},
    "customer_balance": {
        "bank_transfer": {
            "eu_bank_transfer": {"country": None},
            "requested_address_types": None,
            "type": None,
        },
        "funding_type": None,
        "setup_future_usage": None,
    },
    "eps": {"setup_future_usage": None},
    "fpx": {"setup_future_usage": None},
    "giropay": {"setup_future_usage": None},
    "grabpay": {"setup_future_usage": None},
    "ideal": {"setup_future_usage": None},
    "kakao_pay": {"capture_method": None, "setup_future_usage": None},
    "klarna": {"capture_method": None, "setup_future_usage": None},
    "konbini": {"expires_after_days": None, "setup_future_usage": None},
    "kr_card": {"capture_method": None, "setup_future_usage": None},
    "link": {"capture_method": None, "setup_future_usage": None},
    "mobilepay": {"capture_method": None, "setup_future_usage": None},
    "multibanco": {"setup_future_usage": None},
    "naver_pay": {"capture_method": None, "setup_future_usage": None},
    "oxxo": {"expires_after_days": None, "setup_future_usage": None},
    "p24": None,
    "payco": {"capture_method": None},
    "paynow": {"setup_future_usage": None},
    "paypal": {
        "capture_method": None,
        "preferred_locale": None,
        "reference": None,
        "setup_future_usage": None,
    },
    "payto": {
        "mandate_options": {
            "amount": None,
            "amount_type": None,
            "end_date": None,
            "payment_schedule": None,
            "payments_per_period": None,
            "purpose": None,
            "start_date": None,
        },
        "setup_future_usage": None,
    },
    "pix": {"amount_includes_iof": None, "expires_after_seconds": None, "setup_future_usage": None},
    "revolut_pay": {"capture_method": None, "setup_future_usage": None},
    "samsung_pay": {"capture_method": None},
    "satispay": {"capture_method": None},
    "sepa_debit": {
        "mandate_options": {"reference_prefix": None},
        "setup_future_usage": None,
        "target_date": None,
    },
    "sofort": {"setup_future_usage": None},
    "swish": {"reference": None},
    "twint": {"setup_future_usage": None},
    "us_bank_account": {
        "financial_connections": {
            "filters": {"account_subcategories": None},
            "permissions": None,
            "prefetch": None,
            "return_url": None,
        },
        "setup_future_usage": None,
        "target_date": None,
        "verification_method": None,
    },
}

PERMISSIONS: Shape = {"update_shipping_details": None}

PHONE_NUMBER_COLLECTION: Shape = {"enabled": None}

PRESENTMENT_DETAILS: Shape = {"presentment_amount": None, "presentment_currency": None}

SAVED_PAYMENT_METHOD_OPTIONS: Shape = {
    "allow_redisplay_filters": None,
    "payment_method_remove": None,
    "payment_method_save": None,
}

SHIPPING_ADDRESS_COLLECTION: Shape = {"allowed_countries": None}

SHIPPING_COST: Shape = {
    "amount_subtotal": None,
    "amount_tax": None,
    "amount_total": None,
    "shipping_rate": None,
    "taxes": [{"amount": None, "rate": None, "taxability_reason": None, "taxable_amount": None}],
}

SHIPPING_OPTIONS: Shape = {"shipping_amount": None, "shipping_rate": None}

TAX_ID_COLLECTION: Shape = {"enabled": None, "required": None}

TOTAL_DETAILS: Shape = {
    "amount_discount": None,
    "amount_shipping": None,
    "amount_tax": None,
    "breakdown": {
        "discounts": [{"amount": None, "discount": None}],
        "taxes": [
            {"amount": None, "rate": None, "taxability_reason": None, "taxable_amount": None}
        ],
    },
}

WALLET_OPTIONS: Shape = {"link": {"display": None}}

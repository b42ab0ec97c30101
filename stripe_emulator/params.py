"""Parameters of the Checkout Sessions endpoints, with their types and allowed values."""

from stripe_emulator import values
from stripe_emulator.spec import (
    BOOL,
    INT,
    NUM,
    STR,
    Spec,
    address,
    clearable,
    either,
    list_of,
    map_of,
    obj,
    one_of,
)

FONT_FAMILY = one_of(*values.BRANDING_FONT_FAMILY)
EXCLUDED_PAYMENT_METHOD_TYPES = one_of(*values.EXCLUDED_PAYMENT_METHOD_TYPE)
LOCALE = one_of(*values.CHECKOUT_LOCALE)
PREFERRED_LOCALE = one_of(*values.PAYPAL_LOCALE)
PURPOSE = one_of(*values.PAYTO_PURPOSE)
DELIVERY_ESTIMATE_BOUND = obj(
    {"unit": one_of(*values.DELIVERY_ESTIMATE_UNIT), "value": INT},
    required=("unit", "value"),
)
# Every type that can be excluded can be offered, and Link besides.
PAYMENT_METHOD_TYPES = one_of(*sorted((*EXCLUDED_PAYMENT_METHOD_TYPES.values, "link")))
ALLOWED_COUNTRIES = one_of(*values.COUNTRY_CODE)

SESSION_CREATE = obj(
    {
        "adaptive_pricing": obj({"enabled": BOOL}),
        "after_expiration": obj(
            {
                "recovery": obj(
                    {"allow_promotion_codes": BOOL, "enabled": BOOL}, required=("enabled",)
                )
            }
        ),
        "allow_promotion_codes": BOOL,
        "automatic_tax": obj(
            {
                "enabled": BOOL,
                "liability": obj(
                    {"account": STR, "type": one_of(*values.ACCOUNT_REFERENCE_TYPE)},
                    required=("type",),
                ),
            },
            required=("enabled",),
        ),
        "billing_address_collection": one_of(*values.BILLING_ADDRESS_COLLECTION),
        "branding_settings": obj(
            {
                "background_color": clearable(STR),
                "border_style": clearable(one_of(*values.BRANDING_BORDER_STYLE)),
                "button_color": clearable(STR),
                "display_name": STR,
                "font_family": clearable(FONT_FAMILY),
                "icon": obj(
                    {"file": STR, "type": one_of(*values.BRANDING_IMAGE_TYPE), "url": STR},
                    required=("type",),
                ),
                "logo": obj(
                    {"file": STR, "type": one_of(*values.BRANDING_IMAGE_TYPE), "url": STR},
                    required=("type",),
                ),
            }
        ),
        "cancel_url": STR,
        "client_reference_id": STR,
        "consent_collection": obj(
            {
                "payment_method_reuse_agreement": obj(
                    {"position": one_of(*values.REUSE_AGREEMENT_POSITION)}, required=("position",)
                ),
                "promotions": one_of(*values.PROMOTIONS_CONSENT),
                "terms_of_service": one_of(*values.TERMS_OF_SERVICE_CONSENT),
            }
        ),
        "currency": STR,
        "custom_fields": list_of(
            obj(
                {
                    "dropdown": obj(
                        {
                            "default_value": STR,
                            "options": list_of(
                                obj(
                                    {"label": STR, "value": STR},
                                    required=(
                                        "label",
                                        "value",
                                    ),
                                )
                            ),
                        },
                        required=("options",),
                    ),
                    "key": STR,
                    "label": obj(
                        {"custom": STR, "type": one_of(*values.CUSTOM_FIELD_LABEL_TYPE)},
                        required=(
                            "custom",
                            "type",
                        ),
                    ),
                    "numeric": obj(
                        {"default_value": STR, "maximum_length": INT, "minimum_length": INT}
                    ),
                    "optional": BOOL,
                    "text": obj(
                        {"default_value": STR, "maximum_length": INT, "minimum_length": INT}
                    ),
                    "type": one_of(*values.CUSTOM_FIELD_TYPE),
                },
                required=(
                    "key",
                    "label",
                    "type",
                ),
            )
        ),
        "custom_text": obj(
            {
                "after_submit": clearable(obj({"message": STR}, required=("message",))),
                "shipping_address": clearable(obj({"message": STR}, required=("message",))),
                "submit": clearable(obj({"message": STR}, required=("message",))),
                "terms_of_service_acceptance": clearable(
                    obj({"message": STR}, required=("message",))
                ),
            }
        ),
        "customer": STR,
        "customer_account": STR,
        "customer_creation": one_of(*values.ALWAYS_OR_IF_REQUIRED),
        "customer_email": STR,
        "customer_update": obj(
            {
                "address": one_of(*values.LINK_WALLET_DISPLAY),
                "name": one_of(*values.LINK_WALLET_DISPLAY),
                "shipping": one_of(*values.LINK_WALLET_DISPLAY),
            }
        ),
        "discounts": list_of(obj({"coupon": STR, "promotion_code": STR})),
        "excluded_payment_method_types": list_of(EXCLUDED_PAYMENT_METHOD_TYPES),
        "expand": list_of(STR),
        "expires_at": INT,
        "invoice_creation": obj(
            {
                "enabled": BOOL,
                "invoice_data": obj(
                    {
                        "account_tax_ids": clearable(list_of(STR)),
                        "custom_fields": clearable(
                            list_of(
                                obj(
                                    {"name": STR, "value": STR},
                                    required=(
                                        "name",
                                        "value",
                                    ),
                                )
                            )
                        ),
                        "description": STR,
                        "footer": STR,
                        "issuer": obj(
                            {"account": STR, "type": one_of(*values.ACCOUNT_REFERENCE_TYPE)},
                            required=("type",),
                        ),
                        "metadata": map_of(STR),
                        "rendering_options": clearable(
                            obj(
                                {
                                    "amount_tax_display": clearable(
                                        one_of(*values.INVOICE_AMOUNT_TAX_DISPLAY)
                                    ),
                                    "template": STR,
                                }
                            )
                        ),
                    }
                ),
            },
            required=("enabled",),
        ),
        "line_items": list_of(
            obj(
                {
                    "adjustable_quantity": obj(
                        {"enabled": BOOL, "maximum": INT, "minimum": INT}, required=("enabled",)
                    ),
                    "dynamic_tax_rates": list_of(STR),
                    "metadata": map_of(STR),
                    "price": STR,
                    "price_data": obj(
                        {
                            "currency": STR,
                            "product": STR,
                            "product_data": obj(
                                {
                                    "description": STR,
                                    "images": list_of(STR),
                                    "metadata": map_of(STR),
                                    "name": STR,
                                    "tax_code": STR,
                                    "unit_label": STR,
                                },
                                required=("name",),
                            ),
                            "recurring": obj(
                                {
                                    "interval": one_of(*values.RECURRING_INTERVAL),
                                    "interval_count": INT,
                                },
                                required=("interval",),
                            ),
                            "tax_behavior": one_of(*values.TAX_BEHAVIOR),
                            "unit_amount": INT,
                            "unit_amount_decimal": STR,
                        },
                        required=("currency",),
                    ),
                    "quantity": INT,
                    "tax_rates": list_of(STR),
                }
            )
        ),
        "locale": LOCALE,
        "metadata": map_of(STR),
        "mode": one_of(*values.CHECKOUT_MODE),
        "name_collection": obj(
            {
                "business": obj({"enabled": BOOL, "optional": BOOL}, required=("enabled",)),
                "individual": obj({"enabled": BOOL, "optional": BOOL}, required=("enabled",)),
            }
        ),
        "optional_items": list_of(
            obj(
                {
                    "adjustable_quantity": obj(
                        {"enabled": BOOL, "maximum": INT, "minimum": INT}, required=("enabled",)
                    ),
                    "price": STR,
                    "quantity": INT,
                },
                required=(
                    "price",
                    "quantity",
                ),
            )
        ),
        "origin_context": one_of(*values.ORIGIN_CONTEXT),
        "payment_intent_data": obj(
            {
                "application_fee_amount": INT,
                "capture_method": one_of(*values.PAYMENT_INTENT_CAPTURE_METHOD),
                "description": STR,
                "metadata": map_of(STR),
                "on_behalf_of": STR,
                "receipt_email": STR,
                "setup_future_usage": one_of(*values.SETUP_FUTURE_USAGE),
                "shipping": obj(
                    {
                        "address": address("line1"),
                        "carrier": STR,
                        "name": STR,
                        "phone": STR,
                        "tracking_number": STR,
                    },
                    required=(
                        "address",
                        "name",
                    ),
                ),
                "statement_descriptor": STR,
                "statement_descriptor_suffix": STR,
                "transfer_data": obj(
                    {"amount": INT, "destination": STR}, required=("destination",)
                ),
                "transfer_group": STR,
            }
        ),
        "payment_method_collection": one_of(*values.ALWAYS_OR_IF_REQUIRED),
        "payment_method_configuration": STR,
        "payment_method_data": obj({"allow_redisplay": one_of(*values.ALLOW_REDISPLAY)}),
        "payment_method_options": obj(
            {
                "acss_debit": obj(
                    {
                        "currency": one_of(*values.ACSS_DEBIT_CURRENCY),
                        "mandate_options": obj(
                            {
                                "custom_mandate_url": clearable(STR),
                                "default_for": list_of(one_of(*values.MANDATE_DEFAULT_FOR)),
                                "interval_description": STR,
                                "payment_schedule": one_of(*values.ACSS_DEBIT_PAYMENT_SCHEDULE),
                                "transaction_type": one_of(*values.ACSS_DEBIT_TRANSACTION_TYPE),
                            }
                        ),
                        "setup_future_usage": one_of(*values.PAYMENT_METHOD_SETUP_FUTURE_USAGE),
                        "target_date": STR,
                        "verification_method": one_of(*values.ACSS_DEBIT_VERIFICATION_METHOD),
                    }
                ),
                "affirm": obj(
                    {
                        "capture_method": one_of(*values.MANUAL_CAPTURE_METHOD),
                        "setup_future_usage": one_of(*values.NO_SETUP_FUTURE_USAGE),
                    }
                ),
                "afterpay_clearpay": obj(
                    {
                        "capture_method": one_of(*values.MANUAL_CAPTURE_METHOD),
                        "setup_future_usage": one_of(*values.NO_SETUP_FUTURE_USAGE),
                    }
                ),
                "alipay": obj({"setup_future_usage": one_of(*values.NO_SETUP_FUTURE_USAGE)}),
                "alma": obj({"capture_method": one_of(*values.MANUAL_CAPTURE_METHOD)}),
                "amazon_pay": obj(
                    {
                        "capture_method": one_of(*values.MANUAL_CAPTURE_METHOD),
                        "setup_future_usage": one_of(*values.OFF_SESSION_SETUP_FUTURE_USAGE),
                    }
                ),
                "au_becs_debit": obj(
                    {
                        "setup_future_usage": one_of(*values.NO_SETUP_FUTURE_USAGE),
                        "target_date": STR,
                    }
                ),
                "bacs_debit": obj(
                    {
                        "mandate_options": obj({"reference_prefix": clearable(STR)}),
                        "setup_future_usage": one_of(*values.PAYMENT_METHOD_SETUP_FUTURE_USAGE),
                        "target_date": STR,
                    }
                ),
                "bancontact": obj({"setup_future_usage": one_of(*values.NO_SETUP_FUTURE_USAGE)}),
                "billie": obj({"capture_method": one_of(*values.MANUAL_CAPTURE_METHOD)}),
                "boleto": obj(
                    {
                        "expires_after_days": INT,
                        "setup_future_usage": one_of(*values.PAYMENT_METHOD_SETUP_FUTURE_USAGE),
                    }
                ),
                "card": obj(
                    {
                        "capture_method": one_of(*values.MANUAL_CAPTURE_METHOD),
                        "installments": obj({"enabled": BOOL}),
                        "request_extended_authorization": one_of(*values.CARD_REQUEST_OPTION),
                        "request_incremental_authorization": one_of(*values.CARD_REQUEST_OPTION),
                        "request_multicapture": one_of(*values.CARD_REQUEST_OPTION),
                        "request_overcapture": one_of(*values.CARD_REQUEST_OPTION),
                        "request_three_d_secure": one_of(*values.THREE_D_SECURE_REQUEST),
                        "restrictions": obj(
                            {"brands_blocked": list_of(one_of(*values.CARD_BRAND))}
                        ),
                        "setup_future_usage": one_of(*values.SETUP_FUTURE_USAGE),
                        "statement_descriptor_suffix_kana": STR,
                        "statement_descriptor_suffix_kanji": STR,
                    }
                ),
                "cashapp": obj(
                    {
                        "capture_method": one_of(*values.MANUAL_CAPTURE_METHOD),
                        "setup_future_usage": one_of(*values.PAYMENT_METHOD_SETUP_FUTURE_USAGE),
                    }
                ),
                "customer_balance": obj(
                    {
                        "bank_transfer": obj(
                            {
                                "eu_bank_transfer": obj({"country": STR}, required=("country",)),
                                "requested_address_types": list_of(
                                    one_of(*values.BANK_TRANSFER_ADDRESS_TYPE)
                                ),
                                "type": one_of(*values.BANK_TRANSFER_TYPE),
                            },
                            required=("type",),
                        ),
                        "funding_type": one_of(*values.CUSTOMER_BALANCE_FUNDING_TYPE),
                        "setup_future_usage": one_of(*values.NO_SETUP_FUTURE_USAGE),
                    }
                ),
                "demo_pay": obj(
                    {"setup_future_usage": one_of(*values.OFF_SESSION_SETUP_FUTURE_USAGE)}
                ),
                "eps": obj({"setup_future_usage": one_of(*values.NO_SETUP_FUTURE_USAGE)}),
                "fpx": obj({"setup_future_usage": one_of(*values.NO_SETUP_FUTURE_USAGE)}),
                "giropay": obj({"setup_future_usage": one_of(*values.NO_SETUP_FUTURE_USAGE)}),
                "grabpay": obj({"setup_future_usage": one_of(*values.NO_SETUP_FUTURE_USAGE)}),
                "ideal": obj({"setup_future_usage": one_of(*values.NO_SETUP_FUTURE_USAGE)}),
                "kakao_pay": obj(
                    {
                        "capture_method": one_of(*values.MANUAL_CAPTURE_METHOD),
                        "setup_future_usage": one_of(*values.OFF_SESSION_SETUP_FUTURE_USAGE),
                    }
                ),
                "klarna": obj(
                    {
                        "capture_method": one_of(*values.MANUAL_CAPTURE_METHOD),
                        "setup_future_usage": one_of(*values.NO_SETUP_FUTURE_USAGE),
                        "subscriptions": clearable(
                            list_of(
                                obj(
                                    {
                                        "interval": one_of(*values.RECURRING_INTERVAL),
                                        "interval_count": INT,
                                        "name": STR,
                                        "next_billing": obj(
                                            {"amount": INT, "date": STR},
                                            required=(
                                                "amount",
                                                "date",
                                            ),
                                        ),
                                        "reference": STR,
                                    },
                                    required=(
                                        "interval",
                                        "next_billing",
                                        "reference",
                                    ),
                                )
                            )
                        ),
                    }
                ),
                "konbini": obj(
                    {
                        "expires_after_days": INT,
                        "setup_future_usage": one_of(*values.NO_SETUP_FUTURE_USAGE),
                    }
                ),
                "kr_card": obj(
                    {
                        "capture_method": one_of(*values.MANUAL_CAPTURE_METHOD),
                        "setup_future_usage": one_of(*values.OFF_SESSION_SETUP_FUTURE_USAGE),
                    }
                ),
                "link": obj(
                    {
                        "capture_method": one_of(*values.MANUAL_CAPTURE_METHOD),
                        "setup_future_usage": one_of(*values.OFF_SESSION_SETUP_FUTURE_USAGE),
                    }
                ),
                "mobilepay": obj(
                    {
                        "capture_method": one_of(*values.MANUAL_CAPTURE_METHOD),
                        "setup_future_usage": one_of(*values.NO_SETUP_FUTURE_USAGE),
                    }
                ),
                "multibanco": obj({"setup_future_usage": one_of(*values.NO_SETUP_FUTURE_USAGE)}),
                "naver_pay": obj(
                    {
                        "capture_method": one_of(*values.MANUAL_CAPTURE_METHOD),
                        "setup_future_usage": one_of(*values.OFF_SESSION_SETUP_FUTURE_USAGE),
                    }
                ),
                "oxxo": obj(
                    {
                        "expires_after_days": INT,
                        "setup_future_usage": one_of(*values.NO_SETUP_FUTURE_USAGE),
                    }
                ),
                "p24": obj(
                    {
                        "setup_future_usage": one_of(*values.NO_SETUP_FUTURE_USAGE),
                        "tos_shown_and_accepted": BOOL,
                    }
                ),
                "pay_by_bank": obj({}),
                "payco": obj({"capture_method": one_of(*values.MANUAL_CAPTURE_METHOD)}),
                "paynow": obj({"setup_future_usage": one_of(*values.NO_SETUP_FUTURE_USAGE)}),
                "paypal": obj(
                    {
                        "capture_method": clearable(one_of(*values.MANUAL_CAPTURE_METHOD)),
                        "preferred_locale": PREFERRED_LOCALE,
                        "reference": STR,
                        "risk_correlation_id": STR,
                        "setup_future_usage": clearable(
                            one_of(*values.OFF_SESSION_SETUP_FUTURE_USAGE)
                        ),
                    }
                ),
                "payto": obj(
                    {
                        "mandate_options": obj(
                            {
                                "amount": clearable(INT),
                                "amount_type": clearable(one_of(*values.PAYTO_AMOUNT_TYPE)),
                                "end_date": clearable(STR),
                                "payment_schedule": clearable(
                                    one_of(*values.PAYTO_PAYMENT_SCHEDULE)
                                ),
                                "payments_per_period": clearable(INT),
                                "purpose": clearable(PURPOSE),
                                "start_date": clearable(STR),
                            }
                        ),
                        "setup_future_usage": one_of(*values.OFF_SESSION_SETUP_FUTURE_USAGE),
                    }
                ),
                "pix": obj(
                    {
                        "amount_includes_iof": one_of(*values.PIX_IOF_INCLUSION),
                        "expires_after_seconds": INT,
                        "setup_future_usage": one_of(*values.NO_SETUP_FUTURE_USAGE),
                    }
                ),
                "revolut_pay": obj(
                    {
                        "capture_method": one_of(*values.MANUAL_CAPTURE_METHOD),
                        "setup_future_usage": one_of(*values.OFF_SESSION_SETUP_FUTURE_USAGE),
                    }
                ),
                "samsung_pay": obj({"capture_method": one_of(*values.MANUAL_CAPTURE_METHOD)}),
                "satispay": obj({"capture_method": one_of(*values.MANUAL_CAPTURE_METHOD)}),
                "sepa_debit": obj(
                    {
                        "mandate_options": obj({"reference_prefix": clearable(STR)}),
                        "setup_future_usage": one_of(*values.PAYMENT_METHOD_SETUP_FUTURE_USAGE),
                        "target_date": STR,
                    }
                ),
                "sofort": obj({"setup_future_usage": one_of(*values.NO_SETUP_FUTURE_USAGE)}),
                "swish": obj({"reference": STR}),
                "twint": obj({"setup_future_usage": one_of(*values.NO_SETUP_FUTURE_USAGE)}),
                "us_bank_account": obj(
                    {
                        "financial_connections": obj(
                            {
                                "permissions": list_of(
                                    one_of(*values.FINANCIAL_CONNECTIONS_PERMISSION)
                                ),
                                "prefetch": list_of(one_of(*values.FINANCIAL_CONNECTIONS_PREFETCH)),
                            }
                        ),
                        "setup_future_usage": one_of(*values.PAYMENT_METHOD_SETUP_FUTURE_USAGE),
                        "target_date": STR,
                        "verification_method": one_of(*values.US_BANK_ACCOUNT_VERIFICATION_METHOD),
                    }
                ),
                "wechat_pay": obj(
                    {
                        "app_id": STR,
                        "client": one_of(*values.WECHAT_PAY_CLIENT),
                        "setup_future_usage": one_of(*values.NO_SETUP_FUTURE_USAGE),
                    },
                    required=("client",),
                ),
            }
        ),
        "payment_method_types": list_of(PAYMENT_METHOD_TYPES),
        "permissions": obj(
            {"update_shipping_details": one_of(*values.SHIPPING_DETAILS_UPDATE_PERMISSION)}
        ),
        "phone_number_collection": obj({"enabled": BOOL}, required=("enabled",)),
        "redirect_on_completion": one_of(*values.REDIRECT_ON_COMPLETION),
        "return_url": STR,
        "saved_payment_method_options": obj(
            {
                "allow_redisplay_filters": list_of(one_of(*values.ALLOW_REDISPLAY)),
                "payment_method_remove": one_of(*values.SAVED_PAYMENT_METHOD_SETTING),
                "payment_method_save": one_of(*values.SAVED_PAYMENT_METHOD_SETTING),
            }
        ),
        "setup_intent_data": obj(
            {"description": STR, "metadata": map_of(STR), "on_behalf_of": STR}
        ),
        "shipping_address_collection": obj(
            {"allowed_countries": list_of(ALLOWED_COUNTRIES)}, required=("allowed_countries",)
        ),
        "shipping_options": list_of(
            obj(
                {
                    "shipping_rate": STR,
                    "shipping_rate_data": obj(
                        {
                            "delivery_estimate": obj(
                                {
                                    "maximum": DELIVERY_ESTIMATE_BOUND,
                                    "minimum": DELIVERY_ESTIMATE_BOUND,
                                }
                            ),
                            "display_name": STR,
                            "fixed_amount": obj(
                                {
                                    "amount": INT,
                                    "currency": STR,
                                    "currency_options": map_of(
                                        obj(
                                            {
                                                "amount": INT,
                                                "tax_behavior": one_of(*values.TAX_BEHAVIOR),
                                            },
                                            required=("amount",),
                                        )
                                    ),
                                },
                                required=(
                                    "amount",
                                    "currency",
                                ),
                            ),
                            "metadata": map_of(STR),
                            "tax_behavior": one_of(*values.TAX_BEHAVIOR),
                            "tax_code": STR,
                            "type": one_of(*values.SHIPPING_RATE_TYPE),
                        },
                        required=("display_name",),
                    ),
                }
            )
        ),
        "submit_type": one_of(*values.SUBMIT_TYPE),
        "subscription_data": obj(
            {
                "application_fee_percent": NUM,
                "billing_cycle_anchor": INT,
                "billing_mode": obj(
                    {
                        "flexible": obj(
                            {"proration_discounts": one_of(*values.PRORATION_DISCOUNTS)}
                        ),
                        "type": one_of(*values.BILLING_MODE_TYPE),
                    },
                    required=("type",),
                ),
                "default_tax_rates": list_of(STR),
                "description": STR,
                "invoice_settings": obj(
                    {
                        "issuer": obj(
                            {"account": STR, "type": one_of(*values.ACCOUNT_REFERENCE_TYPE)},
                            required=("type",),
                        )
                    }
                ),
                "metadata": map_of(STR),
                "on_behalf_of": STR,
                "proration_behavior": one_of(*values.PRORATION_BEHAVIOR),
                "transfer_data": obj(
                    {"amount_percent": NUM, "destination": STR}, required=("destination",)
                ),
                "trial_end": INT,
                "trial_period_days": INT,
                "trial_settings": obj(
                    {
                        "end_behavior": obj(
                            {
                                "missing_payment_method": one_of(
                                    *values.TRIAL_MISSING_PAYMENT_METHOD_BEHAVIOR
                                )
                            },
                            required=("missing_payment_method",),
                        )
                    },
                    required=("end_behavior",),
                ),
            }
        ),
        "success_url": STR,
        "tax_id_collection": obj(
            {"enabled": BOOL, "required": one_of(*values.TAX_ID_REQUIREMENT)}, required=("enabled",)
        ),
        "ui_mode": one_of(*values.CHECKOUT_UI_MODE),
        "wallet_options": obj({"link": obj({"display": one_of(*values.LINK_WALLET_DISPLAY)})}),
    }
)


RANGE = either(obj({"gt": INT, "gte": INT, "lt": INT, "lte": INT}), INT)

PAGE: dict[str, Spec] = {
    "limit": INT,
    "starting_after": STR,
    "ending_before": STR,
    "expand": list_of(STR),
}

SESSION_LIST = obj(
    {
        **PAGE,
        "created": RANGE,
        "customer": STR,
        "customer_account": STR,
        "customer_details": obj({"email": STR}, required=("email",)),
        "payment_intent": STR,
        "payment_link": STR,
        "status": one_of(*values.CHECKOUT_SESSION_STATUS),
        "subscription": STR,
    }
)

LINE_ITEM_LIST = obj(PAGE)

EXPAND_ONLY = obj({"expand": list_of(STR)})

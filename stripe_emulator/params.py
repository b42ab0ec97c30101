"""Parameters of the Checkout Sessions endpoints, with their types and allowed values."""

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

FONT_FAMILY = one_of(
    "be_vietnam_pro",
    "bitter",
    "chakra_petch",
    "default",
    "hahmlet",
    "inconsolata",
    "inter",
    "lato",
    "lora",
    "m_plus_1_code",
    "montserrat",
    "noto_sans",
    "noto_sans_jp",
    "noto_serif",
    "nunito",
    "open_sans",
    "pridi",
    "pt_sans",
    "pt_serif",
    "raleway",
    "roboto",
    "roboto_slab",
    "source_sans_pro",
    "titillium_web",
    "ubuntu_mono",
    "zen_maru_gothic",
)
EXCLUDED_PAYMENT_METHOD_TYPES = one_of(
    "acss_debit",
    "affirm",
    "afterpay_clearpay",
    "alipay",
    "alma",
    "amazon_pay",
    "au_becs_debit",
    "bacs_debit",
    "bancontact",
    "billie",
    "blik",
    "boleto",
    "card",
    "cashapp",
    "crypto",
    "customer_balance",
    "eps",
    "fpx",
    "giropay",
    "grabpay",
    "ideal",
    "kakao_pay",
    "klarna",
    "konbini",
    "kr_card",
    "mb_way",
    "mobilepay",
    "multibanco",
    "naver_pay",
    "nz_bank_account",
    "oxxo",
    "p24",
    "pay_by_bank",
    "payco",
    "paynow",
    "paypal",
    "payto",
    "pix",
    "promptpay",
    "revolut_pay",
    "samsung_pay",
    "satispay",
    "sepa_debit",
    "sofort",
    "swish",
    "twint",
    "us_bank_account",
    "wechat_pay",
    "zip",
)
LOCALE = one_of(
    "auto",
    "bg",
    "cs",
    "da",
    "de",
    "el",
    "en",
    "en-GB",
    "es",
    "es-419",
    "et",
    "fi",
    "fil",
    "fr",
    "fr-CA",
    "hr",
    "hu",
    "id",
    "it",
    "ja",
    "ko",
    "lt",
    "lv",
    "ms",
    "mt",
    "nb",
    "nl",
    "pl",
    "pt",
    "pt-BR",
    "ro",
    "ru",
    "sk",
    "sl",
    "sv",
    "th",
    "tr",
    "vi",
    "zh",
    "zh-HK",
    "zh-TW",
)
PREFERRED_LOCALE = one_of(
    "cs-CZ",
    "da-DK",
    "de-AT",
    "de-DE",
    "de-LU",
    "el-GR",
    "en-GB",
    "en-US",
    "es-ES",
    "fi-FI",
    "fr-BE",
    "fr-FR",
    "fr-LU",
    "hu-HU",
    "it-IT",
    "nl-BE",
    "nl-NL",
    "pl-PL",
    "pt-PT",
    "sk-SK",
    "sv-SE",
)
PURPOSE = one_of(
    "dependant_support",
    "government",
    "loan",
    "mortgage",
    "other",
    "pension",
    "personal",
    "retail",
    "salary",
    "tax",
    "utility",
)
DELIVERY_ESTIMATE_BOUND = obj(
    {"unit": one_of("business_day", "day", "hour", "month", "week"), "value": INT},
    required=("unit", "value"),
)
# Every type that can be excluded can be offered, and Link besides.
PAYMENT_METHOD_TYPES = one_of(*sorted((*EXCLUDED_PAYMENT_METHOD_TYPES.values, "link")))
ALLOWED_COUNTRIES = one_of(
    "AC",
    "AD",
    "AE",
    "AF",
    "AG",
    "AI",
    "AL",
    "AM",
    "AO",
    "AQ",
    "AR",
    "AT",
    "AU",
    "AW",
    "AX",
    "AZ",
    "BA",
    "BB",
    "BD",
    "BE",
    "BF",
    "BG",
    "BH",
    "BI",
    "BJ",
    "BL",
    "BM",
    "BN",
    "BO",
    "BQ",
    "BR",
    "BS",
    "BT",
    "BV",
    "BW",
    "BY",
    "BZ",
    "CA",
    "CD",
    "CF",
    "CG",
    "CH",
    "CI",
    "CK",
    "CL",
    "CM",
    "CN",
    "CO",
    "CR",
    "CV",
    "CW",
    "CY",
    "CZ",
    "DE",
    "DJ",
    "DK",
    "DM",
    "DO",
    "DZ",
    "EC",
    "EE",
    "EG",
    "EH",
    "ER",
    "ES",
    "ET",
    "FI",
    "FJ",
    "FK",
    "FO",
    "FR",
    "GA",
    "GB",
    "GD",
    "GE",
    "GF",
    "GG",
    "GH",
    "GI",
    "GL",
    "GM",
    "GN",
    "GP",
    "GQ",
    "GR",
    "GS",
    "GT",
    "GU",
    "GW",
    "GY",
    "HK",
    "HN",
    "HR",
    "HT",
    "HU",
    "ID",
    "IE",
    "IL",
    "IM",
    "IN",
    "IO",
    "IQ",
    "IS",
    "IT",
    "JE",
    "JM",
    "JO",
    "JP",
    "KE",
    "KG",
    "KH",
    "KI",
    "KM",
    "KN",
    "KR",
    "KW",
    "KY",
    "KZ",
    "LA",
    "LB",
    "LC",
    "LI",
    "LK",
    "LR",
    "LS",
    "LT",
    "LU",
    "LV",
    "LY",
    "MA",
    "MC",
    "MD",
    "ME",
    "MF",
    "MG",
    "MK",
    "ML",
    "MM",
    "MN",
    "MO",
    "MQ",
    "MR",
    "MS",
    "MT",
    "MU",
    "MV",
    "MW",
    "MX",
    "MY",
    "MZ",
    "NA",
    "NC",
    "NE",
    "NG",
    "NI",
    "NL",
    "NO",
    "NP",
    "NR",
    "NU",
    "NZ",
    "OM",
    "PA",
    "PE",
    "PF",
    "PG",
    "PH",
    "PK",
    "PL",
    "PM",
    "PN",
    "PR",
    "PS",
    "PT",
    "PY",
    "QA",
    "RE",
    "RO",
    "RS",
    "RU",
    "RW",
    "SA",
    "SB",
    "SC",
    "SD",
    "SE",
    "SG",
    "SH",
    "SI",
    "SJ",
    "SK",
    "SL",
    "SM",
    "SN",
    "SO",
    "SR",
    "SS",
    "ST",
    "SV",
    "SX",
    "SZ",
    "TA",
    "TC",
    "TD",
    "TF",
    "TG",
    "TH",
    "TJ",
    "TK",
    "TL",
    "TM",
    "TN",
    "TO",
    "TR",
    "TT",
    "TV",
    "TW",
    "TZ",
    "UA",
    "UG",
    "US",
    "UY",
    "UZ",
    "VA",
    "VC",
    "VE",
    "VG",
    "VN",
    "VU",
    "WF",
    "WS",
    "XK",
    "YE",
    "YT",
    "ZA",
    "ZM",
    "ZW",
    "ZZ",
)

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
                    {"account": STR, "type": one_of("account", "self")}, required=("type",)
                ),
            },
            required=("enabled",),
        ),
        "billing_address_collection": one_of("auto", "required"),
        "branding_settings": obj(
            {
                "background_color": clearable(STR),
                "border_style": clearable(one_of("pill", "rectangular", "rounded")),
                "button_color": clearable(STR),
                "display_name": STR,
                "font_family": clearable(FONT_FAMILY),
                "icon": obj(
                    {"file": STR, "type": one_of("file", "url"), "url": STR}, required=("type",)
                ),
                "logo": obj(
                    {"file": STR, "type": one_of("file", "url"), "url": STR}, required=("type",)
                ),
            }
        ),
        "cancel_url": STR,
        "client_reference_id": STR,
        "consent_collection": obj(
            {
                "payment_method_reuse_agreement": obj(
                    {"position": one_of("auto", "hidden")}, required=("position",)
                ),
                "promotions": one_of("auto", "none"),
                "terms_of_service": one_of("none", "required"),
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
                        {"custom": STR, "type": one_of("custom")},
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
                    "type": one_of("dropdown", "numeric", "text"),
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
        "customer_creation": one_of("always", "if_required"),
        "customer_email": STR,
        "customer_update": obj(
            {
                "address": one_of("auto", "never"),
                "name": one_of("auto", "never"),
                "shipping": one_of("auto", "never"),
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
                            {"account": STR, "type": one_of("account", "self")}, required=("type",)
                        ),
                        "metadata": map_of(STR),
                        "rendering_options": clearable(
                            obj(
                                {
                                    "amount_tax_display": clearable(
                                        one_of("exclude_tax", "include_inclusive_tax")
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
                                    "interval": one_of("day", "month", "week", "year"),
                                    "interval_count": INT,
                                },
                                required=("interval",),
                            ),
                            "tax_behavior": one_of("exclusive", "inclusive", "unspecified"),
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
        "mode": one_of("payment", "setup", "subscription"),
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
        "origin_context": one_of("mobile_app", "web"),
        "payment_intent_data": obj(
            {
                "application_fee_amount": INT,
                "capture_method": one_of("automatic", "automatic_async", "manual"),
                "description": STR,
                "metadata": map_of(STR),
                "on_behalf_of": STR,
                "receipt_email": STR,
                "setup_future_usage": one_of("off_session", "on_session"),
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
        "payment_method_collection": one_of("always", "if_required"),
        "payment_method_configuration": STR,
        "payment_method_data": obj({"allow_redisplay": one_of("always", "limited", "unspecified")}),
        "payment_method_options": obj(
            {
                "acss_debit": obj(
                    {
                        "currency": one_of("cad", "usd"),
                        "mandate_options": obj(
                            {
                                "custom_mandate_url": clearable(STR),
                                "default_for": list_of(one_of("invoice", "subscription")),
                                "interval_description": STR,
                                "payment_schedule": one_of("combined", "interval", "sporadic"),
                                "transaction_type": one_of("business", "personal"),
                            }
                        ),
                        "setup_future_usage": one_of("none", "off_session", "on_session"),
                        "target_date": STR,
                        "verification_method": one_of("automatic", "instant", "microdeposits"),
                    }
                ),
                "affirm": obj(
                    {"capture_method": one_of("manual"), "setup_future_usage": one_of("none")}
                ),
                "afterpay_clearpay": obj(
                    {"capture_method": one_of("manual"), "setup_future_usage": one_of("none")}
                ),
                "alipay": obj({"setup_future_usage": one_of("none")}),
                "alma": obj({"capture_method": one_of("manual")}),
                "amazon_pay": obj(
                    {
                        "capture_method": one_of("manual"),
                        "setup_future_usage": one_of("none", "off_session"),
                    }
                ),
                "au_becs_debit": obj({"setup_future_usage": one_of("none"), "target_date": STR}),
                "bacs_debit": obj(
                    {
                        "mandate_options": obj({"reference_prefix": clearable(STR)}),
                        "setup_future_usage": one_of("none", "off_session", "on_session"),
                        "target_date": STR,
                    }
                ),
                "bancontact": obj({"setup_future_usage": one_of("none")}),
                "billie": obj({"capture_method": one_of("manual")}),
                "boleto": obj(
                    {
                        "expires_after_days": INT,
                        "setup_future_usage": one_of("none", "off_session", "on_session"),
                    }
                ),
                "card": obj(
                    {
                        "capture_method": one_of("manual"),
                        "installments": obj({"enabled": BOOL}),
                        "request_extended_authorization": one_of("if_available", "never"),
                        "request_incremental_authorization": one_of("if_available", "never"),
                        "request_multicapture": one_of("if_available", "never"),
                        "request_overcapture": one_of("if_available", "never"),
                        "request_three_d_secure": one_of("any", "automatic", "challenge"),
                        "restrictions": obj(
                            {
                                "brands_blocked": list_of(
                                    one_of(
                                        "american_express",
                                        "discover_global_network",
                                        "mastercard",
                                        "visa",
                                    )
                                )
                            }
                        ),
                        "setup_future_usage": one_of("off_session", "on_session"),
                        "statement_descriptor_suffix_kana": STR,
                        "statement_descriptor_suffix_kanji": STR,
                    }
                ),
                "cashapp": obj(
                    {
                        "capture_method": one_of("manual"),
                        "setup_future_usage": one_of("none", "off_session", "on_session"),
                    }
                ),
                "customer_balance": obj(
                    {
                        "bank_transfer": obj(
                            {
                                "eu_bank_transfer": obj({"country": STR}, required=("country",)),
                                "requested_address_types": list_of(
                                    one_of(
                                        "aba",
                                        "iban",
                                        "sepa",
                                        "sort_code",
                                        "spei",
                                        "swift",
                                        "zengin",
                                    )
                                ),
                                "type": one_of(
                                    "eu_bank_transfer",
                                    "gb_bank_transfer",
                                    "jp_bank_transfer",
                                    "mx_bank_transfer",
                                    "us_bank_transfer",
                                ),
                            },
                            required=("type",),
                        ),
                        "funding_type": one_of("bank_transfer"),
                        "setup_future_usage": one_of("none"),
                    }
                ),
                "demo_pay": obj({"setup_future_usage": one_of("none", "off_session")}),
                "eps": obj({"setup_future_usage": one_of("none")}),
                "fpx": obj({"setup_future_usage": one_of("none")}),
                "giropay": obj({"setup_future_usage": one_of("none")}),
                "grabpay": obj({"setup_future_usage": one_of("none")}),
                "ideal": obj({"setup_future_usage": one_of("none")}),
                "kakao_pay": obj(
                    {
                        "capture_method": one_of("manual"),
                        "setup_future_usage": one_of("none", "off_session"),
                    }
                ),
                "klarna": obj(
                    {
                        "capture_method": one_of("manual"),
                        "setup_future_usage": one_of("none"),
                        "subscriptions": clearable(
                            list_of(
                                obj(
                                    {
                                        "interval": one_of("day", "month", "week", "year"),
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
                "konbini": obj({"expires_after_days": INT, "setup_future_usage": one_of("none")}),
                "kr_card": obj(
                    {
                        "capture_method": one_of("manual"),
                        "setup_future_usage": one_of("none", "off_session"),
                    }
                ),
                "link": obj(
                    {
                        "capture_method": one_of("manual"),
                        "setup_future_usage": one_of("none", "off_session"),
                    }
                ),
                "mobilepay": obj(
                    {"capture_method": one_of("manual"), "setup_future_usage": one_of("none")}
                ),
                "multibanco": obj({"setup_future_usage": one_of("none")}),
                "naver_pay": obj(
                    {
                        "capture_method": one_of("manual"),
                        "setup_future_usage": one_of("none", "off_session"),
                    }
                ),
                "oxxo": obj({"expires_after_days": INT, "setup_future_usage": one_of("none")}),
                "p24": obj({"setup_future_usage": one_of("none"), "tos_shown_and_accepted": BOOL}),
                "pay_by_bank": obj({}),
                "payco": obj({"capture_method": one_of("manual")}),
                "paynow": obj({"setup_future_usage": one_of("none")}),
                "paypal": obj(
                    {
                        "capture_method": clearable(one_of("manual")),
                        "preferred_locale": PREFERRED_LOCALE,
                        "reference": STR,
                        "risk_correlation_id": STR,
                        "setup_future_usage": clearable(one_of("none", "off_session")),
                    }
                ),
                "payto": obj(
                    {
                        "mandate_options": obj(
                            {
                                "amount": clearable(INT),
                                "amount_type": clearable(one_of("fixed", "maximum")),
                                "end_date": clearable(STR),
                                "payment_schedule": clearable(
                                    one_of(
                                        "adhoc",
                                        "annual",
                                        "daily",
                                        "fortnightly",
                                        "monthly",
                                        "quarterly",
                                        "semi_annual",
                                        "weekly",
                                    )
                                ),
                                "payments_per_period": clearable(INT),
                                "purpose": clearable(PURPOSE),
                                "start_date": clearable(STR),
                            }
                        ),
                        "setup_future_usage": one_of("none", "off_session"),
                    }
                ),
                "pix": obj(
                    {
                        "amount_includes_iof": one_of("always", "never"),
                        "expires_after_seconds": INT,
                        "setup_future_usage": one_of("none"),
                    }
                ),
                "revolut_pay": obj(
                    {
                        "capture_method": one_of("manual"),
                        "setup_future_usage": one_of("none", "off_session"),
                    }
                ),
                "samsung_pay": obj({"capture_method": one_of("manual")}),
                "satispay": obj({"capture_method": one_of("manual")}),
                "sepa_debit": obj(
                    {
                        "mandate_options": obj({"reference_prefix": clearable(STR)}),
                        "setup_future_usage": one_of("none", "off_session", "on_session"),
                        "target_date": STR,
                    }
                ),
                "sofort": obj({"setup_future_usage": one_of("none")}),
                "swish": obj({"reference": STR}),
                "twint": obj({"setup_future_usage": one_of("none")}),
                "us_bank_account": obj(
                    {
                        "financial_connections": obj(
                            {
                                "permissions": list_of(
                                    one_of(
                                        "balances", "ownership", "payment_method", "transactions"
                                    )
                                ),
                                "prefetch": list_of(
                                    one_of("balances", "ownership", "transactions")
                                ),
                            }
                        ),
                        "setup_future_usage": one_of("none", "off_session", "on_session"),
                        "target_date": STR,
                        "verification_method": one_of("automatic", "instant"),
                    }
                ),
                "wechat_pay": obj(
                    {
                        "app_id": STR,
                        "client": one_of("android", "ios", "web"),
                        "setup_future_usage": one_of("none"),
                    },
                    required=("client",),
                ),
            }
        ),
        "payment_method_types": list_of(PAYMENT_METHOD_TYPES),
        "permissions": obj({"update_shipping_details": one_of("client_only", "server_only")}),
        "phone_number_collection": obj({"enabled": BOOL}, required=("enabled",)),
        "redirect_on_completion": one_of("always", "if_required", "never"),
        "return_url": STR,
        "saved_payment_method_options": obj(
            {
                "allow_redisplay_filters": list_of(one_of("always", "limited", "unspecified")),
                "payment_method_remove": one_of("disabled", "enabled"),
                "payment_method_save": one_of("disabled", "enabled"),
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
                                                "tax_behavior": one_of(
                                                    "exclusive", "inclusive", "unspecified"
                                                ),
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
                            "tax_behavior": one_of("exclusive", "inclusive", "unspecified"),
                            "tax_code": STR,
                            "type": one_of("fixed_amount"),
                        },
                        required=("display_name",),
                    ),
                }
            )
        ),
        "submit_type": one_of("auto", "book", "donate", "pay", "subscribe"),
        "subscription_data": obj(
            {
                "application_fee_percent": NUM,
                "billing_cycle_anchor": INT,
                "billing_mode": obj(
                    {
                        "flexible": obj({"proration_discounts": one_of("included", "itemized")}),
                        "type": one_of("classic", "flexible"),
                    },
                    required=("type",),
                ),
                "default_tax_rates": list_of(STR),
                "description": STR,
                "invoice_settings": obj(
                    {
                        "issuer": obj(
                            {"account": STR, "type": one_of("account", "self")}, required=("type",)
                        )
                    }
                ),
                "metadata": map_of(STR),
                "on_behalf_of": STR,
                "proration_behavior": one_of("create_prorations", "none"),
                "transfer_data": obj(
                    {"amount_percent": NUM, "destination": STR}, required=("destination",)
                ),
                "trial_end": INT,
                "trial_period_days": INT,
                "trial_settings": obj(
                    {
                        "end_behavior": obj(
                            {"missing_payment_method": one_of("cancel", "create_invoice", "pause")},
                            required=("missing_payment_method",),
                        )
                    },
                    required=("end_behavior",),
                ),
            }
        ),
        "success_url": STR,
        "tax_id_collection": obj(
            {"enabled": BOOL, "required": one_of("if_supported", "never")}, required=("enabled",)
        ),
        "ui_mode": one_of("custom", "embedded", "hosted"),
        "wallet_options": obj({"link": obj({"display": one_of("auto", "never")})}),
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
        "status": one_of("complete", "expired", "open"),
        "subscription": STR,
    }
)

LINE_ITEM_LIST = obj(PAGE)

EXPAND_ONLY = obj({"expand": list_of(STR)})

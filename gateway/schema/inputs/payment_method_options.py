"""Inputs for the settings of individual payment methods in a Checkout Session."""

from __future__ import annotations

import strawberry

from gateway.schema.enums import (
    AcssDebitCurrency,
    AcssDebitPaymentSchedule,
    AcssDebitTransactionType,
    AcssDebitVerificationMethod,
    BankTransferAddressType,
    BankTransferType,
    CardBrand,
    CardRequestOption,
    CustomerBalanceFundingType,
    FinancialConnectionsPermission,
    FinancialConnectionsPrefetch,
    MandateDefaultFor,
    ManualCaptureMethod,
    NoSetupFutureUsage,
    OffSessionSetupFutureUsage,
    PaymentMethodSetupFutureUsage,
    PaytoAmountType,
    PaytoPaymentSchedule,
    PaytoPurpose,
    PixIofInclusion,
    RecurringInterval,
    ThreeDSecureRequest,
    UsBankAccountVerificationMethod,
)
from gateway.schema.inputs.enums import PaypalLocale, SetupFutureUsage, WechatPayClient

NOT_SAVED = "Set to none to make sure the payment method is not saved for later use."
MANUAL_CAPTURE = "Set to manual to only authorize the payment now and capture it later yourself."
SAVED_FOR_LATER = (
    "Whether to save this payment method for later charges, and whether those happen with the "
    "customer present or away; none keeps it unsaved."
)
SAVED_OFF_SESSION = (
    "Whether to save this payment method to charge later while the customer is away; none keeps "
    "it unsaved."
)
TARGET_DATE = (
    "The date to debit the customer's account, as YYYY-MM-DD; it must be a few days in the future."
)


@strawberry.input(description="Terms of a Canadian pre-authorized debit mandate.")
class AcssDebitMandateOptionsInput:
    custom_mandate_url: str | None = strawberry.field(
        default=None, description="A URL to your own mandate text, shown instead of Stripe's."
    )
    default_for: list[MandateDefaultFor] | None = strawberry.field(
        default=None,
        description="Stripe products that may use this mandate automatically; setup mode only.",
    )
    interval_description: str | None = strawberry.field(
        default=None,
        description=(
            "Describes when debits happen; needed when the schedule is interval or combined."
        ),
    )
    payment_schedule: AcssDebitPaymentSchedule | None = strawberry.field(
        default=None, description="When debits under the mandate happen."
    )
    transaction_type: AcssDebitTransactionType | None = strawberry.field(
        default=None, description="Whether the payer is a business or an individual."
    )


@strawberry.input(description="Settings for Canadian pre-authorized debit.")
class AcssDebitPaymentMethodOptionsInput:
    currency: AcssDebitCurrency | None = strawberry.field(
        default=None, description="The currency of the debit; needed in setup mode."
    )
    mandate_options: AcssDebitMandateOptionsInput | None = strawberry.field(
        default=None, description="Terms of the mandate."
    )
    setup_future_usage: PaymentMethodSetupFutureUsage | None = strawberry.field(
        default=None,
        description=(SAVED_FOR_LATER),
    )
    target_date: str | None = strawberry.field(
        default=None,
        description=(TARGET_DATE),
    )
    verification_method: AcssDebitVerificationMethod | None = strawberry.field(
        default=None, description="How the bank account is verified."
    )


@strawberry.input(
    description=(
        "Settings of a payment method whose funds can be captured later and that is never saved."
    )
)
class CapturableSingleUsePaymentMethodOptionsInput:
    capture_method: ManualCaptureMethod | None = strawberry.field(
        default=None,
        description=(MANUAL_CAPTURE),
    )
    setup_future_usage: NoSetupFutureUsage | None = strawberry.field(
        default=None,
        description=NOT_SAVED,
    )


@strawberry.input(
    description="Settings of a payment method that checkout never saves for later charges."
)
class SingleUsePaymentMethodOptionsInput:
    setup_future_usage: NoSetupFutureUsage | None = strawberry.field(
        default=None,
        description=NOT_SAVED,
    )


@strawberry.input(
    description="Settings of a payment method whose funds can be captured after authorisation."
)
class CapturablePaymentMethodOptionsInput:
    capture_method: ManualCaptureMethod | None = strawberry.field(
        default=None,
        description=(MANUAL_CAPTURE),
    )


@strawberry.input(
    description=(
        "Settings of a payment method whose funds can be captured later and that can be "
        "saved for charges while the customer is away."
    )
)
class CapturableReusablePaymentMethodOptionsInput:
    capture_method: ManualCaptureMethod | None = strawberry.field(
        default=None,
        description=(MANUAL_CAPTURE),
    )
    setup_future_usage: OffSessionSetupFutureUsage | None = strawberry.field(
        default=None,
        description=(SAVED_OFF_SESSION),
    )


@strawberry.input(description="Settings for Australian BECS direct debit.")
class AuBecsDebitPaymentMethodOptionsInput:
    setup_future_usage: NoSetupFutureUsage | None = strawberry.field(
        default=None,
        description=NOT_SAVED,
    )
    target_date: str | None = strawberry.field(
        default=None,
        description=(TARGET_DATE),
    )


@strawberry.input(description="Mandate settings for Bacs and SEPA direct debits.")
class DirectDebitMandateOptionsInput:
    reference_prefix: str | None = strawberry.field(
        default=None,
        description="Up to 12 characters placed at the start of the mandate reference.",
    )


@strawberry.input(
    description="Settings of a direct debit from a bank account, such as Bacs or SEPA."
)
class DirectDebitPaymentMethodOptionsInput:
    mandate_options: DirectDebitMandateOptionsInput | None = strawberry.field(
        default=None, description="Settings of the mandate."
    )
    setup_future_usage: PaymentMethodSetupFutureUsage | None = strawberry.field(
        default=None,
        description=(SAVED_FOR_LATER),
    )
    target_date: str | None = strawberry.field(
        default=None,
        description=(TARGET_DATE),
    )


@strawberry.input(description="Settings for Boleto.")
class BoletoPaymentMethodOptionsInput:
    expires_after_days: int | None = strawberry.field(
        default=None, description="How many days the voucher can be paid before it expires."
    )
    setup_future_usage: PaymentMethodSetupFutureUsage | None = strawberry.field(
        default=None,
        description=(SAVED_FOR_LATER),
    )


@strawberry.input(description="Instalment plans for card payments.")
class CardInstallmentsInput:
    enabled: bool | None = strawberry.field(
        default=None,
        description="Whether the customer may pick an instalment plan their card offers.",
    )


@strawberry.input(description="Limits on which cards are accepted.")
class CardRestrictionsInput:
    brands_blocked: list[CardBrand] | None = strawberry.field(
        default=None, description="Card networks that are refused."
    )


@strawberry.input(description="Settings for card payments.")
class CardPaymentMethodOptionsInput:
    capture_method: ManualCaptureMethod | None = strawberry.field(
        default=None,
        description=(MANUAL_CAPTURE),
    )
    installments: CardInstallmentsInput | None = strawberry.field(
        default=None, description="Instalment plans."
    )
    request_extended_authorization: CardRequestOption | None = strawberry.field(
        default=None, description="Whether to ask for a longer authorization window."
    )
    request_incremental_authorization: CardRequestOption | None = strawberry.field(
        default=None,
        description="Whether to ask for the ability to raise the authorized amount later.",
    )
    request_multicapture: CardRequestOption | None = strawberry.field(
        default=None,
        description="Whether to ask for the ability to capture the payment in several parts.",
    )
    request_overcapture: CardRequestOption | None = strawberry.field(
        default=None,
        description="Whether to ask for the ability to capture more than was authorized.",
    )
    request_three_d_secure: ThreeDSecureRequest | None = strawberry.field(
        default=None, description="When to ask for 3D Secure authentication."
    )
    restrictions: CardRestrictionsInput | None = strawberry.field(
        default=None, description="Limits on which cards are accepted."
    )
    setup_future_usage: SetupFutureUsage | None = strawberry.field(
        default=None, description="Saves the card for later charges and says how those happen."
    )
    statement_descriptor_suffix_kana: str | None = strawberry.field(
        default=None, description="Kana text added to the statement prefix for Japanese cards."
    )
    statement_descriptor_suffix_kanji: str | None = strawberry.field(
        default=None, description="Kanji text added to the statement prefix for Japanese cards."
    )


@strawberry.input(description="Settings for Cash App Pay.")
class CashappPaymentMethodOptionsInput:
    capture_method: ManualCaptureMethod | None = strawberry.field(
        default=None,
        description=(MANUAL_CAPTURE),
    )
    setup_future_usage: PaymentMethodSetupFutureUsage | None = strawberry.field(
        default=None,
        description=(SAVED_FOR_LATER),
    )


@strawberry.input(description="Settings of a bank transfer within the European Union.")
class EuBankTransferInput:
    country: str = strawberry.field(
        description="Two-letter country code of the bank account the customer pays into."
    )


@strawberry.input(description="Settings of paying by bank transfer.")
class BankTransferInput:
    eu_bank_transfer: EuBankTransferInput | None = strawberry.field(
        default=None, description="Settings when type is eu_bank_transfer."
    )
    requested_address_types: list[BankTransferAddressType] | None = strawberry.field(
        default=None, description="Kinds of account details to show to the customer."
    )
    type: BankTransferType = strawberry.field(description="The transfer scheme and region.")


@strawberry.input(description="Settings for paying into the customer's cash balance.")
class CustomerBalancePaymentMethodOptionsInput:
    bank_transfer: BankTransferInput | None = strawberry.field(
        default=None, description="Settings of the bank transfer."
    )
    funding_type: CustomerBalanceFundingType | None = strawberry.field(
        default=None, description="How the customer adds funds to the balance."
    )
    setup_future_usage: NoSetupFutureUsage | None = strawberry.field(
        default=None,
        description=NOT_SAVED,
    )


@strawberry.input(description="Settings for the Demo Pay test method.")
class DemoPayPaymentMethodOptionsInput:
    setup_future_usage: OffSessionSetupFutureUsage | None = strawberry.field(
        default=None,
        description=(SAVED_OFF_SESSION),
    )


@strawberry.input(description="The next charge of a subscription paid with Klarna.")
class KlarnaNextBillingInput:
    amount: int = strawberry.field(
        description="The amount of the next charge in the smallest currency unit."
    )
    date: str = strawberry.field(description="The date of the next charge, as YYYY-MM-DD.")


@strawberry.input(
    description="A future subscription that a Klarna payment in this session sets up."
)
class KlarnaSubscriptionInput:
    interval: RecurringInterval = strawberry.field(description="The unit of time between charges.")
    interval_count: int | None = strawberry.field(
        default=None, description="How many intervals pass between two charges."
    )
    name: str | None = strawberry.field(
        default=None, description="The subscription name shown to the customer."
    )
    next_billing: KlarnaNextBillingInput = strawberry.field(description="The next charge.")
    reference: str = strawberry.field(
        description=(
            "Your own stable reference that ties the charges of the subscription "
            "together in Klarna."
        )
    )


@strawberry.input(description="Settings for Klarna.")
class KlarnaPaymentMethodOptionsInput:
    capture_method: ManualCaptureMethod | None = strawberry.field(
        default=None,
        description=(MANUAL_CAPTURE),
    )
    setup_future_usage: NoSetupFutureUsage | None = strawberry.field(
        default=None,
        description=NOT_SAVED,
    )
    subscriptions: list[KlarnaSubscriptionInput] | None = strawberry.field(
        default=None,
        description=(
            "Future subscriptions this session sets up, so Klarna can show them to the customer."
        ),
    )


@strawberry.input(description="Settings for Konbini.")
class KonbiniPaymentMethodOptionsInput:
    expires_after_days: int | None = strawberry.field(
        default=None, description="How many days the customer has to pay at the store."
    )
    setup_future_usage: NoSetupFutureUsage | None = strawberry.field(
        default=None,
        description=NOT_SAVED,
    )


@strawberry.input(description="Settings for OXXO.")
class OxxoPaymentMethodOptionsInput:
    expires_after_days: int | None = strawberry.field(
        default=None, description="How many days the voucher can be paid before it expires."
    )
    setup_future_usage: NoSetupFutureUsage | None = strawberry.field(
        default=None,
        description=NOT_SAVED,
    )


@strawberry.input(description="Settings for Przelewy24.")
class P24PaymentMethodOptionsInput:
    setup_future_usage: NoSetupFutureUsage | None = strawberry.field(
        default=None,
        description=NOT_SAVED,
    )
    tos_shown_and_accepted: bool | None = strawberry.field(
        default=None,
        description="Confirms that the customer saw and accepted the Przelewy24 terms.",
    )


@strawberry.input(description="Settings for PayPal.")
class PaypalPaymentMethodOptionsInput:
    capture_method: ManualCaptureMethod | None = strawberry.field(
        default=None,
        description=(MANUAL_CAPTURE),
    )
    preferred_locale: PaypalLocale | None = strawberry.field(
        default=None, description="The language and region of the PayPal pages."
    )
    reference: str | None = strawberry.field(
        default=None,
        description="A reference shown to the customer and kept as the PayPal invoice ID.",
    )
    risk_correlation_id: str | None = strawberry.field(
        default=None,
        description=(
            "PayPal's risk correlation ID for an on-session payment with a saved PayPal account."
        ),
    )
    setup_future_usage: OffSessionSetupFutureUsage | None = strawberry.field(
        default=None,
        description=(SAVED_OFF_SESSION),
    )


@strawberry.input(description="Terms of a PayTo mandate.")
class PaytoMandateOptionsInput:
    amount: int | None = strawberry.field(
        default=None,
        description=(
            "The mandate amount in the smallest currency unit; read as exact or as "
            "a ceiling depending on amount_type."
        ),
    )
    amount_type: PaytoAmountType | None = strawberry.field(
        default=None, description="Whether the amount is exact or a ceiling."
    )
    end_date: str | None = strawberry.field(
        default=None, description="The last day the mandate is valid, as YYYY-MM-DD."
    )
    payment_schedule: PaytoPaymentSchedule | None = strawberry.field(
        default=None, description="How often debits may happen."
    )
    payments_per_period: int | None = strawberry.field(
        default=None, description="The most debits allowed in each period of the schedule."
    )
    purpose: PaytoPurpose | None = strawberry.field(
        default=None, description="What the payments are for."
    )
    start_date: str | None = strawberry.field(
        default=None, description="The first day the mandate is valid, as YYYY-MM-DD."
    )


@strawberry.input(description="Settings for PayTo.")
class PaytoPaymentMethodOptionsInput:
    mandate_options: PaytoMandateOptionsInput | None = strawberry.field(
        default=None, description="Terms of the mandate."
    )
    setup_future_usage: OffSessionSetupFutureUsage | None = strawberry.field(
        default=None,
        description=(SAVED_OFF_SESSION),
    )


@strawberry.input(description="Settings for Pix.")
class PixPaymentMethodOptionsInput:
    amount_includes_iof: PixIofInclusion | None = strawberry.field(
        default=None, description="Whether the amount already contains Brazil's IOF tax."
    )
    expires_after_seconds: int | None = strawberry.field(
        default=None, description="How many seconds the Pix code stays payable."
    )
    setup_future_usage: NoSetupFutureUsage | None = strawberry.field(
        default=None,
        description=NOT_SAVED,
    )


@strawberry.input(description="Settings for Swish.")
class SwishPaymentMethodOptionsInput:
    reference: str | None = strawberry.field(
        default=None, description="The order reference shown to the customer in the Swish app."
    )


@strawberry.input(
    description="What Checkout asks to access when the customer links a bank account."
)
class FinancialConnectionsInput:
    permissions: list[FinancialConnectionsPermission] | None = strawberry.field(
        default=None, description="Data the customer is asked to share."
    )
    prefetch: list[FinancialConnectionsPrefetch] | None = strawberry.field(
        default=None, description="Data fetched as soon as the account is linked."
    )


@strawberry.input(description="Settings for US bank account debits.")
class UsBankAccountPaymentMethodOptionsInput:
    financial_connections: FinancialConnectionsInput | None = strawberry.field(
        default=None, description="Settings for linking the account."
    )
    setup_future_usage: PaymentMethodSetupFutureUsage | None = strawberry.field(
        default=None,
        description=(SAVED_FOR_LATER),
    )
    target_date: str | None = strawberry.field(
        default=None,
        description=(TARGET_DATE),
    )
    verification_method: UsBankAccountVerificationMethod | None = strawberry.field(
        default=None, description="How the bank account is verified."
    )


@strawberry.input(description="Settings for WeChat Pay.")
class WechatPayPaymentMethodOptionsInput:
    app_id: str | None = strawberry.field(
        default=None,
        description=(
            "Your app ID registered with WeChat Pay; needed for the ios and android clients."
        ),
    )
    client: WechatPayClient = strawberry.field(
        description="The kind of client the customer pays from."
    )
    setup_future_usage: NoSetupFutureUsage | None = strawberry.field(
        default=None,
        description=NOT_SAVED,
    )


@strawberry.input(description="Settings for individual payment methods offered in the session.")
class PaymentMethodOptionsInput:
    acss_debit: AcssDebitPaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Canadian pre-authorized debit."
    )
    affirm: CapturableSingleUsePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Affirm."
    )
    afterpay_clearpay: CapturableSingleUsePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Afterpay and Clearpay."
    )
    alipay: SingleUsePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Alipay."
    )
    alma: CapturablePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Alma."
    )
    amazon_pay: CapturableReusablePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Amazon Pay."
    )
    au_becs_debit: AuBecsDebitPaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Australian BECS direct debit."
    )
    bacs_debit: DirectDebitPaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Bacs direct debit."
    )
    bancontact: SingleUsePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Bancontact."
    )
    billie: CapturablePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Billie."
    )
    boleto: BoletoPaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Boleto."
    )
    card: CardPaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for cards."
    )
    cashapp: CashappPaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Cash App Pay."
    )
    customer_balance: CustomerBalancePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for payments into the customer's cash balance."
    )
    demo_pay: DemoPayPaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for the Demo Pay test method."
    )
    eps: SingleUsePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for EPS."
    )
    fpx: SingleUsePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for FPX."
    )
    giropay: SingleUsePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for giropay."
    )
    grabpay: SingleUsePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for GrabPay."
    )
    ideal: SingleUsePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for iDEAL."
    )
    kakao_pay: CapturableReusablePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Kakao Pay."
    )
    klarna: KlarnaPaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Klarna."
    )
    konbini: KonbiniPaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Konbini."
    )
    kr_card: CapturableReusablePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Korean cards."
    )
    link: CapturableReusablePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Link."
    )
    mobilepay: CapturableSingleUsePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for MobilePay."
    )
    multibanco: SingleUsePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Multibanco."
    )
    naver_pay: CapturableReusablePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Naver Pay."
    )
    oxxo: OxxoPaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for OXXO."
    )
    p24: P24PaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Przelewy24."
    )
    payco: CapturablePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for PAYCO."
    )
    paynow: SingleUsePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for PayNow."
    )
    paypal: PaypalPaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for PayPal."
    )
    payto: PaytoPaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for PayTo."
    )
    pix: PixPaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Pix."
    )
    revolut_pay: CapturableReusablePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Revolut Pay."
    )
    samsung_pay: CapturablePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Samsung Pay."
    )
    satispay: CapturablePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Satispay."
    )
    sepa_debit: DirectDebitPaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for SEPA Direct Debit."
    )
    sofort: SingleUsePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Sofort."
    )
    swish: SwishPaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for Swish."
    )
    twint: SingleUsePaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for TWINT."
    )
    us_bank_account: UsBankAccountPaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for US bank account debits."
    )
    wechat_pay: WechatPayPaymentMethodOptionsInput | None = strawberry.field(
        default=None, description="Settings for WeChat Pay."
    )

"""Per-payment-method settings that checkout passes to the PaymentIntent or SetupIntent."""

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
    EuBankTransferCountry,
    FinancialConnectionsAccountSubcategory,
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
    ThreeDSecureRequest,
    UsBankAccountVerificationMethod,
)

SETUP_FUTURE_USAGE = "Whether the payment method is saved for later charges, and for which kind."
MANUAL_CAPTURE = "MANUAL when checkout only authorises the payment and you capture it later."
TARGET_DATE = "Date, as YYYY-MM-DD, by which the debit should reach the customer's bank."


@strawberry.type(
    description="Terms of the mandate a customer signs for Canadian pre-authorised debits."
)
class AcssDebitMandateOptions:
    custom_mandate_url: str | None = strawberry.field(
        description="Link to your own mandate wording, used instead of the standard text."
    )
    default_for: list[MandateDefaultFor] | None = strawberry.field(
        description="Kinds of future charges that use this mandate by default."
    )
    interval_description: str | None = strawberry.field(
        description="Plain-language description of when interval or combined debits happen."
    )
    payment_schedule: AcssDebitPaymentSchedule | None = strawberry.field(
        description="When debits under the mandate are made."
    )
    transaction_type: AcssDebitTransactionType | None = strawberry.field(
        description="Whether the account holder is a business or a person."
    )


@strawberry.type(description="Terms of a Bacs or SEPA Direct Debit mandate.")
class BankDebitMandateOptions:
    reference_prefix: str | None = strawberry.field(
        description="Text placed at the start of the mandate reference shown on bank statements."
    )


@strawberry.type(description="Whether the customer may split a card payment into instalments.")
class CardInstallments:
    enabled: bool | None = strawberry.field(
        description="True when instalment plans are offered, where the card supports them."
    )


@strawberry.type(description="Limits on which cards checkout accepts.")
class CardRestrictions:
    brands_blocked: list[CardBrand] | None = strawberry.field(
        description="Card networks that checkout refuses."
    )


@strawberry.type(description="Settings for customers paying by euro bank transfer.")
class EuBankTransferOptions:
    country: EuBankTransferCountry = strawberry.field(
        description="Country of the bank account the customer transfers to."
    )


@strawberry.type(description="Settings for customers who fund their balance by bank transfer.")
class CustomerBalanceBankTransfer:
    eu_bank_transfer: EuBankTransferOptions | None = strawberry.field(
        description="Settings that apply when the transfer is made in euros."
    )
    requested_address_types: list[BankTransferAddressType] | None = strawberry.field(
        description="Kinds of bank details shown to the customer for making the transfer."
    )
    type: BankTransferType | None = strawberry.field(
        description="Regional transfer network the customer pays through."
    )


@strawberry.type(description="Terms of the PayTo agreement the customer authorises.")
class PaytoMandateOptions:
    amount: int | None = strawberry.field(
        description="Amount the agreement allows per charge, in the smallest currency unit."
    )
    amount_type: PaytoAmountType | None = strawberry.field(
        description="Whether each charge is exactly the amount or at most the amount."
    )
    end_date: str | None = strawberry.field(
        description="Date, as YYYY-MM-DD, after which the agreement ends."
    )
    payment_schedule: PaytoPaymentSchedule | None = strawberry.field(
        description="How often charges may be made under the agreement."
    )
    payments_per_period: int | None = strawberry.field(
        description="Most charges allowed in one period of the schedule."
    )
    purpose: PaytoPurpose | None = strawberry.field(
        description="What the agreement pays for, as shown to the account holder."
    )
    start_date: str | None = strawberry.field(
        description="Date, as YYYY-MM-DD, from which the agreement applies."
    )


@strawberry.type(description="Limits on which bank accounts the customer may link.")
class FinancialConnectionsFilters:
    account_subcategories: list[FinancialConnectionsAccountSubcategory] | None = strawberry.field(
        description="Kinds of account the customer may pick, such as checking."
    )


@strawberry.type(
    description="How the customer links a US bank account through Financial Connections."
)
class UsBankAccountFinancialConnections:
    filters: FinancialConnectionsFilters | None = strawberry.field(
        description="Limits on which accounts can be linked."
    )
    permissions: list[FinancialConnectionsPermission] | None = strawberry.field(
        description="Data about the linked account that the customer is asked to share."
    )
    prefetch: list[FinancialConnectionsPrefetch] | None = strawberry.field(
        description="Data fetched as soon as the account is linked."
    )
    return_url: str | None = strawberry.field(
        description="Where the customer returns after linking in a bank app, for mobile flows."
    )


@strawberry.type(description="Settings for payments made with Canadian pre-authorised debit.")
class AcssDebitPaymentMethodOptions:
    currency: AcssDebitCurrency | None = strawberry.field(
        description="Currency the debit is made in, Canadian or US dollars."
    )
    mandate_options: AcssDebitMandateOptions | None = strawberry.field(
        description="Terms of the debit mandate the customer agrees to."
    )
    setup_future_usage: PaymentMethodSetupFutureUsage | None = strawberry.field(
        description=SETUP_FUTURE_USAGE
    )
    target_date: str | None = strawberry.field(description=TARGET_DATE)
    verification_method: AcssDebitVerificationMethod | None = strawberry.field(
        description="How the bank account is checked before it is debited."
    )


@strawberry.type(
    description=(
        "Settings of a payment method whose funds can be captured later and that is never saved."
    )
)
class CapturableSingleUsePaymentMethodOptions:
    capture_method: ManualCaptureMethod | None = strawberry.field(description=MANUAL_CAPTURE)
    setup_future_usage: NoSetupFutureUsage | None = strawberry.field(description=SETUP_FUTURE_USAGE)


@strawberry.type(
    description="Settings of a payment method that checkout never saves for later charges."
)
class SingleUsePaymentMethodOptions:
    setup_future_usage: NoSetupFutureUsage | None = strawberry.field(description=SETUP_FUTURE_USAGE)


@strawberry.type(
    description="Settings of a payment method whose funds can be captured after authorisation."
)
class CapturablePaymentMethodOptions:
    capture_method: ManualCaptureMethod | None = strawberry.field(description=MANUAL_CAPTURE)


@strawberry.type(
    description=(
        "Settings of a payment method whose funds can be captured later and that can be "
        "saved for charges while the customer is away."
    )
)
class CapturableReusablePaymentMethodOptions:
    capture_method: ManualCaptureMethod | None = strawberry.field(description=MANUAL_CAPTURE)
    setup_future_usage: OffSessionSetupFutureUsage | None = strawberry.field(
        description=SETUP_FUTURE_USAGE
    )


@strawberry.type(description="Settings for payments made with Australian BECS Direct Debit.")
class AuBecsDebitPaymentMethodOptions:
    setup_future_usage: NoSetupFutureUsage | None = strawberry.field(description=SETUP_FUTURE_USAGE)
    target_date: str | None = strawberry.field(description=TARGET_DATE)


@strawberry.type(
    description="Settings of a direct debit from a bank account, such as Bacs or SEPA."
)
class DirectDebitPaymentMethodOptions:
    mandate_options: BankDebitMandateOptions | None = strawberry.field(
        description="Terms of the Direct Debit mandate."
    )
    setup_future_usage: PaymentMethodSetupFutureUsage | None = strawberry.field(
        description=SETUP_FUTURE_USAGE
    )
    target_date: str | None = strawberry.field(description=TARGET_DATE)


@strawberry.type(description="Settings for payments made with Boleto.")
class BoletoPaymentMethodOptions:
    expires_after_days: int = strawberry.field(
        description="Days the customer has to pay the boleto before it expires."
    )
    setup_future_usage: PaymentMethodSetupFutureUsage | None = strawberry.field(
        description=SETUP_FUTURE_USAGE
    )


@strawberry.type(description="Settings for payments made with card.")
class CardPaymentMethodOptions:
    capture_method: ManualCaptureMethod | None = strawberry.field(description=MANUAL_CAPTURE)
    installments: CardInstallments | None = strawberry.field(
        description="Whether the customer may pay in instalments."
    )
    request_extended_authorization: CardRequestOption | None = strawberry.field(
        description="Whether to ask for an authorisation that stays valid longer than usual."
    )
    request_incremental_authorization: CardRequestOption | None = strawberry.field(
        description="Whether to ask for an authorisation that can later be increased."
    )
    request_multicapture: CardRequestOption | None = strawberry.field(
        description="Whether to allow capturing the authorised funds in several parts."
    )
    request_overcapture: CardRequestOption | None = strawberry.field(
        description="Whether to allow capturing more than the authorised amount."
    )
    request_three_d_secure: ThreeDSecureRequest = strawberry.field(
        description="When the card holder is asked to authenticate with 3D Secure."
    )
    restrictions: CardRestrictions | None = strawberry.field(
        description="Which cards checkout refuses."
    )
    setup_future_usage: PaymentMethodSetupFutureUsage | None = strawberry.field(
        description=SETUP_FUTURE_USAGE
    )
    statement_descriptor_suffix_kana: str | None = strawberry.field(
        description="Katakana text added to the statement descriptor for Japanese cards."
    )
    statement_descriptor_suffix_kanji: str | None = strawberry.field(
        description="Kanji text added to the statement descriptor for Japanese cards."
    )


@strawberry.type(description="Settings for payments made with customer balance.")
class CustomerBalancePaymentMethodOptions:
    bank_transfer: CustomerBalanceBankTransfer | None = strawberry.field(
        description="Settings for funding the balance by bank transfer."
    )
    funding_type: CustomerBalanceFundingType | None = strawberry.field(
        description="How the customer tops up the balance used to pay."
    )
    setup_future_usage: NoSetupFutureUsage | None = strawberry.field(description=SETUP_FUTURE_USAGE)


@strawberry.type(description="Settings for payments made with Klarna.")
class KlarnaPaymentMethodOptions:
    capture_method: ManualCaptureMethod | None = strawberry.field(description=MANUAL_CAPTURE)
    setup_future_usage: PaymentMethodSetupFutureUsage | None = strawberry.field(
        description=SETUP_FUTURE_USAGE
    )


@strawberry.type(description="Settings for payments made with Konbini.")
class KonbiniPaymentMethodOptions:
    expires_after_days: int | None = strawberry.field(
        description="Days the customer has to pay at a convenience store before the code expires."
    )
    setup_future_usage: NoSetupFutureUsage | None = strawberry.field(description=SETUP_FUTURE_USAGE)


@strawberry.type(description="Settings for payments made with OXXO.")
class OxxoPaymentMethodOptions:
    expires_after_days: int = strawberry.field(
        description="Days the customer has to pay the OXXO voucher before it expires."
    )
    setup_future_usage: NoSetupFutureUsage | None = strawberry.field(description=SETUP_FUTURE_USAGE)


@strawberry.type(description="Settings for payments made with PayPal.")
class PaypalPaymentMethodOptions:
    capture_method: ManualCaptureMethod | None = strawberry.field(description=MANUAL_CAPTURE)
    preferred_locale: str | None = strawberry.field(
        description="Language and region PayPal shows its pages in, such as en-US."
    )
    reference: str | None = strawberry.field(
        description="Your reference for the payment, shown to the customer by PayPal."
    )
    setup_future_usage: OffSessionSetupFutureUsage | None = strawberry.field(
        description=SETUP_FUTURE_USAGE
    )


@strawberry.type(description="Settings for payments made with PayTo.")
class PaytoPaymentMethodOptions:
    mandate_options: PaytoMandateOptions | None = strawberry.field(
        description="Terms of the PayTo agreement."
    )
    setup_future_usage: OffSessionSetupFutureUsage | None = strawberry.field(
        description=SETUP_FUTURE_USAGE
    )


@strawberry.type(description="Settings for payments made with Pix.")
class PixPaymentMethodOptions:
    amount_includes_iof: PixIofInclusion | None = strawberry.field(
        description="Whether the amount already includes Brazilian IOF tax."
    )
    expires_after_seconds: int | None = strawberry.field(
        description="Seconds the customer has to pay before the Pix code expires."
    )
    setup_future_usage: NoSetupFutureUsage | None = strawberry.field(description=SETUP_FUTURE_USAGE)


@strawberry.type(description="Settings for payments made with Swish.")
class SwishPaymentMethodOptions:
    reference: str | None = strawberry.field(
        description="Your reference for the payment, shown in the Swish app."
    )


@strawberry.type(description="Settings for payments made with US bank account (ACH Direct Debit).")
class UsBankAccountPaymentMethodOptions:
    financial_connections: UsBankAccountFinancialConnections | None = strawberry.field(
        description="How the customer links their bank account."
    )
    setup_future_usage: PaymentMethodSetupFutureUsage | None = strawberry.field(
        description=SETUP_FUTURE_USAGE
    )
    target_date: str | None = strawberry.field(description=TARGET_DATE)
    verification_method: UsBankAccountVerificationMethod | None = strawberry.field(
        description="How the bank account is checked before it is debited."
    )


@strawberry.type(
    description="Settings for each payment method the session offers; unset methods are null."
)
class CheckoutSessionPaymentMethodOptions:
    acss_debit: AcssDebitPaymentMethodOptions | None = strawberry.field(
        description="Settings for Canadian pre-authorised debit payments."
    )
    affirm: CapturableSingleUsePaymentMethodOptions | None = strawberry.field(
        description="Settings for Affirm payments."
    )
    afterpay_clearpay: CapturableSingleUsePaymentMethodOptions | None = strawberry.field(
        description="Settings for Afterpay or Clearpay payments."
    )
    alipay: SingleUsePaymentMethodOptions | None = strawberry.field(
        description="Settings for Alipay payments."
    )
    alma: CapturablePaymentMethodOptions | None = strawberry.field(
        description="Settings for Alma payments."
    )
    amazon_pay: CapturableReusablePaymentMethodOptions | None = strawberry.field(
        description="Settings for Amazon Pay payments."
    )
    au_becs_debit: AuBecsDebitPaymentMethodOptions | None = strawberry.field(
        description="Settings for Australian BECS Direct Debit payments."
    )
    bacs_debit: DirectDebitPaymentMethodOptions | None = strawberry.field(
        description="Settings for Bacs Direct Debit payments."
    )
    bancontact: SingleUsePaymentMethodOptions | None = strawberry.field(
        description="Settings for Bancontact payments."
    )
    billie: CapturablePaymentMethodOptions | None = strawberry.field(
        description="Settings for Billie payments."
    )
    boleto: BoletoPaymentMethodOptions | None = strawberry.field(
        description="Settings for Boleto payments."
    )
    card: CardPaymentMethodOptions | None = strawberry.field(
        description="Settings for card payments."
    )
    cashapp: CapturableSingleUsePaymentMethodOptions | None = strawberry.field(
        description="Settings for Cash App Pay payments."
    )
    customer_balance: CustomerBalancePaymentMethodOptions | None = strawberry.field(
        description="Settings for customer balance payments."
    )
    eps: SingleUsePaymentMethodOptions | None = strawberry.field(
        description="Settings for EPS payments."
    )
    fpx: SingleUsePaymentMethodOptions | None = strawberry.field(
        description="Settings for FPX payments."
    )
    giropay: SingleUsePaymentMethodOptions | None = strawberry.field(
        description="Settings for giropay payments."
    )
    grabpay: SingleUsePaymentMethodOptions | None = strawberry.field(
        description="Settings for GrabPay payments."
    )
    ideal: SingleUsePaymentMethodOptions | None = strawberry.field(
        description="Settings for iDEAL payments."
    )
    kakao_pay: CapturableReusablePaymentMethodOptions | None = strawberry.field(
        description="Settings for Kakao Pay payments."
    )
    klarna: KlarnaPaymentMethodOptions | None = strawberry.field(
        description="Settings for Klarna payments."
    )
    konbini: KonbiniPaymentMethodOptions | None = strawberry.field(
        description="Settings for Konbini payments."
    )
    kr_card: CapturableReusablePaymentMethodOptions | None = strawberry.field(
        description="Settings for Korean card payments."
    )
    link: CapturableReusablePaymentMethodOptions | None = strawberry.field(
        description="Settings for Link payments."
    )
    mobilepay: CapturableSingleUsePaymentMethodOptions | None = strawberry.field(
        description="Settings for MobilePay payments."
    )
    multibanco: SingleUsePaymentMethodOptions | None = strawberry.field(
        description="Settings for Multibanco payments."
    )
    naver_pay: CapturableReusablePaymentMethodOptions | None = strawberry.field(
        description="Settings for Naver Pay payments."
    )
    oxxo: OxxoPaymentMethodOptions | None = strawberry.field(
        description="Settings for OXXO payments."
    )
    p24: SingleUsePaymentMethodOptions | None = strawberry.field(
        description="Settings for Przelewy24 payments."
    )
    payco: CapturablePaymentMethodOptions | None = strawberry.field(
        description="Settings for PAYCO payments."
    )
    paynow: SingleUsePaymentMethodOptions | None = strawberry.field(
        description="Settings for PayNow payments."
    )
    paypal: PaypalPaymentMethodOptions | None = strawberry.field(
        description="Settings for PayPal payments."
    )
    payto: PaytoPaymentMethodOptions | None = strawberry.field(
        description="Settings for PayTo payments."
    )
    pix: PixPaymentMethodOptions | None = strawberry.field(description="Settings for Pix payments.")
    revolut_pay: CapturableReusablePaymentMethodOptions | None = strawberry.field(
        description="Settings for Revolut Pay payments."
    )
    samsung_pay: CapturablePaymentMethodOptions | None = strawberry.field(
        description="Settings for Samsung Pay payments."
    )
    satispay: CapturablePaymentMethodOptions | None = strawberry.field(
        description="Settings for Satispay payments."
    )
    sepa_debit: DirectDebitPaymentMethodOptions | None = strawberry.field(
        description="Settings for SEPA Direct Debit payments."
    )
    sofort: SingleUsePaymentMethodOptions | None = strawberry.field(
        description="Settings for Sofort payments."
    )
    swish: SwishPaymentMethodOptions | None = strawberry.field(
        description="Settings for Swish payments."
    )
    twint: SingleUsePaymentMethodOptions | None = strawberry.field(
        description="Settings for TWINT payments."
    )
    us_bank_account: UsBankAccountPaymentMethodOptions | None = strawberry.field(
        description="Settings for US bank account (ACH Direct Debit) payments."
    )

"""GraphQL enums for the values Stripe accepts when a Checkout Session is created."""

from enum import Enum

import strawberry


@strawberry.enum(description="A payment method type that can be hidden from a Checkout Session.")
class ExcludedPaymentMethodType(Enum):
    ACSS_DEBIT = strawberry.enum_value("acss_debit", description="Canadian pre-authorized debit.")
    AFFIRM = strawberry.enum_value("affirm", description="Affirm buy now, pay later.")
    AFTERPAY_CLEARPAY = strawberry.enum_value(
        "afterpay_clearpay", description="Afterpay or Clearpay buy now, pay later."
    )
    ALIPAY = strawberry.enum_value("alipay", description="Alipay wallet.")
    ALMA = strawberry.enum_value("alma", description="Alma instalments.")
    AMAZON_PAY = strawberry.enum_value("amazon_pay", description="Amazon Pay wallet.")
    AU_BECS_DEBIT = strawberry.enum_value(
        "au_becs_debit", description="Australian BECS direct debit."
    )
    BACS_DEBIT = strawberry.enum_value("bacs_debit", description="UK Bacs direct debit.")
    BANCONTACT = strawberry.enum_value(
        "bancontact", description="Bancontact, the Belgian payment scheme."
    )
    BILLIE = strawberry.enum_value("billie", description="Billie business invoice payments.")
    BLIK = strawberry.enum_value("blik", description="BLIK mobile payments from Poland.")
    BOLETO = strawberry.enum_value("boleto", description="Boleto bank vouchers from Brazil.")
    CARD = strawberry.enum_value("card", description="Credit and debit cards.")
    CASHAPP = strawberry.enum_value("cashapp", description="Cash App Pay.")
    CRYPTO = strawberry.enum_value("crypto", description="Stablecoin and crypto payments.")
    CUSTOMER_BALANCE = strawberry.enum_value(
        "customer_balance", description="Bank transfers into the customer's cash balance."
    )
    EPS = strawberry.enum_value("eps", description="EPS, the Austrian bank redirect.")
    FPX = strawberry.enum_value("fpx", description="FPX online banking from Malaysia.")
    GIROPAY = strawberry.enum_value("giropay", description="giropay, the German bank redirect.")
    GRABPAY = strawberry.enum_value("grabpay", description="GrabPay wallet.")
    IDEAL = strawberry.enum_value("ideal", description="iDEAL, the Dutch bank redirect.")
    KAKAO_PAY = strawberry.enum_value("kakao_pay", description="Kakao Pay wallet.")
    KLARNA = strawberry.enum_value("klarna", description="Klarna buy now, pay later.")
    KONBINI = strawberry.enum_value(
        "konbini", description="Konbini convenience store payments in Japan."
    )
    KR_CARD = strawberry.enum_value("kr_card", description="Korean domestic cards.")
    MB_WAY = strawberry.enum_value("mb_way", description="MB WAY mobile payments from Portugal.")
    MOBILEPAY = strawberry.enum_value("mobilepay", description="MobilePay wallet.")
    MULTIBANCO = strawberry.enum_value(
        "multibanco", description="Multibanco vouchers from Portugal."
    )
    NAVER_PAY = strawberry.enum_value("naver_pay", description="Naver Pay wallet.")
    NZ_BANK_ACCOUNT = strawberry.enum_value(
        "nz_bank_account", description="New Zealand bank account direct debit."
    )
    OXXO = strawberry.enum_value("oxxo", description="OXXO cash vouchers from Mexico.")
    P24 = strawberry.enum_value("p24", description="Przelewy24 bank payments from Poland.")
    PAY_BY_BANK = strawberry.enum_value(
        "pay_by_bank", description="Pay by Bank open banking payments."
    )
    PAYCO = strawberry.enum_value("payco", description="PAYCO wallet.")
    PAYNOW = strawberry.enum_value("paynow", description="PayNow QR payments from Singapore.")
    PAYPAL = strawberry.enum_value("paypal", description="PayPal.")
    PAYTO = strawberry.enum_value("payto", description="PayTo real-time debits from Australia.")
    PIX = strawberry.enum_value("pix", description="Pix instant payments from Brazil.")
    PROMPTPAY = strawberry.enum_value(
        "promptpay", description="PromptPay QR payments from Thailand."
    )
    REVOLUT_PAY = strawberry.enum_value("revolut_pay", description="Revolut Pay.")
    SAMSUNG_PAY = strawberry.enum_value("samsung_pay", description="Samsung Pay wallet.")
    SATISPAY = strawberry.enum_value("satispay", description="Satispay mobile payments.")
    SEPA_DEBIT = strawberry.enum_value("sepa_debit", description="SEPA Direct Debit.")
    SOFORT = strawberry.enum_value("sofort", description="Sofort bank payments.")
    SWISH = strawberry.enum_value("swish", description="Swish mobile payments from Sweden.")
    TWINT = strawberry.enum_value("twint", description="TWINT mobile payments from Switzerland.")
    US_BANK_ACCOUNT = strawberry.enum_value(
        "us_bank_account", description="US bank account ACH debit."
    )
    WECHAT_PAY = strawberry.enum_value("wechat_pay", description="WeChat Pay wallet.")
    ZIP = strawberry.enum_value("zip", description="Zip buy now, pay later.")


@strawberry.enum(description="A payment method type that a Checkout Session can offer.")
class CheckoutPaymentMethodType(Enum):
    ACSS_DEBIT = strawberry.enum_value("acss_debit", description="Canadian pre-authorized debit.")
    AFFIRM = strawberry.enum_value("affirm", description="Affirm buy now, pay later.")
    AFTERPAY_CLEARPAY = strawberry.enum_value(
        "afterpay_clearpay", description="Afterpay or Clearpay buy now, pay later."
    )
    ALIPAY = strawberry.enum_value("alipay", description="Alipay wallet.")
    ALMA = strawberry.enum_value("alma", description="Alma instalments.")
    AMAZON_PAY = strawberry.enum_value("amazon_pay", description="Amazon Pay wallet.")
    AU_BECS_DEBIT = strawberry.enum_value(
        "au_becs_debit", description="Australian BECS direct debit."
    )
    BACS_DEBIT = strawberry.enum_value("bacs_debit", description="UK Bacs direct debit.")
    BANCONTACT = strawberry.enum_value(
        "bancontact", description="Bancontact, the Belgian payment scheme."
    )
    BILLIE = strawberry.enum_value("billie", description="Billie business invoice payments.")
    BLIK = strawberry.enum_value("blik", description="BLIK mobile payments from Poland.")
    BOLETO = strawberry.enum_value("boleto", description="Boleto bank vouchers from Brazil.")
    CARD = strawberry.enum_value("card", description="Credit and debit cards.")
    CASHAPP = strawberry.enum_value("cashapp", description="Cash App Pay.")
    CRYPTO = strawberry.enum_value("crypto", description="Stablecoin and crypto payments.")
    CUSTOMER_BALANCE = strawberry.enum_value(
        "customer_balance", description="Bank transfers into the customer's cash balance."
    )
    EPS = strawberry.enum_value("eps", description="EPS, the Austrian bank redirect.")
    FPX = strawberry.enum_value("fpx", description="FPX online banking from Malaysia.")
    GIROPAY = strawberry.enum_value("giropay", description="giropay, the German bank redirect.")
    GRABPAY = strawberry.enum_value("grabpay", description="GrabPay wallet.")
    IDEAL = strawberry.enum_value("ideal", description="iDEAL, the Dutch bank redirect.")
    KAKAO_PAY = strawberry.enum_value("kakao_pay", description="Kakao Pay wallet.")
    KLARNA = strawberry.enum_value("klarna", description="Klarna buy now, pay later.")
    KONBINI = strawberry.enum_value(
        "konbini", description="Konbini convenience store payments in Japan."
    )
    KR_CARD = strawberry.enum_value("kr_card", description="Korean domestic cards.")
    LINK = strawberry.enum_value("link", description="Link, Stripe's saved payment details.")
    MB_WAY = strawberry.enum_value("mb_way", description="MB WAY mobile payments from Portugal.")
    MOBILEPAY = strawberry.enum_value("mobilepay", description="MobilePay wallet.")
    MULTIBANCO = strawberry.enum_value(
        "multibanco", description="Multibanco vouchers from Portugal."
    )
    NAVER_PAY = strawberry.enum_value("naver_pay", description="Naver Pay wallet.")
    NZ_BANK_ACCOUNT = strawberry.enum_value(
        "nz_bank_account", description="New Zealand bank account direct debit."
    )
    OXXO = strawberry.enum_value("oxxo", description="OXXO cash vouchers from Mexico.")
    P24 = strawberry.enum_value("p24", description="Przelewy24 bank payments from Poland.")
    PAY_BY_BANK = strawberry.enum_value(
        "pay_by_bank", description="Pay by Bank open banking payments."
    )
    PAYCO = strawberry.enum_value("payco", description="PAYCO wallet.")
    PAYNOW = strawberry.enum_value("paynow", description="PayNow QR payments from Singapore.")
    PAYPAL = strawberry.enum_value("paypal", description="PayPal.")
    PAYTO = strawberry.enum_value("payto", description="PayTo real-time debits from Australia.")
    PIX = strawberry.enum_value("pix", description="Pix instant payments from Brazil.")
    PROMPTPAY = strawberry.enum_value(
        "promptpay", description="PromptPay QR payments from Thailand."
    )
    REVOLUT_PAY = strawberry.enum_value("revolut_pay", description="Revolut Pay.")
    SAMSUNG_PAY = strawberry.enum_value("samsung_pay", description="Samsung Pay wallet.")
    SATISPAY = strawberry.enum_value("satispay", description="Satispay mobile payments.")
    SEPA_DEBIT = strawberry.enum_value("sepa_debit", description="SEPA Direct Debit.")
    SOFORT = strawberry.enum_value("sofort", description="Sofort bank payments.")
    SWISH = strawberry.enum_value("swish", description="Swish mobile payments from Sweden.")
    TWINT = strawberry.enum_value("twint", description="TWINT mobile payments from Switzerland.")
    US_BANK_ACCOUNT = strawberry.enum_value(
        "us_bank_account", description="US bank account ACH debit."
    )
    WECHAT_PAY = strawberry.enum_value("wechat_pay", description="WeChat Pay wallet.")
    ZIP = strawberry.enum_value("zip", description="Zip buy now, pay later.")


@strawberry.enum(description="The typeface used for text on the Checkout page.")
class BrandingFontFamily(Enum):
    BE_VIETNAM_PRO = strawberry.enum_value("be_vietnam_pro", description="Be Vietnam Pro.")
    BITTER = strawberry.enum_value("bitter", description="Bitter.")
    CHAKRA_PETCH = strawberry.enum_value("chakra_petch", description="Chakra Petch.")
    DEFAULT = strawberry.enum_value("default", description="Stripe's standard Checkout typeface.")
    HAHMLET = strawberry.enum_value("hahmlet", description="Hahmlet.")
    INCONSOLATA = strawberry.enum_value("inconsolata", description="Inconsolata.")
    INTER = strawberry.enum_value("inter", description="Inter.")
    LATO = strawberry.enum_value("lato", description="Lato.")
    LORA = strawberry.enum_value("lora", description="Lora.")
    M_PLUS_1_CODE = strawberry.enum_value("m_plus_1_code", description="M PLUS 1 Code.")
    MONTSERRAT = strawberry.enum_value("montserrat", description="Montserrat.")
    NOTO_SANS = strawberry.enum_value("noto_sans", description="Noto Sans.")
    NOTO_SANS_JP = strawberry.enum_value("noto_sans_jp", description="Noto Sans JP.")
    NOTO_SERIF = strawberry.enum_value("noto_serif", description="Noto Serif.")
    NUNITO = strawberry.enum_value("nunito", description="Nunito.")
    OPEN_SANS = strawberry.enum_value("open_sans", description="Open Sans.")
    PRIDI = strawberry.enum_value("pridi", description="Pridi.")
    PT_SANS = strawberry.enum_value("pt_sans", description="PT Sans.")
    PT_SERIF = strawberry.enum_value("pt_serif", description="PT Serif.")
    RALEWAY = strawberry.enum_value("raleway", description="Raleway.")
    ROBOTO = strawberry.enum_value("roboto", description="Roboto.")
    ROBOTO_SLAB = strawberry.enum_value("roboto_slab", description="Roboto Slab.")
    SOURCE_SANS_PRO = strawberry.enum_value("source_sans_pro", description="Source Sans Pro.")
    TITILLIUM_WEB = strawberry.enum_value("titillium_web", description="Titillium Web.")
    UBUNTU_MONO = strawberry.enum_value("ubuntu_mono", description="Ubuntu Mono.")
    ZEN_MARU_GOTHIC = strawberry.enum_value("zen_maru_gothic", description="Zen Maru Gothic.")


@strawberry.enum(
    description=(
        "Whether details the customer enters in Checkout are written back to an existing Customer."
    )
)
class CustomerUpdateBehavior(Enum):
    AUTO = strawberry.enum_value("auto", description="Save the entered value on the Customer.")
    NEVER = strawberry.enum_value("never", description="Leave the Customer unchanged.")


@strawberry.enum(description="How line item amounts on an invoice show tax.")
class InvoiceAmountTaxDisplay(Enum):
    EXCLUDE_TAX = strawberry.enum_value("exclude_tax", description="Show amounts without any tax.")
    INCLUDE_INCLUSIVE_TAX = strawberry.enum_value(
        "include_inclusive_tax", description="Show amounts with inclusive tax included."
    )


@strawberry.enum(description="When the funds of an authorized payment are captured.")
class PaymentIntentCaptureMethod(Enum):
    AUTOMATIC = strawberry.enum_value(
        "automatic", description="Capture as soon as the customer authorizes the payment."
    )
    AUTOMATIC_ASYNC = strawberry.enum_value(
        "automatic_async",
        description="Capture automatically, but in the background after authorization.",
    )
    MANUAL = strawberry.enum_value(
        "manual", description="Only authorize now; you capture the funds later yourself."
    )


@strawberry.enum(description="How a payment method saved during checkout will be charged later.")
class SetupFutureUsage(Enum):
    OFF_SESSION = strawberry.enum_value(
        "off_session", description="Charged while the customer is away, for example for renewals."
    )
    ON_SESSION = strawberry.enum_value(
        "on_session", description="Charged only while the customer is present in your flow."
    )


@strawberry.enum(description="A language and region for the PayPal pages the customer is sent to.")
class PaypalLocale(Enum):
    CS_CZ = strawberry.enum_value("cs-CZ", description="Czech, Czechia.")
    DA_DK = strawberry.enum_value("da-DK", description="Danish, Denmark.")
    DE_AT = strawberry.enum_value("de-AT", description="German, Austria.")
    DE_DE = strawberry.enum_value("de-DE", description="German, Germany.")
    DE_LU = strawberry.enum_value("de-LU", description="German, Luxembourg.")
    EL_GR = strawberry.enum_value("el-GR", description="Greek, Greece.")
    EN_GB = strawberry.enum_value("en-GB", description="English, United Kingdom.")
    EN_US = strawberry.enum_value("en-US", description="English, United States.")
    ES_ES = strawberry.enum_value("es-ES", description="Spanish, Spain.")
    FI_FI = strawberry.enum_value("fi-FI", description="Finnish, Finland.")
    FR_BE = strawberry.enum_value("fr-BE", description="French, Belgium.")
    FR_FR = strawberry.enum_value("fr-FR", description="French, France.")
    FR_LU = strawberry.enum_value("fr-LU", description="French, Luxembourg.")
    HU_HU = strawberry.enum_value("hu-HU", description="Hungarian, Hungary.")
    IT_IT = strawberry.enum_value("it-IT", description="Italian, Italy.")
    NL_BE = strawberry.enum_value("nl-BE", description="Dutch, Belgium.")
    NL_NL = strawberry.enum_value("nl-NL", description="Dutch, Netherlands.")
    PL_PL = strawberry.enum_value("pl-PL", description="Polish, Poland.")
    PT_PT = strawberry.enum_value("pt-PT", description="Portuguese, Portugal.")
    SK_SK = strawberry.enum_value("sk-SK", description="Slovak, Slovakia.")
    SV_SE = strawberry.enum_value("sv-SE", description="Swedish, Sweden.")


@strawberry.enum(description="The kind of client the customer pays with WeChat Pay from.")
class WechatPayClient(Enum):
    ANDROID = strawberry.enum_value("android", description="An Android app.")
    IOS = strawberry.enum_value("ios", description="An iOS app.")
    WEB = strawberry.enum_value("web", description="A web browser.")


@strawberry.enum(description="The unit of time of a delivery estimate.")
class DeliveryEstimateUnit(Enum):
    BUSINESS_DAY = strawberry.enum_value("business_day", description="Business days.")
    DAY = strawberry.enum_value("day", description="Calendar days.")
    HOUR = strawberry.enum_value("hour", description="Hours.")
    MONTH = strawberry.enum_value("month", description="Months.")
    WEEK = strawberry.enum_value("week", description="Weeks.")


@strawberry.enum(description="How a shipping rate's price is worked out.")
class ShippingRateType(Enum):
    FIXED_AMOUNT = strawberry.enum_value("fixed_amount", description="A fixed amount per order.")


@strawberry.enum(
    description="How proration and discount amounts appear on invoices and invoice items."
)
class ProrationDiscounts(Enum):
    INCLUDED = strawberry.enum_value(
        "included", description="Discounts are folded into the prorated amounts."
    )
    ITEMIZED = strawberry.enum_value(
        "itemized", description="Discounts are listed separately from the prorated amounts."
    )


@strawberry.enum(description="How a subscription calculates prorations and invoices.")
class BillingModeType(Enum):
    CLASSIC = strawberry.enum_value("classic", description="The original billing behaviour.")
    FLEXIBLE = strawberry.enum_value(
        "flexible",
        description="The newer behaviour with more precise proration and discount handling.",
    )


@strawberry.enum(description="Whether changes to a subscription produce prorations.")
class ProrationBehavior(Enum):
    CREATE_PRORATIONS = strawberry.enum_value(
        "create_prorations", description="Create proration items for partial periods."
    )
    NONE = strawberry.enum_value("none", description="Do not prorate.")


@strawberry.enum(
    description="What happens when a free trial ends and no payment method is on file."
)
class TrialMissingPaymentMethodBehavior(Enum):
    CANCEL = strawberry.enum_value("cancel", description="Cancel the subscription.")
    CREATE_INVOICE = strawberry.enum_value(
        "create_invoice",
        description="Keep the subscription and raise an invoice for the customer to pay.",
    )
    PAUSE = strawberry.enum_value(
        "pause", description="Pause the subscription until a payment method is added."
    )

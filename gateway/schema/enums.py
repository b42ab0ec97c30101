"""Enumerations shared by the output and input types: each value is the string Stripe uses."""

from enum import Enum

import strawberry


@strawberry.enum(description="What a Checkout Session does when the customer completes it.")
class CheckoutMode(Enum):
    PAYMENT = strawberry.enum_value("payment", description="Take a one-time payment.")
    SETUP = strawberry.enum_value(
        "setup", description="Save a payment method for later charges without charging now."
    )
    SUBSCRIPTION = strawberry.enum_value(
        "subscription", description="Start a subscription with recurring charges."
    )


@strawberry.enum(description="Where a Checkout Session is in its lifecycle.")
class CheckoutSessionStatus(Enum):
    COMPLETE = strawberry.enum_value(
        "complete", description="The customer finished checkout; payment may still be processing."
    )
    EXPIRED = strawberry.enum_value(
        "expired", description="The session expired or was expired and can no longer be used."
    )
    OPEN = strawberry.enum_value(
        "open", description="The session is waiting for the customer to finish checkout."
    )


@strawberry.enum(
    description="Whether the money for a Checkout Session has arrived, so you know when to fulfil."
)
class CheckoutSessionPaymentStatus(Enum):
    NO_PAYMENT_REQUIRED = strawberry.enum_value(
        "no_payment_required",
        description="Nothing is owed now, for example a free trial or setup mode.",
    )
    PAID = strawberry.enum_value(
        "paid", description="The funds are available and you can fulfil the order."
    )
    UNPAID = strawberry.enum_value("unpaid", description="The funds have not arrived yet.")


@strawberry.enum(description="How the checkout page is shown to the customer.")
class CheckoutUiMode(Enum):
    CUSTOM = strawberry.enum_value(
        "custom", description="Your own page built with Stripe Elements renders the checkout."
    )
    EMBEDDED = strawberry.enum_value(
        "embedded", description="Stripe renders the checkout form inside your website."
    )
    HOSTED = strawberry.enum_value(
        "hosted", description="The customer is sent to a checkout page hosted by Stripe."
    )


@strawberry.enum(description="The language the checkout page is shown in.")
class CheckoutLocale(Enum):
    AUTO = strawberry.enum_value(
        "auto", description="Follow the language of the customer's browser."
    )
    BG = strawberry.enum_value("bg", description="Bulgarian.")
    CS = strawberry.enum_value("cs", description="Czech.")
    DA = strawberry.enum_value("da", description="Danish.")
    DE = strawberry.enum_value("de", description="German.")
    EL = strawberry.enum_value("el", description="Greek.")
    EN = strawberry.enum_value("en", description="English.")
    EN_GB = strawberry.enum_value("en-GB", description="English as written in the United Kingdom.")
    ES = strawberry.enum_value("es", description="Spanish.")
    ES_419 = strawberry.enum_value("es-419", description="Spanish as written in Latin America.")
    ET = strawberry.enum_value("et", description="Estonian.")
    FI = strawberry.enum_value("fi", description="Finnish.")
    FIL = strawberry.enum_value("fil", description="Filipino.")
    FR = strawberry.enum_value("fr", description="French.")
    FR_CA = strawberry.enum_value("fr-CA", description="French as written in Canada.")
    HR = strawberry.enum_value("hr", description="Croatian.")
    HU = strawberry.enum_value("hu", description="Hungarian.")
    ID = strawberry.enum_value("id", description="Indonesian.")
    IT = strawberry.enum_value("it", description="Italian.")
    JA = strawberry.enum_value("ja", description="Japanese.")
    KO = strawberry.enum_value("ko", description="Korean.")
    LT = strawberry.enum_value("lt", description="Lithuanian.")
    LV = strawberry.enum_value("lv", description="Latvian.")
    MS = strawberry.enum_value("ms", description="Malay.")
    MT = strawberry.enum_value("mt", description="Maltese.")
    NB = strawberry.enum_value("nb", description="Norwegian Bokmål.")
    NL = strawberry.enum_value("nl", description="Dutch.")
    PL = strawberry.enum_value("pl", description="Polish.")
    PT = strawberry.enum_value("pt", description="Portuguese.")
    PT_BR = strawberry.enum_value("pt-BR", description="Portuguese as written in Brazil.")
    RO = strawberry.enum_value("ro", description="Romanian.")
    RU = strawberry.enum_value("ru", description="Russian.")
    SK = strawberry.enum_value("sk", description="Slovak.")
    SL = strawberry.enum_value("sl", description="Slovenian.")
    SV = strawberry.enum_value("sv", description="Swedish.")
    TH = strawberry.enum_value("th", description="Thai.")
    TR = strawberry.enum_value("tr", description="Turkish.")
    VI = strawberry.enum_value("vi", description="Vietnamese.")
    ZH = strawberry.enum_value("zh", description="Chinese in simplified characters.")
    ZH_HK = strawberry.enum_value("zh-HK", description="Chinese as written in Hong Kong.")
    ZH_TW = strawberry.enum_value(
        "zh-TW", description="Chinese in traditional characters as written in Taiwan."
    )


@strawberry.enum(
    description="The wording on the checkout submit button, chosen to match the kind of purchase."
)
class SubmitType(Enum):
    AUTO = strawberry.enum_value(
        "auto", description="Let Stripe pick the wording; this shows as pay."
    )
    BOOK = strawberry.enum_value(
        "book", description="Label the button for booking something, such as a reservation."
    )
    DONATE = strawberry.enum_value("donate", description="Label the button for making a donation.")
    PAY = strawberry.enum_value("pay", description="Label the button for a plain payment.")
    SUBSCRIBE = strawberry.enum_value(
        "subscribe", description="Label the button for starting a subscription."
    )


@strawberry.enum(description="How much of a billing address the checkout page asks for.")
class BillingAddressCollection(Enum):
    AUTO = strawberry.enum_value(
        "auto",
        description="Ask for a billing address only when it is needed, for example for taxes.",
    )
    REQUIRED = strawberry.enum_value(
        "required", description="Always ask the customer for a full billing address."
    )


@strawberry.enum(
    description="Whether something happens on every session or only when the session needs it."
)
class AlwaysOrIfRequired(Enum):
    ALWAYS = strawberry.enum_value("always", description="Do it on every session.")
    IF_REQUIRED = strawberry.enum_value(
        "if_required", description="Do it only when the session needs it."
    )


@strawberry.enum(
    description="When an embedded checkout sends the customer to your return URL after they finish."
)
class RedirectOnCompletion(Enum):
    ALWAYS = strawberry.enum_value("always", description="Always redirect to the return URL.")
    IF_REQUIRED = strawberry.enum_value(
        "if_required", description="Redirect only when the chosen payment method needs it."
    )
    NEVER = strawberry.enum_value(
        "never", description="Never redirect; the customer stays on your page."
    )


@strawberry.enum(
    description="Where the customer opened checkout from, which shapes how the page is optimised."
)
class OriginContext(Enum):
    MOBILE_APP = strawberry.enum_value(
        "mobile_app", description="The customer came from a mobile app."
    )
    WEB = strawberry.enum_value("web", description="The customer came from a website.")


@strawberry.enum(description="Whether Stripe Tax managed to calculate tax for the session.")
class AutomaticTaxStatus(Enum):
    COMPLETE = strawberry.enum_value("complete", description="Tax was calculated.")
    FAILED = strawberry.enum_value("failed", description="Tax calculation failed; try again later.")
    REQUIRES_LOCATION_INPUTS = strawberry.enum_value(
        "requires_location_inputs",
        description="Tax cannot be calculated until the customer gives a usable address.",
    )


@strawberry.enum(description="Whether a setting points at your own account or at another account.")
class AccountReferenceType(Enum):
    ACCOUNT = strawberry.enum_value(
        "account", description="Another account, named in the accompanying account field."
    )
    SELF = strawberry.enum_value(
        "self", description="Your own account, the one making the API request."
    )


@strawberry.enum(description="The corner style of buttons and fields on the checkout page.")
class BrandingBorderStyle(Enum):
    PILL = strawberry.enum_value("pill", description="Fully rounded, pill-shaped corners.")
    RECTANGULAR = strawberry.enum_value("rectangular", description="Square corners.")
    ROUNDED = strawberry.enum_value("rounded", description="Slightly rounded corners.")


@strawberry.enum(description="Where a branding image comes from.")
class BrandingImageType(Enum):
    FILE = strawberry.enum_value("file", description="An image uploaded to Stripe as a file.")
    URL = strawberry.enum_value("url", description="An image at a public URL.")


@strawberry.enum(description="The customer's answer to receiving promotional messages.")
class PromotionsConsentStatus(Enum):
    OPT_IN = strawberry.enum_value(
        "opt_in", description="The customer agreed to receive promotions."
    )
    OPT_OUT = strawberry.enum_value("opt_out", description="The customer declined promotions.")


@strawberry.enum(description="The customer's answer to your terms of service.")
class TermsOfServiceConsentStatus(Enum):
    ACCEPTED = strawberry.enum_value(
        "accepted", description="The customer accepted your terms of service."
    )


@strawberry.enum(
    description="Whether checkout shows its notice about saving the payment method for future use."
)
class ReuseAgreementPosition(Enum):
    AUTO = strawberry.enum_value(
        "auto", description="Let Stripe decide whether to show the notice."
    )
    HIDDEN = strawberry.enum_value(
        "hidden", description="Hide the notice; you show your own wording instead."
    )


@strawberry.enum(description="Whether checkout asks the customer to agree to promotional messages.")
class PromotionsConsent(Enum):
    AUTO = strawberry.enum_value("auto", description="Ask where local rules require it.")
    NONE = strawberry.enum_value("none", description="Do not ask.")


@strawberry.enum(description="Whether checkout makes the customer accept your terms of service.")
class TermsOfServiceConsent(Enum):
    NONE = strawberry.enum_value("none", description="Do not ask for acceptance.")
    REQUIRED = strawberry.enum_value(
        "required", description="The customer must accept before paying."
    )


@strawberry.enum(description="The kind of input a custom checkout field shows.")
class CustomFieldType(Enum):
    DROPDOWN = strawberry.enum_value("dropdown", description="A list of options to pick one from.")
    NUMERIC = strawberry.enum_value("numeric", description="A box that accepts digits only.")
    TEXT = strawberry.enum_value("text", description="A box for free text.")


@strawberry.enum(description="Where the label of a custom field comes from.")
class CustomFieldLabelType(Enum):
    CUSTOM = strawberry.enum_value("custom", description="The label is text you supplied.")


@strawberry.enum(description="The customer's tax exemption, which changes how tax is charged.")
class TaxExemptStatus(Enum):
    EXEMPT = strawberry.enum_value("exempt", description="The customer does not pay tax.")
    NONE = strawberry.enum_value("none", description="The customer pays tax as usual.")
    REVERSE = strawberry.enum_value(
        "reverse", description="The customer accounts for tax themselves through a reverse charge."
    )


@strawberry.enum(description="The country and kind of a tax identification number.")
class TaxIdType(Enum):
    AD_NRT = strawberry.enum_value("ad_nrt", description="Andorran tax register number (NRT).")
    AE_TRN = strawberry.enum_value(
        "ae_trn", description="United Arab Emirates tax registration number (TRN)."
    )
    AL_TIN = strawberry.enum_value(
        "al_tin", description="Albanian taxpayer identification number (NIPT)."
    )
    AM_TIN = strawberry.enum_value("am_tin", description="Armenian taxpayer identification number.")
    AO_TIN = strawberry.enum_value(
        "ao_tin", description="Angolan taxpayer identification number (NIF)."
    )
    AR_CUIT = strawberry.enum_value("ar_cuit", description="Argentinian tax code (CUIT).")
    AU_ABN = strawberry.enum_value("au_abn", description="Australian Business Number (ABN).")
    AU_ARN = strawberry.enum_value(
        "au_arn", description="Australian Taxation Office reference number (ARN)."
    )
    AW_TIN = strawberry.enum_value(
        "aw_tin", description="Aruban taxpayer identification number (persoonsnummer)."
    )
    AZ_TIN = strawberry.enum_value(
        "az_tin", description="Azerbaijani taxpayer identification number (VÖEN)."
    )
    BA_TIN = strawberry.enum_value(
        "ba_tin", description="Bosnia and Herzegovina taxpayer identification number."
    )
    BB_TIN = strawberry.enum_value(
        "bb_tin", description="Barbadian taxpayer identification number."
    )
    BD_BIN = strawberry.enum_value(
        "bd_bin", description="Bangladeshi business identification number (BIN)."
    )
    BF_IFU = strawberry.enum_value(
        "bf_ifu", description="Burkinabè unique financial identifier (IFU)."
    )
    BG_UIC = strawberry.enum_value(
        "bg_uic", description="Bulgarian unified identification code (UIC)."
    )
    BH_VAT = strawberry.enum_value("bh_vat", description="Bahraini VAT registration number.")
    BJ_IFU = strawberry.enum_value("bj_ifu", description="Beninese unique fiscal identifier (IFU).")
    BO_TIN = strawberry.enum_value(
        "bo_tin", description="Bolivian taxpayer identification number (NIT)."
    )
    BR_CNPJ = strawberry.enum_value(
        "br_cnpj", description="Brazilian company registration number (CNPJ)."
    )
    BR_CPF = strawberry.enum_value(
        "br_cpf", description="Brazilian individual taxpayer number (CPF)."
    )
    BS_TIN = strawberry.enum_value("bs_tin", description="Bahamian taxpayer identification number.")
    BY_TIN = strawberry.enum_value(
        "by_tin", description="Belarusian taxpayer identification number (UNP)."
    )
    CA_BN = strawberry.enum_value("ca_bn", description="Canadian Business Number (BN).")
    CA_GST_HST = strawberry.enum_value(
        "ca_gst_hst", description="Canadian GST or HST registration number."
    )
    CA_PST_BC = strawberry.enum_value(
        "ca_pst_bc", description="British Columbia provincial sales tax number."
    )
    CA_PST_MB = strawberry.enum_value(
        "ca_pst_mb", description="Manitoba provincial sales tax number."
    )
    CA_PST_SK = strawberry.enum_value(
        "ca_pst_sk", description="Saskatchewan provincial sales tax number."
    )
    CA_QST = strawberry.enum_value("ca_qst", description="Quebec sales tax (QST) number.")
    CD_NIF = strawberry.enum_value(
        "cd_nif", description="Congolese (DRC) tax identification number (NIF)."
    )
    CH_UID = strawberry.enum_value(
        "ch_uid", description="Swiss business identification number (UID)."
    )
    CH_VAT = strawberry.enum_value("ch_vat", description="Swiss VAT number.")
    CL_TIN = strawberry.enum_value("cl_tin", description="Chilean taxpayer number (RUT).")
    CM_NIU = strawberry.enum_value(
        "cm_niu", description="Cameroonian unique taxpayer number (NIU)."
    )
    CN_TIN = strawberry.enum_value("cn_tin", description="Chinese unified social credit code.")
    CO_NIT = strawberry.enum_value(
        "co_nit", description="Colombian tax identification number (NIT)."
    )
    CR_TIN = strawberry.enum_value(
        "cr_tin", description="Costa Rican taxpayer identification number."
    )
    CV_NIF = strawberry.enum_value(
        "cv_nif", description="Cape Verdean tax identification number (NIF)."
    )
    DE_STN = strawberry.enum_value("de_stn", description="German tax number (Steuernummer).")
    DO_RCN = strawberry.enum_value(
        "do_rcn", description="Dominican Republic taxpayer registry number (RNC)."
    )
    EC_RUC = strawberry.enum_value(
        "ec_ruc", description="Ecuadorian taxpayer registry number (RUC)."
    )
    EG_TIN = strawberry.enum_value("eg_tin", description="Egyptian tax registration number.")
    ES_CIF = strawberry.enum_value("es_cif", description="Spanish company tax code (CIF).")
    ET_TIN = strawberry.enum_value(
        "et_tin", description="Ethiopian taxpayer identification number."
    )
    EU_OSS_VAT = strawberry.enum_value(
        "eu_oss_vat", description="European Union One-Stop Shop VAT number for non-Union sellers."
    )
    EU_VAT = strawberry.enum_value("eu_vat", description="European Union VAT number.")
    GB_VAT = strawberry.enum_value("gb_vat", description="United Kingdom VAT number.")
    GE_VAT = strawberry.enum_value("ge_vat", description="Georgian VAT number.")
    GN_NIF = strawberry.enum_value("gn_nif", description="Guinean tax identification number (NIF).")
    HK_BR = strawberry.enum_value("hk_br", description="Hong Kong business registration number.")
    HR_OIB = strawberry.enum_value(
        "hr_oib", description="Croatian personal identification number (OIB)."
    )
    HU_TIN = strawberry.enum_value("hu_tin", description="Hungarian tax number (adószám).")
    ID_NPWP = strawberry.enum_value("id_npwp", description="Indonesian taxpayer number (NPWP).")
    IL_VAT = strawberry.enum_value("il_vat", description="Israeli VAT number.")
    IN_GST = strawberry.enum_value(
        "in_gst", description="Indian GST identification number (GSTIN)."
    )
    IS_VAT = strawberry.enum_value("is_vat", description="Icelandic VAT number.")
    JP_CN = strawberry.enum_value("jp_cn", description="Japanese corporate number (Hōjin Bangō).")
    JP_RN = strawberry.enum_value(
        "jp_rn", description="Japanese registered foreign business number."
    )
    JP_TRN = strawberry.enum_value(
        "jp_trn", description="Japanese tax registration number for qualified invoices."
    )
    KE_PIN = strawberry.enum_value(
        "ke_pin", description="Kenyan personal identification number (KRA PIN)."
    )
    KG_TIN = strawberry.enum_value("kg_tin", description="Kyrgyz taxpayer identification number.")
    KH_TIN = strawberry.enum_value(
        "kh_tin", description="Cambodian taxpayer identification number."
    )
    KR_BRN = strawberry.enum_value(
        "kr_brn", description="South Korean business registration number."
    )
    KZ_BIN = strawberry.enum_value(
        "kz_bin", description="Kazakh business identification number (BIN)."
    )
    LA_TIN = strawberry.enum_value("la_tin", description="Lao taxpayer identification number.")
    LI_UID = strawberry.enum_value(
        "li_uid", description="Liechtenstein business identification number (UID)."
    )
    LI_VAT = strawberry.enum_value("li_vat", description="Liechtenstein VAT number.")
    LK_VAT = strawberry.enum_value("lk_vat", description="Sri Lankan VAT number.")
    MA_VAT = strawberry.enum_value("ma_vat", description="Moroccan VAT number.")
    MD_VAT = strawberry.enum_value("md_vat", description="Moldovan VAT number.")
    ME_PIB = strawberry.enum_value(
        "me_pib", description="Montenegrin tax identification number (PIB)."
    )
    MK_VAT = strawberry.enum_value("mk_vat", description="North Macedonian VAT number.")
    MR_NIF = strawberry.enum_value(
        "mr_nif", description="Mauritanian tax identification number (NIF)."
    )
    MX_RFC = strawberry.enum_value(
        "mx_rfc", description="Mexican federal taxpayer registry code (RFC)."
    )
    MY_FRP = strawberry.enum_value("my_frp", description="Malaysian FRP number.")
    MY_ITN = strawberry.enum_value("my_itn", description="Malaysian income tax number.")
    MY_SST = strawberry.enum_value(
        "my_sst", description="Malaysian sales and service tax (SST) number."
    )
    NG_TIN = strawberry.enum_value("ng_tin", description="Nigerian taxpayer identification number.")
    NO_VAT = strawberry.enum_value("no_vat", description="Norwegian VAT number.")
    NO_VOEC = strawberry.enum_value(
        "no_voec", description="Norwegian VAT on e-commerce (VOEC) number."
    )
    NP_PAN = strawberry.enum_value("np_pan", description="Nepalese permanent account number (PAN).")
    NZ_GST = strawberry.enum_value("nz_gst", description="New Zealand GST number.")
    OM_VAT = strawberry.enum_value("om_vat", description="Omani VAT number.")
    PE_RUC = strawberry.enum_value("pe_ruc", description="Peruvian taxpayer registry number (RUC).")
    PH_TIN = strawberry.enum_value(
        "ph_tin", description="Philippine taxpayer identification number."
    )
    PL_NIP = strawberry.enum_value("pl_nip", description="Polish tax identification number (NIP).")
    RO_TIN = strawberry.enum_value("ro_tin", description="Romanian tax identification number.")
    RS_PIB = strawberry.enum_value("rs_pib", description="Serbian tax identification number (PIB).")
    RU_INN = strawberry.enum_value(
        "ru_inn", description="Russian taxpayer identification number (INN)."
    )
    RU_KPP = strawberry.enum_value(
        "ru_kpp", description="Russian tax registration reason code (KPP)."
    )
    SA_VAT = strawberry.enum_value("sa_vat", description="Saudi Arabian VAT number.")
    SG_GST = strawberry.enum_value("sg_gst", description="Singaporean GST registration number.")
    SG_UEN = strawberry.enum_value("sg_uen", description="Singaporean unique entity number (UEN).")
    SI_TIN = strawberry.enum_value("si_tin", description="Slovenian tax number.")
    SN_NINEA = strawberry.enum_value(
        "sn_ninea", description="Senegalese business and tax identification number (NINEA)."
    )
    SR_FIN = strawberry.enum_value(
        "sr_fin", description="Surinamese fiscal identification number (FIN)."
    )
    SV_NIT = strawberry.enum_value(
        "sv_nit", description="Salvadoran tax identification number (NIT)."
    )
    TH_VAT = strawberry.enum_value("th_vat", description="Thai VAT number.")
    TJ_TIN = strawberry.enum_value("tj_tin", description="Tajik taxpayer identification number.")
    TR_TIN = strawberry.enum_value("tr_tin", description="Turkish tax identification number.")
    TW_VAT = strawberry.enum_value(
        "tw_vat", description="Taiwanese VAT number (unified business number)."
    )
    TZ_VAT = strawberry.enum_value("tz_vat", description="Tanzanian VAT number.")
    UA_VAT = strawberry.enum_value("ua_vat", description="Ukrainian VAT number.")
    UG_TIN = strawberry.enum_value("ug_tin", description="Ugandan taxpayer identification number.")
    UNKNOWN = strawberry.enum_value(
        "unknown", description="A tax ID whose kind Stripe could not determine."
    )
    US_EIN = strawberry.enum_value(
        "us_ein", description="United States employer identification number (EIN)."
    )
    UY_RUC = strawberry.enum_value(
        "uy_ruc", description="Uruguayan taxpayer registry number (RUC)."
    )
    UZ_TIN = strawberry.enum_value("uz_tin", description="Uzbek taxpayer identification number.")
    UZ_VAT = strawberry.enum_value("uz_vat", description="Uzbek VAT registration number.")
    VE_RIF = strawberry.enum_value(
        "ve_rif", description="Venezuelan fiscal information registry number (RIF)."
    )
    VN_TIN = strawberry.enum_value("vn_tin", description="Vietnamese tax code.")
    ZA_VAT = strawberry.enum_value("za_vat", description="South African VAT number.")
    ZM_TIN = strawberry.enum_value("zm_tin", description="Zambian taxpayer identification number.")
    ZW_TIN = strawberry.enum_value(
        "zw_tin", description="Zimbabwean taxpayer identification number."
    )


@strawberry.enum(description="How a payment method saved during checkout may be charged later.")
class PaymentMethodSetupFutureUsage(Enum):
    NONE = strawberry.enum_value(
        "none", description="Do not save the payment method for future use."
    )
    OFF_SESSION = strawberry.enum_value(
        "off_session", description="Save it for charges made while the customer is not present."
    )
    ON_SESSION = strawberry.enum_value(
        "on_session", description="Save it for charges made while the customer is present."
    )


@strawberry.enum(
    description="How a payment method that supports only off-session reuse may be saved."
)
class OffSessionSetupFutureUsage(Enum):
    NONE = strawberry.enum_value(
        "none", description="Do not save the payment method for future use."
    )
    OFF_SESSION = strawberry.enum_value(
        "off_session", description="Save it for charges made while the customer is not present."
    )


@strawberry.enum(
    description="Future-usage setting for payment methods that can never be saved for later."
)
class NoSetupFutureUsage(Enum):
    NONE = strawberry.enum_value(
        "none", description="The payment method is not saved for future use."
    )


@strawberry.enum(
    description="How funds are captured for a payment method that supports separate authorisation."
)
class ManualCaptureMethod(Enum):
    MANUAL = strawberry.enum_value(
        "manual", description="Funds are authorised at checkout and captured later by you."
    )


@strawberry.enum(description="The currency of a Canadian pre-authorised debit.")
class AcssDebitCurrency(Enum):
    CAD = strawberry.enum_value("cad", description="Canadian dollars.")
    USD = strawberry.enum_value("usd", description="US dollars.")


@strawberry.enum(description="Which future charges a debit mandate covers by default.")
class MandateDefaultFor(Enum):
    INVOICE = strawberry.enum_value("invoice", description="Invoice payments.")
    SUBSCRIPTION = strawberry.enum_value("subscription", description="Subscription payments.")


@strawberry.enum(description="When charges under a Canadian debit mandate are made.")
class AcssDebitPaymentSchedule(Enum):
    COMBINED = strawberry.enum_value(
        "combined", description="Both on a fixed interval and as needed."
    )
    INTERVAL = strawberry.enum_value("interval", description="On a fixed interval.")
    SPORADIC = strawberry.enum_value("sporadic", description="As needed, at irregular times.")


@strawberry.enum(description="Whether a Canadian debit mandate is with a business or a person.")
class AcssDebitTransactionType(Enum):
    BUSINESS = strawberry.enum_value("business", description="The account holder is a business.")
    PERSONAL = strawberry.enum_value("personal", description="The account holder is a person.")


@strawberry.enum(description="How a Canadian bank account is verified before it is debited.")
class AcssDebitVerificationMethod(Enum):
    AUTOMATIC = strawberry.enum_value(
        "automatic", description="Verify instantly where possible, otherwise with microdeposits."
    )
    INSTANT = strawberry.enum_value("instant", description="Verify only by logging in to the bank.")
    MICRODEPOSITS = strawberry.enum_value(
        "microdeposits", description="Verify only with small test deposits."
    )


@strawberry.enum(description="How a US bank account is verified before it is debited.")
class UsBankAccountVerificationMethod(Enum):
    AUTOMATIC = strawberry.enum_value(
        "automatic", description="Verify instantly where possible, otherwise with microdeposits."
    )
    INSTANT = strawberry.enum_value("instant", description="Verify only by logging in to the bank.")


@strawberry.enum(description="A card network, for example one that checkout should refuse.")
class CardBrand(Enum):
    AMERICAN_EXPRESS = strawberry.enum_value("american_express", description="American Express.")
    DISCOVER_GLOBAL_NETWORK = strawberry.enum_value(
        "discover_global_network",
        description="Discover Global Network, including Discover and Diners Club.",
    )
    MASTERCARD = strawberry.enum_value("mastercard", description="Mastercard.")
    VISA = strawberry.enum_value("visa", description="Visa.")


@strawberry.enum(description="Whether to ask for an optional card feature on the payment.")
class CardRequestOption(Enum):
    IF_AVAILABLE = strawberry.enum_value(
        "if_available", description="Use the feature when the card supports it."
    )
    NEVER = strawberry.enum_value("never", description="Do not use the feature.")


@strawberry.enum(description="When to ask the card holder to authenticate with 3D Secure.")
class ThreeDSecureRequest(Enum):
    ANY = strawberry.enum_value(
        "any", description="Authenticate whenever 3D Secure is available for the card."
    )
    AUTOMATIC = strawberry.enum_value(
        "automatic",
        description="Authenticate only when Stripe's risk checks or regulations call for it.",
    )
    CHALLENGE = strawberry.enum_value(
        "challenge", description="Always ask the card holder to complete a challenge."
    )


@strawberry.enum(description="The country of the bank account that receives a euro bank transfer.")
class EuBankTransferCountry(Enum):
    BE = strawberry.enum_value("BE", description="Belgium.")
    DE = strawberry.enum_value("DE", description="Germany.")
    ES = strawberry.enum_value("ES", description="Spain.")
    FR = strawberry.enum_value("FR", description="France.")
    IE = strawberry.enum_value("IE", description="Ireland.")
    NL = strawberry.enum_value("NL", description="Netherlands.")


@strawberry.enum(description="A kind of bank account detail a customer can use to send a transfer.")
class BankTransferAddressType(Enum):
    ABA = strawberry.enum_value("aba", description="A US routing and account number.")
    IBAN = strawberry.enum_value("iban", description="An international bank account number.")
    SEPA = strawberry.enum_value("sepa", description="Details for a transfer within the SEPA area.")
    SORT_CODE = strawberry.enum_value("sort_code", description="A UK sort code and account number.")
    SPEI = strawberry.enum_value("spei", description="A Mexican CLABE for SPEI transfers.")
    SWIFT = strawberry.enum_value(
        "swift", description="A SWIFT code and account number for international wires."
    )
    ZENGIN = strawberry.enum_value("zengin", description="Japanese Zengin bank details.")


@strawberry.enum(description="The regional bank transfer network a customer pays through.")
class BankTransferType(Enum):
    EU_BANK_TRANSFER = strawberry.enum_value(
        "eu_bank_transfer", description="A transfer in euros within Europe."
    )
    GB_BANK_TRANSFER = strawberry.enum_value(
        "gb_bank_transfer", description="A transfer in pounds within the United Kingdom."
    )
    JP_BANK_TRANSFER = strawberry.enum_value(
        "jp_bank_transfer", description="A transfer in yen within Japan."
    )
    MX_BANK_TRANSFER = strawberry.enum_value(
        "mx_bank_transfer", description="A transfer in pesos within Mexico."
    )
    US_BANK_TRANSFER = strawberry.enum_value(
        "us_bank_transfer", description="A transfer in dollars within the United States."
    )


@strawberry.enum(description="How a customer balance payment is funded.")
class CustomerBalanceFundingType(Enum):
    BANK_TRANSFER = strawberry.enum_value(
        "bank_transfer", description="The customer sends a bank transfer."
    )


@strawberry.enum(description="How the amount in a PayTo mandate limits each charge.")
class PaytoAmountType(Enum):
    FIXED = strawberry.enum_value("fixed", description="Every charge is exactly the amount.")
    MAXIMUM = strawberry.enum_value("maximum", description="Each charge may be up to the amount.")


@strawberry.enum(description="How often charges under a PayTo mandate may be made.")
class PaytoPaymentSchedule(Enum):
    ADHOC = strawberry.enum_value("adhoc", description="At any time, with no fixed schedule.")
    ANNUAL = strawberry.enum_value("annual", description="Once a year.")
    DAILY = strawberry.enum_value("daily", description="Once a day.")
    FORTNIGHTLY = strawberry.enum_value("fortnightly", description="Once every two weeks.")
    MONTHLY = strawberry.enum_value("monthly", description="Once a month.")
    QUARTERLY = strawberry.enum_value("quarterly", description="Once every three months.")
    SEMI_ANNUAL = strawberry.enum_value("semi_annual", description="Twice a year.")
    WEEKLY = strawberry.enum_value("weekly", description="Once a week.")


@strawberry.enum(description="What a PayTo mandate pays for, as shown to the account holder.")
class PaytoPurpose(Enum):
    DEPENDANT_SUPPORT = strawberry.enum_value(
        "dependant_support", description="Support for a dependant."
    )
    GOVERNMENT = strawberry.enum_value("government", description="A payment to government.")
    LOAN = strawberry.enum_value("loan", description="Loan repayments.")
    MORTGAGE = strawberry.enum_value("mortgage", description="Mortgage repayments.")
    OTHER = strawberry.enum_value(
        "other", description="Something not covered by the other purposes."
    )
    PENSION = strawberry.enum_value("pension", description="Pension payments.")
    PERSONAL = strawberry.enum_value("personal", description="Personal payments.")
    RETAIL = strawberry.enum_value("retail", description="Purchases from a shop.")
    SALARY = strawberry.enum_value("salary", description="Salary payments.")
    TAX = strawberry.enum_value("tax", description="Tax payments.")
    UTILITY = strawberry.enum_value("utility", description="Utility bills.")


@strawberry.enum(description="Whether a Pix payment amount already includes Brazilian IOF tax.")
class PixIofInclusion(Enum):
    ALWAYS = strawberry.enum_value("always", description="The amount includes IOF.")
    NEVER = strawberry.enum_value("never", description="IOF is added on top of the amount.")


@strawberry.enum(description="A kind of bank account a customer may link.")
class FinancialConnectionsAccountSubcategory(Enum):
    CHECKING = strawberry.enum_value("checking", description="A checking account.")
    SAVINGS = strawberry.enum_value("savings", description="A savings account.")


@strawberry.enum(description="Data about a linked bank account that you ask the customer to share.")
class FinancialConnectionsPermission(Enum):
    BALANCES = strawberry.enum_value("balances", description="Account balances.")
    OWNERSHIP = strawberry.enum_value("ownership", description="Who owns the account.")
    PAYMENT_METHOD = strawberry.enum_value(
        "payment_method", description="Details needed to debit the account."
    )
    TRANSACTIONS = strawberry.enum_value("transactions", description="Past transactions.")


@strawberry.enum(description="Bank account data fetched as soon as the customer links the account.")
class FinancialConnectionsPrefetch(Enum):
    BALANCES = strawberry.enum_value("balances", description="Account balances.")
    OWNERSHIP = strawberry.enum_value("ownership", description="Who owns the account.")
    TRANSACTIONS = strawberry.enum_value("transactions", description="Past transactions.")


@strawberry.enum(description="Who may change the shipping details of a session while it is open.")
class ShippingDetailsUpdatePermission(Enum):
    CLIENT_ONLY = strawberry.enum_value(
        "client_only", description="Only the browser, through Stripe.js."
    )
    SERVER_ONLY = strawberry.enum_value(
        "server_only", description="Only your server, through the API."
    )


@strawberry.enum(description="When a saved payment method may be shown to the customer again.")
class AllowRedisplay(Enum):
    ALWAYS = strawberry.enum_value("always", description="It can always be shown.")
    LIMITED = strawberry.enum_value(
        "limited", description="It can be shown only in limited situations."
    )
    UNSPECIFIED = strawberry.enum_value(
        "unspecified", description="No preference was recorded when it was saved."
    )


@strawberry.enum(description="Whether an option for saved payment methods is turned on.")
class SavedPaymentMethodSetting(Enum):
    DISABLED = strawberry.enum_value("disabled", description="The option is off.")
    ENABLED = strawberry.enum_value("enabled", description="The option is on.")


@strawberry.enum(description="A two-letter ISO 3166-1 country or territory code.")
class CountryCode(Enum):
    AC = strawberry.enum_value("AC", description="Ascension Island.")
    AD = strawberry.enum_value("AD", description="Andorra.")
    AE = strawberry.enum_value("AE", description="United Arab Emirates.")
    AF = strawberry.enum_value("AF", description="Afghanistan.")
    AG = strawberry.enum_value("AG", description="Antigua and Barbuda.")
    AI = strawberry.enum_value("AI", description="Anguilla.")
    AL = strawberry.enum_value("AL", description="Albania.")
    AM = strawberry.enum_value("AM", description="Armenia.")
    AO = strawberry.enum_value("AO", description="Angola.")
    AQ = strawberry.enum_value("AQ", description="Antarctica.")
    AR = strawberry.enum_value("AR", description="Argentina.")
    AT = strawberry.enum_value("AT", description="Austria.")
    AU = strawberry.enum_value("AU", description="Australia.")
    AW = strawberry.enum_value("AW", description="Aruba.")
    AX = strawberry.enum_value("AX", description="Åland Islands.")
    AZ = strawberry.enum_value("AZ", description="Azerbaijan.")
    BA = strawberry.enum_value("BA", description="Bosnia and Herzegovina.")
    BB = strawberry.enum_value("BB", description="Barbados.")
    BD = strawberry.enum_value("BD", description="Bangladesh.")
    BE = strawberry.enum_value("BE", description="Belgium.")
    BF = strawberry.enum_value("BF", description="Burkina Faso.")
    BG = strawberry.enum_value("BG", description="Bulgaria.")
    BH = strawberry.enum_value("BH", description="Bahrain.")
    BI = strawberry.enum_value("BI", description="Burundi.")
    BJ = strawberry.enum_value("BJ", description="Benin.")
    BL = strawberry.enum_value("BL", description="Saint Barthélemy.")
    BM = strawberry.enum_value("BM", description="Bermuda.")
    BN = strawberry.enum_value("BN", description="Brunei.")
    BO = strawberry.enum_value("BO", description="Bolivia.")
    BQ = strawberry.enum_value("BQ", description="Caribbean Netherlands.")
    BR = strawberry.enum_value("BR", description="Brazil.")
    BS = strawberry.enum_value("BS", description="Bahamas.")
    BT = strawberry.enum_value("BT", description="Bhutan.")
    BV = strawberry.enum_value("BV", description="Bouvet Island.")
    BW = strawberry.enum_value("BW", description="Botswana.")
    BY = strawberry.enum_value("BY", description="Belarus.")
    BZ = strawberry.enum_value("BZ", description="Belize.")
    CA = strawberry.enum_value("CA", description="Canada.")
    CD = strawberry.enum_value("CD", description="Democratic Republic of the Congo.")
    CF = strawberry.enum_value("CF", description="Central African Republic.")
    CG = strawberry.enum_value("CG", description="Republic of the Congo.")
    CH = strawberry.enum_value("CH", description="Switzerland.")
    CI = strawberry.enum_value("CI", description="Côte d'Ivoire.")
    CK = strawberry.enum_value("CK", description="Cook Islands.")
    CL = strawberry.enum_value("CL", description="Chile.")
    CM = strawberry.enum_value("CM", description="Cameroon.")
    CN = strawberry.enum_value("CN", description="China.")
    CO = strawberry.enum_value("CO", description="Colombia.")
    CR = strawberry.enum_value("CR", description="Costa Rica.")
    CV = strawberry.enum_value("CV", description="Cabo Verde.")
    CW = strawberry.enum_value("CW", description="Curaçao.")
    CY = strawberry.enum_value("CY", description="Cyprus.")
    CZ = strawberry.enum_value("CZ", description="Czechia.")
    DE = strawberry.enum_value("DE", description="Germany.")
    DJ = strawberry.enum_value("DJ", description="Djibouti.")
    DK = strawberry.enum_value("DK", description="Denmark.")
    DM = strawberry.enum_value("DM", description="Dominica.")
    DO = strawberry.enum_value("DO", description="Dominican Republic.")
    DZ = strawberry.enum_value("DZ", description="Algeria.")
    EC = strawberry.enum_value("EC", description="Ecuador.")
    EE = strawberry.enum_value("EE", description="Estonia.")
    EG = strawberry.enum_value("EG", description="Egypt.")
    EH = strawberry.enum_value("EH", description="Western Sahara.")
    ER = strawberry.enum_value("ER", description="Eritrea.")
    ES = strawberry.enum_value("ES", description="Spain.")
    ET = strawberry.enum_value("ET", description="Ethiopia.")
    FI = strawberry.enum_value("FI", description="Finland.")
    FJ = strawberry.enum_value("FJ", description="Fiji.")
    FK = strawberry.enum_value("FK", description="Falkland Islands.")
    FO = strawberry.enum_value("FO", description="Faroe Islands.")
    FR = strawberry.enum_value("FR", description="France.")
    GA = strawberry.enum_value("GA", description="Gabon.")
    GB = strawberry.enum_value("GB", description="United Kingdom.")
    GD = strawberry.enum_value("GD", description="Grenada.")
    GE = strawberry.enum_value("GE", description="Georgia.")
    GF = strawberry.enum_value("GF", description="French Guiana.")
    GG = strawberry.enum_value("GG", description="Guernsey.")
    GH = strawberry.enum_value("GH", description="Ghana.")
    GI = strawberry.enum_value("GI", description="Gibraltar.")
    GL = strawberry.enum_value("GL", description="Greenland.")
    GM = strawberry.enum_value("GM", description="Gambia.")
    GN = strawberry.enum_value("GN", description="Guinea.")
    GP = strawberry.enum_value("GP", description="Guadeloupe.")
    GQ = strawberry.enum_value("GQ", description="Equatorial Guinea.")
    GR = strawberry.enum_value("GR", description="Greece.")
    GS = strawberry.enum_value("GS", description="South Georgia and the South Sandwich Islands.")
    GT = strawberry.enum_value("GT", description="Guatemala.")
    GU = strawberry.enum_value("GU", description="Guam.")
    GW = strawberry.enum_value("GW", description="Guinea-Bissau.")
    GY = strawberry.enum_value("GY", description="Guyana.")
    HK = strawberry.enum_value("HK", description="Hong Kong.")
    HN = strawberry.enum_value("HN", description="Honduras.")
    HR = strawberry.enum_value("HR", description="Croatia.")
    HT = strawberry.enum_value("HT", description="Haiti.")
    HU = strawberry.enum_value("HU", description="Hungary.")
    ID = strawberry.enum_value("ID", description="Indonesia.")
    IE = strawberry.enum_value("IE", description="Ireland.")
    IL = strawberry.enum_value("IL", description="Israel.")
    IM = strawberry.enum_value("IM", description="Isle of Man.")
    IN = strawberry.enum_value("IN", description="India.")
    IO = strawberry.enum_value("IO", description="British Indian Ocean Territory.")
    IQ = strawberry.enum_value("IQ", description="Iraq.")
    IS = strawberry.enum_value("IS", description="Iceland.")
    IT = strawberry.enum_value("IT", description="Italy.")
    JE = strawberry.enum_value("JE", description="Jersey.")
    JM = strawberry.enum_value("JM", description="Jamaica.")
    JO = strawberry.enum_value("JO", description="Jordan.")
    JP = strawberry.enum_value("JP", description="Japan.")
    KE = strawberry.enum_value("KE", description="Kenya.")
    KG = strawberry.enum_value("KG", description="Kyrgyzstan.")
    KH = strawberry.enum_value("KH", description="Cambodia.")
    KI = strawberry.enum_value("KI", description="Kiribati.")
    KM = strawberry.enum_value("KM", description="Comoros.")
    KN = strawberry.enum_value("KN", description="Saint Kitts and Nevis.")
    KR = strawberry.enum_value("KR", description="South Korea.")
    KW = strawberry.enum_value("KW", description="Kuwait.")
    KY = strawberry.enum_value("KY", description="Cayman Islands.")
    KZ = strawberry.enum_value("KZ", description="Kazakhstan.")
    LA = strawberry.enum_value("LA", description="Laos.")
    LB = strawberry.enum_value("LB", description="Lebanon.")
    LC = strawberry.enum_value("LC", description="Saint Lucia.")
    LI = strawberry.enum_value("LI", description="Liechtenstein.")
    LK = strawberry.enum_value("LK", description="Sri Lanka.")
    LR = strawberry.enum_value("LR", description="Liberia.")
    LS = strawberry.enum_value("LS", description="Lesotho.")
    LT = strawberry.enum_value("LT", description="Lithuania.")
    LU = strawberry.enum_value("LU", description="Luxembourg.")
    LV = strawberry.enum_value("LV", description="Latvia.")
    LY = strawberry.enum_value("LY", description="Libya.")
    MA = strawberry.enum_value("MA", description="Morocco.")
    MC = strawberry.enum_value("MC", description="Monaco.")
    MD = strawberry.enum_value("MD", description="Moldova.")
    ME = strawberry.enum_value("ME", description="Montenegro.")
    MF = strawberry.enum_value("MF", description="Saint Martin (French part).")
    MG = strawberry.enum_value("MG", description="Madagascar.")
    MK = strawberry.enum_value("MK", description="North Macedonia.")
    ML = strawberry.enum_value("ML", description="Mali.")
    MM = strawberry.enum_value("MM", description="Myanmar.")
    MN = strawberry.enum_value("MN", description="Mongolia.")
    MO = strawberry.enum_value("MO", description="Macao.")
    MQ = strawberry.enum_value("MQ", description="Martinique.")
    MR = strawberry.enum_value("MR", description="Mauritania.")
    MS = strawberry.enum_value("MS", description="Montserrat.")
    MT = strawberry.enum_value("MT", description="Malta.")
    MU = strawberry.enum_value("MU", description="Mauritius.")
    MV = strawberry.enum_value("MV", description="Maldives.")
    MW = strawberry.enum_value("MW", description="Malawi.")
    MX = strawberry.enum_value("MX", description="Mexico.")
    MY = strawberry.enum_value("MY", description="Malaysia.")
    MZ = strawberry.enum_value("MZ", description="Mozambique.")
    NA = strawberry.enum_value("NA", description="Namibia.")
    NC = strawberry.enum_value("NC", description="New Caledonia.")
    NE = strawberry.enum_value("NE", description="Niger.")
    NG = strawberry.enum_value("NG", description="Nigeria.")
    NI = strawberry.enum_value("NI", description="Nicaragua.")
    NL = strawberry.enum_value("NL", description="Netherlands.")
    NO = strawberry.enum_value("NO", description="Norway.")
    NP = strawberry.enum_value("NP", description="Nepal.")
    NR = strawberry.enum_value("NR", description="Nauru.")
    NU = strawberry.enum_value("NU", description="Niue.")
    NZ = strawberry.enum_value("NZ", description="New Zealand.")
    OM = strawberry.enum_value("OM", description="Oman.")
    PA = strawberry.enum_value("PA", description="Panama.")
    PE = strawberry.enum_value("PE", description="Peru.")
    PF = strawberry.enum_value("PF", description="French Polynesia.")
    PG = strawberry.enum_value("PG", description="Papua New Guinea.")
    PH = strawberry.enum_value("PH", description="Philippines.")
    PK = strawberry.enum_value("PK", description="Pakistan.")
    PL = strawberry.enum_value("PL", description="Poland.")
    PM = strawberry.enum_value("PM", description="Saint Pierre and Miquelon.")
    PN = strawberry.enum_value("PN", description="Pitcairn.")
    PR = strawberry.enum_value("PR", description="Puerto Rico.")
    PS = strawberry.enum_value("PS", description="Palestine.")
    PT = strawberry.enum_value("PT", description="Portugal.")
    PY = strawberry.enum_value("PY", description="Paraguay.")
    QA = strawberry.enum_value("QA", description="Qatar.")
    RE = strawberry.enum_value("RE", description="Réunion.")
    RO = strawberry.enum_value("RO", description="Romania.")
    RS = strawberry.enum_value("RS", description="Serbia.")
    RU = strawberry.enum_value("RU", description="Russia.")
    RW = strawberry.enum_value("RW", description="Rwanda.")
    SA = strawberry.enum_value("SA", description="Saudi Arabia.")
    SB = strawberry.enum_value("SB", description="Solomon Islands.")
    SC = strawberry.enum_value("SC", description="Seychelles.")
    SD = strawberry.enum_value("SD", description="Sudan.")
    SE = strawberry.enum_value("SE", description="Sweden.")
    SG = strawberry.enum_value("SG", description="Singapore.")
    SH = strawberry.enum_value("SH", description="Saint Helena.")
    SI = strawberry.enum_value("SI", description="Slovenia.")
    SJ = strawberry.enum_value("SJ", description="Svalbard and Jan Mayen.")
    SK = strawberry.enum_value("SK", description="Slovakia.")
    SL = strawberry.enum_value("SL", description="Sierra Leone.")
    SM = strawberry.enum_value("SM", description="San Marino.")
    SN = strawberry.enum_value("SN", description="Senegal.")
    SO = strawberry.enum_value("SO", description="Somalia.")
    SR = strawberry.enum_value("SR", description="Suriname.")
    SS = strawberry.enum_value("SS", description="South Sudan.")
    ST = strawberry.enum_value("ST", description="Sao Tome and Principe.")
    SV = strawberry.enum_value("SV", description="El Salvador.")
    SX = strawberry.enum_value("SX", description="Sint Maarten (Dutch part).")
    SZ = strawberry.enum_value("SZ", description="Eswatini.")
    TA = strawberry.enum_value("TA", description="Tristan da Cunha.")
    TC = strawberry.enum_value("TC", description="Turks and Caicos Islands.")
    TD = strawberry.enum_value("TD", description="Chad.")
    TF = strawberry.enum_value("TF", description="French Southern Territories.")
    TG = strawberry.enum_value("TG", description="Togo.")
    TH = strawberry.enum_value("TH", description="Thailand.")
    TJ = strawberry.enum_value("TJ", description="Tajikistan.")
    TK = strawberry.enum_value("TK", description="Tokelau.")
    TL = strawberry.enum_value("TL", description="Timor-Leste.")
    TM = strawberry.enum_value("TM", description="Turkmenistan.")
    TN = strawberry.enum_value("TN", description="Tunisia.")
    TO = strawberry.enum_value("TO", description="Tonga.")
    TR = strawberry.enum_value("TR", description="Türkiye.")
    TT = strawberry.enum_value("TT", description="Trinidad and Tobago.")
    TV = strawberry.enum_value("TV", description="Tuvalu.")
    TW = strawberry.enum_value("TW", description="Taiwan.")
    TZ = strawberry.enum_value("TZ", description="Tanzania.")
    UA = strawberry.enum_value("UA", description="Ukraine.")
    UG = strawberry.enum_value("UG", description="Uganda.")
    US = strawberry.enum_value("US", description="United States.")
    UY = strawberry.enum_value("UY", description="Uruguay.")
    UZ = strawberry.enum_value("UZ", description="Uzbekistan.")
    VA = strawberry.enum_value("VA", description="Vatican City.")
    VC = strawberry.enum_value("VC", description="Saint Vincent and the Grenadines.")
    VE = strawberry.enum_value("VE", description="Venezuela.")
    VG = strawberry.enum_value("VG", description="British Virgin Islands.")
    VN = strawberry.enum_value("VN", description="Vietnam.")
    VU = strawberry.enum_value("VU", description="Vanuatu.")
    WF = strawberry.enum_value("WF", description="Wallis and Futuna.")
    WS = strawberry.enum_value("WS", description="Samoa.")
    XK = strawberry.enum_value("XK", description="Kosovo.")
    YE = strawberry.enum_value("YE", description="Yemen.")
    YT = strawberry.enum_value("YT", description="Mayotte.")
    ZA = strawberry.enum_value("ZA", description="South Africa.")
    ZM = strawberry.enum_value("ZM", description="Zambia.")
    ZW = strawberry.enum_value("ZW", description="Zimbabwe.")
    ZZ = strawberry.enum_value(
        "ZZ", description="A country or territory Stripe could not identify."
    )


@strawberry.enum(description="Why an amount was or was not taxed.")
class TaxabilityReason(Enum):
    CUSTOMER_EXEMPT = strawberry.enum_value(
        "customer_exempt", description="No tax was charged because the customer is exempt."
    )
    NOT_COLLECTING = strawberry.enum_value(
        "not_collecting",
        description="No tax was charged because you are not registered to collect it there.",
    )
    NOT_SUBJECT_TO_TAX = strawberry.enum_value(
        "not_subject_to_tax", description="The purchase falls outside the scope of this tax."
    )
    NOT_SUPPORTED = strawberry.enum_value(
        "not_supported",
        description="Stripe Tax does not calculate tax for this location or product.",
    )
    PORTION_PRODUCT_EXEMPT = strawberry.enum_value(
        "portion_product_exempt",
        description="Part of the amount is exempt because of the product sold.",
    )
    PORTION_REDUCED_RATED = strawberry.enum_value(
        "portion_reduced_rated", description="Part of the amount is taxed at a reduced rate."
    )
    PORTION_STANDARD_RATED = strawberry.enum_value(
        "portion_standard_rated", description="Part of the amount is taxed at the standard rate."
    )
    PRODUCT_EXEMPT = strawberry.enum_value(
        "product_exempt", description="The product sold is exempt from this tax."
    )
    PRODUCT_EXEMPT_HOLIDAY = strawberry.enum_value(
        "product_exempt_holiday", description="The product is exempt during a tax holiday."
    )
    PROPORTIONALLY_RATED = strawberry.enum_value(
        "proportionally_rated",
        description="The rate was blended from the rates of the other items in the order.",
    )
    REDUCED_RATED = strawberry.enum_value(
        "reduced_rated", description="The amount is taxed at a reduced rate."
    )
    REVERSE_CHARGE = strawberry.enum_value(
        "reverse_charge",
        description="The buyer, not the seller, accounts for the tax (reverse charge).",
    )
    STANDARD_RATED = strawberry.enum_value(
        "standard_rated", description="The amount is taxed at the standard rate."
    )
    TAXABLE_BASIS_REDUCED = strawberry.enum_value(
        "taxable_basis_reduced", description="Only a reduced part of the amount counts as taxable."
    )
    ZERO_RATED = strawberry.enum_value(
        "zero_rated", description="The amount is taxable but at a rate of zero."
    )


@strawberry.enum(description="Whether customers must give a tax ID when checkout asks for one.")
class TaxIdRequirement(Enum):
    IF_SUPPORTED = strawberry.enum_value(
        "if_supported",
        description="Require a tax ID where checkout supports it for the customer location.",
    )
    NEVER = strawberry.enum_value("never", description="A tax ID is optional.")


@strawberry.enum(description="Whether the Link wallet is offered on the checkout page.")
class LinkWalletDisplay(Enum):
    AUTO = strawberry.enum_value("auto", description="Let Stripe decide when to show Link.")
    NEVER = strawberry.enum_value("never", description="Never show Link.")


@strawberry.enum(description="Whether a price already includes tax.")
class TaxBehavior(Enum):
    EXCLUSIVE = strawberry.enum_value("exclusive", description="Tax is added on top of the price.")
    INCLUSIVE = strawberry.enum_value("inclusive", description="Tax is included in the price.")
    UNSPECIFIED = strawberry.enum_value(
        "unspecified",
        description="Not set yet; it must be set before the price is used with automatic tax.",
    )


@strawberry.enum(description="How the amount for a price is worked out from the quantity.")
class PriceBillingScheme(Enum):
    PER_UNIT = strawberry.enum_value("per_unit", description="A fixed amount for each unit.")
    TIERED = strawberry.enum_value(
        "tiered", description="An amount that depends on which quantity tier applies."
    )


@strawberry.enum(description="How quantity tiers combine to give an amount.")
class PriceTiersMode(Enum):
    GRADUATED = strawberry.enum_value(
        "graduated", description="Each unit is charged at the rate of the tier it falls in."
    )
    VOLUME = strawberry.enum_value(
        "volume", description="All units are charged at the rate of the tier the total falls in."
    )


@strawberry.enum(description="Whether a price is charged once or repeatedly.")
class PriceType(Enum):
    ONE_TIME = strawberry.enum_value("one_time", description="Charged once.")
    RECURRING = strawberry.enum_value(
        "recurring", description="Charged again every billing period."
    )


@strawberry.enum(description="The unit of time a recurring price repeats over.")
class RecurringInterval(Enum):
    DAY = strawberry.enum_value("day", description="Days.")
    MONTH = strawberry.enum_value("month", description="Months.")
    WEEK = strawberry.enum_value("week", description="Weeks.")
    YEAR = strawberry.enum_value("year", description="Years.")


@strawberry.enum(
    description="How the quantity billed each period for a recurring price is decided."
)
class RecurringUsageType(Enum):
    LICENSED = strawberry.enum_value(
        "licensed", description="A fixed quantity you set on the subscription."
    )
    METERED = strawberry.enum_value(
        "metered", description="The usage you report during the period."
    )


@strawberry.enum(description="Which way a divided quantity is rounded.")
class TransformQuantityRound(Enum):
    DOWN = strawberry.enum_value("down", description="Round down to the whole number below.")
    UP = strawberry.enum_value("up", description="Round up to the whole number above.")


@strawberry.enum(description="The kind of tax a tax rate stands for.")
class TaxType(Enum):
    AMUSEMENT_TAX = strawberry.enum_value(
        "amusement_tax", description="Tax on entertainment and amusements."
    )
    COMMUNICATIONS_TAX = strawberry.enum_value(
        "communications_tax", description="Tax on communication services."
    )
    GST = strawberry.enum_value("gst", description="Goods and services tax.")
    HST = strawberry.enum_value("hst", description="Harmonised sales tax.")
    IGST = strawberry.enum_value("igst", description="Integrated goods and services tax.")
    JCT = strawberry.enum_value("jct", description="Japanese consumption tax.")
    LEASE_TAX = strawberry.enum_value("lease_tax", description="Tax on leases and rentals.")
    PST = strawberry.enum_value("pst", description="Provincial sales tax.")
    QST = strawberry.enum_value("qst", description="Quebec sales tax.")
    RETAIL_DELIVERY_FEE = strawberry.enum_value(
        "retail_delivery_fee", description="A fee charged on retail deliveries."
    )
    RST = strawberry.enum_value("rst", description="Retail sales tax.")
    SALES_TAX = strawberry.enum_value("sales_tax", description="Sales tax.")
    SERVICE_TAX = strawberry.enum_value("service_tax", description="Tax on services.")
    VAT = strawberry.enum_value("vat", description="Value-added tax.")


@strawberry.enum(description="The level of government that levies a tax.")
class TaxJurisdictionLevel(Enum):
    CITY = strawberry.enum_value("city", description="A city.")
    COUNTRY = strawberry.enum_value("country", description="A country.")
    COUNTY = strawberry.enum_value("county", description="A county.")
    DISTRICT = strawberry.enum_value("district", description="A special district.")
    MULTIPLE = strawberry.enum_value("multiple", description="Several levels combined.")
    STATE = strawberry.enum_value("state", description="A state or province.")


@strawberry.enum(description="How a tax rate turns an amount into tax.")
class TaxRateType(Enum):
    FLAT_AMOUNT = strawberry.enum_value("flat_amount", description="A fixed amount of tax.")
    PERCENTAGE = strawberry.enum_value("percentage", description="A percentage of the amount.")


@strawberry.enum(description="What a discount was created from.")
class DiscountSourceType(Enum):
    COUPON = strawberry.enum_value("coupon", description="A coupon.")

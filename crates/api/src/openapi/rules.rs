//! What the server checks of each request field and parameter, as data:
//! one table per place a rule applies. Every bound is the constant the check
//! itself reads (`coophub_domain`'s parsers; paging and search parameters in
//! `routes`), so the two cannot drift; schemathesis's positive and negative
//! checks in CI test what the constants cannot (patterns, shapes).

use coophub_domain::conversation::MESSAGE_MAX;
use coophub_domain::coop::limits as coop;
use coophub_domain::coop::{CONTACT_URL_MAX, ENQUIRY_MESSAGE_MAX, ENQUIRY_SUBJECT_MAX};
use coophub_domain::geo::{LATITUDE_MAX, LONGITUDE_MAX};
use coophub_domain::money::MAX_TENDER_VALUE;
use coophub_domain::password::MAX_PASSWORD_CHARS;
use coophub_domain::skills::LEVELS;
use coophub_domain::{account, alert, bidding, case_study, fund, person, sharing};

use crate::paging::{MAX_PAGE, MAX_PER_PAGE};
use crate::routes::search::params::{MAX_Q, MAX_WORDS};
use coophub_domain::geo::MAX_RADIUS_KM;

/// Control characters a body string may not hold (newline, carriage return
/// and tab are allowed: long text has lines).
pub(super) const BODY_CONTROLS: &str = r"\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F";
/// Control characters a path, query parameter or one-line name may not hold.
pub(super) const LINE_CONTROLS: &str = r"\u0000-\u001F\u007F-\u009F";

/// The white space the server trims from a value (Rust's `trim`), less the
/// control characters no body may hold, as an ECMA-262 class.
macro_rules! trimmed_space {
    () => {
        r"[ \t\n\r\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]"
    };
}
pub(super) use trimmed_space;

/// What one field or parameter must be.
#[derive(Debug, Clone, Copy)]
pub(super) enum Rule {
    /// Text of at most `max` characters after trimming; blank unless `required`.
    Text {
        max: usize,
        required: bool,
        one_line: bool,
    },
    /// A slug: 2 to 64 of `a-z`, `0-9` and single inner hyphens.
    Slug,
    /// An email address as the server reads it (trimmed, case-folded).
    Email,
    /// A new password: 10 to 1,024 characters.
    NewPassword,
    /// A skill as typed: at most 100 characters, holding a letter or digit.
    SkillName,
    /// An `http://` or `https://` URL without spaces, at most `max`
    /// characters; surrounding spaces are trimmed when `trimmed`.
    Url { max: usize, trimmed: bool },
    /// An ISO 3166-1 alpha-2 code, either case.
    Country,
    /// A phone number (`coophub_domain::coop::PHONE_LENGTHS` characters
    /// after trimming: a `+` or a digit, then digits, spaces, `(`, `)` and
    /// `-`, ending with a digit).
    Phone,
    /// A number from `min` to `max`, in steps of `step` if given.
    Range {
        min: f64,
        max: f64,
        step: Option<f64>,
    },
    /// A number above `above`, at most `max`.
    AboveUpTo { above: f64, max: f64 },
    /// A list of `min` to `max` entries.
    Items { min: usize, max: usize },
    /// Free text for a search: at most `max` characters and `words` words.
    Query { max: usize, words: usize },
    /// One of these names.
    OneOf(&'static [&'static str]),
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A calendar date a record keeps: `YYYY-MM-DD` from 2000-01-01 to
    /// 2100-12-31 (`coophub_domain::dates`).
    Day,
    /// An instant a record keeps: RFC 3339, its day within [`Rule::Day`]'s range.
    Instant,
    /// `latitude,longitude` in decimal degrees.
    Coordinates,
    /// An `If-Match` value: `*`, or a list of entity tags.
    EntityTags,
    /// An ISO 4217 currency code: three letters, either case.
    Currency,
    /// Text matching this regular expression (ECMA-262).
    Pattern(&'static str),
}

use Rule::*;

const fn text(max: usize) -> Rule {
    Text {
        max,
        required: false,
        one_line: false,
    }
}

const fn required(max: usize) -> Rule {
    Text {
        max,
        required: true,
        one_line: false,
    }
}

const fn range(min: f64, max: f64) -> Rule {
    Range {
        min,
        max,
        step: None,
    }
}

/// A list of at most `max` entries.
const fn up_to(max: usize) -> Rule {
    Items { min: 0, max }
}

/// Degrees north or south.
const LATITUDE: Rule = range(-LATITUDE_MAX, LATITUDE_MAX);
/// Degrees east or west.
const LONGITUDE: Rule = range(-LONGITUDE_MAX, LONGITUDE_MAX);
/// A skill's level, or a person's interest in it.
const LEVEL: Rule = range(*LEVELS.start() as f64, *LEVELS.end() as f64);

/// Days a week in half days, as offers, requests and placements take them.
const HALF_DAYS: Rule = Range {
    min: 0.5,
    max: sharing::FULL_WEEK as f64 / 2.0,
    step: Some(0.5),
};

/// An amount of the fund's, in minor units.
const FUND_AMOUNT: Rule = range(1.0, fund::MAX_AMOUNT as f64);

/// A share of a bid's value, in basis points of the whole.
const BASIS_POINTS: Rule = range(0.0, bidding::WHOLE_BP as f64);

/// `(schema, property, rule)`; `property[]` means the items of a list.
pub(super) const PROPERTIES: &[(&str, &str, Rule)] = &[
    ("RegisterRequest", "email", Email),
    ("RegisterRequest", "password", NewPassword),
    (
        "RegisterRequest",
        "name",
        Text {
            max: account::MAX_NAME_CHARS,
            required: true,
            one_line: true,
        },
    ),
    ("LoginRequest", "email", Email),
    ("LoginRequest", "password", text(MAX_PASSWORD_CHARS)),
    (
        "ChangePasswordRequest",
        "current_password",
        text(MAX_PASSWORD_CHARS),
    ),
    ("ChangePasswordRequest", "new_password", NewPassword),
    ("CoopRequest", "slug", Slug),
    ("CoopRequest", "name", required(coop::NAME_MAX)),
    ("CoopRequest", "summary", text(coop::SUMMARY_MAX)),
    ("CoopRequest", "description", text(coop::DESCRIPTION_MAX)),
    (
        "CoopRequest",
        "website",
        Url {
            max: coop::WEBSITE_MAX,
            trimmed: true,
        },
    ),
    (
        "CoopRequest",
        "registration_number",
        text(coop::REGISTRATION_NUMBER_MAX),
    ),
    (
        "CoopRequest",
        "member_count",
        range(0.0, coop::MEMBER_COUNT_MAX as f64),
    ),
    ("CoopRequest", "sectors", up_to(coop::LIST_MAX)),
    ("CoopRequest", "sectors[]", required(coop::NAME_MAX)),
    ("CoopRequest", "clients", up_to(coop::LIST_MAX)),
    ("CoopRequest", "clients[]", required(coop::NAME_MAX)),
    ("CoopRequest", "technologies", up_to(coop::LIST_MAX)),
    ("CoopRequest", "technologies[]", SkillName),
    ("CoopRequest", "services", up_to(coop::LIST_MAX)),
    ("CoopRequest", "services[]", SkillName),
    ("ContactBody", "email", Email),
    ("ContactBody", "phone", Phone),
    (
        "ContactBody",
        "url",
        Url {
            max: CONTACT_URL_MAX,
            trimmed: true,
        },
    ),
    ("EnquiryBody", "subject", required(ENQUIRY_SUBJECT_MAX)),
    ("EnquiryBody", "message", required(ENQUIRY_MESSAGE_MAX)),
    ("LocationBody", "address", text(coop::ADDRESS_MAX)),
    ("LocationBody", "locality", text(coop::LOCALITY_MAX)),
    ("LocationBody", "region", text(coop::REGION_MAX)),
    ("LocationBody", "postcode", text(coop::POSTCODE_MAX)),
    ("LocationBody", "country", Country),
    ("LocationBody", "latitude", LATITUDE),
    ("LocationBody", "longitude", LONGITUDE),
    (
        "PersonRequest",
        "name",
        Text {
            max: account::MAX_NAME_CHARS,
            required: true,
            one_line: true,
        },
    ),
    ("PersonRequest", "headline", text(person::MAX_HEADLINE)),
    ("PersonRequest", "bio", text(person::MAX_BIO)),
    ("PersonRequest", "skills", up_to(person::MAX_SKILLS)),
    (
        "PersonRequest",
        "days_per_week",
        Range {
            min: 0.0,
            max: person::MAX_DAYS_PER_WEEK,
            step: Some(0.5),
        },
    ),
    (
        "PersonRequest",
        "day_rate",
        range(0.0, person::MAX_DAY_RATE as f64),
    ),
    ("PersonRequest", "linked_user_email", Email),
    ("PersonSkillBody", "skill", SkillName),
    ("PersonSkillBody", "level", LEVEL),
    ("PersonSkillBody", "interest", LEVEL),
    ("CaseStudyRequest", "slug", Slug),
    ("CaseStudyRequest", "title", required(case_study::MAX_TITLE)),
    (
        "CaseStudyRequest",
        "client",
        required(case_study::MAX_TITLE),
    ),
    ("CaseStudyRequest", "summary", text(case_study::MAX_SUMMARY)),
    ("CaseStudyRequest", "outcome", text(case_study::MAX_OUTCOME)),
    (
        "CaseStudyRequest",
        "coops",
        Items {
            min: 1,
            max: case_study::MAX_COOPS,
        },
    ),
    ("CaseStudyRequest", "coops[]", Slug),
    ("CaseStudyRequest", "skills", up_to(case_study::MAX_SKILLS)),
    ("CaseStudyRequest", "skills[]", SkillName),
    ("CaseStudyRequest", "links", up_to(case_study::MAX_LINKS)),
    (
        "CaseStudyRequest",
        "links[]",
        Url {
            max: case_study::MAX_LINK,
            trimmed: false,
        },
    ),
    (
        "CaseStudyRequest",
        "year",
        range(
            *case_study::YEARS.start() as f64,
            *case_study::YEARS.end() as f64,
        ),
    ),
    ("ConsentRequest", "coop", Slug),
    ("CoopUserRequest", "email", Email),
    ("ClaimBody", "message", required(coop::CLAIM_MESSAGE_MAX)),
    ("MergeRequest", "into", SkillName),
    ("OfferRequest", "coop", Slug),
    ("OfferRequest", "title", required(sharing::TITLE_MAX)),
    ("OfferRequest", "skills", up_to(sharing::SKILLS_MAX)),
    ("OfferRequest", "days_per_week", HALF_DAYS),
    ("OfferRequest", "latitude", LATITUDE),
    ("OfferRequest", "longitude", LONGITUDE),
    ("OfferRequest", "notes", text(sharing::NOTES_MAX)),
    ("OfferSkillBody", "skill", SkillName),
    ("OfferSkillBody", "level", LEVEL),
    ("MoneyBody", "amount", range(0.0, sharing::MAX_RATE as f64)),
    ("MoneyBody", "currency", Currency),
    ("RequestBody", "coop", Slug),
    ("RequestBody", "title", required(sharing::TITLE_MAX)),
    ("RequestBody", "skills", up_to(sharing::SKILLS_MAX)),
    ("RequestBody", "days_per_week", HALF_DAYS),
    ("RequestBody", "latitude", LATITUDE),
    ("RequestBody", "longitude", LONGITUDE),
    ("RequestSkillBody", "skill", SkillName),
    ("RequestSkillBody", "min_level", LEVEL),
    ("PlacementRequest", "requesting_coop", Slug),
    ("PlacementRequest", "days_per_week", HALF_DAYS),
    ("PlacementRequest", "message", text(sharing::MAX_MESSAGE)),
    ("ReasonBody", "reason", text(sharing::MAX_MESSAGE)),
    ("ManualOpportunity", "title", required(bidding::MAX_TITLE)),
    (
        "ManualOpportunity",
        "description",
        text(bidding::MAX_DESCRIPTION),
    ),
    (
        "ManualOpportunity",
        "buyer_name",
        text(bidding::MAX_BUYER_NAME),
    ),
    ("ManualOpportunity", "region", text(bidding::MAX_REGION)),
    (
        "ManualOpportunity",
        "cpv[]",
        Pattern(concat!(
            "^",
            trimmed_space!(),
            "*[0-9]{8}(-[0-9])?",
            trimmed_space!(),
            "*$"
        )),
    ),
    ("ManualOpportunity", "skills[]", SkillName),
    (
        "TenderValueBody",
        "amount",
        range(0.0, MAX_TENDER_VALUE as f64),
    ),
    ("TenderValueBody", "currency", Currency),
    ("BidBody", "lead_coop", Slug),
    ("BidBody", "title", required(sharing::TITLE_MAX)),
    ("BidBody", "lot_id", text(bidding::MAX_LOT_ID)),
    ("BidBody", "lead_premium_bp", BASIS_POINTS),
    ("BidBody", "fund_bp", BASIS_POINTS),
    ("BidTermsBody", "title", required(sharing::TITLE_MAX)),
    ("BidTermsBody", "lead_premium_bp", BASIS_POINTS),
    ("BidTermsBody", "fund_bp", BASIS_POINTS),
    ("RoleBody", "title", required(sharing::TITLE_MAX)),
    ("RoleBody", "skills", up_to(sharing::SKILLS_MAX)),
    (
        "RoleBody",
        "effort_days",
        range(1.0, bidding::MAX_EFFORT_DAYS as f64),
    ),
    (
        "RoleBody",
        "day_rate",
        range(0.0, bidding::MAX_DAY_RATE as f64),
    ),
    ("RoleBody", "lot_id", text(bidding::MAX_LOT_ID)),
    ("RoleBody", "coop", Slug),
    ("SectionBody", "title", required(sharing::TITLE_MAX)),
    ("SectionBody", "owner_coop", Slug),
    ("DecisionBody", "reasons", text(sharing::NOTES_MAX)),
    ("DecisionBody", "criteria", up_to(bidding::MAX_CRITERIA)),
    (
        "CriterionBody",
        "name",
        required(bidding::MAX_CRITERION_NAME),
    ),
    (
        "CriterionBody",
        "weight",
        range(
            *bidding::WEIGHTS.start() as f64,
            *bidding::WEIGHTS.end() as f64,
        ),
    ),
    (
        "CriterionBody",
        "score",
        range(0.0, bidding::MAX_SCORE as f64),
    ),
    ("InvitationBody", "coop", Slug),
    ("InvitationBody", "message", required(MESSAGE_MAX)),
    ("BidMessageBody", "text", required(MESSAGE_MAX)),
    ("BidMessageBody", "to", Slug),
    ("MessageBody", "text", required(MESSAGE_MAX)),
    (
        "DocumentBody",
        "title",
        required(bidding::DOCUMENT_TITLE_MAX),
    ),
    (
        "DocumentBody",
        "url",
        Url {
            max: bidding::DOCUMENT_URL_MAX,
            trimmed: true,
        },
    ),
    ("DocumentBody", "kind", required(bidding::DOCUMENT_KIND_MAX)),
    (
        "WebhookBody",
        "url",
        Url {
            max: coophub_domain::webhook::URL_MAX,
            trimmed: true,
        },
    ),
    (
        "WebhookBody",
        "events",
        Items {
            min: 1,
            max: coophub_domain::webhook::EVENTS_MAX,
        },
    ),
    (
        "WebhookBody",
        "description",
        text(coophub_domain::webhook::DESCRIPTION_MAX),
    ),
    (
        "WebhookPatchBody",
        "url",
        Url {
            max: coophub_domain::webhook::URL_MAX,
            trimmed: true,
        },
    ),
    (
        "WebhookPatchBody",
        "events",
        Items {
            min: 1,
            max: coophub_domain::webhook::EVENTS_MAX,
        },
    ),
    (
        "WebhookPatchBody",
        "description",
        text(coophub_domain::webhook::DESCRIPTION_MAX),
    ),
    ("AlertBody", "name", required(alert::MAX_TEXT)),
    ("AlertBody", "coop", Slug),
    ("AlertBody", "skills", up_to(sharing::SKILLS_MAX)),
    ("AlertBody", "skills[]", SkillName),
    ("AlertBody", "cpv", up_to(alert::MAX_CODES)),
    (
        "AlertBody",
        "cpv[]",
        Pattern(concat!(
            "^",
            trimmed_space!(),
            "*[0-9]{8}(-[0-9])?",
            trimmed_space!(),
            "*$"
        )),
    ),
    (
        "AlertBody",
        "value_min",
        range(0.0, MAX_TENDER_VALUE as f64),
    ),
    (
        "AlertBody",
        "value_max",
        range(0.0, MAX_TENDER_VALUE as f64),
    ),
    ("AlertBody", "buyer", text(alert::MAX_TEXT)),
    ("AlertBody", "region", text(alert::MAX_TEXT)),
    ("AlertBody", "words", text(alert::MAX_TEXT)),
    ("AlertBody", "min_level", LEVEL),
    (
        "AlertBody",
        "min_days_per_week",
        Range {
            min: 0.5,
            max: person::MAX_DAYS_PER_WEEK,
            step: Some(0.5),
        },
    ),
    (
        "YearBody",
        "year",
        range(*fund::YEARS.start() as f64, *fund::YEARS.end() as f64),
    ),
    ("YearBody", "purpose", required(fund::MAX_PURPOSE)),
    ("YearBody", "currency", Currency),
    ("YearBody", "suggested_amount", FUND_AMOUNT),
    ("YearBody", "suggested_bands", up_to(fund::MAX_BANDS)),
    (
        "BandBody",
        "up_to_members",
        range(1.0, fund::MAX_BAND_MEMBERS as f64),
    ),
    ("BandBody", "amount", FUND_AMOUNT),
    ("PledgeBody", "coop", Slug),
    ("PledgeAmount", "amount", FUND_AMOUNT),
    ("PledgeAmount", "currency", Currency),
    ("InvoiceBody", "coop", Slug),
    ("InvoiceBody", "number", required(fund::MAX_INVOICE_NUMBER)),
    ("InvoiceBody", "amount", FUND_AMOUNT),
    ("InvoiceBody", "issued_on", Day),
    ("InvoiceBody", "due_on", Day),
    ("PaymentBody", "amount", FUND_AMOUNT),
    ("PaymentBody", "paid_on", Day),
    ("PaymentBody", "reference", text(fund::MAX_REFERENCE)),
    ("SpendingBody", "spent_on", Day),
    ("OfferRequest", "start", Day),
    ("OfferRequest", "end", Day),
    ("PlacementRequest", "start", Day),
    ("PlacementRequest", "end", Day),
    ("RequestBody", "start", Day),
    ("RequestBody", "end", Day),
    ("RotationBody", "start", Day),
    ("RotationBody", "end", Day),
    ("RoleBody", "start", Day),
    ("RoleBody", "end", Day),
    ("SectionBody", "due", Day),
    ("PersonRequest", "available_from", Day),
    ("ManualOpportunity", "deadline", Instant),
    ("SpendingBody", "amount", FUND_AMOUNT),
    (
        "SpendingBody",
        "purpose",
        required(fund::MAX_SPENDING_PURPOSE),
    ),
    ("SpendingBody", "case_study", text(fund::MAX_REFERENCE)),
    ("WonCaseStudyBody", "summary", text(case_study::MAX_SUMMARY)),
    ("WonCaseStudyBody", "outcome", text(case_study::MAX_OUTCOME)),
];

/// `(parameter, rule)`, for every operation that has the parameter.
pub(super) const PARAMETERS: &[(&str, Rule)] = &[
    ("page", range(1.0, MAX_PAGE as f64)),
    ("per_page", range(1.0, MAX_PER_PAGE as f64)),
    ("If-Match", EntityTags),
    // A town's name is taken too (`domain::places`), which no pattern can say.
    ("near", Coordinates),
    (
        "radius_km",
        AboveUpTo {
            above: 0.0,
            max: MAX_RADIUS_KM,
        },
    ),
    ("min_days_per_week", range(0.0, person::MAX_DAYS_PER_WEEK)),
    (
        "months",
        range(
            *fund::RUNWAY_MONTHS.start() as f64,
            *fund::RUNWAY_MONTHS.end() as f64,
        ),
    ),
];

/// Rules for a parameter of one operation: `(path, parameter, rule)`.
pub(super) const OPERATION_PARAMETERS: &[(&str, &str, Rule)] = &[
    (
        "/api/v1/search",
        "q",
        Query {
            max: MAX_Q,
            words: MAX_WORDS,
        },
    ),
    (
        "/api/v1/search",
        "type[]",
        OneOf(&["coop", "person", "offer", "request", "opportunity"]),
    ),
    ("/api/v1/search", "skill[]", SkillName),
    ("/api/v1/search", "legal_form", OneOf(LEGAL_FORMS)),
    (
        "/api/v1/search",
        "status",
        OneOf(&["applied", "invited", "approved", "lapsed", "removed"]),
    ),
    (
        "/api/v1/search",
        "sort",
        OneOf(&["relevance", "distance", "updated"]),
    ),
    (
        "/api/v1/opportunities",
        "cpv",
        Pattern("^([0-9]{1,8}|[0-9]{8}-[0-9])$"),
    ),
    ("/api/v1/search", "available_from", Date),
    ("/api/v1/search", "available_to", Date),
    (
        "/api/v1/search/suggest",
        "q",
        Text {
            max: coophub_domain::skills::NAME_MAX,
            required: true,
            one_line: true,
        },
    ),
    (
        "/api/v1/skills",
        "q",
        Text {
            max: coophub_domain::skills::NAME_MAX,
            required: false,
            one_line: true,
        },
    ),
];

/// The names of the legal forms (the co-op list's parameter is an enum already).
pub(super) const LEGAL_FORMS: &[&str] = &[
    "cooperative_society",
    "company_limited_by_guarantee",
    "company_limited_by_shares",
    "llp",
    "cic",
    "other",
];

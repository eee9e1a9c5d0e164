//! Fund requests as sent, checked: every wrong field at once.

use chrono::NaiveDate;
use uuid::Uuid;

use super::{Band, FundSuggestion, Invitees};
use crate::dates;
use crate::validation::{FieldError, ValidationErrors};

/// The most any one amount may be, minor units (a hundred million pounds).
pub const MAX_AMOUNT: i64 = 10_000_000_000;
/// The years a fund year may be.
pub const YEARS: std::ops::RangeInclusive<i64> = 2000..=2100;
/// A year's purpose, in characters.
pub const MAX_PURPOSE: usize = 5000;
/// Most bands a suggestion by size has.
pub const MAX_BANDS: usize = 20;
/// The highest upper bound a band may have, in members.
pub const MAX_BAND_MEMBERS: u32 = 4_000_000_000;
/// An invoice's number, in characters.
pub const MAX_INVOICE_NUMBER: usize = 40;
/// A payment's reference, and the slug of a spending's case study, in characters.
pub const MAX_REFERENCE: usize = 100;
/// What a spending was for, in characters.
pub const MAX_SPENDING_PURPOSE: usize = 200;

fn amount(raw: i64, pointer: &str, errors: &mut ValidationErrors) -> i64 {
    if !(1..=MAX_AMOUNT).contains(&raw) {
        errors.0.push(FieldError::new(
            pointer,
            format!("must be 1 to {MAX_AMOUNT} (minor units: 2500 is 25.00)"),
        ));
    }
    raw
}

fn required_text(raw: &str, pointer: &str, max: usize, errors: &mut ValidationErrors) -> String {
    let text = raw.trim().to_owned();
    if text.is_empty() || text.chars().count() > max {
        errors.0.push(FieldError::new(
            pointer,
            format!("must be 1 to {max} characters long"),
        ));
    }
    text
}

/// A currency as sent: three letters, upper-cased.
pub(crate) fn currency(raw: &str, pointer: &str, errors: &mut ValidationErrors) -> String {
    let code = raw.trim().to_ascii_uppercase();
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        errors.0.push(FieldError::new(
            pointer,
            "must be an ISO 4217 code such as GBP",
        ));
    }
    code
}

/// A suggested band as sent.
#[derive(Debug, Clone, Copy, Default)]
pub struct BandDraft {
    /// See [`Band`].
    pub up_to_members: Option<i64>,
    /// See [`Band`].
    pub amount: i64,
}

/// A fund year as sent.
#[derive(Debug, Clone, Default)]
pub struct YearDraft {
    /// The calendar year.
    pub year: i64,
    /// What the fund is for.
    pub purpose: String,
    /// Default GBP.
    pub currency: Option<String>,
    /// A flat suggestion.
    pub suggested_amount: Option<i64>,
    /// Or suggestions by size.
    pub suggested_bands: Vec<BandDraft>,
    /// Who is invited.
    pub invitees: Invitees,
}

/// A checked fund year.
#[derive(Debug, Clone, PartialEq)]
pub struct YearInput {
    /// The calendar year.
    pub year: i32,
    /// What the fund is for.
    pub purpose: String,
    /// ISO 4217.
    pub currency: String,
    /// What is suggested.
    pub suggestion: FundSuggestion,
    /// Who is invited.
    pub invitees: Invitees,
}

impl YearInput {
    /// Checks every field of `draft`.
    pub fn parse(draft: YearDraft) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if !YEARS.contains(&draft.year) {
            errors.0.push(FieldError::new(
                "/year",
                format!("must be a year from {} to {}", YEARS.start(), YEARS.end()),
            ));
        }
        let purpose = required_text(&draft.purpose, "/purpose", MAX_PURPOSE, &mut errors);
        let currency = currency(
            draft.currency.as_deref().unwrap_or("GBP"),
            "/currency",
            &mut errors,
        );
        let suggestion = suggestion(&draft, &mut errors);
        errors.finish(|| {
            Some(Self {
                year: i32::try_from(draft.year).ok()?,
                purpose,
                currency,
                suggestion,
                invitees: draft.invitees,
            })
        })
    }
}

fn suggestion(draft: &YearDraft, errors: &mut ValidationErrors) -> FundSuggestion {
    if let Some(flat) = draft.suggested_amount {
        if !draft.suggested_bands.is_empty() {
            errors.0.push(FieldError::new(
                "/suggested_bands",
                "give either suggested_amount or suggested_bands, not both",
            ));
        }
        return FundSuggestion::Flat {
            amount: amount(flat, "/suggested_amount", errors),
        };
    }
    if draft.suggested_bands.is_empty() {
        return FundSuggestion::None;
    }
    if draft.suggested_bands.len() > MAX_BANDS {
        errors.0.push(FieldError::new(
            "/suggested_bands",
            format!("must have at most {MAX_BANDS} entries"),
        ));
    }
    let mut bands = Vec::new();
    let last = draft.suggested_bands.len() - 1;
    for (i, band) in draft.suggested_bands.iter().enumerate() {
        let pointer = format!("/suggested_bands/{i}");
        let amount = amount(band.amount, &format!("{pointer}/amount"), errors);
        let top = match band.up_to_members {
            None if i == last => None,
            None => {
                errors.0.push(FieldError::new(
                    format!("{pointer}/up_to_members"),
                    "only the last band may be open-ended",
                ));
                None
            }
            Some(top) => {
                let previous = bands.last().and_then(|b: &Band| b.up_to_members);
                match u32::try_from(top) {
                    Ok(top)
                        if (1..=MAX_BAND_MEMBERS).contains(&top)
                            && previous.is_none_or(|p| top > p) =>
                    {
                        Some(top)
                    }
                    _ => {
                        errors.0.push(FieldError::new(
                            format!("{pointer}/up_to_members"),
                            format!("must be 1 to {MAX_BAND_MEMBERS} and above the band before"),
                        ));
                        None
                    }
                }
            }
        };
        bands.push(Band {
            up_to_members: top,
            amount,
        });
    }
    FundSuggestion::BySize { bands }
}

/// A co-op's answer to a year's invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// It pledges this much, minor units of the year's currency.
    Pledged {
        /// Minor units.
        amount: i64,
    },
    /// It does not give this year: an ordinary answer.
    Declined,
}

/// An answer as sent: an amount, or `declined`.
#[derive(Debug, Clone, Default)]
pub struct PledgeDraft {
    /// Amount and currency.
    pub amount: Option<(i64, String)>,
    /// `true` to decline.
    pub declined: Option<bool>,
}

impl PledgeDraft {
    /// Checks the answer against the year's `currency`.
    pub fn parse(self, year_currency: &str) -> Result<Answer, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let answer = match (self.amount, self.declined) {
            (Some((raw, code)), None | Some(false)) => {
                let amount = amount(raw, "/amount/amount", &mut errors);
                if currency(&code, "/amount/currency", &mut errors) != year_currency {
                    errors.0.push(FieldError::new(
                        "/amount/currency",
                        format!("must be {year_currency}, the year's currency"),
                    ));
                }
                Some(Answer::Pledged { amount })
            }
            (None, Some(true)) => Some(Answer::Declined),
            (Some(_), Some(true)) => {
                errors.0.push(FieldError::new(
                    "/declined",
                    "give an amount or decline, not both",
                ));
                None
            }
            (None, _) => {
                errors.0.push(FieldError::new(
                    "/amount",
                    "give an amount to pledge, or \"declined\": true",
                ));
                None
            }
        };
        errors.finish(|| answer)
    }
}

/// An invoice as sent by a steward.
#[derive(Debug, Clone, Default)]
pub struct InvoiceDraft {
    /// The stewards' invoice number.
    pub number: String,
    /// Minor units.
    pub amount: i64,
    /// When issued.
    pub issued_on: Option<NaiveDate>,
    /// When payment is asked for (a date, not a debt).
    pub due_on: Option<NaiveDate>,
}

/// A checked invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceInput {
    /// The invoice number.
    pub number: String,
    /// Minor units.
    pub amount: i64,
    /// When issued.
    pub issued_on: NaiveDate,
    /// When payment is asked for.
    pub due_on: NaiveDate,
}

impl InvoiceDraft {
    /// Checks every field.
    pub fn parse(self) -> Result<InvoiceInput, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let number = required_text(&self.number, "/number", MAX_INVOICE_NUMBER, &mut errors);
        let amount = amount(self.amount, "/amount", &mut errors);
        for (pointer, date) in [("/issued_on", self.issued_on), ("/due_on", self.due_on)] {
            if date.is_none() {
                errors
                    .0
                    .push(FieldError::new(pointer, "must be a date (YYYY-MM-DD)"));
            }
        }
        let issued_on = dates::check(self.issued_on, "/issued_on", &mut errors);
        let due_on = dates::check(self.due_on, "/due_on", &mut errors);
        if let (Some(issued), Some(due)) = (issued_on, due_on)
            && due < issued
        {
            errors
                .0
                .push(FieldError::new("/due_on", "must not be before issued_on"));
        }
        errors.finish(|| {
            Some(InvoiceInput {
                number,
                amount,
                issued_on: issued_on?,
                due_on: due_on?,
            })
        })
    }
}

/// A payment as sent by a steward.
#[derive(Debug, Clone, Default)]
pub struct PaymentDraft {
    /// Minor units.
    pub amount: i64,
    /// When it arrived.
    pub paid_on: Option<NaiveDate>,
    /// A bank reference, if any.
    pub reference: Option<String>,
}

/// A checked payment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentInput {
    /// Minor units.
    pub amount: i64,
    /// When it arrived.
    pub paid_on: NaiveDate,
    /// A bank reference.
    pub reference: Option<String>,
}

impl PaymentDraft {
    /// Checks every field.
    pub fn parse(self) -> Result<PaymentInput, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let amount = amount(self.amount, "/amount", &mut errors);
        if self.paid_on.is_none() {
            errors
                .0
                .push(FieldError::new("/paid_on", "must be a date (YYYY-MM-DD)"));
        }
        let paid_on = dates::check(self.paid_on, "/paid_on", &mut errors);
        let reference = errors.optional_text(self.reference, "/reference", MAX_REFERENCE);
        errors.finish(|| {
            Some(PaymentInput {
                amount,
                paid_on: paid_on?,
                reference,
            })
        })
    }
}

/// What the fund was spent on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SpendingCategory {
    /// Shared infrastructure: hosting, domains, tools.
    Infrastructure,
    /// Paying someone to organise.
    Organising,
    /// Gatherings and events.
    Events,
    /// Anything else.
    Other,
}

/// Spending as sent by a steward.
#[derive(Debug, Clone, Default)]
pub struct SpendingDraft {
    /// When.
    pub spent_on: Option<NaiveDate>,
    /// Minor units.
    pub amount: i64,
    /// What for.
    pub purpose: String,
    /// Of what kind.
    pub category: Option<SpendingCategory>,
    /// A bid it served, if any.
    pub bid: Option<Uuid>,
    /// A case study it served, by slug, if any.
    pub case_study: Option<String>,
}

/// Checked spending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpendingInput {
    /// When.
    pub spent_on: NaiveDate,
    /// Minor units.
    pub amount: i64,
    /// What for.
    pub purpose: String,
    /// Of what kind.
    pub category: SpendingCategory,
    /// A bid it served.
    pub bid: Option<Uuid>,
    /// A case study it served.
    pub case_study: Option<String>,
}

impl SpendingDraft {
    /// Checks every field.
    pub fn parse(self) -> Result<SpendingInput, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.spent_on.is_none() {
            errors
                .0
                .push(FieldError::new("/spent_on", "must be a date (YYYY-MM-DD)"));
        }
        let spent_on = dates::check(self.spent_on, "/spent_on", &mut errors);
        let amount = amount(self.amount, "/amount", &mut errors);
        let purpose = required_text(&self.purpose, "/purpose", MAX_SPENDING_PURPOSE, &mut errors);
        let category = self.category.unwrap_or(SpendingCategory::Other);
        let case_study = errors.optional_text(self.case_study, "/case_study", MAX_REFERENCE);
        errors.finish(|| {
            Some(SpendingInput {
                spent_on: spent_on?,
                amount,
                purpose,
                category,
                bid: self.bid,
                case_study,
            })
        })
    }
}

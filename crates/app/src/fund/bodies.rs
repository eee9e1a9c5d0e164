//! What stewards and co-ops' admins send to the fund, and how each reads
//! into the domain's checked input: the same for every face.

use chrono::NaiveDate;
use coophub_domain::ValidationErrors;
use coophub_domain::fund::{
    Answer, BandDraft, Invitees, InvoiceDraft, InvoiceInput, PaymentDraft, PaymentInput,
    PledgeDraft, SpendingCategory, SpendingDraft, SpendingInput, YearDraft, YearInput,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A suggested amount for co-ops up to a size.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BandBody {
    /// Co-ops with at most this many members; leave out on the last band.
    pub up_to_members: Option<i64>,
    /// Minor units.
    pub amount: i64,
}

/// A fund year as stewards open or restate it.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct YearBody {
    /// The calendar year, e.g. 2027.
    pub year: i64,
    /// What the fund is for this year, in the stewards' words.
    pub purpose: String,
    /// ISO 4217 currency of the year's amounts (default GBP).
    pub currency: Option<String>,
    /// One suggested amount for every co-op (minor units) …
    pub suggested_amount: Option<i64>,
    /// … or suggested amounts by number of members, smallest first.
    #[serde(default)]
    pub suggested_bands: Vec<BandBody>,
    /// Who is invited (default: every approved co-op).
    #[serde(default)]
    pub invitees: Invitees,
}

/// A co-op's answer to a year.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PledgeBody {
    /// The co-op answering (its admins answer).
    pub coop: String,
    /// What it pledges, in the year's currency …
    pub amount: Option<PledgeAmount>,
    /// … or `true`: it does not give this year.
    pub declined: Option<bool>,
}

/// An amount pledged.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PledgeAmount {
    /// Minor units: 25000 is 250.00.
    pub amount: i64,
    /// ISO 4217, the year's currency.
    pub currency: String,
}

/// An invoice as a steward records it.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct InvoiceBody {
    /// The co-op whose pledge is invoiced.
    pub coop: String,
    /// The stewards' invoice number (unique).
    pub number: String,
    /// Minor units of the year's currency.
    pub amount: i64,
    /// When issued (YYYY-MM-DD).
    pub issued_on: NaiveDate,
    /// When payment is asked for (YYYY-MM-DD).
    pub due_on: NaiveDate,
}

/// A payment as a steward records it.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PaymentBody {
    /// Minor units of the year's currency.
    pub amount: i64,
    /// When it arrived (YYYY-MM-DD).
    pub paid_on: NaiveDate,
    /// A bank reference.
    pub reference: Option<String>,
}

/// Spending as a steward records it.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SpendingBody {
    /// When (YYYY-MM-DD).
    pub spent_on: NaiveDate,
    /// Minor units of the year's currency.
    pub amount: i64,
    /// What for.
    pub purpose: String,
    /// Of what kind (default `other`).
    pub category: Option<SpendingCategory>,
    /// A bid it served.
    pub bid: Option<Uuid>,
    /// A case study it served, by slug.
    pub case_study: Option<String>,
}

/// Whether a co-op is a federation member.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FederationBody {
    /// `true`: a member of the federation too.
    pub member: bool,
}

impl YearBody {
    /// The year, checked.
    pub fn parse(self) -> Result<YearInput, ValidationErrors> {
        YearInput::parse(YearDraft {
            year: self.year,
            purpose: self.purpose,
            currency: self.currency,
            suggested_amount: self.suggested_amount,
            suggested_bands: self
                .suggested_bands
                .iter()
                .map(|b| BandDraft {
                    up_to_members: b.up_to_members,
                    amount: b.amount,
                })
                .collect(),
            invitees: self.invitees,
        })
    }
}

impl PledgeBody {
    /// The answer, checked against the year's currency.
    pub fn parse(&self, year_currency: &str) -> Result<Answer, ValidationErrors> {
        PledgeDraft {
            amount: self.amount.clone().map(|m| (m.amount, m.currency)),
            declined: self.declined,
        }
        .parse(year_currency)
    }
}

impl InvoiceBody {
    /// The co-op invoiced and the invoice, checked.
    pub fn parse(self) -> Result<(String, InvoiceInput), ValidationErrors> {
        let input = InvoiceDraft {
            number: self.number,
            amount: self.amount,
            issued_on: Some(self.issued_on),
            due_on: Some(self.due_on),
        }
        .parse()?;
        Ok((self.coop, input))
    }
}

impl PaymentBody {
    /// The payment, checked.
    pub fn parse(self) -> Result<PaymentInput, ValidationErrors> {
        PaymentDraft {
            amount: self.amount,
            paid_on: Some(self.paid_on),
            reference: self.reference,
        }
        .parse()
    }
}

impl SpendingBody {
    /// The spending, checked.
    pub fn parse(self) -> Result<SpendingInput, ValidationErrors> {
        SpendingDraft {
            spent_on: Some(self.spent_on),
            amount: self.amount,
            purpose: self.purpose,
            category: self.category,
            bid: self.bid,
            case_study: self.case_study,
        }
        .parse()
    }
}

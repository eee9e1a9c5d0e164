//! The optional network fund: years with a purpose statement, each invited
//! co-op's answer (a pledge, or a decline, which is an ordinary answer and
//! never "overdue"), invoices and payments against pledges, spending, and
//! what is left with how long it lasts. Amounts are exact integers in minor
//! units of the year's currency.

mod input;
mod runway;

pub use input::{
    Answer, BandDraft, InvoiceDraft, InvoiceInput, MAX_AMOUNT, MAX_BAND_MEMBERS, MAX_BANDS,
    MAX_INVOICE_NUMBER, MAX_PURPOSE, MAX_REFERENCE, MAX_SPENDING_PURPOSE, PaymentDraft,
    PaymentInput, PledgeDraft, SpendingCategory, SpendingDraft, SpendingInput, YEARS, YearDraft,
    YearInput,
};
pub use runway::{RUNWAY_MONTHS, Runway, projection, runway};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::coop::{FundContribution, MembershipStatus};

/// Who a fund year invites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Invitees {
    /// Every approved member co-op.
    #[default]
    ApprovedCoops,
    /// Approved member co-ops that are also federation members.
    FederationMembers,
}

/// A suggested contribution for co-ops up to a number of members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Band {
    /// Co-ops with at most this many members; `null`: any larger one.
    pub up_to_members: Option<u32>,
    /// The suggested amount, minor units.
    pub amount: i64,
}

/// What a year suggests co-ops give (a suggestion: giving is optional).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum FundSuggestion {
    /// No amount is suggested.
    #[default]
    None,
    /// The same amount for every co-op.
    Flat {
        /// Minor units.
        amount: i64,
    },
    /// By the co-op's number of members, smallest band first.
    BySize {
        /// The bands, by `up_to_members` ascending, the open band last.
        bands: Vec<Band>,
    },
}

impl FundSuggestion {
    /// The amount suggested to a co-op of `members` (unknown: the smallest band).
    pub fn for_members(&self, members: Option<i32>) -> Option<i64> {
        match self {
            Self::None => None,
            Self::Flat { amount } => Some(*amount),
            Self::BySize { bands } => {
                let members = members.and_then(|m| u32::try_from(m).ok());
                bands
                    .iter()
                    .find(|band| match (members, band.up_to_members) {
                        (_, None) | (None, _) => true,
                        (Some(m), Some(top)) => m <= top,
                    })
                    .map(|band| band.amount)
            }
        }
    }
}

/// A fund year as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct FundYear {
    /// The calendar year.
    pub year: i32,
    /// What the fund is for, in the stewards' words.
    pub purpose: String,
    /// ISO 4217 currency of every amount of the year.
    pub currency: String,
    /// What co-ops are asked to consider giving.
    pub suggestion: FundSuggestion,
    /// Who is invited.
    pub invitees: Invitees,
    /// Bumped by every change.
    pub version: i32,
    /// UTC.
    pub created_at: DateTime<Utc>,
    /// UTC.
    pub updated_at: DateTime<Utc>,
}

/// What decides whether a co-op is invited to a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Invitation {
    /// Its membership of the network.
    pub status: MembershipStatus,
    /// Whether it is a federation member.
    pub federation_member: bool,
}

impl FundYear {
    /// Whether a co-op standing as `invitation` is invited to answer.
    pub fn invites(&self, invitation: Invitation) -> bool {
        invitation.status == MembershipStatus::Approved
            && (self.invitees == Invitees::ApprovedCoops || invitation.federation_member)
    }
}

/// A co-op's contribution status from its answer for the current year:
/// paying, not paying, or unknown while it has not answered.
pub fn contribution(answer: Option<&Answer>) -> Option<FundContribution> {
    answer.map(|answer| match answer {
        Answer::Pledged { .. } => FundContribution::Paying,
        Answer::Declined => FundContribution::NonPaying,
    })
}

/// Whether an invoice is paid: only "open" or "paid", never "overdue"
/// (giving is optional, so nothing is ever owed).
pub fn invoice_paid(amount: i64, paid: i64) -> bool {
    paid >= amount
}

#[cfg(test)]
mod tests;

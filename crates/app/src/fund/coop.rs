//! A co-op's own answers and invoices, for its admins and the stewards.

use super::pledges::AnswerKind;
use super::*;
use crate::shapes::CoopRef;
use chrono::{DateTime, Utc};
use coophub_domain::sharing::Money;
use serde::Serialize;

/// One year as a co-op sees its part in it.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoopYear {
    /// The year and its purpose.
    pub year: YearSummary,
    /// Whether the co-op is invited to answer.
    pub invited: bool,
    /// What the year suggests for a co-op of its size, minor units.
    pub suggested: Option<i64>,
    /// Its answer (`unanswered` until it gives one: nothing is ever overdue).
    pub answer: AnswerKind,
    /// What it pledged.
    pub amount: Option<Money>,
    /// When it answered.
    pub answered_at: Option<DateTime<Utc>>,
    /// The invoices of its pledge.
    pub invoices: Vec<InvoiceView>,
}

/// A co-op's part in the fund.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoopFund {
    /// The co-op.
    pub coop: CoopRef,
    /// Whether the stewards marked it a federation member.
    pub federation_member: bool,
    /// Every year, newest first.
    pub years: Vec<CoopYear>,
}

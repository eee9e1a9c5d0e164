//! Invited co-ops' answers (an amount, or a decline: an ordinary answer,
//! never chased), as the stewards see them.

use crate::shapes::CoopRef;
use chrono::{DateTime, Utc};
use coophub_domain::fund::Answer;
use coophub_domain::sharing::Money;
use serde::Serialize;

/// How a co-op answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    /// It pledged an amount.
    Pledged,
    /// It does not give this year.
    Declined,
    /// It has not answered (stewards' list only).
    Unanswered,
}

/// A co-op's answer to a year.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PledgeView {
    /// The year.
    pub year: i32,
    /// The co-op.
    pub coop: CoopRef,
    /// Its answer.
    pub answer: AnswerKind,
    /// The amount pledged.
    pub amount: Option<Money>,
    /// What the year suggests for a co-op of its size, minor units.
    pub suggested: Option<i64>,
    /// When it answered.
    pub answered_at: Option<DateTime<Utc>>,
}

/// How `answer` is shown: its kind and the amount pledged.
pub fn kind_and_amount(answer: Option<Answer>, currency: &str) -> (AnswerKind, Option<Money>) {
    match answer {
        Some(Answer::Pledged { amount }) => (
            AnswerKind::Pledged,
            Some(Money {
                amount,
                currency: currency.to_owned(),
            }),
        ),
        Some(Answer::Declined) => (AnswerKind::Declined, None),
        None => (AnswerKind::Unanswered, None),
    }
}

/// Every invited co-op's answer to a year.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PledgeList {
    /// By co-op slug.
    pub items: Vec<PledgeView>,
}

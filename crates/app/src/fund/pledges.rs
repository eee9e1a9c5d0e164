//! Invited co-ops' answers (an amount, or a decline: an ordinary answer,
//! never chased), given by co-ops' admins and seen by the stewards.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::fund::coop_fund;
use coophub_domain::coop::Coop;
use coophub_domain::fund::Answer;
use coophub_domain::sharing::Money;
use coophub_store::DbConnection;
use coophub_store::fund::{self, invoices, pledges};
use serde::Serialize;

use super::bodies::PledgeBody;
use super::{follow_answers, invited, steward, year_for};
use crate::guard::{Lock, load};
use crate::shapes::CoopRef;
use crate::{AppError, Clash, signed_in};

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

/// The admins of the co-op `body.coop` answer the year `year`: an amount or
/// a decline. Once invoiced, only the same answer again is taken.
pub fn answer(
    conn: &mut DbConnection,
    viewer: &Viewer,
    year: i32,
    body: &PledgeBody,
    now: DateTime<Utc>,
) -> Result<PledgeView, AppError> {
    let user = signed_in(viewer)?.id;
    let year = year_for(conn, year)?;
    let answer = body.parse(&year.currency)?;
    let coop = load::<Coop>(conn, viewer, &body.coop, coop_fund, Lock::Read)?;
    pledges::hold(conn, coop.id)?;
    if !invited(&year, &coop, &fund::federation_members(conn)?, now) {
        return Err(AppError::conflict(
            Clash::NotInvited,
            format!(
                "{} is not invited to the {} fund year",
                coop.slug, year.year
            ),
        ));
    }
    let invoiced = !invoices::list(conn, Some(year.year), Some(coop.id))?.is_empty();
    let same = pledges::find(conn, year.year, coop.id)?.is_some_and(|p| p.answer == answer);
    if invoiced && !same {
        return Err(AppError::conflict(
            Clash::PledgeInvoiced,
            "the pledge is invoiced; ask the stewards to change it",
        ));
    }
    let pledge = pledges::answer(conn, year.year, coop.id, answer, user, now)?;
    follow_answers(conn, &year, vec![coop.clone()], now)?;
    let (answer, amount) = kind_and_amount(Some(pledge.answer), &year.currency);
    Ok(PledgeView {
        year: year.year,
        suggested: year.suggestion.for_members(coop.profile.member_count),
        coop: CoopRef {
            slug: coop.slug,
            name: coop.profile.name,
        },
        answer,
        amount,
        answered_at: Some(pledge.answered_at),
    })
}

/// Stewards see every invited co-op's answer to the year `year` (or that
/// it has not answered), by slug.
pub fn list(
    conn: &mut DbConnection,
    viewer: &Viewer,
    year: i32,
    now: DateTime<Utc>,
) -> Result<PledgeList, AppError> {
    steward(viewer)?;
    let year = year_for(conn, year)?;
    let answers = pledges::of_year(conn, year.year)?;
    let federation = fund::federation_members(conn)?;
    let mut items = Vec::new();
    for coop in coophub_store::coops::all(conn)? {
        let answer = answers.iter().find(|p| p.coop_id == coop.id);
        if answer.is_none() && !invited(&year, &coop, &federation, now) {
            continue;
        }
        let (kind, amount) = kind_and_amount(answer.map(|p| p.answer), &year.currency);
        items.push(PledgeView {
            year: year.year,
            answer: kind,
            amount,
            suggested: year.suggestion.for_members(coop.profile.member_count),
            answered_at: answer.map(|p| p.answered_at),
            coop: CoopRef {
                slug: coop.slug,
                name: coop.profile.name,
            },
        });
    }
    items.sort_by(|a, b| a.coop.slug.cmp(&b.coop.slug));
    Ok(PledgeList { items })
}

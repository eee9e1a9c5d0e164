//! A co-op's own answers and invoices, for its admins and the stewards;
//! its federation membership, set by the stewards.

use super::pledges::{AnswerKind, kind_and_amount};
use super::*;
use crate::directory::coops::ADMINISTER;
use crate::guard::{Lock, load};
use crate::shapes::CoopRef;
use chrono::{DateTime, Utc};
use coophub_domain::access::fund::coop_fund;
use coophub_domain::sharing::Money;
use coophub_store::fund::{invoices, pledges};
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

/// The co-op `slug`'s part in every year of the fund, for its admins and
/// the stewards.
pub fn part_of(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    now: DateTime<Utc>,
) -> Result<CoopFund, AppError> {
    let coop = load::<Coop>(conn, viewer, slug, coop_fund, Lock::Read)?;
    let reference = CoopRef {
        slug: coop.slug.clone(),
        name: coop.profile.name.clone(),
    };
    let answers = pledges::of_coop(conn, coop.id)?;
    let federation = fund::federation_members(conn)?;
    let mut years = Vec::new();
    for year in fund::years(conn)? {
        let answer = answers.iter().find(|p| p.year == year.year);
        let (kind, amount) = kind_and_amount(answer.map(|p| p.answer), &year.currency);
        let invoices = invoices::list(conn, Some(year.year), Some(coop.id))?
            .into_iter()
            .map(|i| InvoiceView::new(i, reference.clone(), &year.currency))
            .collect();
        years.push(CoopYear {
            invited: invited(&year, &coop, &federation, now),
            suggested: year.suggestion.for_members(coop.profile.member_count),
            answer: kind,
            amount,
            answered_at: answer.map(|p| p.answered_at),
            invoices,
            year: YearSummary::from(&year),
        });
    }
    Ok(CoopFund {
        federation_member: federation.contains(&coop.id),
        coop: reference,
        years,
    })
}

/// Stewards mark the co-op `slug` a member of the federation, or not.
pub fn set_federation(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    member: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    steward(viewer)?;
    let coop = load::<Coop>(conn, viewer, slug, ADMINISTER, Lock::Read)?;
    Ok(fund::set_federation_member(conn, coop.id, member, now)?)
}

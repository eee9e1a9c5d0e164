//! A year of the fund as answers show it: its purpose for everyone, its
//! totals and runway for the network; opened and restated by stewards.

use super::*;
use crate::AppError;
use crate::shapes::CoopRef;
use coophub_domain::access::fund::see_totals;
use coophub_domain::bidding::MemberStatus;
use coophub_domain::fund::FundYear;
use coophub_domain::fund::Runway;
use coophub_domain::fund::{YearInput, runway};
use coophub_store::DbConnection;
use coophub_store::bidding::bids;
use coophub_store::fund::{self, pledges, spending};
use serde::Serialize;

/// The fund's years.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct YearList {
    /// Newest first.
    pub items: Vec<YearSummary>,
}

/// The year's sums, minor units (network members only).
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Totals {
    /// What co-ops pledged.
    pub pledged: i64,
    /// What won bids pledged (their network-fund share).
    pub pledged_by_bids: i64,
    /// How many co-ops pledged (who did not is never shown).
    pub contributing_coops: i64,
    /// Paid against the year's invoices.
    pub raised: i64,
    /// Spent this year.
    pub spent: i64,
    /// Left over from earlier years in the same currency.
    pub carried_in: i64,
    /// Carried in, plus raised, less spent.
    pub balance: i64,
}

/// A year: its purpose for everyone; for the network also its totals and
/// how long the balance lasts.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct YearDetail {
    /// The year and its purpose.
    #[serde(flatten)]
    pub summary: YearSummary,
    /// Network members only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub totals: Option<Totals>,
    /// Network members only: the balance over the recent monthly spending.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub runway: Option<Runway>,
    /// Stewards only: the won bids whose network-fund share is pledged
    /// income of the year, each with its consortium.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_bids: Option<Vec<BidShare>>,
}

/// A won bid's network-fund share.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BidShare {
    /// The bid.
    pub bid: uuid::Uuid,
    /// Its title.
    pub title: String,
    /// Its consortium: the lead first, then the co-ops that joined.
    pub consortium: Vec<CoopRef>,
    /// The share, minor units.
    pub amount: i64,
}

/// The fund shares of the bids won in `year`, with their consortia.
pub fn bid_shares(conn: &mut DbConnection, year: &FundYear) -> Result<Vec<BidShare>, AppError> {
    let mut shares = Vec::new();
    for (id, amount) in spending::bid_income(conn, year)? {
        let Some(bid) = bids::find(conn, id)? else {
            continue;
        };
        let mut members = bids::members(conn, id)?;
        members.retain(|m| matches!(m.status, MemberStatus::Lead | MemberStatus::Accepted));
        members.sort_by_key(|m| m.status != MemberStatus::Lead);
        let consortium = members
            .iter()
            .map(|m| coop_ref(conn, m.coop_id))
            .collect::<Result<_, _>>()?;
        shares.push(BidShare {
            bid: id,
            title: bid.title,
            consortium,
            amount,
        });
    }
    Ok(shares)
}

/// Stewards open a year; the co-ops it invites are followed for answers.
pub fn open(
    conn: &mut DbConnection,
    viewer: &Viewer,
    input: &YearInput,
    now: DateTime<Utc>,
) -> Result<YearSummary, AppError> {
    steward(viewer)?;
    let year = fund::insert_year(conn, input, now)?;
    let every = coophub_store::coops::all(conn)?;
    follow_answers(conn, &year, every, now)?;
    Ok(YearSummary::from(&year))
}

/// Stewards restate the open year `year`: its purpose, suggestion,
/// currency or invitees.
pub fn restate(
    conn: &mut DbConnection,
    viewer: &Viewer,
    year: i32,
    input: &YearInput,
    now: DateTime<Utc>,
) -> Result<YearSummary, AppError> {
    steward(viewer)?;
    let current = year_for(conn, year)?;
    let year = fund::replace_year(conn, &current, input, now)?;
    let every = coophub_store::coops::all(conn)?;
    follow_answers(conn, &year, every, now)?;
    Ok(YearSummary::from(&year))
}

/// Every year of the fund, with its purpose.
pub fn list(conn: &mut DbConnection) -> Result<YearList, AppError> {
    let items = fund::years(conn)?.iter().map(YearSummary::from).collect();
    Ok(YearList { items })
}

/// The year `year`: its purpose for everyone; for the network its totals
/// and its runway over the last `months`; for stewards the won bids' shares.
pub fn detail(
    conn: &mut DbConnection,
    viewer: &Viewer,
    year: i32,
    months: u32,
    today: NaiveDate,
) -> Result<YearDetail, AppError> {
    let year = year_for(conn, year)?;
    let summary = YearSummary::from(&year);
    if !see_totals(viewer) {
        return Ok(YearDetail {
            summary,
            totals: None,
            runway: None,
            from_bids: None,
        });
    }
    let answers: Vec<_> = pledges::of_year(conn, year.year)?
        .into_iter()
        .map(|p| p.answer)
        .collect();
    let sums = spending::sums(conn, &year, &answers)?;
    let dated = spending::dated_in(conn, &year.currency)?;
    let from_bids = if steward(viewer).is_ok() {
        Some(bid_shares(conn, &year)?)
    } else {
        None
    };
    let balance = sums.balance().map_err(coophub_store::StoreError::from)?;
    Ok(YearDetail {
        summary,
        from_bids,
        runway: Some(runway(balance, &dated, today, months)),
        totals: Some(Totals {
            pledged: sums.pledged,
            pledged_by_bids: sums.pledged_by_bids,
            contributing_coops: sums.contributing_coops,
            raised: sums.raised,
            spent: sums.spent,
            carried_in: sums.carried_in,
            balance,
        }),
    })
}

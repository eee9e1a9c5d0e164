//! A year of the fund as answers show it: its purpose for everyone, its
//! totals and runway for the network.

use super::*;
use crate::AppError;
use crate::shapes::CoopRef;
use coophub_domain::bidding::MemberStatus;
use coophub_domain::fund::FundYear;
use coophub_domain::fund::Runway;
use coophub_store::DbConnection;
use coophub_store::bidding::bids;
use coophub_store::fund::spending;
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

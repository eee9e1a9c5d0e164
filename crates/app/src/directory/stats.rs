//! Network totals, as the viewer may count them.

use crate::shapes::TenderValueBody;
use serde::Serialize;

/// What the network has, in numbers.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatsView {
    /// Approved member co-ops.
    pub coops: i64,
    /// People in approved co-ops (outside the network: public profiles only).
    pub people: i64,
    /// Distinct skills approved co-ops and their people list.
    pub skills: i64,
    /// Case studies (outside the network: those approved co-ops published).
    pub case_studies: i64,
    /// Offers of time open now (not lapsed).
    pub open_offers: i64,
    /// Requests for time open now (not past their last day).
    pub open_requests: i64,
    /// Placements accepted or under way.
    pub accepted_placements: i64,
    /// Placements completed.
    pub completed_placements: i64,
    /// Person-days of accepted, active and completed placements.
    pub days_placed: f64,
    /// Bids opened, submitted and won, and the value won; to network members
    /// only (`null` outside the network: bids are their consortium's business,
    /// and early on a count would tell of one).
    pub bids: Option<BidStats>,
}

/// What the network's consortia have done.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BidStats {
    /// Bids opened.
    pub formed: i64,
    /// Bids submitted (won and lost ones included).
    pub submitted: i64,
    /// Bids won.
    pub won: i64,
    /// The value of won bids, one entry per currency, in minor units.
    pub value_won: Vec<TenderValueBody>,
}

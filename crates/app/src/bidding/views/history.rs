//! A bid's history as answers show it.

use chrono::{DateTime, Utc};
use coophub_domain::bidding::BidHappening;
use serde::Serialize;

use crate::shapes::CoopRef;

/// One thing that happened to a bid.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryItemView {
    /// When (UTC).
    pub at: DateTime<Utc>,
    /// What.
    pub what: BidHappening,
    /// Who did it, as their account names them now (`null` when not
    /// recorded: bids opened before the history was kept, closed accounts).
    pub by: Option<String>,
    /// The co-op it concerns (invited, answering, given a role).
    pub coop: Option<CoopRef>,
    /// A role's or section's title, or the decision (`go`, `no_go`).
    pub detail: Option<String>,
    /// The same in words.
    pub summary: String,
}

/// What happened to a bid, oldest first.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BidHistoryView {
    /// Oldest first.
    pub items: Vec<HistoryItemView>,
}

//! Winning work together: `/api/v1/opportunities` (tenders, imported or
//! entered) and `/api/v1/bids` (consortia bidding for them).

pub mod bids;
pub mod opportunities;

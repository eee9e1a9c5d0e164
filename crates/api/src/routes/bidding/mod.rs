//! Winning work together: `/api/v1/opportunities` (tenders, imported or
//! entered) and `/api/v1/bids` (consortia bidding for them).

pub mod bids;
pub(crate) mod capability;
pub(crate) mod ocds_schema;
pub mod opportunities;

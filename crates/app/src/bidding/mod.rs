//! Winning work together: tenders (opportunities) and the bids on them.

pub mod bids;
pub mod bodies;
pub mod capability;
pub mod gaps;
pub mod messages;
pub mod opportunities;
pub mod partners;
pub mod ranking;
pub mod shares;
pub mod suggestions;
pub mod views;
pub mod workspace;

//! Winning work together: tenders (opportunities) and the bids on them.

pub mod opportunities;

//! Winning work together: opportunities (tenders) so far.

pub mod opportunities;
pub(crate) mod row;

//! Winning work together: opportunities (tenders) and the bids on them,
//! with their consortium, roles and sections; and where OCDS syncs stand.

pub mod bids;
pub mod documents;
pub mod history;
pub mod opportunities;
pub mod roles;
pub(crate) mod row;
pub mod sections;
pub mod sync_cursors;

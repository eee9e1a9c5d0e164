//! Opportunities: `/api/v1/opportunities`, its import from OCDS, and
//! `/api/v1/coops/{slug}/opportunities` ranked for a co-op.

pub mod create;
pub mod for_coop;
pub mod import;
pub mod list;
pub mod show;
mod view;

pub use view::{ImportAnswer, ImportedItem, ManualOpportunity, OpportunityList, OpportunityView};

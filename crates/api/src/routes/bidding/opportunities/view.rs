//! The JSON shapes of opportunities.

pub use coophub_app::bidding::bodies::ManualOpportunity;
pub use coophub_app::bidding::views::{ImportedItem, OpportunityList, OpportunityView};

use serde::Serialize;
use utoipa::ToSchema;

/// What an import did.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportAnswer {
    /// New processes.
    pub created: usize,
    /// Processes given a newer release.
    pub updated: usize,
    /// Releases no newer than the ones kept.
    pub unchanged: usize,
    /// Releases of another source's processes, not applied.
    pub kept: usize,
    /// Each release, in package order.
    pub items: Vec<ImportedItem>,
    /// What was odd but readable, at its JSON Pointer.
    pub warnings: Vec<crate::problem::ProblemItem>,
}

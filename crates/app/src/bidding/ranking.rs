//! Tenders ranked for a co-op, with what it covers.

use crate::bidding::views::OpportunityView;
use coophub_domain::bidding::Evidence;
use serde::Serialize;

/// A required skill the co-op covers, and how it shows it.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoveredView {
    /// Canonical slug.
    pub slug: String,
    /// `listed` (a technology or service), `case_study`, `people` (members only).
    pub evidence: Vec<Evidence>,
}

/// An opportunity ranked for a co-op, with the reasons.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RankedOpportunity {
    /// The opportunity.
    pub opportunity: OpportunityView,
    /// 0 to 1.
    pub score: f64,
    /// Required skills covered.
    pub covered: Vec<CoveredView>,
    /// Required skills missing: what partners could bring.
    pub missing: Vec<String>,
}

/// Ranked opportunities.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RankedList {
    /// Best fit first; ties to the sooner deadline, then the id.
    pub items: Vec<RankedOpportunity>,
    /// How many in all.
    pub total: usize,
    /// Page number.
    pub page: u32,
    /// Page size.
    pub per_page: u32,
}

//! Tenders ranked for a co-op, with the reasons.

use crate::bidding::views::OpportunityView;
use coophub_domain::bidding::Evidence;
use serde::Serialize;

/// Why a tender asks for a skill.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AskedBecause {
    /// `cpv` (one of its CPV codes), `asked` (added to the tender by hand)
    /// or `words` (a phrase of its title, description or lots).
    #[cfg_attr(feature = "openapi", schema(example = "words"))]
    pub kind: &'static str,
    /// The listed CPV code its code falls under (`kind` `cpv`).
    pub cpv: Option<String>,
    /// That code's CPV description.
    pub cpv_description: Option<String>,
    /// The phrase (`kind` `words`), e.g. `customer portal`.
    pub words: Option<String>,
}

/// A skill the tender asks for that the co-op shows, and how.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoveredView {
    /// Canonical slug.
    pub slug: String,
    /// `listed` (a technology or service), `case_study`, `people` (members only).
    pub evidence: Vec<Evidence>,
    /// Why the tender asks for it.
    pub because: AskedBecause,
}

/// Where the tender's work is, and how far from the co-op.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlaceFit {
    /// The town (from the tender's address or postcode, else its buyer's name).
    pub name: String,
    /// As the crow flies from the co-op, to 0.1 km.
    pub distance_km: f64,
}

/// An opportunity ranked for a co-op, with the reasons.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RankedOpportunity {
    /// The opportunity.
    pub opportunity: OpportunityView,
    /// 0 to 1: how much of what it asks for the co-op shows (its CPV codes
    /// and skills added by hand counting twice what its words suggest),
    /// then nearness (within 30 km, else 80 km) and the buyer saying it
    /// suits SMEs or VCSEs.
    pub score: f64,
    /// What it asks for that the co-op shows.
    pub covered: Vec<CoveredView>,
    /// Skills it asks for that the co-op does not show: what partners could bring.
    pub missing: Vec<String>,
    /// Where the work is, when both it and the co-op can be placed.
    pub place: Option<PlaceFit>,
    /// The rank in plain words: skills matched, place, value, suitability.
    pub reasons: Vec<String>,
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

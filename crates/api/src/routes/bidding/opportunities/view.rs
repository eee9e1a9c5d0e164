//! The JSON shapes of opportunities.

pub use coophub_app::bidding::views::{OpportunityList, OpportunityView};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::shapes::TenderValueBody;

/// A tender entered by hand.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ManualOpportunity {
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Buyer's name.
    pub buyer_name: Option<String>,
    /// Where the work is, e.g. `Yorkshire and the Humber`.
    pub region: Option<String>,
    /// Submission deadline (RFC 3339).
    pub deadline: Option<DateTime<Utc>>,
    /// Value in minor units.
    pub value: Option<TenderValueBody>,
    /// CPV codes (`72413000` or `72413000-8`): the skills they imply are added.
    #[serde(default)]
    pub cpv: Vec<String>,
    /// More skills needed, any spelling.
    #[serde(default)]
    pub skills: Vec<String>,
    /// Suitable for SMEs.
    pub suitable_for_sme: Option<bool>,
    /// Suitable for VCSEs.
    pub suitable_for_vcse: Option<bool>,
}

/// What became of one release.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportedItem {
    /// The process.
    pub ocid: String,
    /// The opportunity.
    pub id: Uuid,
    /// `created`, `updated`, `unchanged` (a release no newer than the one
    /// kept) or `kept` (the process came from another source, which alone,
    /// or a network admin, may update it: not applied).
    pub result: &'static str,
}

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

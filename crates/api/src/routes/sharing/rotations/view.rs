//! The JSON shapes of rotation requests and swaps.

pub use coophub_app::sharing::views::{
    RotationList, RotationView, SwapSuggestion, SwapSuggestionList, SwapView,
};

use chrono::NaiveDate;
use coophub_domain::sharing::{ProjectKind, RotationDraft};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// A rotation request as the person sends it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RotationBody {
    /// The person asking (their own profile, linked to their account).
    pub person_id: Uuid,
    /// The placement they would rotate off, if any (one of theirs).
    pub from_placement_id: Option<Uuid>,
    /// The offer of them they would rotate off, if any.
    pub from_offer_id: Option<Uuid>,
    /// Skills they would like to use, any spelling.
    #[serde(default)]
    pub wanted_skills: Vec<String>,
    /// `commercial` or `social_good`, if it matters.
    pub project_kind: Option<ProjectKind>,
    /// 0.5 to 5, in half days.
    pub days_per_week: f64,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Only for them and their co-op's admins.
    pub notes: Option<String>,
    /// Let people in other co-ops whose own rotation requests fit be told
    /// your name, co-op and skills (never your notes). Default: no.
    #[serde(default)]
    pub suggest_me: bool,
}

impl RotationBody {
    /// The draft for the domain's checks.
    pub fn draft(&self) -> RotationDraft {
        RotationDraft {
            from_placement: self.from_placement_id,
            from_offer: self.from_offer_id,
            wanted_skills: self.wanted_skills.clone(),
            project_kind: self.project_kind,
            days_per_week: self.days_per_week,
            start: Some(self.start),
            end: Some(self.end),
            notes: self.notes.clone(),
            suggest_me: self.suggest_me,
        }
    }
}

/// Proposing a swap.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SwapProposalBody {
    /// The other person's rotation request, from the suggestions.
    pub with_rotation_id: Uuid,
}

/// An answer to a swap.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SwapAnswer {
    /// `true` to agree, `false` to refuse (which ends the swap).
    pub agree: bool,
}

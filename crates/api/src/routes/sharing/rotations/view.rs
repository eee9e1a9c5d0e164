//! The JSON shapes of rotation requests and swaps.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use coophub_domain::sharing::{
    Party, ProjectKind, RotationDraft, RotationStatus, SWAP_DAYS, SwapProposal, SwapState,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::Asked;
use crate::routes::coops::SkillRef;
use crate::routes::people::CoopRef;
use crate::routes::sharing::views::{PersonRef, days};

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

fn coop_ref(asked: &Asked) -> CoopRef {
    CoopRef {
        slug: asked.coop.slug.clone(),
        name: asked.coop.profile.name.clone(),
    }
}

fn person_ref(asked: &Asked) -> PersonRef {
    PersonRef {
        id: asked.person.id,
        name: asked.person.name.clone(),
    }
}

/// A rotation request.
#[derive(Debug, Serialize, ToSchema)]
pub struct RotationView {
    /// Stable identifier.
    pub id: Uuid,
    /// Who asks.
    pub person: PersonRef,
    /// Their co-op.
    pub coop: CoopRef,
    /// The placement rotated off.
    pub from_placement_id: Option<Uuid>,
    /// The offer rotated off.
    pub from_offer_id: Option<Uuid>,
    /// Skills wanted.
    pub wanted_skills: Vec<SkillRef>,
    /// Kind of work wanted.
    pub project_kind: Option<ProjectKind>,
    /// Time a week.
    pub days_per_week: f64,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Private notes.
    pub notes: String,
    /// Whether they may be suggested to others.
    pub suggest_me: bool,
    /// `open`, `swapped` or `withdrawn`.
    pub status: RotationStatus,
    /// UTC.
    pub created_at: DateTime<Utc>,
}

impl RotationView {
    /// The view of `asked`.
    pub(crate) fn new(asked: Asked) -> Self {
        Self {
            person: person_ref(&asked),
            coop: coop_ref(&asked),
            id: asked.rotation.id,
            from_placement_id: asked.rotation.from_placement,
            from_offer_id: asked.rotation.from_offer,
            wanted_skills: asked
                .rotation
                .wanted_skills
                .into_iter()
                .map(|s| SkillRef {
                    slug: s.slug,
                    name: s.name,
                })
                .collect(),
            project_kind: asked.rotation.project_kind,
            days_per_week: days(asked.rotation.half_days),
            start: asked.rotation.dates.start,
            end: asked.rotation.dates.end,
            notes: asked.rotation.notes,
            suggest_me: asked.rotation.suggest_me,
            status: asked.rotation.status,
            created_at: asked.rotation.created_at,
        }
    }
}

/// A page of rotation requests.
#[derive(Debug, Serialize, ToSchema)]
pub struct RotationList {
    /// By start date.
    pub items: Vec<RotationView>,
    /// How many in all.
    pub total: i64,
    /// Page number.
    pub page: u32,
    /// Page size.
    pub per_page: u32,
}

/// Someone a swap could be with.
#[derive(Debug, Serialize, ToSchema)]
pub struct SwapSuggestion {
    /// Their rotation request (to propose a swap with).
    pub rotation_id: Uuid,
    /// Who.
    pub person: PersonRef,
    /// Their co-op.
    pub coop: CoopRef,
    /// Skills you want that they work with.
    pub skills_for_you: Vec<String>,
    /// Skills they want that you work with.
    pub skills_for_them: Vec<String>,
    /// The dates you both asked for.
    pub start: NaiveDate,
    /// Last shared day.
    pub end: NaiveDate,
    /// The time a week a swap would take (the lesser of the two).
    pub days_per_week: f64,
}

/// People a swap could be with, best fit first.
#[derive(Debug, Serialize, ToSchema)]
pub struct SwapSuggestionList {
    /// Most skills fitting first, then the lower rotation id.
    pub items: Vec<SwapSuggestion>,
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

/// One side of a swap.
#[derive(Debug, Serialize, ToSchema)]
pub struct SwapSide {
    /// The rotation request.
    pub rotation_id: Uuid,
    /// The person, who spends the time at the other co-op.
    pub person: PersonRef,
    /// Their co-op.
    pub coop: CoopRef,
}

impl SwapSide {
    /// The side of `asked`.
    pub(crate) fn of(asked: &Asked) -> Self {
        Self {
            rotation_id: asked.rotation.id,
            person: person_ref(asked),
            coop: coop_ref(asked),
        }
    }
}

/// A swap proposal and its answers.
#[derive(Debug, Serialize, ToSchema)]
pub struct SwapView {
    /// Stable identifier.
    pub id: Uuid,
    /// The side that proposed it.
    pub first: SwapSide,
    /// The other side.
    pub second: SwapSide,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Time a week each person spends at the other co-op.
    pub days_per_week: f64,
    /// `proposed`, `agreed`, `refused` or `lapsed`.
    pub state: SwapState,
    /// Who has agreed.
    pub agreed: Vec<Party>,
    /// Who has yet to answer (while proposed).
    pub waiting_for: Vec<Party>,
    /// When it was proposed.
    pub proposed_at: DateTime<Utc>,
    /// When it lapses unless everyone agrees.
    pub lapses_at: DateTime<Utc>,
    /// Once agreed: the first person's placement, then the second's.
    pub placement_ids: Option<[Uuid; 2]>,
}

impl SwapView {
    /// The view of `proposal` between `first` and `second`, as of `now`.
    pub(crate) fn new(
        proposal: SwapProposal,
        first: &Asked,
        second: &Asked,
        now: DateTime<Utc>,
    ) -> Self {
        let state = proposal.swap.state_at(now);
        Self {
            id: proposal.id,
            first: SwapSide::of(first),
            second: SwapSide::of(second),
            start: proposal.booking.range.start,
            end: proposal.booking.range.end,
            days_per_week: days(proposal.booking.half_days),
            state,
            waiting_for: if state == SwapState::Proposed {
                proposal.swap.waiting_for()
            } else {
                Vec::new()
            },
            agreed: proposal.swap.agreed,
            proposed_at: proposal.swap.proposed_at,
            lapses_at: proposal.swap.proposed_at + Duration::days(SWAP_DAYS),
            placement_ids: proposal.placements.map(|(a, b)| [a, b]),
        }
    }
}

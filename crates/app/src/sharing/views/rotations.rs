//! Rotations as answers show them: the same for every face.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use coophub_domain::sharing::*;
use serde::Serialize;
use uuid::Uuid;

use coophub_domain::access::sharing::PlacementFacts;
use coophub_domain::access::{self, Viewer};

use crate::shapes::{CoopRef, PersonRef, SkillRef, days};
use crate::sharing::rotations::Asked;

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
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

/// A page of rotation requests.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SwapSuggestionList {
    /// Most skills fitting first, then the lower rotation id.
    pub items: Vec<SwapSuggestion>,
}

/// One side of a swap.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SwapSide {
    /// The rotation request.
    pub rotation_id: Uuid,
    /// The person, who spends the time at the other co-op.
    pub person: PersonRef,
    /// Their co-op.
    pub coop: CoopRef,
}

/// A swap proposal and its answers.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    /// Once agreed: the placements booked, each with the person placed; to
    /// each viewer only those they may open (a person sees their own, the
    /// two co-ops' people both).
    pub placements: Vec<SwapPlacement>,
}

/// A placement a swap booked.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SwapPlacement {
    /// The placement.
    pub id: Uuid,
    /// Who it places.
    pub person: PersonRef,
}

impl RotationView {
    /// The view of `asked`.
    pub fn new(asked: Asked) -> Self {
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

impl SwapSide {
    /// The side of `asked`.
    pub fn of(asked: &Asked) -> Self {
        Self {
            rotation_id: asked.rotation.id,
            person: person_ref(asked),
            coop: coop_ref(asked),
        }
    }
}

impl SwapView {
    /// The view of `proposal` between `first` and `second` for `viewer`, as
    /// of `now`.
    pub fn new(
        proposal: SwapProposal,
        first: &Asked,
        second: &Asked,
        viewer: &Viewer,
        now: DateTime<Utc>,
    ) -> Self {
        let state = proposal.swap.state_at(now);
        // Each person is placed at the other's co-op (see `swaps::book`).
        let booked = |id: Uuid, placed: &Asked, host: &Asked| {
            let facts = PlacementFacts {
                offering: placed.coop.id,
                requesting: host.coop.id,
                person_account: placed.person.user_id,
            };
            access::sharing::read_placement(viewer, facts)
                .is_ok()
                .then(|| SwapPlacement {
                    id,
                    person: person_ref(placed),
                })
        };
        let placements = proposal
            .placements
            .map(|(a, b)| [booked(a, first, second), booked(b, second, first)])
            .into_iter()
            .flatten()
            .flatten()
            .collect();
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
            placements,
        }
    }
}

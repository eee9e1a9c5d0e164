//! Social-good proposals as answers show them: the same for every face.
//! The rotation request behind one stays private to the person and their
//! co-op's admins: the requesting co-op sees who, for what and when.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::rotation::read_rotation;
use coophub_domain::sharing::{ProposalParty, SWAP_DAYS, SocialGoodFit, SwapState, days_a_week};
use serde::Serialize;
use uuid::Uuid;

use crate::shapes::{CoopRef, PersonRef, days};
use crate::sharing::social_good::{Hosted, Proposed};

/// A social-good request as a proposal names it.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SocialGoodRequestRef {
    /// The request.
    pub id: Uuid,
    /// What it is for.
    pub title: String,
    /// The co-op asking.
    pub coop: CoopRef,
}

impl SocialGoodRequestRef {
    fn of(hosted: &Hosted) -> Self {
        Self {
            id: hosted.request.id,
            title: hosted.request.title.clone(),
            coop: CoopRef::of(&hosted.coop),
        }
    }
}

/// A social-good request a person who asked to rotate could take on.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SocialGoodSuggestion {
    /// The request.
    pub request: SocialGoodRequestRef,
    /// The request's skills the person has at the level it needs.
    pub skills: Vec<String>,
    /// Of those, the ones the person said they would like to use.
    pub wanted_skills: Vec<String>,
    /// First day both share.
    pub start: NaiveDate,
    /// Last day both share.
    pub end: NaiveDate,
    /// The lesser of the time asked to rotate and the time the request wants.
    pub days_per_week: f64,
    /// Why it is suggested, in sentences.
    pub reasons: Vec<String>,
}

impl SocialGoodSuggestion {
    /// The suggestion of `hosted`, fitting as `fit` says.
    pub fn new(hosted: &Hosted, fit: SocialGoodFit) -> Self {
        let mut reasons = Vec::new();
        if fit.skills.is_empty() {
            reasons.push("The request names no skill in particular.".to_owned());
        } else {
            reasons.push(format!(
                "You have what it needs: {}.",
                fit.skills.join(", ")
            ));
        }
        if !fit.wanted.is_empty() {
            reasons.push(format!(
                "It uses skills you would like to use: {}.",
                fit.wanted.join(", ")
            ));
        }
        reasons.push(format!(
            "{} from {} to {}, the dates you both gave.",
            capitalised(&days_a_week(fit.booking.half_days)),
            fit.booking.range.start,
            fit.booking.range.end
        ));
        Self {
            request: SocialGoodRequestRef::of(hosted),
            skills: fit.skills,
            wanted_skills: fit.wanted,
            start: fit.booking.range.start,
            end: fit.booking.range.end,
            days_per_week: days(fit.booking.half_days),
            reasons,
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Social-good requests for a rotation request.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SocialGoodSuggestionList {
    /// Most wanted skills used first, then most skills, then the lower request id.
    pub items: Vec<SocialGoodSuggestion>,
}

/// A social-good proposal and its answers.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SocialGoodProposalView {
    /// Stable identifier.
    pub id: Uuid,
    /// The person proposed.
    pub person: PersonRef,
    /// Their co-op.
    pub home_coop: CoopRef,
    /// The rotation request it came from: only for the person and their
    /// co-op's admins, to whom the request is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rotation_id: Option<Uuid>,
    /// The social-good request.
    pub request: SocialGoodRequestRef,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Time a week the person gives it.
    pub days_per_week: f64,
    /// `proposed`, `agreed`, `refused` or `lapsed`.
    pub state: SwapState,
    /// Who has agreed.
    pub agreed: Vec<ProposalParty>,
    /// Who has yet to answer (while proposed).
    pub waiting_for: Vec<ProposalParty>,
    /// The parties the viewer answers for.
    pub you_are: Vec<ProposalParty>,
    /// When it was proposed.
    pub proposed_at: DateTime<Utc>,
    /// When it lapses unless all three agree.
    pub lapses_at: DateTime<Utc>,
    /// Once agreed: the placement booked, which every party may open.
    pub placement_id: Option<Uuid>,
}

impl SocialGoodProposalView {
    /// The view of `proposed` for `viewer`, as of `now`.
    pub fn new(proposed: Proposed, viewer: &Viewer, now: DateTime<Utc>) -> Self {
        let you_are = coophub_domain::access::rotation::proposal_parties(viewer, proposed.facts());
        let Proposed {
            proposal,
            asked,
            hosted,
        } = proposed;
        let state = proposal.consent.state_at(now);
        Self {
            id: proposal.id,
            person: PersonRef {
                id: asked.person.id,
                name: asked.person.name.clone(),
            },
            home_coop: CoopRef::of(&asked.coop),
            rotation_id: read_rotation(viewer, asked.facts())
                .is_ok()
                .then_some(asked.rotation.id),
            request: SocialGoodRequestRef::of(&hosted),
            start: proposal.booking.range.start,
            end: proposal.booking.range.end,
            days_per_week: days(proposal.booking.half_days),
            state,
            waiting_for: if state == SwapState::Proposed {
                proposal.consent.waiting_for()
            } else {
                Vec::new()
            },
            agreed: proposal.consent.agreed,
            you_are,
            proposed_at: proposal.consent.proposed_at,
            lapses_at: proposal.consent.proposed_at + Duration::days(SWAP_DAYS),
            placement_id: proposal.placement,
        }
    }
}

//! What clients send to offer and ask for time, to ask an offer for a
//! placement, to move one, and to ask to rotate: the same for every face.

use chrono::NaiveDate;
use coophub_domain::sharing::{
    OfferDraft, OfferSkillDraft, OfferStatus, ProjectKind, RequestDraft, RequestStatus,
    RotationDraft, WorkMode,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::shapes::{MoneyBody, RequestSkillBody};

/// A skill an offer brings, as sent.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OfferSkillBody {
    /// Any spelling ("JS", "postgres"): normalised.
    pub skill: String,
    /// 1 (learning) to 5 (expert).
    pub level: i64,
}

/// An offer as a client creates or replaces it.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OfferRequest {
    /// The offering co-op's slug: required to create; a replacement keeps its co-op.
    pub coop: Option<String>,
    /// One of the co-op's people; leave out to offer an unnamed role. Fixed once offered.
    pub person_id: Option<Uuid>,
    /// What is offered, e.g. "Django developer".
    pub title: String,
    /// Skills with levels.
    #[serde(default)]
    pub skills: Vec<OfferSkillBody>,
    /// 0.5 to 5, in half days.
    pub days_per_week: f64,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// `remote`, `hybrid` or `onsite`.
    pub work_mode: WorkMode,
    /// Where the person works from, with `longitude` (default: the co-op's location).
    pub latitude: Option<f64>,
    /// With `latitude`.
    pub longitude: Option<f64>,
    /// Day rate in minor units; network members only see it.
    pub day_rate: Option<MoneyBody>,
    /// A lower rate for social-good work, in the day rate's currency.
    pub robin_hood_rate: Option<MoneyBody>,
    /// Free text.
    pub notes: Option<String>,
    /// `open` (default), `paused` or `closed`.
    #[serde(default)]
    pub status: OfferStatus,
}

impl OfferRequest {
    /// The draft for the domain's checks.
    pub fn draft(&self) -> OfferDraft {
        OfferDraft {
            person: self.person_id,
            title: self.title.clone(),
            skills: self
                .skills
                .iter()
                .map(|s| OfferSkillDraft {
                    skill: s.skill.clone(),
                    level: s.level,
                })
                .collect(),
            days_per_week: self.days_per_week,
            start: Some(self.start),
            end: Some(self.end),
            work_mode: Some(self.work_mode),
            latitude: self.latitude,
            longitude: self.longitude,
            day_rate: self.day_rate.as_ref().map(Into::into),
            robin_hood_rate: self.robin_hood_rate.as_ref().map(Into::into),
            notes: self.notes.clone(),
            status: self.status,
        }
    }
}

/// A request as a client creates or replaces it.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RequestBody {
    /// The asking co-op's slug: required to create; a replacement keeps its co-op.
    pub coop: Option<String>,
    /// What is needed.
    pub title: String,
    /// Skills, each with the least level that will do.
    #[serde(default)]
    pub skills: Vec<RequestSkillBody>,
    /// 0.5 to 5, in half days.
    pub days_per_week: f64,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// `remote`, `hybrid` or `onsite`; leave out when any will do.
    pub work_mode: Option<WorkMode>,
    /// Where, with `longitude`, for on-site and hybrid work.
    pub latitude: Option<f64>,
    /// With `latitude`.
    pub longitude: Option<f64>,
    /// The highest day rate, in minor units; network members only see it.
    pub budget: Option<MoneyBody>,
    /// `commercial` (default) or `social_good` (robin-hood rates apply).
    #[serde(default)]
    pub project_kind: ProjectKind,
    /// `open` (default), `filled` or `closed`.
    #[serde(default)]
    pub status: RequestStatus,
}

impl RequestBody {
    /// The draft for the domain's checks.
    pub fn draft(&self) -> RequestDraft {
        RequestDraft {
            title: self.title.clone(),
            skills: self
                .skills
                .iter()
                .map(|s| (s.skill.clone(), s.min_level))
                .collect(),
            days_per_week: self.days_per_week,
            start: Some(self.start),
            end: Some(self.end),
            work_mode: self.work_mode,
            latitude: self.latitude,
            longitude: self.longitude,
            budget: self.budget.as_ref().map(Into::into),
            project_kind: self.project_kind,
            status: self.status,
        }
    }
}

/// Asking an offer for time, as sent.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PlacementRequest {
    /// The slug of the co-op that asks (its admins ask).
    pub requesting_coop: String,
    /// The asking co-op's request this answers, if any.
    pub request_id: Option<Uuid>,
    /// 0.5 to 5, in half days.
    pub days_per_week: f64,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// To the offering co-op.
    pub message: Option<String>,
    /// The day rate the two co-ops agreed (minor units, ISO 4217 currency);
    /// shown to members of the two co-ops only.
    pub agreed_day_rate: Option<MoneyBody>,
}

/// Why, for a decline or a cancellation.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReasonBody {
    /// Said to the other side; required to cancel.
    pub reason: Option<String>,
}

/// A rotation request as the person sends it.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SwapProposalBody {
    /// The other person's rotation request, from the suggestions.
    pub with_rotation_id: Uuid,
}

/// An answer to a swap or a social-good proposal.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SwapAnswer {
    /// `true` to agree, `false` to refuse (which ends it).
    pub agree: bool,
}

/// Proposing a rotation request's person for a social-good request.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SocialGoodProposalBody {
    /// The social-good request, from the suggestions.
    pub request_id: Uuid,
}

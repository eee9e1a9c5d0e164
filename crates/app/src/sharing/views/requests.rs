//! Requests as answers show them: the same for every face.

use chrono::{DateTime, NaiveDate, Utc};
use coophub_domain::coop::Coop;
use coophub_domain::sharing::*;
use serde::Serialize;
use uuid::Uuid;

use crate::shapes::{CoopRef, LevelledSkillView, MoneyBody, Place, days, skill_views};

/// A request for time.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestView {
    /// Stable identifier.
    pub id: Uuid,
    /// The asking co-op.
    pub coop: CoopRef,
    /// What is needed.
    pub title: String,
    /// Skills with the least level that will do.
    pub skills: Vec<LevelledSkillView>,
    /// Time a week.
    pub days_per_week: f64,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Way of working; `null`: any.
    pub work_mode: Option<WorkMode>,
    /// Where.
    pub location: Option<Place>,
    /// Network members only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget: Option<Option<MoneyBody>>,
    /// What the work is for.
    pub project_kind: ProjectKind,
    /// Whether it still wants people.
    pub status: RequestStatus,
    /// Version; the ETag is this number in quotes.
    pub version: i32,
    /// UTC.
    pub created_at: DateTime<Utc>,
    /// UTC.
    pub updated_at: DateTime<Utc>,
}

/// A page of requests.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestList {
    /// Most recently changed first.
    pub items: Vec<RequestView>,
    /// How many in all.
    pub total: i64,
    /// Page number.
    pub page: u32,
    /// Page size.
    pub per_page: u32,
}

impl RequestView {
    /// The view of `request` of `coop`; the budget only when `rates`.
    pub fn new(request: Request, coop: &Coop, rates: bool) -> Self {
        Self {
            id: request.id,
            coop: CoopRef {
                slug: coop.slug.clone(),
                name: coop.profile.name.clone(),
            },
            title: request.title,
            skills: skill_views(request.skills),
            days_per_week: days(request.half_days),
            start: request.dates.start,
            end: request.dates.end,
            work_mode: request.work_mode,
            location: Place::of(request.location),
            budget: rates.then(|| request.budget.map(Into::into)),
            project_kind: request.project_kind,
            status: request.status,
            version: request.version,
            created_at: request.created_at,
            updated_at: request.updated_at,
        }
    }
}

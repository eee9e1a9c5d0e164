//! The JSON shapes of requests.

use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};
use chrono::{DateTime, NaiveDate, Utc};
use coophub_domain::coop::Coop;
use coophub_domain::sharing::{ProjectKind, Request, RequestDraft, RequestStatus, WorkMode};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::etag::etag;
use crate::routes::people::CoopRef;
use crate::routes::sharing::views::{LevelledSkillView, MoneyBody, Place, days, skill_views};

/// A skill a request asks for, as sent.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RequestSkillBody {
    /// Any spelling: normalised.
    pub skill: String,
    /// The least level that will do, 1 to 5.
    pub min_level: i64,
}

/// A request as a client creates or replaces it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
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

/// A request for time.
#[derive(Debug, Serialize, ToSchema)]
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

/// A page of requests.
#[derive(Debug, Serialize, ToSchema)]
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

/// A single request answer with its `ETag` (and `Location` when created).
pub fn request_response(status: StatusCode, view: RequestView) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    response.insert_header((header::ETAG, etag(view.version)));
    response.insert_header((header::VARY, "Authorization"));
    if status == StatusCode::CREATED {
        response.insert_header((header::LOCATION, format!("/api/v1/requests/{}", view.id)));
    }
    response.json(view)
}

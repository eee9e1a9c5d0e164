//! The JSON shapes of requests.

pub use coophub_app::sharing::views::{RequestList, RequestView};

use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};
use chrono::NaiveDate;
use coophub_domain::sharing::{ProjectKind, RequestDraft, RequestStatus, WorkMode};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::etag::etag;
use crate::shapes::{MoneyBody, RequestSkillBody};

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

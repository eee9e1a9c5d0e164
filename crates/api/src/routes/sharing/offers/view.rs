//! The JSON shapes of offers.

pub use coophub_app::sharing::views::{OfferList, OfferView};

use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};
use chrono::NaiveDate;
use coophub_domain::sharing::{OfferDraft, OfferSkillDraft, OfferStatus, WorkMode};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::etag::etag;
use crate::shapes::MoneyBody;

/// A skill an offer brings, as sent.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OfferSkillBody {
    /// Any spelling ("JS", "postgres"): normalised.
    pub skill: String,
    /// 1 (learning) to 5 (expert).
    pub level: i64,
}

/// An offer as a client creates or replaces it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
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

/// A single offer answer with its `ETag` (and `Location` when created).
pub fn offer_response(status: StatusCode, view: OfferView) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    response.insert_header((header::ETAG, etag(view.version)));
    response.insert_header((header::VARY, "Authorization"));
    if status == StatusCode::CREATED {
        response.insert_header((header::LOCATION, format!("/api/v1/offers/{}", view.id)));
    }
    response.json(view)
}

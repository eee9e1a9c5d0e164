//! Case studies: `/api/v1/case-studies`.

pub mod consent;
pub mod create;
pub mod delete;
pub mod from_bid;
pub mod list;
pub mod patch;
pub mod show;
pub mod update;

pub use coophub_app::directory::case_studies::{CaseStudyList, CaseStudyView, NamedCoop};

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use coophub_app::shapes::TenderValueBody;
use coophub_domain::case_study::{CaseStudy, CaseStudyDraft, ValueBand};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::Viewer;
use crate::etag::versioned;

/// A case study as a client creates or replaces it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseStudyRequest {
    /// URL name.
    pub slug: String,
    /// Title of the work.
    pub title: String,
    /// Who it was for.
    pub client: String,
    /// What was done.
    pub summary: Option<String>,
    /// Slugs of the co-ops that did it (at least one).
    pub coops: Vec<String>,
    /// Skills used, in any spelling.
    #[serde(default)]
    pub skills: Vec<String>,
    /// Year delivered.
    pub year: Option<i64>,
    /// Rough contract value.
    pub value_band: Option<ValueBand>,
    /// The contract's value in minor units (0 to the largest tender value)
    /// and an ISO 4217 currency, where the co-ops want to say it.
    pub value: Option<TenderValueBody>,
    /// What came of it.
    pub outcome: Option<String>,
    /// Links to more.
    #[serde(default)]
    pub links: Vec<String>,
}

impl From<CaseStudyRequest> for CaseStudyDraft {
    fn from(body: CaseStudyRequest) -> Self {
        Self {
            slug: body.slug,
            title: body.title,
            client: body.client,
            summary: body.summary,
            coops: body.coops,
            skills: body.skills,
            year: body.year,
            value_band: body.value_band,
            value: body.value.as_ref().map(Into::into),
            outcome: body.outcome,
            links: body.links,
        }
    }
}

/// A single case study answer (see [`versioned`]).
pub fn case_study_response(status: StatusCode, study: CaseStudy, viewer: &Viewer) -> HttpResponse {
    let (version, path) = (
        study.version,
        format!("/api/v1/case-studies/{}", study.slug),
    );
    versioned(status, version, &path, &CaseStudyView::new(study, viewer))
}

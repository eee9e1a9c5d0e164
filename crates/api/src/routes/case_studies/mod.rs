//! Case studies: `/api/v1/case-studies`.

pub mod create;
pub mod delete;
pub mod list;
pub mod show;
pub mod update;

use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};
use chrono::{DateTime, Utc};
use coophub_domain::case_study::{CaseStudy, CaseStudyDraft, CaseStudyInput, ValueBand};
use coophub_domain::coop::{Coop, CoopRole};
use coophub_domain::{FieldError, ValidationErrors};
use coophub_store::coops;
use coophub_store::coops::roles;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::Viewer;
use crate::etag::etag;
use crate::problem::ApiError;
use crate::routes::coops::SkillRef;
use crate::routes::people::CoopRef;
use crate::state::AppState;

/// A case study as a client creates or replaces it.
#[derive(Debug, Deserialize, ToSchema)]
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
            outcome: body.outcome,
            links: body.links,
        }
    }
}

/// A case study.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseStudyView {
    /// Stable identifier.
    pub id: Uuid,
    /// URL name.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Client.
    pub client: String,
    /// Summary.
    pub summary: String,
    /// The co-ops that did it (outside the network: approved members only).
    pub coops: Vec<CoopRef>,
    /// Skills used.
    pub skills: Vec<SkillRef>,
    /// Year delivered.
    pub year: Option<i32>,
    /// Rough value.
    pub value_band: Option<ValueBand>,
    /// Outcome.
    pub outcome: String,
    /// Links.
    pub links: Vec<String>,
    /// Version; the ETag is this number in quotes.
    pub version: i32,
    /// UTC.
    pub created_at: DateTime<Utc>,
    /// UTC.
    pub updated_at: DateTime<Utc>,
}

impl CaseStudyView {
    /// The view of `study` for `viewer`.
    pub fn new(study: CaseStudy, viewer: &Viewer) -> Self {
        let everyone = viewer.sees_network_only();
        Self {
            id: study.id,
            slug: study.slug,
            title: study.title,
            client: study.client,
            summary: study.summary,
            coops: study
                .coops
                .into_iter()
                .filter(|c| everyone || c.approved)
                .map(|c| CoopRef {
                    slug: c.slug,
                    name: c.name,
                })
                .collect(),
            skills: study.skills.into_iter().map(SkillRef::from).collect(),
            year: study.year,
            value_band: study.value_band,
            outcome: study.outcome,
            links: study.links,
            version: study.version,
            created_at: study.created_at,
            updated_at: study.updated_at,
        }
    }
}

/// A single case study answer with its `ETag`.
pub fn case_study_response(status: StatusCode, study: CaseStudy, viewer: &Viewer) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    response.insert_header((header::ETAG, etag(study.version)));
    if status == StatusCode::CREATED {
        response.insert_header((
            header::LOCATION,
            format!("/api/v1/case-studies/{}", study.slug),
        ));
    }
    response.json(CaseStudyView::new(study, viewer))
}

/// Checks the request and looks up its co-ops (422 for an unknown one).
pub(crate) async fn checked(
    state: &AppState,
    body: CaseStudyRequest,
) -> Result<(CaseStudyInput, Vec<Coop>), ApiError> {
    let input = CaseStudyInput::parse(body.into())?;
    let slugs: Vec<String> = input.coops.iter().map(|s| s.as_str().to_owned()).collect();
    let found = state
        .db(move |conn| {
            slugs
                .iter()
                .map(|slug| coops::find_by_slug(conn, slug))
                .collect::<Result<Vec<_>, _>>()
        })
        .await?;
    let mut errors = ValidationErrors::default();
    let mut named = Vec::new();
    for (i, coop) in found.into_iter().enumerate() {
        match coop {
            Some(coop) => named.push(coop),
            None => errors.0.push(FieldError::new(
                format!("/coops/{i}"),
                "no co-op has this slug",
            )),
        }
    }
    if errors.0.is_empty() {
        Ok((input, named))
    } else {
        Err(errors.into())
    }
}

/// `Ok` for network admins and admins of any of `coop_ids`; 403 otherwise.
pub(crate) async fn require_admin_of_any(
    state: &AppState,
    viewer: &Viewer,
    coop_ids: Vec<Uuid>,
) -> Result<(), ApiError> {
    let user = viewer.require_user()?.id;
    if viewer.is_network_admin() {
        return Ok(());
    }
    let role = state
        .db(move |conn| roles::best_role_in(conn, &coop_ids, user))
        .await?;
    let admin = role == Some(CoopRole::Admin);
    if admin {
        Ok(())
    } else {
        Err(ApiError::Forbidden(
            "only admins of a co-op named in the case study may do this".into(),
        ))
    }
}

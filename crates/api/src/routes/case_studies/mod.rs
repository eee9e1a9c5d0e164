//! Case studies: `/api/v1/case-studies`.

pub mod create;
pub mod delete;
pub mod list;
pub mod patch;
pub mod show;
pub mod update;

use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};
use chrono::{DateTime, Utc};
use coophub_domain::access::{self, CoopFacts};
use coophub_domain::case_study::{CaseStudy, CaseStudyDraft, CaseStudyInput, ValueBand};
use coophub_domain::coop::{Coop, MembershipStatus};
use coophub_domain::{FieldError, ValidationErrors};
use coophub_store::{DbConnection, case_studies, coops};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::{Viewer, refused};
use crate::etag::etag;
use crate::problem::ApiError;
use crate::routes::coops::SkillRef;
use crate::routes::people::CoopRef;

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

/// The co-ops a case study names, looked up by slug (422 for an unknown one).
pub(crate) fn named_coops(
    conn: &mut DbConnection,
    input: &CaseStudyInput,
) -> Result<Vec<Coop>, ApiError> {
    let mut errors = ValidationErrors::default();
    let mut named = Vec::new();
    for (i, slug) in input.coops.iter().enumerate() {
        match coops::find_by_slug(conn, slug.as_str())? {
            Some(coop) => named.push(coop),
            None => errors.0.push(FieldError::new(
                format!("/coops/{i}"),
                "no co-op has this slug",
            )),
        }
    }
    if errors.0.is_empty() {
        Ok(named)
    } else {
        Err(errors.into())
    }
}

/// Writes `input` over the case study `slug` (already checked with
/// [`case_study_to_change`]): the viewer must administer a co-op it names now.
pub(crate) fn replace_case_study(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    input: &CaseStudyInput,
    expected: Option<i32>,
    now: DateTime<Utc>,
) -> Result<CaseStudy, ApiError> {
    let ids: Vec<_> = named_coops(conn, input)?.iter().map(|c| c.id).collect();
    may_edit(viewer, &ids)?;
    Ok(case_studies::update(
        conn, slug, expected, input, &ids, now,
    )?)
}

/// 401/403 unless the viewer may write a case study naming `coops`.
pub(crate) fn may_edit(viewer: &Viewer, coops: &[Uuid]) -> Result<(), ApiError> {
    access::edit_case_study(viewer, coops).map_err(|denied| refused(denied, String::new))
}

/// The case study `slug` for a change by the viewer: visible (404 otherwise),
/// naming a co-op the viewer administers (403 otherwise), and locked until the
/// write transaction ends.
pub(crate) fn case_study_to_change(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
) -> Result<CaseStudy, ApiError> {
    let study = case_study_for(conn, viewer, slug, true)?;
    may_edit(
        viewer,
        &study.coops.iter().map(|c| c.id).collect::<Vec<_>>(),
    )?;
    Ok(study)
}

/// The case study `slug` if the viewer may see it (404 otherwise); locked
/// until the write transaction ends when `for_change`.
pub(crate) fn case_study_for(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    for_change: bool,
) -> Result<CaseStudy, ApiError> {
    let not_found = || format!("no case study {slug}");
    let study = if for_change {
        case_studies::find_for_update(conn, slug)?
    } else {
        case_studies::find_by_slug(conn, slug)?
    }
    .ok_or_else(|| ApiError::NotFound(not_found()))?;
    let involved: Vec<CoopFacts> = study
        .coops
        .iter()
        .map(|coop| CoopFacts {
            id: coop.id,
            status: if coop.approved {
                MembershipStatus::Approved
            } else {
                MembershipStatus::Applied
            },
        })
        .collect();
    access::read_case_study(viewer, &involved).map_err(|denied| refused(denied, not_found))?;
    Ok(study)
}

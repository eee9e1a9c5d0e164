//! `PATCH /api/v1/case-studies/{slug}`: change some fields of a case study.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, patch, web};
use coophub_app::directory::case_studies;
use coophub_app::directory::case_studies::EDIT;
use coophub_app::guard::{Lock, load};
use coophub_domain::case_study::{CaseStudy, CaseStudyInput};

use super::{CaseStudyRequest, CaseStudyView, case_study_response};
use crate::auth::SignedIn;
use crate::etag::expected_version;
use crate::extract::{Json, merge_patch};
use crate::problem::{
    ApiError, CaseStudyPublisher, JsonBody, Problem, SlugTaken, TokenRequired, Versioned,
};
use crate::state::AppState;

impl CaseStudyRequest {
    /// The case study as a client would `PUT` it: the base a merge patch applies to.
    pub(crate) fn current(study: &CaseStudy) -> Self {
        Self {
            slug: study.slug.clone(),
            title: study.title.clone(),
            client: study.client.clone(),
            summary: Some(study.summary.clone()).filter(|s| !s.is_empty()),
            coops: study.coops.iter().map(|c| c.slug.clone()).collect(),
            skills: study.skills.iter().map(|s| s.slug.clone()).collect(),
            year: study.year.map(i64::from),
            value_band: study.value_band,
            value: study.value.clone().map(Into::into),
            outcome: Some(study.outcome.clone()).filter(|s| !s.is_empty()),
            links: study.links.clone(),
        }
    }
}

/// Changes only the fields sent, as a JSON Merge Patch (RFC 7396, media type
/// `application/merge-patch+json`; `application/json` is read the same way):
/// an absent field keeps its value, `null` clears it, an array replaces the
/// whole list. The result is checked like a `PUT`; `If-Match` works the same.
#[utoipa::path(
    tag = "case-studies",
    security(("bearer" = [])),
    params(
        ("slug" = String, Path, description = "The case study's slug"),
        ("If-Match" = Option<String>, Header, description = "The ETag this change is based on"),
    ),
    request_body(content = Object, content_type = "application/merge-patch+json",
        description = "The fields of a CaseStudyRequest to change"),
    responses(
        TokenRequired, JsonBody, Versioned, CaseStudyPublisher, SlugTaken,
        (status = 200, description = "Updated", body = CaseStudyView),
        (status = 422, description = "Invalid fields or unknown co-ops", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/case-studies/{slug}")]
pub async fn patch_case_study(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: SignedIn,
    slug: web::Path<String>,
    body: Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    let expected = expected_version(&req)?;
    let patch = body.0;
    let now = state.clock.now();
    let (viewer, updated) = state
        .write(caller, move |conn, viewer| {
            let study = load::<CaseStudy>(conn, viewer, &slug, EDIT, Lock::ForChange)?;
            let input =
                merge_patch::<CaseStudyRequest>(&CaseStudyRequest::current(&study), &patch)?
                    .check(|merged| Ok(CaseStudyInput::parse(merged.into())?))?;
            Ok(case_studies::replace(
                conn,
                viewer,
                &study,
                &input,
                expected.as_ref(),
                now,
            )?)
        })
        .await?;
    Ok(case_study_response(StatusCode::OK, updated, &viewer))
}

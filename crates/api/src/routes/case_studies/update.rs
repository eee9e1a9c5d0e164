//! `PUT /api/v1/case-studies/{slug}`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, put, web};
use coophub_app::directory::case_studies;
use coophub_domain::case_study::CaseStudyInput;

use super::{CaseStudyRequest, CaseStudyView, case_study_response};
use crate::auth::SignedIn;
use crate::etag::expected_version;
use crate::extract::Checked;
use crate::problem::{
    ApiError, CaseStudyPublisher, JsonBody, Problem, SlugTaken, TokenRequired, Versioned,
};
use crate::state::AppState;

/// Replaces a case study. Admins of a co-op it names (before or after) may.
#[utoipa::path(
    tag = "case-studies",
    security(("bearer" = [])),
    params(
        ("slug" = String, Path, description = "The case study's slug"),
        ("If-Match" = Option<String>, Header, description = "The ETag this change is based on"),
    ),
    request_body = CaseStudyRequest,
    responses(
        TokenRequired, JsonBody, Versioned, CaseStudyPublisher, SlugTaken,
        (status = 200, description = "Updated", body = CaseStudyView),
        (status = 422, description = "Invalid fields, or co-ops that do not exist or that the caller may not see", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/case-studies/{slug}")]
pub async fn update_case_study(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: SignedIn,
    slug: web::Path<String>,
    body: Checked<CaseStudyRequest>,
) -> Result<HttpResponse, ApiError> {
    let expected = expected_version(&req)?;
    let input = body.check(|request| Ok(CaseStudyInput::parse(request.into())?))?;
    let now = state.clock.now();
    let (viewer, updated) = state
        .write(caller, move |conn, viewer| {
            Ok(case_studies::update(
                conn,
                viewer,
                &slug,
                expected.as_ref(),
                &input,
                now,
            )?)
        })
        .await?;
    Ok(case_study_response(StatusCode::OK, updated, &viewer))
}

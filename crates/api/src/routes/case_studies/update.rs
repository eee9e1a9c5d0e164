//! `PUT /api/v1/case-studies/{slug}`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, put, web};
use coophub_domain::case_study::CaseStudyInput;

use super::{
    CaseStudyRequest, CaseStudyView, case_study_response, case_study_to_change, replace_case_study,
};
use crate::auth::Caller;
use crate::etag::expected_version;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, Problem, SignedIn, Versioned};
use crate::routes::coops::create::slug_taken;
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
        SignedIn, JsonBody, Versioned,
        (status = 200, description = "Updated", body = CaseStudyView),
        (status = 403, description = "Not an admin of the co-op that published it", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case study", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The new slug is taken", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, or co-ops that do not exist or that the caller may not see", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/case-studies/{slug}")]
pub async fn update_case_study(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
    body: Checked<CaseStudyRequest>,
) -> Result<HttpResponse, ApiError> {
    let caller = caller.require_token()?;
    let expected = expected_version(&req)?;
    let input = body.check(|request| Ok(CaseStudyInput::parse(request.into())?))?;
    let now = state.clock.now();
    let (viewer, updated) = state
        .write(caller, move |conn, viewer| {
            let study = case_study_to_change(conn, viewer, &slug)?;
            replace_case_study(conn, viewer, &study, &input, expected.as_ref(), now)
        })
        .await
        .map_err(slug_taken("case study"))?;
    Ok(case_study_response(StatusCode::OK, updated, &viewer))
}

//! `POST /api/v1/case-studies`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::directory::case_studies;
use coophub_domain::case_study::CaseStudyInput;

use super::{CaseStudyRequest, CaseStudyView, case_study_response};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, Problem, SlugTaken, TokenRequired};
use crate::state::AppState;

/// Adds a case study. Admins of a co-op it names may (and network admins):
/// it belongs to the first named co-op the author administers, which edits
/// and deletes it. Other co-ops named are credited only once their admins
/// confirm (`POST /case-studies/{slug}/consent`); until then they are
/// `pending` and shown only to those who decide.
#[utoipa::path(
    tag = "case-studies",
    security(("bearer" = [])),
    request_body = CaseStudyRequest,
    responses(
        TokenRequired, JsonBody, SlugTaken,
        (status = 201, description = "Created", body = CaseStudyView),
        (status = 403, description = "Not an admin of a co-op it names", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, or co-ops that do not exist or that the caller may not see", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/case-studies")]
pub async fn create_case_study(
    state: web::Data<AppState>,
    caller: SignedIn,
    body: Checked<CaseStudyRequest>,
) -> Result<HttpResponse, ApiError> {
    let input = body.check(|request| Ok(CaseStudyInput::parse(request.into())?))?;
    let now = state.clock.now();
    let (viewer, study) = state
        .write(caller, move |conn, viewer| {
            Ok(case_studies::create(conn, viewer, &input, now)?)
        })
        .await?;
    Ok(case_study_response(StatusCode::CREATED, study, &viewer))
}

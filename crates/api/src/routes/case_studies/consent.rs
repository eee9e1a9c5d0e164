//! `POST /api/v1/case-studies/{slug}/consent`: a named co-op agrees to be
//! credited, or declines (and is removed from the study).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::directory::case_studies;
use coophub_store::case_studies::ConsentAnswer;
use serde::Deserialize;
use utoipa::ToSchema;

use super::{CaseStudyView, case_study_response};
use crate::auth::SignedIn;
use crate::extract::Json;
use crate::problem::{ApiError, JsonBody, Problem, TokenRequired};
use crate::state::AppState;

/// A named co-op's answer.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentRequest {
    /// The slug of the co-op answering (one the caller administers).
    pub coop: String,
    /// `confirm` to be credited, `decline` to be removed from the study.
    pub answer: Answer,
}

/// Whether a named co-op agrees to be credited.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Be credited.
    Confirm,
    /// Do not be named.
    Decline,
}

/// Confirms or declines being named in a case study another co-op published.
/// Only the named co-op's own admins answer (a network admin cannot consent
/// for a co-op); a confirmed co-op can still decline later.
#[utoipa::path(
    tag = "case-studies",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The case study's slug")),
    request_body = ConsentRequest,
    responses(
        TokenRequired, JsonBody,
        (status = 200, description = "The answer is recorded", body = CaseStudyView),
        (status = 403, description = "Not an admin of that co-op", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case study naming that co-op", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/case-studies/{slug}/consent")]
pub async fn answer_case_study(
    state: web::Data<AppState>,
    caller: SignedIn,
    slug: web::Path<String>,
    body: Json<ConsentRequest>,
) -> Result<HttpResponse, ApiError> {
    let ConsentRequest { coop, answer } = body.0;
    let answer = match answer {
        Answer::Confirm => ConsentAnswer::Confirm,
        Answer::Decline => ConsentAnswer::Decline,
    };
    let now = state.clock.now();
    let (viewer, study) = state
        .write(caller, move |conn, viewer| {
            Ok(case_studies::answer_consent(
                conn, viewer, &slug, &coop, answer, now,
            )?)
        })
        .await?;
    Ok(case_study_response(StatusCode::OK, study, &viewer))
}

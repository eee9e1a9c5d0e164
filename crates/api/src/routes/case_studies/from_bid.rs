//! `POST /api/v1/bids/{id}/case-study`: a won bid becomes a case study in
//! one call. It belongs to the lead co-op; the other consortium co-ops are
//! named in it only once their admins confirm, as for any case study.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::directory::case_studies::{self, WonBidStory};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::case_study_response;
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, NoSuchBid, Problem, TokenRequired};
use crate::state::AppState;

/// What the case study says beyond what the bid knows (both optional).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WonCaseStudyBody {
    /// A summary of the work.
    pub summary: Option<String>,
    /// What came of it.
    pub outcome: Option<String>,
}

/// Turns a won bid into a case study of the consortium: its title, client
/// (the buyer), co-ops, skills (its roles'), year and value band. The lead
/// co-op's admins do it, once.
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The bid's id")),
    request_body = WonCaseStudyBody,
    responses(
        TokenRequired, JsonBody, NoSuchBid,
        (status = 201, description = "The case study", body = super::CaseStudyView),
        (status = 403, description = "Not the lead co-op's admin", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not won, or a case study already (`bid_state`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/bids/{id}/case-study")]
pub async fn bid_case_study(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Checked<WonCaseStudyBody>,
) -> Result<HttpResponse, ApiError> {
    let body = body.check(Ok)?;
    let id = id.into_inner();
    let now = state.clock.now();
    let (viewer, study) = state
        .write(caller, move |conn, viewer| {
            let told = WonBidStory {
                summary: body.summary.clone(),
                outcome: body.outcome.clone(),
            };
            Ok(case_studies::from_won_bid(conn, viewer, id, told, now)?)
        })
        .await?;
    Ok(case_study_response(StatusCode::CREATED, study, &viewer))
}

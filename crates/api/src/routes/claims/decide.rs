//! `POST /api/v1/claims/{id}/decision`.

use actix_web::{post, web};
use coophub_app::directory::claims;
use uuid::Uuid;

use super::{ClaimDecisionBody, ClaimView};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, Problem, Steward, TokenRequired};
use crate::state::AppState;

/// The stewards approve a claim (the claimant becomes an admin of the
/// co-op) or refuse it; the claimant is told.
#[utoipa::path(
    tag = "coops",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The claim's id")),
    request_body = ClaimDecisionBody,
    responses(
        TokenRequired, JsonBody, Steward,
        (status = 200, description = "Decided", body = ClaimView),
        (status = 404, description = "No such claim", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Decided already (`claim_decided`), or the co-op has an admin by now (`coop_has_admins`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/claims/{id}/decision")]
pub async fn decide_claim(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Checked<ClaimDecisionBody>,
) -> Result<web::Json<ClaimView>, ApiError> {
    let approve = body.check(|body| Ok(body.approve))?;
    let id = id.into_inner();
    let now = state.clock.now();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(claims::decide(conn, viewer, id, approve, now)?)
        })
        .await?;
    Ok(web::Json(view))
}

//! `GET /api/v1/rotations/{id}/swaps` (who a swap could be with) and
//! `POST /api/v1/rotations/{id}/swaps` (propose one).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use coophub_app::sharing::swaps;
use uuid::Uuid;

use super::{SwapProposalBody, SwapSuggestionList, SwapView};
use crate::auth::{Caller, SignedIn};
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, NoSuchRotation, Problem, TokenRequired};
use crate::state::AppState;

/// People in other co-ops whose skills and dates fit, who have open rotation
/// requests of their own and agreed to be suggested: their name, co-op and
/// fitting skills, never their notes.
#[utoipa::path(
    tag = "sharing",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The rotation request's id")),
    responses(
        NoSuchRotation,
        (status = 200, description = "Possible swaps, best fit first", body = SwapSuggestionList),
    )
)]
#[get("/rotations/{id}/swaps")]
pub async fn suggest_swaps(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<SwapSuggestionList>, ApiError> {
    let id = id.into_inner();
    let (_, items) = state
        .read(caller, move |conn, viewer| {
            Ok(swaps::suggest(conn, viewer, id)?)
        })
        .await?;
    Ok(web::Json(SwapSuggestionList { items }))
}

/// The person (or their co-op's admins) proposes a swap with one of the
/// suggestions; proposing is agreeing. It needs both people and both
/// co-ops' admins within 14 days.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The rotation request's id")),
    request_body = SwapProposalBody,
    responses(
        TokenRequired, JsonBody,
        (status = 201, description = "Proposed", body = SwapView),
        (status = 404, description = "No such rotation request, or the other is not among the suggestions", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The rotation request is no longer open (`rotation_closed`), or a swap with the other is already waiting (`conflict`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/rotations/{id}/swaps")]
pub async fn propose_swap(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Checked<SwapProposalBody>,
) -> Result<HttpResponse, ApiError> {
    let with = body.check(|body| Ok(body.with_rotation_id))?;
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(swaps::propose(conn, viewer, id, with, now)?)
        })
        .await?;
    let mut response = HttpResponse::build(StatusCode::CREATED);
    response.insert_header(("Location", format!("/api/v1/swaps/{}", view.id)));
    Ok(response.json(view))
}

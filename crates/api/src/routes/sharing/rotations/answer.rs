//! `GET /api/v1/swaps/{id}` and `POST /api/v1/swaps/{id}/answer`: the four
//! parties answer; the fourth yes books the two placements in the same
//! transaction, under both co-ops' capacity locks, or nothing changes.

use actix_web::{get, post, web};
use coophub_app::sharing::swaps;
use uuid::Uuid;

use super::{SwapAnswer, SwapView};
use crate::auth::{Caller, SignedIn};
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, NoSuchSwap, Problem, TokenRequired};
use crate::state::AppState;

/// A swap, to its four parties.
#[utoipa::path(
    tag = "sharing",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The swap's id")),
    responses(
        NoSuchSwap,
        (status = 200, description = "The swap", body = SwapView),
    )
)]
#[get("/swaps/{id}")]
pub async fn show_swap(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<SwapView>, ApiError> {
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, view) = state
        .read(caller, move |conn, viewer| {
            Ok(swaps::show(conn, viewer, id, now)?)
        })
        .await?;
    Ok(web::Json(view))
}

/// A party answers (an account that is several parties answers for each):
/// one no refuses the swap; the last yes books both placements as accepted.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The swap's id")),
    request_body = SwapAnswer,
    responses(
        TokenRequired, JsonBody, NoSuchSwap,
        (status = 200, description = "Answered", body = SwapView),
        (status = 409, description = "The swap is no longer waiting (`swap_closed`), a rotation request was withdrawn (`rotation_closed`), or a person's week is full (`over_capacity`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/swaps/{id}/answer")]
pub async fn answer_swap(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Checked<SwapAnswer>,
) -> Result<web::Json<SwapView>, ApiError> {
    let agree = body.check(|body| Ok(body.agree))?;
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(swaps::answer(conn, viewer, id, agree, now)?)
        })
        .await?;
    Ok(web::Json(view))
}

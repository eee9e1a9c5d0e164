//! `GET /api/v1/placements/{id}` and `GET /api/v1/placements/{id}/history`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use coophub_app::sharing::placements;
use uuid::Uuid;

use super::{HistoryView, PlacementView, placement_response};
use crate::auth::Caller;
use crate::problem::{ApiError, HiddenPlacement};
use crate::state::AppState;

/// A placement, to the two co-ops' users, the person placed and network admins.
#[utoipa::path(
    tag = "sharing",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The placement's id")),
    responses(
        HiddenPlacement,
        (status = 200, description = "The placement", body = PlacementView),
    )
)]
#[get("/placements/{id}")]
pub async fn show_placement(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let today = state.clock.now().date_naive();
    let id = id.into_inner();
    let (_, view) = state
        .read(caller, move |conn, viewer| {
            Ok(placements::show(conn, viewer, id, today)?)
        })
        .await?;
    Ok(placement_response(StatusCode::OK, view))
}

/// Every change of a placement: who, when and why, oldest first.
#[utoipa::path(
    tag = "sharing",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The placement's id")),
    responses(
        HiddenPlacement,
        (status = 200, description = "The history", body = HistoryView),
    )
)]
#[get("/placements/{id}/history")]
pub async fn placement_history(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<HistoryView>, ApiError> {
    let id = id.into_inner();
    let (_, history) = state
        .read(caller, move |conn, viewer| {
            Ok(placements::history(conn, viewer, id)?)
        })
        .await?;
    Ok(web::Json(history))
}

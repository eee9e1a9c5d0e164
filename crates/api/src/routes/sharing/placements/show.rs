//! `GET /api/v1/placements/{id}` and `GET /api/v1/placements/{id}/history`.

use coophub_app::guard::{Lock, load};
use coophub_app::sharing::placements::Involved;
use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use coophub_domain::access::sharing as access;
use coophub_store::sharing::placements;
use coophub_store::users;
use uuid::Uuid;

use super::{HistoryView, PlacementEventView, PlacementView, placement_response, view_of};
use crate::auth::Caller;
use crate::problem::{ApiError, Problem};
use crate::state::AppState;

/// A placement, to the two co-ops' users, the person placed and network admins.
#[utoipa::path(
    tag = "sharing",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The placement's id")),
    responses(
        (status = 200, description = "The placement", body = PlacementView),
        (status = 404, description = "No such placement (or not visible to the caller)", body = Problem, content_type = "application/problem+json"),
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
            let involved = load::<Involved>(conn, viewer, &id, access::read_placement, Lock::Read)?;
            view_of(
                conn,
                viewer,
                involved.placement,
                [&involved.offering, &involved.requesting],
                today,
            )
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
        (status = 200, description = "The history", body = HistoryView),
        (status = 404, description = "No such placement (or not visible to the caller)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/placements/{id}/history")]
pub async fn placement_history(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<HistoryView>, ApiError> {
    let id = id.into_inner();
    let (_, items) = state
        .read(caller, move |conn, viewer| {
            load::<Involved>(conn, viewer, &id, access::read_placement, Lock::Read)?;
            let events = placements::history(conn, id)?;
            let mut names: HashMap<Uuid, Option<String>> = HashMap::new();
            let mut items = Vec::with_capacity(events.len());
            for event in events {
                let by_name = match event.user_id {
                    Some(user) => match names.get(&user) {
                        Some(name) => name.clone(),
                        None => {
                            let name = users::find(conn, user)?.map(|(u, _)| u.name);
                            names.insert(user, name.clone());
                            name
                        }
                    },
                    None => None,
                };
                items.push(PlacementEventView {
                    seq: event.seq,
                    state: event.state,
                    action: event.action,
                    by_user_id: event.user_id,
                    by_name,
                    reason: event.reason,
                    at: event.at,
                });
            }
            Ok(items)
        })
        .await?;
    Ok(web::Json(HistoryView {
        placement_id: id,
        items,
    }))
}

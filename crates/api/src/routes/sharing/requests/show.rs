//! `GET /api/v1/requests/{id}`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use coophub_app::sharing::requests;
use uuid::Uuid;

use super::{RequestView, request_response};
use crate::auth::Caller;
use crate::problem::{ApiError, HiddenRequest};
use crate::state::AppState;

/// A request. Open requests of member co-ops show to everyone (budgets to
/// the network only); filled and closed ones only to their co-op.
#[utoipa::path(
    tag = "sharing",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The request's id")),
    responses(
        HiddenRequest,
        (status = 200, description = "The request", body = RequestView),
    )
)]
#[get("/requests/{id}")]
pub async fn show_request(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (_, view) = state
        .read(caller, move |conn, viewer| {
            Ok(requests::show(conn, viewer, id)?)
        })
        .await?;
    Ok(request_response(StatusCode::OK, view))
}

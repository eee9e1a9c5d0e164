//! `GET /api/v1/requests/{id}`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use coophub_app::guard::{Lock, load};
use coophub_domain::access::sharing as access;
use coophub_domain::coop::Coop;
use coophub_domain::sharing::Request;
use uuid::Uuid;

use super::{RequestView, request_response};
use crate::auth::Caller;
use crate::problem::{ApiError, Problem};
use crate::state::AppState;

/// A request. Open requests of member co-ops show to everyone (budgets to
/// the network only); filled and closed ones only to their co-op.
#[utoipa::path(
    tag = "sharing",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The request's id")),
    responses(
        (status = 200, description = "The request", body = RequestView),
        (status = 404, description = "No such request (or not visible to the caller)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/requests/{id}")]
pub async fn show_request(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (viewer, (request, coop)) = state
        .read(caller, move |conn, viewer| {
            Ok(load::<(Request, Coop)>(
                conn,
                viewer,
                &id,
                access::read_listing,
                Lock::Read,
            )?)
        })
        .await?;
    let rates = access::see_rates(&viewer, coop.id);
    Ok(request_response(
        StatusCode::OK,
        RequestView::new(request, &coop, rates),
    ))
}

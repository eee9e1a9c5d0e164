//! `DELETE /api/v1/requests/{id}`.

use actix_web::{HttpRequest, HttpResponse, delete, web};
use coophub_domain::access::sharing as access;
use coophub_store::sharing::requests;
use uuid::Uuid;

use super::request_to_change;
use crate::auth::Caller;
use crate::etag::expected_version;
use crate::problem::{ApiError, Problem, SignedIn, Versioned};
use crate::state::AppState;

/// Withdraws a request; placements that answered it keep their history.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "The request's id"),
        ("If-Match" = Option<String>, Header, description = "The ETag this is based on"),
    ),
    responses(
        SignedIn, Versioned,
        (status = 204, description = "Deleted"),
        (status = 403, description = "Not an admin of the asking co-op", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such request", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/requests/{id}")]
pub async fn delete_request(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let caller = caller.require_token()?;
    let expected = expected_version(&req)?;
    let now = state.clock.now();
    let id = id.into_inner();
    state
        .write(caller, move |conn, viewer| {
            let (request, _) = request_to_change(conn, viewer, id, access::administer_listing)?;
            Ok(requests::delete(conn, &request, expected.as_ref(), now)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

//! `DELETE /api/v1/requests/{id}`.

use actix_web::{HttpRequest, HttpResponse, delete, web};
use coophub_app::guard::{Lock, load};
use coophub_domain::access::sharing as access;
use coophub_domain::coop::Coop;
use coophub_domain::sharing::Request;
use coophub_store::sharing::requests;
use uuid::Uuid;

use crate::auth::SignedIn;
use crate::etag::expected_version;
use crate::problem::{ApiError, Problem, TokenRequired, Versioned};
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
        TokenRequired, Versioned,
        (status = 204, description = "Deleted"),
        (status = 403, description = "Not an admin of the asking co-op", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such request", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/requests/{id}")]
pub async fn delete_request(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let expected = expected_version(&req)?;
    let now = state.clock.now();
    let id = id.into_inner();
    state
        .write(caller, move |conn, viewer| {
            let (request, _) = load::<(Request, Coop)>(
                conn,
                viewer,
                &id,
                access::administer_listing,
                Lock::ForChange,
            )?;
            Ok(requests::delete(conn, &request, expected.as_ref(), now)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

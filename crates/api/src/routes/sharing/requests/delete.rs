//! `DELETE /api/v1/requests/{id}`.

use actix_web::{HttpRequest, HttpResponse, delete, web};
use coophub_app::sharing::requests;
use uuid::Uuid;

use crate::auth::SignedIn;
use crate::etag::expected_version;
use crate::problem::{ApiError, RequestAdmin, TokenRequired, Versioned};
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
        TokenRequired, Versioned, RequestAdmin,
        (status = 204, description = "Deleted"),
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
            Ok(requests::delete(conn, viewer, id, expected.as_ref(), now)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

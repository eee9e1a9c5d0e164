//! `DELETE /api/v1/offers/{id}`.

use actix_web::{HttpRequest, HttpResponse, delete, web};
use coophub_app::sharing::offers;
use uuid::Uuid;

use crate::auth::SignedIn;
use crate::etag::expected_version;
use crate::problem::{ApiError, OfferAdmin, Problem, TokenRequired, Versioned};
use crate::state::AppState;

/// Withdraws an offer nobody has asked for yet. One with placements keeps
/// their history: close it instead (`status: closed`).
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "The offer's id"),
        ("If-Match" = Option<String>, Header, description = "The ETag this is based on"),
    ),
    responses(
        TokenRequired, Versioned, OfferAdmin,
        (status = 204, description = "Deleted"),
        (status = 409, description = "The offer has placements (`offer_has_placements`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/offers/{id}")]
pub async fn delete_offer(
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
            Ok(offers::delete(conn, viewer, id, expected.as_ref(), now)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

//! `DELETE /api/v1/offers/{id}`.

use actix_web::{HttpRequest, HttpResponse, delete, web};
use coophub_app::guard::{Lock, load};
use coophub_domain::access::sharing as access;
use coophub_domain::coop::Coop;
use coophub_domain::sharing::Offer;
use coophub_store::sharing::{offers, placements};
use uuid::Uuid;

use crate::auth::SignedIn;
use crate::etag::expected_version;
use crate::problem::{ApiError, Code, Problem, TokenRequired, Versioned};
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
        TokenRequired, Versioned,
        (status = 204, description = "Deleted"),
        (status = 403, description = "Not an admin of the offering co-op", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such offer", body = Problem, content_type = "application/problem+json"),
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
            let (offer, _) = load::<(Offer, Coop)>(
                conn,
                viewer,
                &id,
                (access::administer_listing, now),
                Lock::ForChange,
            )?;
            if placements::count_for_offer(conn, offer.id)? > 0 {
                return Err(ApiError::conflict(
                    Code::OfferHasPlacements,
                    "the offer has placements, whose history stays: close it instead",
                ));
            }
            Ok(offers::delete(conn, &offer, expected.as_ref(), now)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

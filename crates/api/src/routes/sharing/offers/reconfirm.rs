//! `POST /api/v1/offers/{id}/reconfirm`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, post, web};
use coophub_app::sharing::offers;
use uuid::Uuid;

use super::{OfferView, offer_response};
use crate::auth::SignedIn;
use crate::etag::expected_version;
use crate::problem::{ApiError, OfferAdmin, TokenRequired, Versioned};
use crate::state::AppState;

/// Confirms that the offer still holds: it lapses 30 days after the last
/// confirmation, and leaves search and matching until reconfirmed.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "The offer's id"),
        ("If-Match" = Option<String>, Header, description = "The ETag this is based on"),
    ),
    responses(
        TokenRequired, Versioned, OfferAdmin,
        (status = 200, description = "Reconfirmed", body = OfferView),
    )
)]
#[post("/offers/{id}/reconfirm")]
pub async fn reconfirm_offer(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let expected = expected_version(&req)?;
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(offers::reconfirm(conn, viewer, id, expected.as_ref(), now)?)
        })
        .await?;
    Ok(offer_response(StatusCode::OK, view))
}

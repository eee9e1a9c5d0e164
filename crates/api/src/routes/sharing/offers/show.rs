//! `GET /api/v1/offers/{id}`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use coophub_app::sharing::offers;
use uuid::Uuid;

use super::{OfferView, offer_response};
use crate::auth::Caller;
use crate::problem::{ApiError, HiddenOffer};
use crate::state::AppState;

/// An offer. Live offers of member co-ops show to everyone (rates to the
/// network only); paused, closed and lapsed ones only to their co-op.
#[utoipa::path(
    tag = "sharing",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The offer's id")),
    responses(
        HiddenOffer,
        (status = 200, description = "The offer", body = OfferView),
    )
)]
#[get("/offers/{id}")]
pub async fn show_offer(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, view) = state
        .read(caller, move |conn, viewer| {
            Ok(offers::show(conn, viewer, id, now)?)
        })
        .await?;
    Ok(offer_response(StatusCode::OK, view))
}

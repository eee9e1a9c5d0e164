//! `GET /api/v1/offers/{id}/murmurations` and
//! `GET /api/v1/requests/{id}/murmurations`: offers and requests as
//! Murmurations `offers_wants_schema-v0.1.0` profiles, so that other
//! networks can find them. Rates and budgets never appear in them.

use actix_web::{get, web};
use coophub_app::sharing::murmurations::{self, OfferWantProfile};
use uuid::Uuid;

use crate::auth::Caller;
use crate::problem::{ApiError, HiddenOffer, HiddenRequest};
use crate::state::AppState;

/// A live offer as a Murmurations `offer` (no rates).
#[utoipa::path(
    tag = "sharing",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The offer's id")),
    responses(
        HiddenOffer,
        (status = 200, description = "The profile", body = OfferWantProfile),
    )
)]
#[get("/offers/{id}/murmurations")]
pub async fn offer_profile(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<OfferWantProfile>, ApiError> {
    let now = state.clock.now();
    let id = id.into_inner();
    let base = format!("{}/api/v1", state.public_url);
    let (_, profile) = state
        .read(caller, move |conn, viewer| {
            Ok(murmurations::offer_profile(conn, viewer, id, &base, now)?)
        })
        .await?;
    Ok(web::Json(profile))
}

/// An open request as a Murmurations `want` (no budget).
#[utoipa::path(
    tag = "sharing",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The request's id")),
    responses(
        HiddenRequest,
        (status = 200, description = "The profile", body = OfferWantProfile),
    )
)]
#[get("/requests/{id}/murmurations")]
pub async fn request_profile(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<OfferWantProfile>, ApiError> {
    let id = id.into_inner();
    let base = format!("{}/api/v1", state.public_url);
    let (_, profile) = state
        .read(caller, move |conn, viewer| {
            Ok(murmurations::request_profile(conn, viewer, id, &base)?)
        })
        .await?;
    Ok(web::Json(profile))
}

//! `POST /api/v1/offers`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::sharing::offers;
use coophub_domain::sharing::OfferInput;

use super::super::with_coop;
use super::{OfferRequest, OfferView, offer_response};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, CoopAdmin, JsonBody, TokenRequired};
use crate::state::AppState;

/// The co-op's admins offer time: a named person (one of its people) or an
/// unnamed role. It is open to requests for 30 days, unless reconfirmed.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    request_body = OfferRequest,
    responses(
        TokenRequired, JsonBody, CoopAdmin,
        (status = 201, description = "Offered", body = OfferView),
    )
)]
#[post("/offers")]
pub async fn create_offer(
    state: web::Data<AppState>,
    caller: SignedIn,
    body: Checked<OfferRequest>,
) -> Result<HttpResponse, ApiError> {
    let (slug, input) = body.check(|body| {
        let input = OfferInput::parse(body.draft());
        with_coop(body.coop, input, "offering")
    })?;
    let now = state.clock.now();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(offers::create(conn, viewer, &slug, &input, now)?)
        })
        .await?;
    Ok(offer_response(StatusCode::CREATED, view))
}

//! `PUT /api/v1/bids/{id}/terms`: the lead changes the bid's name,
//! coordinator, price, premium and fund share while the bid is open.

use actix_web::{put, web};
use coophub_app::bidding::bids;
use coophub_domain::bidding::BidInput;
use uuid::Uuid;

use super::{BidTermsBody, BidView};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, BidLead, BidOpen, JsonBody, TokenRequired};
use crate::state::AppState;

/// Replaces the bid's terms (what is left out goes back to its default: the
/// tender's value, a 5% premium, no fund share); the shares follow at once.
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The bid's id")),
    request_body = BidTermsBody,
    responses(
        TokenRequired, JsonBody, BidLead, BidOpen,
        (status = 200, description = "Changed", body = BidView),
    )
)]
#[put("/bids/{id}/terms")]
pub async fn change_bid_terms(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Checked<BidTermsBody>,
) -> Result<web::Json<BidView>, ApiError> {
    let body = body.check(Ok)?;
    let id = id.into_inner();
    let now = state.clock.now();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(bids::change_terms(
                conn,
                viewer,
                id,
                body.coordinator,
                |lot| BidInput::parse(body.draft(lot)),
                now,
            )?)
        })
        .await?;
    Ok(web::Json(view))
}

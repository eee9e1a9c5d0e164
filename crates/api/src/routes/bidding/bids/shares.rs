//! `GET /api/v1/bids/{id}/shares`: each partner's work and revenue share
//! (`coophub_domain::bidding::fair_shares`), to the consortium only.

use actix_web::{get, web};
use coophub_app::bidding::shares::{self, SharesView};
use uuid::Uuid;

use crate::auth::Caller;
use crate::problem::{ApiError, BidConsortium};
use crate::state::AppState;

/// Each consortium partner's work share (effort) and revenue share (the
/// sum of its roles' effort × internal rate, plus the lead premium), and
/// the optional network-fund contribution: exact integers that add up to
/// the bid's value, the same answer every time.
#[utoipa::path(
    tag = "bidding",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The bid's id")),
    responses(
        BidConsortium,
        (status = 200, description = "The shares", body = SharesView),
    )
)]
#[get("/bids/{id}/shares")]
pub async fn bid_shares(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<SharesView>, ApiError> {
    let id = id.into_inner();
    let (_, view) = state
        .read(caller, move |conn, viewer| {
            Ok(shares::of_bid(conn, viewer, id)?)
        })
        .await?;
    Ok(web::Json(view))
}

//! `GET /api/v1/bids/{id}/gaps`: what the consortium covers, what nobody
//! does (with co-ops that could), and whether each role can be staffed.

use coophub_app::bidding::gaps::{self, GapsView};

use actix_web::{get, web};
use uuid::Uuid;

use crate::auth::Caller;
use crate::problem::{ApiError, BidConsortium};
use crate::state::AppState;

/// The capability matrix (the tender's required skills and the roles'
/// skills × consortium co-ops, with levels), the skills nobody covers with co-ops that could, and "can we
/// staff it?": each role's effort against the days its co-op's people can
/// give over the period. To the consortium only.
#[utoipa::path(
    tag = "bidding",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The bid's id")),
    responses(
        BidConsortium,
        (status = 200, description = "The gap analysis", body = GapsView),
    )
)]
#[get("/bids/{id}/gaps")]
pub async fn bid_gaps(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<GapsView>, ApiError> {
    let id = id.into_inner();
    let now = state.clock.now();
    let (_, view) = state
        .read(caller, move |conn, viewer| {
            Ok(gaps::of_bid(conn, viewer, id, now)?)
        })
        .await?;
    Ok(web::Json(view))
}

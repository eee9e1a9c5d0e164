//! `GET /api/v1/bids`, `GET /api/v1/bids/{id}` and its history.

use actix_web::{get, web};
use coophub_app::bidding::bids;
use coophub_app::bidding::views::BidHistoryView;
use uuid::Uuid;

use super::{BidList, BidView};
use crate::auth::{Caller, SignedIn};
use crate::extract::Query;
use crate::paging::PageQuery;
use crate::problem::{ApiError, Problem, QueryString, TokenRequired};
use crate::state::AppState;

/// A bid, to its consortium and to the admins of co-ops invited to it.
#[utoipa::path(
    tag = "bidding",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The bid's id")),
    responses(
        (status = 200, description = "The bid", body = BidView),
        (status = 404, description = "No such bid (or not the caller's to see)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/bids/{id}")]
pub async fn show_bid(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<BidView>, ApiError> {
    let id = id.into_inner();
    let today = state.clock.now().date_naive();
    let (_, view) = state
        .read(caller, move |conn, viewer| {
            Ok(bids::show(conn, viewer, id, today)?)
        })
        .await?;
    Ok(web::Json(view))
}

/// The bids of the caller's co-ops: led or joined, and (for their admins)
/// those they are invited to. Newest first.
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    params(PageQuery),
    responses(
        TokenRequired, QueryString,
        (status = 200, description = "A page of bids", body = BidList),
    )
)]
#[get("/bids")]
pub async fn list_bids(
    state: web::Data<AppState>,
    caller: SignedIn,
    query: Query<PageQuery>,
) -> Result<web::Json<BidList>, ApiError> {
    let page = query.0.page()?;
    let today = state.clock.now().date_naive();
    let (_, list) = state
        .read(caller, move |conn, viewer| {
            Ok(bids::list(conn, viewer, page, today)?)
        })
        .await?;
    Ok(web::Json(list))
}

/// What happened to the bid, who did it and when, oldest first: opened,
/// invited and answered (co-ops named as in `members`), roles and sections
/// added, terms changed, decided, submitted, won, lost, withdrawn.
#[utoipa::path(
    tag = "bidding",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The bid's id")),
    responses(
        (status = 200, description = "The bid's history", body = BidHistoryView),
        (status = 404, description = "No such bid (or not the caller's to see)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/bids/{id}/history")]
pub async fn bid_history(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<BidHistoryView>, ApiError> {
    let id = id.into_inner();
    let (_, view) = state
        .read(caller, move |conn, viewer| {
            Ok(bids::history(conn, viewer, id)?)
        })
        .await?;
    Ok(web::Json(view))
}

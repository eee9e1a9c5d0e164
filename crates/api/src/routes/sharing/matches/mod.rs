//! `GET /api/v1/requests/{id}/matches` and `GET /api/v1/offers/{id}/matches`:
//! live offers ranked for a request, open requests ranked for an offer, by
//! one rule (`coophub_domain::sharing::fit`) so both directions explain the
//! same way. Rates and budgets count only for viewers who may see them.

use actix_web::{get, web};
use coophub_app::sharing::matching;
use uuid::Uuid;

use crate::auth::Caller;
use crate::extract::Query;
use crate::paging::PageQuery;
use crate::problem::{ApiError, HiddenOffer, HiddenRequest, QueryString};
use crate::state::AppState;

pub use coophub_app::sharing::views::{
    CoveredSkill, MatchExplanation, OfferMatch, OfferMatchList, RequestMatch, RequestMatchList,
};

/// Live offers of other member co-ops for a request, best first, each with
/// why it fits; offers without a skill asked for or without free time over
/// the dates are left out.
#[utoipa::path(
    tag = "sharing",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The request's id"), PageQuery),
    responses(
        QueryString, HiddenRequest,
        (status = 200, description = "Offers, best first", body = OfferMatchList),
    )
)]
#[get("/requests/{id}/matches")]
pub async fn request_matches(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: Query<PageQuery>,
) -> Result<web::Json<OfferMatchList>, ApiError> {
    let page = query.0.page()?;
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, list) = state
        .read(caller, move |conn, viewer| {
            Ok(matching::offers_for_request(conn, viewer, id, page, now)?)
        })
        .await?;
    Ok(web::Json(list))
}

/// Open requests of other member co-ops for an offer, best first, each with
/// why it fits (the same explanation as the request's matches).
#[utoipa::path(
    tag = "sharing",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The offer's id"), PageQuery),
    responses(
        QueryString, HiddenOffer,
        (status = 200, description = "Requests, best first", body = RequestMatchList),
    )
)]
#[get("/offers/{id}/matches")]
pub async fn offer_matches(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: Query<PageQuery>,
) -> Result<web::Json<RequestMatchList>, ApiError> {
    let page = query.0.page()?;
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, list) = state
        .read(caller, move |conn, viewer| {
            Ok(matching::requests_for_offer(conn, viewer, id, page, now)?)
        })
        .await?;
    Ok(web::Json(list))
}

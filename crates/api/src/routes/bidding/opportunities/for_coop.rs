//! `GET /api/v1/coops/{slug}/opportunities`: open tenders ranked for one
//! co-op, the basis of tender alerts.

use actix_web::{get, web};
use coophub_app::bidding::opportunities;
use coophub_app::bidding::ranking::RankedList;

use crate::auth::Caller;
use crate::extract::Query;
use crate::paging::PageQuery;
use crate::problem::{ApiError, NoSuchCoop, QueryString};
use crate::state::AppState;

/// Open opportunities that need something the co-op has, best fit first:
/// by its listed technologies and services and its case studies, and (for
/// network members) its people's skills at level 3 or more.
#[utoipa::path(
    tag = "bidding",
    security((), ("bearer" = [])),
    params(("slug" = String, Path, description = "The co-op's slug"), PageQuery),
    responses(
        QueryString, NoSuchCoop,
        (status = 200, description = "Ranked opportunities", body = RankedList),
    )
)]
#[get("/coops/{slug}/opportunities")]
pub async fn coop_opportunities(
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
    query: Query<PageQuery>,
) -> Result<web::Json<RankedList>, ApiError> {
    let page = query.0.page()?;
    let now = state.clock.now();
    let (_, ranked) = state
        .read(caller, move |conn, viewer| {
            Ok(opportunities::for_coop(conn, viewer, &slug, page, now)?)
        })
        .await?;
    Ok(web::Json(ranked))
}

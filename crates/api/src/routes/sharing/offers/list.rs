//! `GET /api/v1/offers`.

use actix_web::{get, web};
use coophub_app::sharing::offers::{self, OfferFilters};
use coophub_domain::sharing::{OfferStatus, WorkMode};
use serde::Deserialize;
use uuid::Uuid;

use super::OfferList;
use crate::auth::Caller;
use crate::extract::Query;
use crate::paging::PageQuery;
use crate::problem::{ApiError, QueryString};
use crate::state::AppState;

/// Filters of the offer list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct OfferListQuery {
    /// 1-based page number, at most 100 (default 1).
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    pub per_page: Option<u32>,
    /// One co-op's offers, by slug.
    pub coop: Option<String>,
    /// Offers bringing this skill, in any spelling.
    pub skill: Option<String>,
    /// `open`, `paused` or `closed` (others' paused and closed offers are not shown).
    pub status: Option<OfferStatus>,
    /// `remote`, `hybrid` or `onsite`.
    pub work_mode: Option<WorkMode>,
    /// One person's offers.
    pub person_id: Option<Uuid>,
}

/// Offers of time, most recently changed first. Everyone sees the live
/// offers of member co-ops; a co-op's users also see its paused, closed and
/// lapsed ones. Rates show to the network only.
#[utoipa::path(
    tag = "sharing",
    security((), ("bearer" = [])),
    params(OfferListQuery),
    responses(
        QueryString,
        (status = 200, description = "A page of offers", body = OfferList),
    )
)]
#[get("/offers")]
pub async fn list_offers(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<OfferListQuery>,
) -> Result<web::Json<OfferList>, ApiError> {
    let query = query.0;
    let page = PageQuery {
        page: query.page,
        per_page: query.per_page,
    }
    .page()?;
    let filters = OfferFilters {
        coop: query.coop,
        skill: query.skill,
        status: query.status,
        work_mode: query.work_mode,
        person_id: query.person_id,
    };
    let now = state.clock.now();
    let (_, list) = state
        .read(caller, move |conn, viewer| {
            Ok(offers::list(conn, viewer, filters, page, now)?)
        })
        .await?;
    Ok(web::Json(list))
}

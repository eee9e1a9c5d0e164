//! `GET /api/v1/placements`.

use actix_web::{get, web};
use coophub_app::sharing::placements;
use coophub_domain::sharing::PlacementState;
use serde::Deserialize;
use uuid::Uuid;

use super::PlacementList;
use crate::auth::SignedIn;
use crate::extract::Query;
use crate::paging::PageQuery;
use crate::problem::{ApiError, QueryString, TokenRequired};
use crate::state::AppState;

/// Filters of the placement list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PlacementListQuery {
    /// 1-based page number, at most 100 (default 1).
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    pub per_page: Option<u32>,
    /// Placements of one offer.
    pub offer_id: Option<Uuid>,
    /// Placements in this recorded state.
    pub state: Option<PlacementState>,
}

/// The placements of the caller's co-ops, on either side; network admins
/// see every placement.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    params(PlacementListQuery),
    responses(
        TokenRequired, QueryString,
        (status = 200, description = "A page of placements", body = PlacementList),
    )
)]
#[get("/placements")]
pub async fn list_placements(
    state: web::Data<AppState>,
    caller: SignedIn,
    query: Query<PlacementListQuery>,
) -> Result<web::Json<PlacementList>, ApiError> {
    let query = query.0;
    let page = PageQuery {
        page: query.page,
        per_page: query.per_page,
    }
    .page()?;
    let today = state.clock.now().date_naive();
    let (_, list) = state
        .read(caller, move |conn, viewer| {
            let (offer, wanted) = (query.offer_id, query.state);
            Ok(placements::list(conn, viewer, offer, wanted, page, today)?)
        })
        .await?;
    Ok(web::Json(list))
}

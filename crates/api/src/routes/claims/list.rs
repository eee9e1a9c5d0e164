//! `GET /api/v1/claims`.

use actix_web::{get, web};
use coophub_app::directory::claims;
use coophub_domain::coop::ClaimStatus;
use serde::Deserialize;

use super::ClaimList;
use crate::auth::SignedIn;
use crate::extract::Query;
use crate::paging::PageQuery;
use crate::problem::{ApiError, QueryString, Steward, TokenRequired};
use crate::state::AppState;

/// Which claims to list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ClaimListQuery {
    /// 1-based page number, at most 100 (default 1).
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    pub per_page: Option<u32>,
    /// `pending`, `approved` or `refused` (default: every claim).
    pub status: Option<ClaimStatus>,
}

/// The claims to administer co-ops, oldest first: the stewards' queue.
#[utoipa::path(
    tag = "coops",
    security(("bearer" = [])),
    params(ClaimListQuery),
    responses(
        TokenRequired, QueryString, Steward,
        (status = 200, description = "A page of claims", body = ClaimList),
    )
)]
#[get("/claims")]
pub async fn list_claims(
    state: web::Data<AppState>,
    caller: SignedIn,
    query: Query<ClaimListQuery>,
) -> Result<web::Json<ClaimList>, ApiError> {
    let query = query.0;
    let page = PageQuery {
        page: query.page,
        per_page: query.per_page,
    }
    .page()?;
    let status = query.status;
    let (_, list) = state
        .read(caller, move |conn, viewer| {
            Ok(claims::list(conn, viewer, status, page)?)
        })
        .await?;
    Ok(web::Json(list))
}

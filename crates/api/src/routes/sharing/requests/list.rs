//! `GET /api/v1/requests`.

use actix_web::{get, web};
use coophub_app::sharing::requests::{self, RequestFilters};
use coophub_domain::sharing::{ProjectKind, RequestStatus};
use serde::Deserialize;

use super::RequestList;
use crate::auth::Caller;
use crate::extract::Query;
use crate::paging::PageQuery;
use crate::problem::{ApiError, QueryString};
use crate::state::AppState;

/// Filters of the request list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct RequestListQuery {
    /// 1-based page number, at most 100 (default 1).
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    pub per_page: Option<u32>,
    /// One co-op's requests, by slug.
    pub coop: Option<String>,
    /// Requests asking for this skill, in any spelling.
    pub skill: Option<String>,
    /// `open`, `filled` or `closed` (others' filled and closed ones are not shown).
    pub status: Option<RequestStatus>,
    /// `commercial` or `social_good`.
    pub project_kind: Option<ProjectKind>,
}

/// Requests for time, most recently changed first. Everyone sees the open
/// requests of member co-ops; a co-op's users also see its other ones.
/// Budgets show to the network only.
#[utoipa::path(
    tag = "sharing",
    security((), ("bearer" = [])),
    params(RequestListQuery),
    responses(
        QueryString,
        (status = 200, description = "A page of requests", body = RequestList),
    )
)]
#[get("/requests")]
pub async fn list_requests(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<RequestListQuery>,
) -> Result<web::Json<RequestList>, ApiError> {
    let query = query.0;
    let page = PageQuery {
        page: query.page,
        per_page: query.per_page,
    }
    .page()?;
    let filters = RequestFilters {
        coop: query.coop,
        skill: query.skill,
        status: query.status,
        project_kind: query.project_kind,
    };
    let (_, list) = state
        .read(caller, move |conn, viewer| {
            Ok(requests::list(conn, viewer, filters, page)?)
        })
        .await?;
    Ok(web::Json(list))
}

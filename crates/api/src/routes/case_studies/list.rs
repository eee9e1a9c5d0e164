//! `GET /api/v1/case-studies`.

use actix_web::{get, web};
use serde::Deserialize;

use super::CaseStudyList;
use crate::auth::Caller;
use crate::extract::{Query, Year};
use crate::paging::PageQuery;
use crate::problem::{ApiError, QueryString};
use crate::state::AppState;
use coophub_app::directory::case_studies;

/// Filters of the case study list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CaseStudyQuery {
    /// Only case studies naming this co-op (slug).
    pub coop: Option<String>,
    /// Only case studies using this skill (any spelling).
    pub skill: Option<String>,
    /// Only case studies of this year (1900 to 2100).
    #[param(value_type = Option<i32>, minimum = 1900, maximum = 2100)]
    pub year: Option<Year>,
    /// 1-based page number (default 1).
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    pub per_page: Option<u32>,
}

/// Case studies, newest first. Outside the network only those published by an
/// approved co-op. `coop` lists those crediting that co-op (for its admins,
/// also those waiting for its consent).
#[utoipa::path(
    tag = "case-studies",
    security((), ("bearer" = [])),
    params(CaseStudyQuery),
    responses(
        QueryString,
        (status = 200, description = "A page of case studies", body = CaseStudyList),
    )
)]
#[get("/case-studies")]
pub async fn list_case_studies(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<CaseStudyQuery>,
) -> Result<web::Json<CaseStudyList>, ApiError> {
    let CaseStudyQuery {
        coop,
        skill,
        year,
        page,
        per_page,
    } = query.0;
    let page = PageQuery { page, per_page }.page()?;
    let wanted = case_studies::CaseStudyQuery {
        coop,
        skill,
        year: year.map(|Year(year)| year),
    };
    let (_, list) = state
        .read(caller, move |conn, viewer| {
            Ok(case_studies::list(conn, viewer, wanted, page)?)
        })
        .await?;
    Ok(web::Json(list))
}

//! `GET /api/v1/skills?q=`: autocomplete with usage counts.

use actix_web::{get, web};
use coophub_app::directory::skills::{self, SkillList};
use coophub_domain::skills::NAME_MAX;
use serde::Deserialize;

use crate::auth::Caller;
use crate::extract::Query;
use crate::paging::PageQuery;
use crate::problem::{ApiError, QueryString};
use crate::state::AppState;

/// Autocomplete parameters.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SkillQuery {
    /// What has been typed so far, in any spelling ("postg", "JS").
    pub q: Option<String>,
    /// 1-based page number (default 1).
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    pub per_page: Option<u32>,
}

/// Skills whose name or an alias starts with `q`: the built-in ones and those
/// that something the caller may see lists.
#[utoipa::path(
    tag = "skills",
    security((), ("bearer" = [])),
    params(SkillQuery),
    responses(
        QueryString,
        (status = 200, description = "Matching skills", body = SkillList),
    )
)]
#[get("/skills")]
pub async fn list_skills(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<SkillQuery>,
) -> Result<web::Json<SkillList>, ApiError> {
    let SkillQuery { q, page, per_page } = query.0;
    if q.as_ref().is_some_and(|q| q.chars().count() > NAME_MAX) {
        return Err(ApiError::InvalidParameter {
            name: "q".into(),
            message: format!("must be at most {NAME_MAX} characters long"),
        });
    }
    let page = PageQuery { page, per_page }.page()?;
    let (_, list) = state
        .read(caller, move |conn, viewer| {
            Ok(skills::list(conn, viewer, q.as_deref(), page)?)
        })
        .await?;
    Ok(web::Json(list))
}

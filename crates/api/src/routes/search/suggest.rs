//! `GET /api/v1/search/suggest?q=`: autocomplete skills and co-op names.

use actix_web::{get, web};
use coophub_app::search::{self, Suggestions};
use coophub_domain::skills::NAME_MAX;
use serde::Deserialize;

use crate::auth::Caller;
use crate::extract::Query;
use crate::problem::{ApiError, Problem, QueryString};
use crate::state::AppState;

/// What has been typed so far.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SuggestQuery {
    /// At least one character, at most 100.
    pub q: String,
}

/// Suggests skills and co-op names as the user types.
#[utoipa::path(
    tag = "search",
    security((), ("bearer" = [])),
    params(SuggestQuery),
    responses(
        QueryString,
        (status = 200, description = "Suggestions", body = Suggestions),
        (status = 400, description = "`q` is missing or too long", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/search/suggest")]
pub async fn suggest(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<SuggestQuery>,
) -> Result<web::Json<Suggestions>, ApiError> {
    let q = query.0.q;
    let length = q.trim().chars().count();
    if length == 0 || length > NAME_MAX {
        return Err(ApiError::InvalidParameter {
            name: "q".into(),
            message: format!("must be 1 to {NAME_MAX} characters long"),
        });
    }
    let index = state.search.index().clone();
    let (_, suggestions) = state
        .read(caller, move |conn, viewer| {
            Ok(search::suggest(conn, viewer, &index, &q)?)
        })
        .await?;
    Ok(web::Json(suggestions))
}

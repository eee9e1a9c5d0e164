//! `GET /api/v1/search/suggest?q=`: autocomplete skills and co-op names.

use actix_web::{get, web};
use coophub_domain::skills::NAME_MAX;
use coophub_store::{Page, skills};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::extract::Query;
use crate::problem::{ApiError, Problem, QueryString};
use crate::routes::coops::SkillRef;
use crate::state::AppState;

/// What has been typed so far.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SuggestQuery {
    /// At least one character, at most 100.
    pub q: String,
}

/// A co-op suggestion.
#[derive(Debug, Serialize, ToSchema)]
pub struct CoopSuggestion {
    /// Slug.
    pub slug: String,
    /// Name.
    pub name: String,
}

/// Suggestions.
#[derive(Debug, Serialize, ToSchema)]
pub struct Suggestions {
    /// Skills whose name or an alias starts like `q` (or its last word),
    /// most used first.
    pub skills: Vec<SkillRef>,
    /// Co-ops whose name completes `q`: its words, the last one begun.
    pub coops: Vec<CoopSuggestion>,
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
            let first = Page { number: 1, size: 5 };
            // The whole text may begin a skill ("ruby on r"); else its last word does.
            let (mut found, _) = skills::search(conn, Some(&q), first, viewer.reach())?;
            if let Some(last) = q.split_whitespace().last().filter(|_| found.is_empty()) {
                found = skills::search(conn, Some(last), first, viewer.reach())?.0;
            }
            let coops = index
                .complete_coop_names(&q, viewer.sees_network_only(), 5)
                .map_err(ApiError::internal)?;
            Ok(Suggestions {
                skills: found
                    .into_iter()
                    .map(|usage| SkillRef::from(usage.skill))
                    .collect(),
                coops: coops
                    .into_iter()
                    .map(|c| CoopSuggestion {
                        slug: c.slug,
                        name: c.name,
                    })
                    .collect(),
            })
        })
        .await?;
    Ok(web::Json(suggestions))
}

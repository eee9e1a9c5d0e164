//! Search: `GET /api/v1/search` and `GET /api/v1/search/suggest`.

pub(crate) mod params;

/// Reads a search query string, as the web pages do too.
pub use params::parse as parse_search;
pub mod suggest;

use coophub_app::search::SearchAnswer;

use actix_web::{HttpRequest, get, web};
use serde::Deserialize;

use crate::auth::Caller;
use crate::problem::{ApiError, Problem, QueryString};
use crate::state::AppState;

/// The search parameters, for the documentation (the handler reads the query
/// string itself, since `type` and `skill` repeat).
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchQueryDoc {
    /// What to look for (up to 512 characters and 32 words, a word being a run of
    /// letters and digits); typos, prefixes and skill aliases are understood.
    pub q: Option<String>,
    /// `coop`, `person`, `offer`, `request` or `opportunity`; repeatable.
    #[serde(rename = "type")]
    pub kind: Option<Vec<String>>,
    /// A skill in any spelling; repeatable; all must match.
    pub skill: Option<Vec<String>>,
    /// Region, case-insensitive.
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    /// Legal form (co-ops).
    pub legal_form: Option<String>,
    /// Co-ops that said they are happy (`true`) or not (`false`) to share
    /// their experience; those that have not said match neither.
    pub happy_to_share_experience: Option<bool>,
    /// Co-ops whose membership stands so (`applied`, `invited`, `approved`,
    /// `lapsed`, `removed`); outsiders find approved co-ops only.
    pub status: Option<String>,
    /// `latitude,longitude` to search around, or the name of a UK town or
    /// city (`Leeds`). A town named in `q` ("drupal sheffield") is searched
    /// around too, 50 km, and said in `understood`.
    pub near: Option<String>,
    /// Radius around `near` in km (default 50).
    pub radius_km: Option<f64>,
    /// Network members only: people free on or before this date (YYYY-MM-DD).
    pub available_from: Option<String>,
    /// Network members only: people free at some point before this date.
    pub available_to: Option<String>,
    /// Network members only: people free at least this many days a week.
    pub min_days_per_week: Option<f64>,
    /// `relevance` (default), `distance` (needs `near`) or `updated`.
    pub sort: Option<String>,
    /// 1-based page number (default 1).
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    pub per_page: Option<u32>,
}

/// Searches co-ops, people, offers, requests and opportunities (calls for
/// tenders until their deadline, and planning notices). Outside the network,
/// network-only profiles and non-approved co-ops are neither found nor
/// counted; offers and requests are found while they are open (offers until
/// they lapse, requests until their last day).
#[utoipa::path(
    tag = "search",
    security((), ("bearer" = [])),
    params(SearchQueryDoc),
    responses(
        QueryString,
        (status = 200, description = "Results", body = SearchAnswer),
        (status = 403, description = "Availability filters are for network members", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/search")]
pub async fn search(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<web::Json<SearchAnswer>, ApiError> {
    let ask = params::parse(req.query_string())?;
    let now = state.clock.now();
    let index = state.search.index().clone();
    let (_, answer) = state
        .read(caller, move |conn, viewer| {
            Ok(coophub_app::search::search(conn, viewer, &index, ask, now)?)
        })
        .await?;
    Ok(web::Json(answer))
}

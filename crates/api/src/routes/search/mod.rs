//! Search: `GET /api/v1/search` and `GET /api/v1/search/suggest`.

pub(crate) mod params;
pub mod suggest;

use std::collections::BTreeMap;

use actix_web::{HttpRequest, get, web};
use coophub_domain::person::AVAILABILITY_DAYS;
use coophub_search::SearchResults;
use coophub_store::skills;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::problem::{ApiError, Problem, QueryString};
use crate::state::AppState;
use params::SearchParams;

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
    /// `latitude,longitude` to search around.
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

/// One result.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchHit {
    /// `coop`, `person`, `offer`, `request` or `opportunity`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Its id.
    pub id: String,
    /// The co-op slug, for co-ops.
    pub slug: Option<String>,
    /// Name.
    pub title: String,
    /// Summary or headline.
    pub summary: String,
    /// Relevance.
    pub score: f32,
    /// Matching snippets per field, every word that matched (also with a
    /// typo, as a prefix or in another form) in `<mark>`.
    pub highlights: BTreeMap<String, Vec<String>>,
    /// Its skills that the search named, in any spelling, with typos or as
    /// the word being typed.
    pub matched_skills: Vec<String>,
    /// Words of `q` that match nothing in it (when not every word had to).
    pub unmatched_words: Vec<String>,
    /// Distance from `near`, in km.
    pub distance_km: Option<f64>,
}

/// Counts over every match.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchFacets {
    /// Per type.
    #[serde(rename = "type")]
    pub kind: BTreeMap<String, u64>,
    /// The 20 most frequent skills.
    pub skill: BTreeMap<String, u64>,
    /// Per region (lower case).
    pub region: BTreeMap<String, u64>,
    /// Per legal form.
    pub legal_form: BTreeMap<String, u64>,
}

/// A page of results with facets.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchAnswer {
    /// The page.
    pub hits: Vec<SearchHit>,
    /// Matches in all.
    pub total: usize,
    /// Page number.
    pub page: u32,
    /// Page size.
    pub per_page: u32,
    /// Counts over all matches.
    pub facets: SearchFacets,
}

fn answer(results: SearchResults, page: u32, per_page: u32) -> SearchAnswer {
    SearchAnswer {
        hits: results
            .hits
            .into_iter()
            .map(|hit| SearchHit {
                kind: hit.kind.as_str(),
                id: hit.id,
                slug: hit.slug,
                title: hit.title,
                summary: hit.summary,
                score: hit.score,
                highlights: hit.highlights,
                matched_skills: hit.matched_skills,
                unmatched_words: hit.unmatched_words,
                distance_km: hit.distance_km,
            })
            .collect(),
        total: results.total,
        page,
        per_page,
        facets: SearchFacets {
            kind: results.facets.kind,
            skill: results.facets.skill.into_iter().collect(),
            region: results.facets.region,
            legal_form: results.facets.legal_form,
        },
    }
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
    let params = SearchParams::parse(req.query_string())?;
    let confirmed_since =
        (state.clock.now() - chrono::Duration::days(AVAILABILITY_DAYS)).timestamp();
    let now = state.clock.now().timestamp();
    let index = state.search.index().clone();
    let (page, per_page) = (params.page, params.per_page);
    let (_, results) = state
        .read(caller, move |conn, viewer| {
            let network = viewer.sees_network_only();
            if params.wants_availability() && !network {
                return Err(ApiError::Forbidden(
                    "availability is visible to network members only".into(),
                ));
            }
            let mut skill_slugs = Vec::new();
            for spelling in &params.skills {
                match skills::find(conn, spelling)? {
                    Some(skill) => skill_slugs.push(skill.slug),
                    // Nobody has a skill nobody knows.
                    None => return Ok(SearchResults::default()),
                }
            }
            let request = params.into_request(skill_slugs, network, confirmed_since, now);
            index
                .search(&request, &|word| index.skill_of(word))
                .map_err(ApiError::internal)
        })
        .await?;
    Ok(web::Json(answer(results, page, per_page)))
}

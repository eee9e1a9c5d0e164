//! `GET /`: the search box, and once something is asked the results with
//! their facets as links and paging, and the skills and co-ops that what
//! was typed begins. As a person types, htmx asks for the results alone
//! (`HX-Request`) and puts the query in the address bar, so every result
//! list is a link.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, web};
use askama::Template;
use coophub_api::AppState;
use coophub_api::routes::search::parse_search;
use coophub_app::search::{SearchAnswer, SearchHit, Suggestions, TotalRelation, search, suggest};
use coophub_domain::skills::NAME_MAX;

use crate::render::{Chrome, from_htmx, html, problem};
use crate::session::read;

/// The search page.
#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage {
    chrome: Chrome,
    q: String,
    results: Results,
}

/// The results, alone or inside the page.
#[derive(Template)]
#[template(path = "results.html")]
pub struct Results {
    q: String,
    answer: Option<SearchAnswer>,
    /// Skills and co-ops that what was typed begins.
    suggested: Option<Suggestions>,
    links: Links,
}

/// Links that change one parameter of the current search.
pub struct Links {
    params: Vec<(String, String)>,
}

impl Links {
    /// The search with `key` set to `value` (and back on the first page).
    pub fn with(&self, key: &str, value: &str) -> String {
        let mut params: Vec<(&str, &str)> = self
            .params
            .iter()
            .filter(|(k, _)| k != key && k != "page")
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        params.push((key, value));
        to_link(&params)
    }

    /// The search's page `page`.
    pub fn page(&self, page: u32) -> String {
        let page = page.to_string();
        let mut params: Vec<(&str, &str)> = self
            .params
            .iter()
            .filter(|(k, _)| k != "page")
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        params.push(("page", &page));
        to_link(&params)
    }
}

fn to_link(params: &[(&str, &str)]) -> String {
    format!(
        "/?{}",
        serde_urlencoded::to_string(params).unwrap_or_default()
    )
}

impl Results {
    /// Pages in all.
    fn pages(&self) -> u32 {
        self.answer.as_ref().map_or(0, |answer| {
            let per_page = answer.per_page.max(1) as usize;
            u32::try_from(answer.total.div_ceil(per_page)).unwrap_or(u32::MAX)
        })
    }

    /// Whether the total and the facet counts are lower bounds.
    fn at_least(&self) -> bool {
        self.answer
            .as_ref()
            .is_some_and(|answer| answer.total_relation == TotalRelation::Gte)
    }

    /// Where a hit leads, when it has a page.
    fn href(hit: &SearchHit) -> Option<String> {
        match (hit.kind, &hit.slug) {
            ("coop", Some(slug)) => Some(format!("/coops/{slug}")),
            ("person", _) => Some(format!("/people/{}", hit.id)),
            _ => None,
        }
    }

    /// The hit's summary with its matches marked (escaped by the index).
    fn marked(hit: &SearchHit) -> Option<&str> {
        hit.highlights
            .get("summary")
            .or_else(|| hit.highlights.values().next())
            .and_then(|found| found.first())
            .map(String::as_str)
    }
}

/// `GET /`: the page, or (for htmx) the results alone.
#[get("/")]
pub async fn home(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let params: Vec<(String, String)> =
        serde_urlencoded::from_str(req.query_string()).unwrap_or_default();
    let q = params
        .iter()
        .find(|(k, _)| k == "q")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let asked = !params.is_empty();
    let ask = parse_search(req.query_string());
    let index = state.search.index().clone();
    let now = state.clock.now();
    let typed = q.clone();
    let answer = read(&state, &req, move |conn, viewer| {
        if !asked {
            return Ok((None, None));
        }
        let answer = search(conn, viewer, &index, ask?, now)?;
        let length = typed.trim().chars().count();
        let suggested = (1..=NAME_MAX)
            .contains(&length)
            .then(|| suggest(conn, viewer, &index, &typed))
            .transpose()?;
        Ok((Some(answer), suggested))
    })
    .await;
    let (visitor, (answer, suggested)) = match answer {
        Ok(found) => found,
        Err((visitor, error)) => return problem(&req, &visitor, &error),
    };
    let results = Results {
        q: q.clone(),
        answer,
        suggested,
        links: Links { params },
    };
    if from_htmx(&req) {
        return html(&req, StatusCode::OK, &results);
    }
    let page = SearchPage {
        chrome: Chrome::signed(&visitor),
        q,
        results,
    };
    html(&req, StatusCode::OK, &page)
}

//! `GET /skills/{slug}`: a skill, the co-ops and people who show it (as the
//! visitor may see them); `GET /network`: the network in figures, as bar
//! charts with their tables.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, web};
use askama::Template;
use coophub_api::AppState;
use coophub_app::directory::skills::{self, SkillDetail};
use coophub_app::directory::stats::{self, StatsView};

use crate::charts::BarChart;
use crate::render::{Chrome, page_of};
use crate::session::read;

/// A skill's page.
#[derive(Template)]
#[template(path = "skill.html")]
pub struct SkillPage {
    chrome: Chrome,
    detail: SkillDetail,
}

/// `GET /skills/{slug}` (any spelling of the skill).
#[get("/skills/{slug}")]
pub async fn skill(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> HttpResponse {
    let slug = slug.into_inner();
    let found = read(&state, &req, move |conn, viewer| {
        Ok(skills::show(conn, viewer, &slug)?)
    })
    .await;
    page_of(&req, found, StatusCode::OK, |chrome, detail| SkillPage {
        chrome,
        detail,
    })
}

/// The network in figures.
#[derive(Template)]
#[template(path = "network.html")]
pub struct NetworkPage {
    chrome: Chrome,
    figures: StatsView,
    /// Who and what the directory holds.
    directory: BarChart,
    /// People shared between co-ops.
    sharing: BarChart,
    /// Bids together, when the visitor may count them.
    bidding: Option<BarChart>,
}

/// `(label, count)` pairs as a chart's items.
fn counts(items: &[(&str, i64)]) -> Vec<(String, i64, String)> {
    items
        .iter()
        .map(|(label, count)| ((*label).to_owned(), *count, count.to_string()))
        .collect()
}

fn network_page(chrome: Chrome, figures: StatsView) -> NetworkPage {
    let f = &figures;
    let directory = BarChart::new(
        "The directory",
        format!(
            "{} co-ops, {} people, {} skills and {} case studies.",
            f.coops, f.people, f.skills, f.case_studies
        ),
        counts(&[
            ("Co-ops", f.coops),
            ("People", f.people),
            ("Skills", f.skills),
            ("Case studies", f.case_studies),
        ]),
    );
    let sharing = BarChart::new(
        "Sharing people",
        format!(
            "{} offers and {} requests open; {} placements accepted or under way, {} done.",
            f.open_offers, f.open_requests, f.accepted_placements, f.completed_placements
        ),
        counts(&[
            ("Offers", f.open_offers),
            ("Requests", f.open_requests),
            ("Placed", f.accepted_placements),
            ("Done", f.completed_placements),
        ]),
    );
    let bidding = f.bids.as_ref().map(|bids| {
        BarChart::new(
            "Bidding together",
            format!(
                "{} bids formed, {} submitted, {} won.",
                bids.formed, bids.submitted, bids.won
            ),
            counts(&[
                ("Formed", bids.formed),
                ("Submitted", bids.submitted),
                ("Won", bids.won),
            ]),
        )
    });
    NetworkPage {
        chrome,
        directory,
        sharing,
        bidding,
        figures,
    }
}

/// `GET /network`.
#[get("/network")]
pub async fn network(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let now = state.clock.now();
    let found = read(&state, &req, move |conn, viewer| {
        Ok(stats::network(conn, viewer, None, now)?)
    })
    .await;
    page_of(&req, found, StatusCode::OK, network_page)
}

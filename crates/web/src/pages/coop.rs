//! `GET /coops/{slug}`: a co-op's page, showing what the JSON API shows the
//! same visitor, with schema.org `Organization` data for search engines.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, web};
use askama::Template;
use coophub_api::AppState;
use coophub_app::directory::coops::{CoopView, READ};
use coophub_app::guard::{Lock, load};
use coophub_domain::coop::Coop;
use serde_json::json;

use crate::render::{Chrome, html, problem};
use crate::session::read;

/// A co-op's page.
#[derive(Template)]
#[template(path = "coop.html")]
pub struct CoopPage {
    chrome: Chrome,
    coop: CoopView,
    place: Option<String>,
    linked_data: String,
}

impl CoopPage {
    /// The town, region and country, as far as they are known.
    fn place_of(coop: &CoopView) -> Option<String> {
        let parts: Vec<&str> = [
            &coop.location.locality,
            &coop.location.region,
            &coop.location.country,
        ]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .filter(|part| !part.is_empty())
        .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// schema.org `Organization` JSON-LD of what the page shows, safe inside
    /// a `<script>` element.
    fn linked_data_of(coop: &CoopView, url: &str) -> String {
        let mut data = json!({
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": coop.name,
            "description": coop.summary,
            "url": url,
        });
        if let Some(website) = &coop.website {
            data["sameAs"] = json!(website);
        }
        if let Some(locality) = &coop.location.locality {
            data["address"] = json!({"@type": "PostalAddress", "addressLocality": locality,
                                     "addressCountry": coop.location.country});
        }
        data.to_string().replace('<', "\\u003c")
    }
}

/// `GET /coops/{slug}`.
#[get("/coops/{slug}")]
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> HttpResponse {
    let now = state.clock.now();
    let slug = slug.into_inner();
    let found = read(&state, &req, move |conn, viewer| {
        let coop = load::<Coop>(conn, viewer, &slug, READ, Lock::Read)?;
        Ok(CoopView::new(coop, viewer, now))
    })
    .await;
    let (visitor, coop) = match found {
        Ok(found) => found,
        Err((visitor, error)) => return problem(&req, &visitor, &error),
    };
    let url = format!("{}/coops/{}", state.public_url, coop.slug);
    let page = CoopPage {
        chrome: Chrome::signed(&visitor),
        place: CoopPage::place_of(&coop),
        linked_data: CoopPage::linked_data_of(&coop, &url),
        coop,
    };
    html(&req, StatusCode::OK, &page)
}

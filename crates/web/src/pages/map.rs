//! `GET /map`: the co-ops the visitor may see, as markers named after them
//! (and, without JavaScript, as a list), each linking to its page.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, web};
use askama::Template;
use chrono::{DateTime, Utc};
use coophub_api::ApiError;
use coophub_api::AppState;
use coophub_app::directory::coops::{CoopQuery, list};
use coophub_domain::access::Viewer;
use coophub_store::{DbConnection, Page};
use serde::Serialize;

use crate::WebSettings;
use crate::assets::href;
use crate::render::{Chrome, html, problem};
use crate::session::read;

/// Co-ops read per trip to the store.
const PER_PAGE: u32 = 100;

/// A co-op on the map.
#[derive(Debug, Serialize)]
pub struct Marker {
    slug: String,
    name: String,
    place: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lon: Option<f64>,
}

/// Every co-op `query` lists for `viewer`, as markers.
fn every(
    conn: &mut DbConnection,
    viewer: &Viewer,
    query: CoopQuery,
    now: DateTime<Utc>,
) -> Result<Vec<Marker>, ApiError> {
    let mut markers = Vec::new();
    for number in 1.. {
        let page = Page {
            number,
            size: PER_PAGE,
        };
        let listed = list(conn, viewer, query.clone(), page, now)?;
        let seen = u64::from(number) * u64::from(PER_PAGE);
        markers.extend(listed.items.into_iter().map(|coop| Marker {
            place: coop.location.locality.clone(),
            lat: coop.location.latitude,
            lon: coop.location.longitude,
            slug: coop.slug,
            name: coop.name,
        }));
        if seen >= u64::try_from(listed.total).unwrap_or(0) {
            break;
        }
    }
    Ok(markers)
}

/// The map page.
#[derive(Template)]
#[template(path = "map.html")]
pub struct MapPage {
    chrome: Chrome,
    markers: Vec<Marker>,
    /// The markers as JSON, for the map's script.
    markers_json: String,
    tiles: String,
    attribution: String,
    leaflet_js: &'static str,
    leaflet_css: &'static str,
    map_js: &'static str,
    skill: String,
}

/// `GET /map[?skill=…]`.
#[get("/map")]
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    settings: web::Data<WebSettings>,
) -> HttpResponse {
    let skill: String = web::Query::<Vec<(String, String)>>::from_query(req.query_string())
        .ok()
        .and_then(|q| q.0.into_iter().find(|(k, _)| k == "skill").map(|(_, v)| v))
        .unwrap_or_default();
    let wanted = (!skill.trim().is_empty()).then(|| skill.trim().to_owned());
    let now = state.clock.now();
    let found = read(&state, &req, move |conn, viewer| {
        let Some(skill) = wanted else {
            return every(conn, viewer, CoopQuery::default(), now);
        };
        // A skill may be one the co-ops use (technology) or offer (service).
        let mut found = every(
            conn,
            viewer,
            CoopQuery {
                technology: Some(skill.clone()),
                ..CoopQuery::default()
            },
            now,
        )?;
        for marker in every(
            conn,
            viewer,
            CoopQuery {
                service: Some(skill),
                ..CoopQuery::default()
            },
            now,
        )? {
            if !found.iter().any(|known| known.slug == marker.slug) {
                found.push(marker);
            }
        }
        found.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(found)
    })
    .await;
    let (visitor, markers) = match found {
        Ok(found) => found,
        Err((visitor, error)) => return problem(&req, &visitor, &error),
    };
    let markers_json = serde_json::to_string(&markers)
        .unwrap_or_else(|_| "[]".into())
        .replace('<', "\\u003c");
    let page = MapPage {
        chrome: Chrome::signed(&visitor),
        markers,
        markers_json,
        tiles: settings.map_tiles_url.clone(),
        attribution: settings.map_attribution.clone(),
        leaflet_js: href("vendor/leaflet-1.9.4.js"),
        leaflet_css: href("vendor/leaflet-1.9.4.css"),
        map_js: href("map.js"),
        skill,
    };
    html(&req, StatusCode::OK, &page)
}

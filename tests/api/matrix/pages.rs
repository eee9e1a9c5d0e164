//! The web pages walked as the matrix walks routes: every page the web
//! crate serves (a page it has and this walk lacks fails the test), filled
//! with the matrix world's things, opened by each outsider — anonymous, an
//! account of no co-op, an uninvolved co-op's admin, each with their own
//! web session — and none of them may show a private thing; the first two
//! no network-only contact either. No page answers with a server error.

use std::collections::BTreeSet;
use std::path::Path;

use coophub_testkit::{Backend, backend_tests};
use reqwest::Method;

use super::world::{EMAILS, MARKER, NETWORK_MARKER, World};
use super::{NOT_MEMBERS, OUTSIDERS, route_key};
use crate::helpers::TestApp;
use crate::web::{page, signed_in};

backend_tests!(no_page_shows_an_outsider_a_private_thing);

/// Every page, with the things of the world it opens.
const PAGES: [&str; 33] = [
    "/",
    // All but the marker's last letter: the page echoes what was typed, and
    // the search still finds the marker by prefix, were it to leak.
    "/?q=quokkasecre",
    "/?q=rust&skill=rust",
    "/map",
    "/map?skill=rust",
    "/network",
    "/sign-in",
    "/register",
    "/me",
    "/stewards",
    "/coops/{home}",
    "/coops/{party}",
    "/coops/{unapproved}",
    "/people/{person}",
    "/people/{party_person}",
    "/people/{spare_person}",
    "/skills/rust",
    "/skills/{skill}",
    "/opportunities",
    "/opportunities?coop={home}",
    "/opportunities/{opportunity}",
    "/bids/{bid}",
    "/bids/{bid_submitted}",
    "/offers",
    "/offers/{offer}",
    "/requests",
    "/requests/{request}",
    "/requests/{social_good_request}",
    "/placements/{placement_accepted}",
    "/placements/{placement_started}",
    "/rotations/{rotation}",
    "/social-good-proposals/{proposal}",
    "/swaps/{swap}",
];

/// Pages that are not pages: the embedded assets.
const NOT_PAGES: [&str; 1] = ["GET /assets/{}"];

/// `GET` routes the web crate declares (`#[get("…")]` in its sources).
fn served_pages() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/web/src");
    let mut found = BTreeSet::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for rest in text.split("#[get(\"").skip(1) {
                    let template = &rest[..rest.find('"').unwrap()];
                    found.insert(route_key(&Method::GET, template));
                }
            }
        }
    }
    found
}

async fn no_page_shows_an_outsider_a_private_thing(backend: Backend) {
    let app = TestApp::spawn_with(backend, crate::webhooks::quick_deliveries).await;
    let world = World::build(app).await;
    let walked: BTreeSet<String> = PAGES.iter().map(|p| route_key(&Method::GET, p)).collect();
    let served: BTreeSet<String> = served_pages()
        .into_iter()
        .filter(|key| !NOT_PAGES.contains(&key.as_str()))
        .collect();
    let missing: Vec<_> = served.difference(&walked).collect();
    assert!(
        missing.is_empty(),
        "pages the walk does not open: {missing:?}"
    );

    let mut sessions = vec![None];
    for email in &EMAILS[..OUTSIDERS - 1] {
        sessions.push(Some(signed_in(&world.app, email).await.0));
    }
    let mut wrong = Vec::new();
    for template in PAGES {
        let path = world.fill(template);
        for (column, cookie) in sessions.iter().enumerate() {
            let (status, body) = page(&world.app, &path, cookie.as_deref()).await;
            let what = format!("GET {template} by outsider {column}");
            if status.is_server_error() {
                wrong.push(format!("{what}: {status}"));
            }
            if body.contains(MARKER) {
                wrong.push(format!("{what}: the page shows a private thing"));
            }
            if column < NOT_MEMBERS && body.contains(NETWORK_MARKER) {
                wrong.push(format!("{what}: the page shows the network's contacts"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} pages are wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

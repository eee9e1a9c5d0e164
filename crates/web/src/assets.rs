//! The pages' static files, embedded in the binary and served with long
//! cache lives: each name changes with its content (vendored files carry
//! their version; ours, see [`href`], a hash of theirs).

use std::sync::LazyLock;

use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use sha2::{Digest, Sha256};

/// A file the pages load.
struct Asset {
    name: &'static str,
    content_type: &'static str,
    bytes: &'static [u8],
}

macro_rules! asset {
    ($name:literal, $type:expr) => {
        Asset {
            name: $name,
            content_type: $type,
            bytes: include_bytes!(concat!("../assets/", $name)),
        }
    };
}

const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";

static ASSETS: [Asset; 8] = [
    asset!("style.css", CSS),
    asset!("map.js", JS),
    asset!("vendor/htmx-2.0.11.min.js", JS),
    asset!("vendor/leaflet-1.9.4.js", JS),
    asset!("vendor/leaflet-1.9.4.css", CSS),
    asset!("vendor/marker-icon.png", "image/png"),
    asset!("vendor/marker-icon-2x.png", "image/png"),
    asset!("vendor/marker-shadow.png", "image/png"),
];

/// Each asset's address: `/assets/` and its name, with `?h=` and the first
/// hex digits of its SHA-256, so that a changed file is fetched afresh.
static HREFS: LazyLock<Vec<(&'static str, String)>> = LazyLock::new(|| {
    ASSETS
        .iter()
        .map(|asset| {
            let digest = Sha256::digest(asset.bytes);
            let short: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
            (asset.name, format!("/assets/{}?h={short}", asset.name))
        })
        .collect()
});

/// The address of the asset `name` (as listed in [`ASSETS`]).
pub fn href(name: &str) -> &'static str {
    HREFS
        .iter()
        .find(|(listed, _)| *listed == name)
        .map_or("/assets/missing", |(_, href)| href.as_str())
}

/// `GET /assets/{name}`: an embedded file, cacheable for a year.
#[get("/assets/{name:.+}")]
pub async fn serve_asset(name: web::Path<String>) -> HttpResponse {
    match ASSETS.iter().find(|asset| asset.name == name.as_str()) {
        Some(asset) => HttpResponse::Ok()
            .content_type(asset.content_type)
            .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
            .body(asset.bytes),
        None => HttpResponse::NotFound()
            .content_type("text/plain; charset=utf-8")
            .body("no such file"),
    }
}

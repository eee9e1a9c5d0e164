//! The web pages: server-rendered HTML over the same operations the JSON
//! API calls (`coophub_app`), mounted at `/` beside `/api/v1`. Templates are
//! checked at compile time (askama); htmx and Leaflet are vendored and
//! embedded in the binary. Every page works without JavaScript: forms and
//! links; htmx only updates in place.

mod assets;
mod charts;
mod fallback;
mod forms;
mod pages;
mod paging;
mod render;
mod session;
mod words;

use actix_web::web;

pub use fallback::not_matched;
pub use session::SESSION_COOKIE;

/// What the pages are told by the server's settings.
#[derive(Debug, Clone)]
pub struct WebSettings {
    /// Map tiles, a URL template with `{z}`, `{x}` and `{y}`; empty: markers
    /// on a plain background, nothing fetched from elsewhere.
    pub map_tiles_url: String,
    /// The attribution the tiles' provider asks for, shown on the map.
    pub map_attribution: String,
}

impl WebSettings {
    /// OpenStreetMap's standard tiles, with the attribution its tile usage
    /// policy asks for.
    pub fn openstreetmap() -> Self {
        Self {
            map_tiles_url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".into(),
            map_attribution: "© OpenStreetMap contributors".into(),
        }
    }
}

/// Registers the pages and their assets; the server adds [`WebSettings`]
/// as app data.
pub fn pages(cfg: &mut web::ServiceConfig) {
    cfg.app_data(web::FormConfig::default().error_handler(render::unreadable_form))
        .service(assets::serve_asset)
        .service(pages::search::home)
        .service(pages::coop::show)
        .service(pages::coop::enquire)
        .service(pages::coop::claim)
        .service(pages::map::show)
        .service(pages::person::show)
        .service(pages::register::register_page)
        .service(pages::register::register)
        .service(pages::account::sign_in_form)
        .service(pages::account::sign_in)
        .service(pages::account::sign_out)
        .service(pages::opportunities::tenders)
        .service(pages::opportunities::show)
        .service(pages::opportunities::open_bid)
        .service(pages::bid::show)
        .service(pages::bid::add_role)
        .service(pages::bid::invite)
        .service(pages::bid::answer)
        .service(pages::bid::post_message)
        .service(pages::bid::add_document)
        .service(pages::bid::decide)
        .service(pages::bid::submit)
        .service(pages::bid::add_section)
        .service(pages::bid::update_section)
        .service(pages::sharing::listings::offer_list)
        .service(pages::sharing::listings::request_list)
        .service(pages::sharing::listings::show_offer)
        .service(pages::sharing::listings::ask)
        .service(pages::sharing::listings::show_request)
        .service(pages::sharing::placement::show)
        .service(pages::sharing::placement::post_message)
        .service(pages::sharing::placement::make_move)
        .service(pages::sharing::rotation::show)
        .service(pages::sharing::rotation::propose)
        .service(pages::sharing::rotation::show_proposal)
        .service(pages::sharing::rotation::answer)
        .service(pages::sharing::swap::show_swap)
        .service(pages::sharing::swap::propose_swap)
        .service(pages::sharing::swap::answer_swap)
        .service(pages::figures::skill)
        .service(pages::figures::network)
        .service(pages::me::show)
        .service(pages::me::reconfirm)
        .service(pages::me::read_all)
        .service(pages::me::calendar_link)
        .service(pages::me::change_password)
        .service(pages::stewards::show)
        .service(pages::stewards::decide_claim)
        .service(pages::stewards::decide_application);
}

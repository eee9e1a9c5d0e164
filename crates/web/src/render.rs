//! Pages as answers: HTML with the headers every page carries (its own
//! content security policy, no caching of what depends on who is looking),
//! and the page for an operation that did not happen.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, ResponseError, web};
use askama::Template;
use coophub_api::ApiError;

use crate::WebSettings;
use crate::assets::href;
use crate::session::Visitor;

/// What the frame of every page shows: who is signed in, the token its
/// forms carry, and where the assets are.
#[derive(Debug, Clone)]
pub struct Chrome {
    /// The signed-in account's name.
    pub name: Option<String>,
    /// The visitor is one of the network's stewards.
    pub steward: bool,
    /// The CSRF token of the page's forms.
    pub csrf: String,
    /// The stylesheet.
    pub style: &'static str,
    /// htmx.
    pub htmx: &'static str,
}

impl Chrome {
    /// The frame for `visitor`, whose forms carry `csrf`.
    pub fn new(visitor: &Visitor, csrf: String) -> Self {
        Self {
            name: visitor.name().map(str::to_owned),
            steward: visitor.viewer.is_network_admin(),
            csrf,
            style: href("style.css"),
            htmx: href("vendor/htmx-2.0.11.min.js"),
        }
    }

    /// The frame for `visitor`, whose forms carry their session's token.
    pub fn signed(visitor: &Visitor) -> Self {
        Self::new(visitor, visitor.csrf.clone().unwrap_or_default())
    }
}

/// Whether htmx asked, wanting only the part of the page that changes.
pub fn from_htmx(req: &HttpRequest) -> bool {
    req.headers().contains_key("HX-Request")
}

/// The page's policy: its own scripts and styles (Leaflet sets style
/// attributes), images from itself and the map's tile server, forms to itself.
fn policy(settings: Option<&WebSettings>) -> String {
    let tiles = settings
        .and_then(|s| origin(&s.map_tiles_url))
        .map(|origin| format!(" {origin}"))
        .unwrap_or_default();
    format!(
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data:{tiles}; connect-src 'self'; form-action 'self'; \
         frame-ancestors 'none'; base-uri 'none'"
    )
}

/// `https://host[:port]` of a URL template.
fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split('/').next().filter(|host| !host.is_empty())?;
    Some(format!("{scheme}://{host}"))
}

/// `page` rendered with `status`: HTML that varies with the visitor and
/// with htmx asking.
pub fn html(req: &HttpRequest, status: StatusCode, page: &impl Template) -> HttpResponse {
    let settings = req
        .app_data::<web::Data<WebSettings>>()
        .map(|s| s.get_ref());
    match page.render() {
        Ok(body) => HttpResponse::build(status)
            .content_type("text/html; charset=utf-8")
            .insert_header((header::CONTENT_SECURITY_POLICY, policy(settings)))
            .insert_header((header::CACHE_CONTROL, "private, no-cache"))
            .insert_header((header::VARY, "Cookie, HX-Request"))
            .body(body),
        Err(error) => {
            tracing::error!(%error, "a page did not render");
            HttpResponse::InternalServerError()
                .content_type("text/plain; charset=utf-8")
                .body("the page could not be shown")
        }
    }
}

/// The page `make` builds from what `found` read, answered with `status`;
/// the problem page when the read failed.
pub fn page_of<T, P: Template>(
    req: &HttpRequest,
    found: Result<(Visitor, T), (Visitor, ApiError)>,
    status: StatusCode,
    make: impl FnOnce(Chrome, T) -> P,
) -> HttpResponse {
    match found {
        Ok((visitor, value)) => html(req, status, &make(Chrome::signed(&visitor), value)),
        Err((visitor, error)) => problem(req, &visitor, &error),
    }
}

/// The page saying why something did not happen.
#[derive(Template)]
#[template(path = "problem.html")]
pub struct ProblemPage {
    /// The frame.
    pub chrome: Chrome,
    /// The heading.
    pub title: String,
    /// What went wrong, in the operation's words.
    pub detail: String,
}

/// The page for a form whose fields could not be read at all (a post made
/// by hand, or a page from another version): 400, saying so.
pub fn unreadable_form(
    error: actix_web::error::UrlencodedError,
    req: &HttpRequest,
) -> actix_web::Error {
    let page = ProblemPage {
        chrome: Chrome::signed(&Visitor::default()),
        title: "Bad Request".to_owned(),
        detail: format!("the form could not be read ({error}); reload its page and send it again"),
    };
    let answer = html(req, StatusCode::BAD_REQUEST, &page);
    actix_web::error::InternalError::from_response(error, answer).into()
}

/// The page for `error`, with its status: "not found" alike for what does
/// not exist and what the visitor may not see, as the API answers.
pub fn problem(req: &HttpRequest, visitor: &Visitor, error: &ApiError) -> HttpResponse {
    let status = error.status_code();
    let title = status.canonical_reason().unwrap_or("Error").to_owned();
    let detail = if status.is_server_error() {
        "something went wrong on our side; please try again".to_owned()
    } else if status == StatusCode::UNAUTHORIZED {
        "sign in to see this page".to_owned()
    } else {
        error.to_string()
    };
    let page = ProblemPage {
        chrome: Chrome::signed(visitor),
        title,
        detail,
    };
    html(req, status, &page)
}

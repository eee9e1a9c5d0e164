//! Headers that tell browsers not to guess, leak or frame: every answer says
//! `nosniff`, sends no referrer and may not be framed; JSON answers may load
//! nothing at all, and the documentation page may load only its own scripts,
//! styles and images (Swagger UI's files are all served from `/docs/`).
//!
//! Answers that leave as errors are rendered after the middleware has run,
//! so [`crate::problem::ApiError`] adds the same headers to problem documents
//! through [`insert_defaults`].

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use actix_web::middleware::Next;

/// For JSON and every other answer that is not the documentation page.
const API_POLICY: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/// For `/docs/`: Swagger UI's own scripts and styles (it sets style
/// attributes, hence `'unsafe-inline'` for styles only; no inline script), its
/// icons, and requests to this origin (the spec and "Try it out").
const DOCS_POLICY: &str = "default-src 'none'; script-src 'self'; \
    style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
    font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Adds the headers to a response unless a handler set them already.
fn insert(headers: &mut HeaderMap, policy: &'static str) {
    let values: [(HeaderName, &'static str); 4] = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::CONTENT_SECURITY_POLICY, policy),
    ];
    for (name, value) in values {
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    }
}

/// The headers of an answer that is not the documentation page (problem
/// documents among them).
pub(crate) fn insert_defaults(headers: &mut HeaderMap) {
    insert(headers, API_POLICY);
}

/// The security-headers middleware (see the module documentation).
pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let docs = req.path() == "/docs" || req.path().starts_with("/docs/");
    let mut res = next.call(req).await?;
    insert(
        res.headers_mut(),
        if docs { DOCS_POLICY } else { API_POLICY },
    );
    Ok(res)
}

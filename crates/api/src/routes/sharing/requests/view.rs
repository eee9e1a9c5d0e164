//! The JSON shapes of requests.

pub use coophub_app::sharing::bodies::RequestBody;
pub use coophub_app::sharing::views::{RequestList, RequestView};

use actix_web::HttpResponse;
use actix_web::http::StatusCode;

use crate::etag::versioned;

/// A single answer (see [`versioned`]).
pub fn request_response(status: StatusCode, view: RequestView) -> HttpResponse {
    let path = format!("/api/v1/requests/{}", view.id);
    versioned(status, view.version, &path, &view)
}

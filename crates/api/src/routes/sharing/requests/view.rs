//! The JSON shapes of requests.

pub use coophub_app::sharing::bodies::RequestBody;
pub use coophub_app::sharing::views::{RequestList, RequestView};

use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};

use crate::etag::etag;

/// A single request answer with its `ETag` (and `Location` when created).
pub fn request_response(status: StatusCode, view: RequestView) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    response.insert_header((header::ETAG, etag(view.version)));
    response.insert_header((header::VARY, "Authorization"));
    if status == StatusCode::CREATED {
        response.insert_header((header::LOCATION, format!("/api/v1/requests/{}", view.id)));
    }
    response.json(view)
}

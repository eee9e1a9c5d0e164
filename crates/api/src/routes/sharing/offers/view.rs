//! The JSON shapes of offers.

pub use coophub_app::sharing::bodies::{OfferRequest, OfferSkillBody};
pub use coophub_app::sharing::views::{OfferList, OfferView};

use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};

use crate::etag::etag;

/// A single offer answer with its `ETag` (and `Location` when created).
pub fn offer_response(status: StatusCode, view: OfferView) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    response.insert_header((header::ETAG, etag(view.version)));
    response.insert_header((header::VARY, "Authorization"));
    if status == StatusCode::CREATED {
        response.insert_header((header::LOCATION, format!("/api/v1/offers/{}", view.id)));
    }
    response.json(view)
}

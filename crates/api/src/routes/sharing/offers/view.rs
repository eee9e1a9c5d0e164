//! The JSON shapes of offers.

pub use coophub_app::sharing::bodies::{OfferRequest, OfferSkillBody};
pub use coophub_app::sharing::views::{OfferList, OfferView};

use actix_web::HttpResponse;
use actix_web::http::StatusCode;

use crate::etag::versioned;

/// A single answer (see [`versioned`]).
pub fn offer_response(status: StatusCode, view: OfferView) -> HttpResponse {
    let path = format!("/api/v1/offers/{}", view.id);
    versioned(status, view.version, &path, &view)
}

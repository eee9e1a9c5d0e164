//! The JSON shapes of placements and their history.

pub use coophub_app::sharing::bodies::{PlacementRequest, ReasonBody};
pub use coophub_app::sharing::views::{
    HistoryView, PlacementEventView, PlacementList, PlacementView,
};

use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};

use crate::etag::etag;

/// A single placement answer with its `ETag` (and `Location` when created).
pub fn placement_response(status: StatusCode, view: PlacementView) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    response.insert_header((header::ETAG, etag(view.version)));
    response.insert_header((header::VARY, "Authorization"));
    if status == StatusCode::CREATED {
        response.insert_header((header::LOCATION, format!("/api/v1/placements/{}", view.id)));
    }
    response.json(view)
}

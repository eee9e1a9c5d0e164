//! The JSON shapes of placements and their history.

pub use coophub_app::sharing::bodies::{PlacementRequest, ReasonBody};
pub use coophub_app::sharing::views::{
    HistoryView, PlacementEventView, PlacementList, PlacementView,
};

use actix_web::HttpResponse;
use actix_web::http::StatusCode;

use crate::etag::versioned;

/// A single answer (see [`versioned`]).
pub fn placement_response(status: StatusCode, view: PlacementView) -> HttpResponse {
    let path = format!("/api/v1/placements/{}", view.id);
    versioned(status, view.version, &path, &view)
}

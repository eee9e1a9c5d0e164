//! The JSON shapes of placements and their history.

pub use coophub_app::sharing::views::{
    HistoryView, PlacementEventView, PlacementList, PlacementView,
};

use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::etag::etag;

/// Asking an offer for time, as sent.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlacementRequest {
    /// The slug of the co-op that asks (its admins ask).
    pub requesting_coop: String,
    /// The asking co-op's request this answers, if any.
    pub request_id: Option<Uuid>,
    /// 0.5 to 5, in half days.
    pub days_per_week: f64,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// To the offering co-op.
    pub message: Option<String>,
}

/// Why, for a decline or a cancellation.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonBody {
    /// Said to the other side; required to cancel.
    pub reason: Option<String>,
}

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

//! Placements: `/api/v1/offers/{id}/placements` and `/api/v1/placements/{id}`.
//! Every decision on time runs under the offering co-op's capacity lock
//! (`coophub_store::sharing`), so concurrent accepts cannot both fit.

pub mod create;
pub mod list;
pub mod moves;
pub mod show;
mod view;

use chrono::NaiveDate;
use coophub_app::sharing::placements::Involved;
use coophub_domain::coop::Coop;
use coophub_domain::sharing::Placement;
use coophub_store::DbConnection;

use crate::auth::Viewer;
use crate::problem::ApiError;
use coophub_app::sharing::visible_person;

pub use view::{
    HistoryView, PlacementEventView, PlacementList, PlacementRequest, PlacementView, ReasonBody,
    placement_response,
};

/// The view of `placement` between `offering` and `requesting` for
/// `viewer` as of `today`.
pub(crate) fn view_of(
    conn: &mut DbConnection,
    viewer: &Viewer,
    placement: Placement,
    [offering, requesting]: [&Coop; 2],
    today: NaiveDate,
) -> Result<PlacementView, ApiError> {
    let person = visible_person(conn, viewer, placement.person_id, offering)?;
    Ok(PlacementView::new(
        placement,
        offering,
        requesting,
        person.as_ref(),
        today,
    ))
}

//! Placements: `/api/v1/offers/{id}/placements` and `/api/v1/placements/{id}`.
//! Every decision on time runs under the offering co-op's capacity lock
//! (`coophub_store::sharing`), so concurrent accepts cannot both fit.

pub mod create;
pub mod list;
pub mod messages;
pub mod moves;
pub mod show;
mod view;

pub use view::{
    HistoryView, PlacementEventView, PlacementList, PlacementRequest, PlacementView, ReasonBody,
    placement_response,
};

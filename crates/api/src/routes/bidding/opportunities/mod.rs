//! Opportunities: `/api/v1/opportunities`, its import from OCDS, and
//! `/api/v1/coops/{slug}/opportunities` ranked for a co-op.

pub mod create;
pub mod for_coop;
pub mod import;
pub mod list;
pub mod show;
mod view;

pub use view::{ImportAnswer, ImportedItem, ManualOpportunity, OpportunityList, OpportunityView};

/// Whose the opportunities the viewer adds are, if they may add any:
/// network admins add the network's, admins of member co-ops their own.
fn adder(
    viewer: &crate::auth::Viewer,
) -> Result<coophub_domain::bidding::Provenance, crate::problem::ApiError> {
    coophub_domain::access::bidding::add_opportunities(viewer)
        .map_err(|denied| crate::auth::refused(denied, || "no such route".into()))?;
    coophub_domain::bidding::Provenance::of(viewer)
        .ok_or_else(|| crate::problem::ApiError::internal("a signed-in viewer without an account"))
}

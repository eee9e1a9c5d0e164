//! Claims: `POST /api/v1/coops/{slug}/claims` asks to administer a co-op
//! that has no admin; stewards list them (`GET /api/v1/claims`) and decide
//! (`POST /api/v1/claims/{id}/decision`). The operations are
//! `coophub_app::directory::claims`.

pub mod create;
pub mod decide;
pub mod list;

pub use coophub_app::directory::claims::{ClaimBody, ClaimDecisionBody, ClaimList, ClaimView};

//! Requests for time, as the access rules guard them, and what their
//! co-op's admins do with them.

mod operations;

pub use operations::{RequestFilters, create, delete, list, replace, show};

use coophub_domain::access::{Denied, Viewer};
use coophub_domain::coop::Coop;
use coophub_domain::sharing::{Request, RequestStatus};
use coophub_store::sharing::requests;
use coophub_store::{DbConnection, coops};
use uuid::Uuid;

use super::{ListingRule, listing};
use crate::AppError;
use crate::guard::{Guarded, Lock};

/// A request by id, with its co-op; one the viewer may not see is not found.
impl Guarded for (Request, Coop) {
    type Key = Uuid;
    type Rule = ListingRule;

    fn missing(id: &Uuid) -> String {
        format!("no request {id}")
    }

    fn find(conn: &mut DbConnection, id: &Uuid, lock: Lock) -> Result<Option<Self>, AppError> {
        let request = match lock {
            Lock::Read => requests::find(conn, *id)?,
            Lock::ForChange => requests::find_for_update(conn, *id)?,
        };
        let Some(request) = request else {
            return Ok(None);
        };
        Ok(coops::find_by_id(conn, request.coop_id)?.map(|coop| (request, coop)))
    }

    fn decide(&self, viewer: &Viewer, rule: ListingRule) -> Result<(), Denied> {
        rule(
            viewer,
            listing(&self.1, self.0.status == RequestStatus::Open),
        )
    }
}

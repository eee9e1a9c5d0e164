//! Requests for time: `/api/v1/requests` and `/api/v1/requests/{id}`.

pub mod create;
pub mod delete;
pub mod list;
pub mod show;
pub mod update;
mod view;

use coophub_domain::coop::Coop;
use coophub_domain::sharing::{Request, RequestStatus};
use coophub_store::sharing::requests;
use coophub_store::{DbConnection, StoreError};
use uuid::Uuid;

use super::{ListingRule, coop_of, decide};
use crate::auth::Viewer;
use crate::problem::ApiError;

pub use view::{RequestBody, RequestList, RequestSkillBody, RequestView, request_response};

/// The request `id` and its co-op, if `rule` lets the viewer have them (404 otherwise).
pub(crate) fn request_for(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    rule: ListingRule,
) -> Result<(Request, Coop), ApiError> {
    decided(conn, viewer, id, rule, requests::find)
}

/// Like [`request_for`], for a change: the request's row stays locked.
pub(crate) fn request_to_change(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    rule: ListingRule,
) -> Result<(Request, Coop), ApiError> {
    decided(conn, viewer, id, rule, requests::find_for_update)
}

type FindRequest = fn(&mut DbConnection, Uuid) -> Result<Option<Request>, StoreError>;

fn decided(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    rule: ListingRule,
    find: FindRequest,
) -> Result<(Request, Coop), ApiError> {
    let not_found = || format!("no request {id}");
    let request = find(conn, id)?.ok_or_else(|| ApiError::NotFound(not_found()))?;
    let coop = coop_of(conn, request.coop_id, &not_found)?;
    let live = request.status == RequestStatus::Open;
    decide(viewer, rule, &coop, live, &not_found)?;
    Ok((request, coop))
}

//! Placements: `/api/v1/offers/{id}/placements` and `/api/v1/placements/{id}`.
//! Every decision on time runs under the offering co-op's capacity lock
//! (`coophub_store::sharing`), so concurrent accepts cannot both fit.

pub mod create;
pub mod list;
pub mod moves;
pub mod show;
mod view;

use chrono::NaiveDate;
use coophub_domain::access::Denied;
use coophub_domain::access::sharing::PlacementFacts;
use coophub_domain::coop::Coop;
use coophub_domain::sharing::{Booking, Limits, Placement, refusals};
use coophub_store::sharing::{offers, placements};
use coophub_store::{DbConnection, StoreError, people};
use uuid::Uuid;

use super::{Promised, capacity_conflict, coop_of, visible_person};
use crate::auth::{Viewer, refused};
use crate::problem::ApiError;

pub use view::{
    HistoryView, PlacementEventView, PlacementList, PlacementRequest, PlacementView, ReasonBody,
    placement_response,
};

/// A rule of `coophub_domain::access::sharing` about a placement.
pub(crate) type PlacementRule = fn(&Viewer, PlacementFacts) -> Result<(), Denied>;

/// A placement with the two co-ops it joins.
pub(crate) struct Involved {
    /// The placement.
    pub placement: Placement,
    /// The co-op giving the time.
    pub offering: Coop,
    /// The co-op that asked.
    pub requesting: Coop,
}

/// The placement `id` and its co-ops, if `rule` lets the viewer have them.
pub(crate) fn placement_for(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    rule: PlacementRule,
) -> Result<Involved, ApiError> {
    decided(conn, viewer, id, rule, placements::find)
}

/// Like [`placement_for`], for a change: under the offering co-op's
/// capacity lock, with the placement's row locked.
pub(crate) fn placement_to_change(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    rule: PlacementRule,
) -> Result<Involved, ApiError> {
    decided(conn, viewer, id, rule, placements::find_for_update)
}

type FindPlacement = fn(&mut DbConnection, Uuid) -> Result<Option<Placement>, StoreError>;

fn decided(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    rule: PlacementRule,
    find: FindPlacement,
) -> Result<Involved, ApiError> {
    let not_found = || format!("no placement {id}");
    let placement = find(conn, id)?.ok_or_else(|| ApiError::NotFound(not_found()))?;
    let person_account = match placement.person_id {
        Some(person) => people::find(conn, person)?.and_then(|p| p.user_id),
        None => None,
    };
    let facts = PlacementFacts {
        offering: placement.offering_coop_id,
        requesting: placement.requesting_coop_id,
        person_account,
    };
    rule(viewer, facts).map_err(|denied| refused(denied, not_found))?;
    let offering = coop_of(conn, placement.offering_coop_id, &not_found)?;
    let requesting = coop_of(conn, placement.requesting_coop_id, &not_found)?;
    Ok(Involved {
        placement,
        offering,
        requesting,
    })
}

/// 409 `over_capacity` unless `wanted` fits offer `offer_id` and the
/// person's week beside every other accepted or active placement
/// (`placement`, when it is one already, is left out). The caller holds the
/// offering co-op's capacity lock.
pub(crate) fn check_fits(
    conn: &mut DbConnection,
    offer_id: Uuid,
    placement: Option<Uuid>,
    wanted: Booking,
) -> Result<(), ApiError> {
    let offer = offers::find(conn, offer_id)?
        .ok_or_else(|| ApiError::NotFound(format!("no offer {offer_id}")))?;
    let promised = Promised::load(conn, &offer, placement)?;
    let limits = Limits {
        capacity: offer.half_days,
        dates: offer.dates,
        booked: &promised.offer,
        person_booked: promised.person.as_deref(),
    };
    let conflicts = refusals(&limits, wanted);
    if conflicts.is_empty() {
        Ok(())
    } else {
        Err(capacity_conflict(
            "the time asked for does not fit what is free",
            conflicts,
        ))
    }
}

/// The view of `involved` for `viewer` as of `today`.
pub(crate) fn view_of(
    conn: &mut DbConnection,
    viewer: &Viewer,
    involved: Involved,
    today: NaiveDate,
) -> Result<PlacementView, ApiError> {
    let person = visible_person(
        conn,
        viewer,
        involved.placement.person_id,
        &involved.offering,
    )?;
    Ok(PlacementView::new(
        involved.placement,
        &involved.offering,
        &involved.requesting,
        person.as_ref(),
        today,
    ))
}

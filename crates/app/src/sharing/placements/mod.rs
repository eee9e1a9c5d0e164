//! Placements, as the access rules guard them: seen by the two co-ops they
//! join and the person placed; asked for, moved through their life and
//! read.

pub mod desk;
pub mod messages;
mod moves;
mod reads;
mod request;

pub use moves::{MoveAsked, make as make_move, reason_of, rule_of};
pub(crate) use reads::history_of;
pub(crate) use reads::view_of;
pub use reads::{history, list, show};
pub use request::{Asking, request};

use coophub_domain::access::sharing::PlacementFacts;
use coophub_domain::access::{Denied, Viewer};
use coophub_domain::coop::Coop;
use coophub_domain::sharing::{Booking, Limits, Placement, refusals};
use coophub_store::sharing::{offers, placements};
use coophub_store::{DbConnection, coops, people};
use uuid::Uuid;

use super::{Promised, capacity_conflict};
use crate::AppError;
use crate::guard::{Guarded, Lock};

/// A rule of `coophub_domain::access::sharing` about a placement.
pub type PlacementRule = fn(&Viewer, PlacementFacts) -> Result<(), Denied>;

/// A placement with the two co-ops it joins.
#[derive(Debug, Clone)]
pub struct Involved {
    /// The placement.
    pub placement: Placement,
    /// The co-op giving the time.
    pub offering: Coop,
    /// The co-op that asked.
    pub requesting: Coop,
    /// The placed person's linked account, if any.
    pub person_account: Option<Uuid>,
}

/// A placement by id; one the viewer may not see is not found. For a change
/// the offering co-op's capacity lock is held and the placement's row locked.
impl Guarded for Involved {
    type Key = Uuid;
    type Rule = PlacementRule;

    fn missing(id: &Uuid) -> String {
        format!("no placement {id}")
    }

    fn find(conn: &mut DbConnection, id: &Uuid, lock: Lock) -> Result<Option<Self>, AppError> {
        let placement = match lock {
            Lock::Read => placements::find(conn, *id)?,
            Lock::ForChange => placements::find_for_update(conn, *id)?,
        };
        let Some(placement) = placement else {
            return Ok(None);
        };
        let person_account = match placement.person_id {
            Some(person) => people::find(conn, person)?.and_then(|p| p.user_id),
            None => None,
        };
        let offering = coops::find_by_id(conn, placement.offering_coop_id)?;
        let requesting = coops::find_by_id(conn, placement.requesting_coop_id)?;
        Ok(offering.zip(requesting).map(|(offering, requesting)| Self {
            placement,
            offering,
            requesting,
            person_account,
        }))
    }

    fn decide(&self, viewer: &Viewer, rule: PlacementRule) -> Result<(), Denied> {
        rule(
            viewer,
            PlacementFacts {
                offering: self.placement.offering_coop_id,
                requesting: self.placement.requesting_coop_id,
                person_account: self.person_account,
            },
        )
    }
}

/// 409 `over_capacity` unless `wanted` fits offer `offer_id` and the
/// person's week beside every other accepted or active placement
/// (`placement`, when it is one already, is left out). The caller holds the
/// offering co-op's capacity lock.
pub fn check_fits(
    conn: &mut DbConnection,
    offer_id: Uuid,
    placement: Option<Uuid>,
    wanted: Booking,
) -> Result<(), AppError> {
    let offer = offers::find(conn, offer_id)?
        .ok_or_else(|| AppError::NotFound(format!("no offer {offer_id}")))?;
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

//! Offers of time: who may see them, and writes that tell the alerts on
//! offers they match.

use chrono::{DateTime, Utc};
use coophub_domain::Expected;
use coophub_domain::access::{Denied, Viewer};
use coophub_domain::coop::Coop;
use coophub_domain::sharing::{Offer, OfferInput};
use coophub_store::sharing::offers;
use coophub_store::{DbConnection, StoreError};
use uuid::Uuid;

use super::{ListingRule, listing};
use crate::AppError;
use crate::guard::{Guarded, Lock};
use crate::telling::alerts;

/// An offer by id, with its co-op. Its rule is decided at a time, which says
/// whether the offer has lapsed; one the viewer may not see is not found.
/// For a change the offering co-op's capacity lock is held as well.
impl Guarded for (Offer, Coop) {
    type Key = Uuid;
    type Rule = (ListingRule, DateTime<Utc>);

    fn missing(id: &Uuid) -> String {
        format!("no offer {id}")
    }

    fn find(conn: &mut DbConnection, id: &Uuid, lock: Lock) -> Result<Option<Self>, AppError> {
        let offer = match lock {
            Lock::Read => offers::find(conn, *id)?,
            Lock::ForChange => offers::find_for_update(conn, *id)?,
        };
        let Some(offer) = offer else {
            return Ok(None);
        };
        Ok(coophub_store::coops::find_by_id(conn, offer.coop_id)?.map(|coop| (offer, coop)))
    }

    fn decide(&self, viewer: &Viewer, (rule, now): Self::Rule) -> Result<(), Denied> {
        rule(viewer, listing(&self.1, self.0.live(now)))
    }
}

/// Adds an offer of the co-op `coop_id` (whose capacity lock the caller holds).
pub fn insert(
    conn: &mut DbConnection,
    coop_id: Uuid,
    input: &OfferInput,
    now: DateTime<Utc>,
) -> Result<Offer, StoreError> {
    coophub_store::write(conn, |conn| {
        let offer = offers::insert(conn, coop_id, input, now)?;
        alerts::offer_written(conn, &offer, now)?;
        Ok(offer)
    })
}

/// Replaces `offer` with `input` (`Stale` unless `expected`); saying what is
/// offered again reconfirms it.
pub fn update(
    conn: &mut DbConnection,
    offer: &Offer,
    expected: Option<&Expected>,
    input: &OfferInput,
    now: DateTime<Utc>,
) -> Result<Offer, StoreError> {
    coophub_store::write(conn, |conn| {
        let offer = offers::update(conn, offer, expected, input, now)?;
        alerts::offer_written(conn, &offer, now)?;
        Ok(offer)
    })
}

/// Confirms that `offer` still holds (`Stale` unless `expected`).
pub fn reconfirm(
    conn: &mut DbConnection,
    offer: &Offer,
    expected: Option<&Expected>,
    now: DateTime<Utc>,
) -> Result<Offer, StoreError> {
    coophub_store::write(conn, |conn| {
        let offer = offers::reconfirm(conn, offer, expected, now)?;
        alerts::offer_written(conn, &offer, now)?;
        Ok(offer)
    })
}

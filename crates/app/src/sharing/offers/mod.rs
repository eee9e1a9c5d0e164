//! Offers of time: who may see them, and writes that tell the alerts on
//! offers they match.

mod reads;
mod writes;

pub use reads::{OfferFilters, list, show};
pub use writes::{create, delete, reconfirm, replace};

use chrono::{DateTime, Utc};
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
    told(conn, now, |conn| offers::insert(conn, coop_id, input, now))
}

/// Writes an offer with `write`, and tells the alerts on offers it matches,
/// as one change.
fn told(
    conn: &mut DbConnection,
    now: DateTime<Utc>,
    mut write: impl FnMut(&mut DbConnection) -> Result<Offer, StoreError>,
) -> Result<Offer, StoreError> {
    coophub_store::write(conn, |conn| {
        let offer = write(conn)?;
        alerts::offer_written(conn, &offer, now)?;
        Ok(offer)
    })
}

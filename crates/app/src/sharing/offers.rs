//! Offers of time: each write tells the alerts on offers it matches.

use chrono::{DateTime, Utc};
use coophub_domain::Expected;
use coophub_domain::sharing::{Offer, OfferInput};
use coophub_store::sharing::offers;
use coophub_store::{DbConnection, StoreError};
use uuid::Uuid;

use crate::telling::alerts;

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

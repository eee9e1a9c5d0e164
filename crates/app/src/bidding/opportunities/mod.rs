//! Tenders, imported or entered by hand, listed, and ranked for a co-op.

mod entered;
mod ranked;
mod reads;

pub use entered::{enter, import};
pub use ranked::for_coop;
pub use reads::{list, show};

use chrono::{DateTime, Utc};
use coophub_domain::bidding::TenderRelease;
use coophub_domain::skills::SkillName;
use coophub_store::bidding::opportunities::{self, Source, Upserted};
use coophub_store::{DbConnection, StoreError};

use crate::telling::alerts;

/// Writes `tender` as its process's opportunity (the newer release wins;
/// another source's process is kept, see [`opportunities::upsert`]) and,
/// when it was created or changed, tells the alerts it matches.
pub fn upsert(
    conn: &mut DbConnection,
    tender: &TenderRelease,
    extra: &[SkillName],
    source: Source,
    now: DateTime<Utc>,
) -> Result<Upserted, StoreError> {
    coophub_store::write(conn, |conn| {
        let upserted = opportunities::upsert(conn, tender, extra, source, now)?;
        if let Upserted::Created(id) | Upserted::Updated(id) = upserted {
            alerts::tender_written(conn, id, now)?;
        }
        Ok(upserted)
    })
}

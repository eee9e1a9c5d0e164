//! Optimistic concurrency and deletion records, shared by every resource
//! that has a version (co-ops, people, case studies).

use chrono::{DateTime, Utc};
use coophub_domain::Expected;
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::tombstones;
use crate::time;
use crate::transaction::{self, Row};

/// `Stale` unless the caller expects `current` (or expects nothing).
pub(crate) fn expect(expected: Option<&Expected>, current: i32) -> Result<(), StoreError> {
    match expected {
        Some(expected) if !expected.allows(current) => Err(StoreError::Stale { current }),
        _ => Ok(()),
    }
}

#[derive(diesel::QueryableByName)]
struct Version {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    version: i32,
}

/// `Stale` (with the version the database holds now) when a write guarded by
/// `version = <read>` touched no `row`. Writes lock the row before reading it,
/// so this is a last line of defence, not the way conflicts are found.
pub(crate) fn written(
    conn: &mut DbConnection,
    rows: usize,
    row: Row<'_>,
) -> Result<(), StoreError> {
    if rows > 0 {
        return Ok(());
    }
    let current: Vec<Version> = transaction::by_key(conn, "version", row, "")?;
    match current.first() {
        Some(now) => Err(StoreError::Stale {
            current: now.version,
        }),
        None => Err(StoreError::NotFound),
    }
}

/// A record being deleted, as its tombstone remembers it.
pub(crate) struct Buried<'a> {
    pub(crate) entity: &'a str,
    pub(crate) id: &'a str,
    pub(crate) slug: Option<&'a str>,
    /// Whether viewers outside the network ever saw it: only then may they
    /// hear that it is gone.
    pub(crate) public: bool,
}

/// Forgets the tombstone of `entity` `id`, if there is one.
pub(crate) fn unbury(conn: &mut DbConnection, entity: &str, id: &str) -> Result<(), StoreError> {
    diesel::delete(
        tombstones::table
            .filter(tombstones::entity.eq(entity))
            .filter(tombstones::entity_id.eq(id)),
    )
    .execute(conn)?;
    Ok(())
}

/// Records that `record` was deleted at `now`.
pub(crate) fn bury(
    conn: &mut DbConnection,
    record: Buried,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::insert_into(tombstones::table)
        .values((
            tombstones::entity.eq(record.entity),
            tombstones::entity_id.eq(record.id),
            tombstones::slug.eq(record.slug),
            tombstones::deleted_at.eq(time::to_db(now)),
            tombstones::public.eq(record.public),
        ))
        .execute(conn)?;
    Ok(())
}

//! Optimistic concurrency and deletion records, shared by every resource
//! that has a version (co-ops, people, case studies).

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::tombstones;
use crate::time;
use crate::transaction::{self, Row};

/// `Stale` unless the caller expects `current` (or expects nothing).
pub(crate) fn expect(expected: Option<i32>, current: i32) -> Result<(), StoreError> {
    match expected {
        Some(version) if version != current => Err(StoreError::Stale { current }),
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

/// Records that `entity` `id` (with `slug`) was deleted at `now`.
pub(crate) fn bury(
    conn: &mut DbConnection,
    entity: &str,
    id: &str,
    slug: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::insert_into(tombstones::table)
        .values((
            tombstones::entity.eq(entity),
            tombstones::entity_id.eq(id),
            tombstones::slug.eq(slug),
            tombstones::deleted_at.eq(time::to_db(now)),
        ))
        .execute(conn)?;
    Ok(())
}

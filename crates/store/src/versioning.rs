//! Optimistic concurrency and deletion records, shared by every resource
//! that has a version (co-ops, people, case studies).

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::tombstones;
use crate::time;

/// `Stale` unless the caller expects `current` (or expects nothing).
pub(crate) fn expect(expected: Option<i32>, current: i32) -> Result<(), StoreError> {
    match expected {
        Some(version) if version != current => Err(StoreError::Stale { current }),
        _ => Ok(()),
    }
}

/// `Stale` when a write guarded by `version = read` touched no row: another
/// writer got in between the read and the write.
pub(crate) fn written(rows: usize, read: i32) -> Result<(), StoreError> {
    if rows == 0 {
        return Err(StoreError::Stale { current: read + 1 });
    }
    Ok(())
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

//! Where `coophub sync ocds` stands with each OCDS source, so that a run
//! resumes where the last one stopped, and asks only for what changed since
//! the newest release it imported.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::ocds_sync_cursors;
use crate::time;

#[derive(
    Debug,
    Clone,
    Queryable,
    Selectable,
    Insertable,
    AsChangeset,
    serde::Serialize,
    serde::Deserialize,
)]
#[diesel(table_name = ocds_sync_cursors, treat_none_as_null = true)]
pub(crate) struct CursorRow {
    source: String,
    next_url: Option<String>,
    last_release_date: Option<NaiveDateTime>,
    pages: i32,
    releases: i32,
    updated_at: NaiveDateTime,
}

/// A source's position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncCursor {
    /// The URL `sync` was given.
    pub source: String,
    /// The page to fetch next; `None` once a run reached the last page.
    pub next_url: Option<String>,
    /// The newest release date imported from the source.
    pub last_release_date: Option<DateTime<Utc>>,
    /// Pages imported, over all runs.
    pub pages: i32,
    /// Releases imported, over all runs.
    pub releases: i32,
}

impl SyncCursor {
    /// A source never synced.
    pub fn new(source: &str) -> Self {
        Self {
            source: source.to_owned(),
            next_url: None,
            last_release_date: None,
            pages: 0,
            releases: 0,
        }
    }
}

/// The position of `source`, if it was synced before.
pub fn find(conn: &mut DbConnection, source: &str) -> Result<Option<SyncCursor>, StoreError> {
    let row = ocds_sync_cursors::table
        .find(source)
        .select(CursorRow::as_select())
        .first(conn)
        .optional()?;
    Ok(row.map(|row| SyncCursor {
        source: row.source,
        next_url: row.next_url,
        last_release_date: row.last_release_date.map(time::from_db),
        pages: row.pages,
        releases: row.releases,
    }))
}

/// Records `cursor` (inserting or replacing it).
pub fn save(
    conn: &mut DbConnection,
    cursor: &SyncCursor,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let row = CursorRow {
        source: cursor.source.clone(),
        next_url: cursor.next_url.clone(),
        last_release_date: cursor.last_release_date.map(time::to_db),
        pages: cursor.pages,
        releases: cursor.releases,
        updated_at: time::to_db(now),
    };
    let updated = diesel::update(ocds_sync_cursors::table.find(&row.source))
        .set(&row)
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(ocds_sync_cursors::table)
            .values(&row)
            .execute(conn)?;
    }
    Ok(())
}

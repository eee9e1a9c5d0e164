//! Secret calendar feed URLs: one per co-op (all its placements) or per
//! person; making a new one revokes the old. Only a hash of the secret is
//! stored, so a copy of the database does not hand out working URLs.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::uuid;
use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::calendar_feeds;
use crate::time;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = calendar_feeds)]
pub(crate) struct FeedRow {
    id: String,
    coop_id: String,
    person_id: Option<String>,
    secret_sha256: String,
    created_by: Option<String>,
    created_at: NaiveDateTime,
}

/// A feed as stored (without its secret, which is never kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    /// Stable identifier, to revoke it.
    pub id: Uuid,
    /// The co-op whose placements it shows.
    pub coop_id: Uuid,
    /// Only this person's placements, when set.
    pub person_id: Option<Uuid>,
    /// When it was made.
    pub created_at: DateTime<Utc>,
}

impl FeedRow {
    fn into_feed(self) -> Result<Feed, StoreError> {
        Ok(Feed {
            id: uuid(&self.id, "id")?,
            coop_id: uuid(&self.coop_id, "coop_id")?,
            person_id: self
                .person_id
                .as_deref()
                .map(|p| uuid(p, "person_id"))
                .transpose()?,
            created_at: time::from_db(self.created_at),
        })
    }
}

/// Records a feed of `coop_id` (or of `person_id` in it) whose secret hashes
/// to `secret_sha256`, revoking the one it replaces.
pub fn replace(
    conn: &mut DbConnection,
    coop_id: Uuid,
    person_id: Option<Uuid>,
    secret_sha256: &str,
    by: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Feed, StoreError> {
    crate::write(conn, |conn| {
        let same_scope = calendar_feeds::table
            .filter(calendar_feeds::coop_id.eq(coop_id.to_string()))
            .into_boxed();
        let same_scope = match person_id {
            Some(person) => same_scope.filter(calendar_feeds::person_id.eq(person.to_string())),
            None => same_scope.filter(calendar_feeds::person_id.is_null()),
        };
        let old: Vec<String> = same_scope.select(calendar_feeds::id).load(conn)?;
        diesel::delete(calendar_feeds::table.filter(calendar_feeds::id.eq_any(&old)))
            .execute(conn)?;
        let row = FeedRow {
            id: Uuid::new_v4().to_string(),
            coop_id: coop_id.to_string(),
            person_id: person_id.map(|p| p.to_string()),
            secret_sha256: secret_sha256.to_owned(),
            created_by: by.map(|u| u.to_string()),
            created_at: time::to_db(now),
        };
        diesel::insert_into(calendar_feeds::table)
            .values(&row)
            .execute(conn)?;
        row.into_feed()
    })
}

/// The feed whose secret hashes to `secret_sha256`.
pub fn find_by_secret(
    conn: &mut DbConnection,
    secret_sha256: &str,
) -> Result<Option<Feed>, StoreError> {
    calendar_feeds::table
        .filter(calendar_feeds::secret_sha256.eq(secret_sha256))
        .select(FeedRow::as_select())
        .first(conn)
        .optional()?
        .map(FeedRow::into_feed)
        .transpose()
}

/// The feeds of `coop_id`.
pub fn of_coop(conn: &mut DbConnection, coop_id: Uuid) -> Result<Vec<Feed>, StoreError> {
    calendar_feeds::table
        .filter(calendar_feeds::coop_id.eq(coop_id.to_string()))
        .order(calendar_feeds::created_at)
        .select(FeedRow::as_select())
        .load(conn)?
        .into_iter()
        .map(FeedRow::into_feed)
        .collect()
}

/// Revokes feed `id` of `coop_id`; `NotFound` if it is not one of its feeds.
pub fn revoke(conn: &mut DbConnection, coop_id: Uuid, id: Uuid) -> Result<(), StoreError> {
    let deleted = diesel::delete(
        calendar_feeds::table
            .filter(calendar_feeds::id.eq(id.to_string()))
            .filter(calendar_feeds::coop_id.eq(coop_id.to_string())),
    )
    .execute(conn)?;
    if deleted == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}

//! Secret URLs of accounts' deadline calendars: one per account, only the
//! secret's SHA-256 kept, so a database copy opens no calendar.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::deadline_feeds;
use crate::time;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = deadline_feeds)]
pub(crate) struct DeadlineFeedRow {
    user_id: String,
    secret_sha256: String,
    created_at: NaiveDateTime,
}

/// Gives `user` a feed opened by the secret hashing to `secret_sha256`,
/// replacing (revoking) any they had.
pub fn replace(
    conn: &mut DbConnection,
    user: Uuid,
    secret_sha256: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    crate::write(conn, |conn| {
        diesel::delete(deadline_feeds::table.find(user.to_string())).execute(conn)?;
        diesel::insert_into(deadline_feeds::table)
            .values(DeadlineFeedRow {
                user_id: user.to_string(),
                secret_sha256: secret_sha256.to_owned(),
                created_at: time::to_db(now),
            })
            .execute(conn)?;
        Ok::<_, StoreError>(())
    })
}

/// Revokes `user`'s feed; answers whether there was one.
pub fn revoke(conn: &mut DbConnection, user: Uuid) -> Result<bool, StoreError> {
    Ok(diesel::delete(deadline_feeds::table.find(user.to_string())).execute(conn)? > 0)
}

/// The account whose feed the secret hashing to `secret_sha256` opens.
pub fn owner(conn: &mut DbConnection, secret_sha256: &str) -> Result<Option<Uuid>, StoreError> {
    let user: Option<String> = deadline_feeds::table
        .filter(deadline_feeds::secret_sha256.eq(secret_sha256))
        .select(deadline_feeds::user_id)
        .first(conn)
        .optional()?;
    Ok(user.and_then(|u| Uuid::parse_str(&u).ok()))
}

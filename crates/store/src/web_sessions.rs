//! Signed-in sessions of the web pages. Only the SHA-256 of each session's
//! cookie is kept, so a database copy signs nobody in; a session carries the
//! account's token version at sign-in, so a password change ends it as it
//! ends access tokens.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::web_sessions;
use crate::time;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = web_sessions)]
struct SessionRow {
    id_sha256: String,
    user_id: String,
    token_version: i32,
    csrf_token: String,
    created_at: NaiveDateTime,
    expires_at: NaiveDateTime,
}

/// A session as the pages use it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebSession {
    /// The account signed in.
    pub user_id: Uuid,
    /// Its token version at sign-in.
    pub token_version: i32,
    /// What every form that changes something must carry.
    pub csrf_token: String,
}

/// Records a session opened by the cookie hashing to `id_sha256`, until `expires_at`.
pub fn open(
    conn: &mut DbConnection,
    id_sha256: &str,
    session: &WebSession,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::insert_into(web_sessions::table)
        .values(SessionRow {
            id_sha256: id_sha256.to_owned(),
            user_id: session.user_id.to_string(),
            token_version: session.token_version,
            csrf_token: session.csrf_token.clone(),
            created_at: time::to_db(now),
            expires_at: time::to_db(expires_at),
        })
        .execute(conn)?;
    Ok(())
}

/// The session the cookie hashing to `id_sha256` opens at `now`, if any.
pub fn find(
    conn: &mut DbConnection,
    id_sha256: &str,
    now: DateTime<Utc>,
) -> Result<Option<WebSession>, StoreError> {
    let row = web_sessions::table
        .find(id_sha256)
        .filter(web_sessions::expires_at.gt(time::to_db(now)))
        .select(SessionRow::as_select())
        .first(conn)
        .optional()?;
    row.map(|row| {
        Ok(WebSession {
            user_id: Uuid::parse_str(&row.user_id).map_err(|_| {
                StoreError::Database(diesel::result::Error::DeserializationError(
                    "invalid user_id in a web_sessions row".into(),
                ))
            })?,
            token_version: row.token_version,
            csrf_token: row.csrf_token,
        })
    })
    .transpose()
}

/// Ends the session the cookie hashing to `id_sha256` opens, and every
/// session that expired by `now`.
pub fn close(
    conn: &mut DbConnection,
    id_sha256: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::delete(
        web_sessions::table.filter(
            web_sessions::id_sha256
                .eq(id_sha256)
                .or(web_sessions::expires_at.le(time::to_db(now))),
        ),
    )
    .execute(conn)?;
    Ok(())
}

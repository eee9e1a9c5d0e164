//! Email: each account's choices, and what a mail worker owes. A
//! notification that mails at once carries its own outbox fields, written
//! with it ([`crate::notifications::record`]); a worker [`claim_immediate`]s
//! due ones for a lease (skipping rows another instance has locked on
//! PostgreSQL), then records how sending went. Digests are claimed per
//! account once a day. A worker that dies after claiming loses that mail:
//! the inbox still holds it.

use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::coops::enquiries::Enquiry;
use crate::error::StoreError;
use crate::schema::{events, mail_preferences, notifications, users};
use crate::time;

/// Attempts at one immediate mail before giving up.
const ATTEMPTS: i32 = 3;
/// Immediate mail older than this is not sent: news a day late is a digest's.
const FRESH_FOR: chrono::Duration = chrono::Duration::days(1);

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = mail_preferences)]
pub(crate) struct PreferenceRow {
    user_id: String,
    digest: bool,
    immediate: bool,
    unsubscribe_token: String,
    digest_sent_at: Option<NaiveDateTime>,
    updated_at: NaiveDateTime,
}

/// What an account receives by email.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preferences {
    /// A daily digest of unread notifications (opt-in).
    pub digest: bool,
    /// Invitations and placement requests as they happen (on unless turned off).
    pub immediate: bool,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            digest: false,
            immediate: true,
        }
    }
}

/// `user`'s choices (the defaults when never set).
pub fn preferences(conn: &mut DbConnection, user: Uuid) -> Result<Preferences, StoreError> {
    let row: Option<(bool, bool)> = mail_preferences::table
        .find(user.to_string())
        .select((mail_preferences::digest, mail_preferences::immediate))
        .first(conn)
        .optional()?;
    Ok(
        row.map_or_else(Preferences::default, |(digest, immediate)| Preferences {
            digest,
            immediate,
        }),
    )
}

/// Sets `user`'s choices; last write wins.
pub fn set_preferences(
    conn: &mut DbConnection,
    user: Uuid,
    chosen: Preferences,
    now: DateTime<Utc>,
) -> Result<Preferences, StoreError> {
    crate::write(conn, |conn| {
        let token = ensure_row(conn, &user.to_string(), now)?;
        diesel::update(
            mail_preferences::table.filter(mail_preferences::unsubscribe_token.eq(token)),
        )
        .set((
            mail_preferences::digest.eq(chosen.digest),
            mail_preferences::immediate.eq(chosen.immediate),
            mail_preferences::updated_at.eq(time::to_db(now)),
        ))
        .execute(conn)?;
        Ok::<_, StoreError>(chosen)
    })
}

/// Turns off all mail for the account whose link carries `token`; answers
/// whether the token named one.
pub fn unsubscribe(
    conn: &mut DbConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let changed = diesel::update(
        mail_preferences::table.filter(mail_preferences::unsubscribe_token.eq(token)),
    )
    .set((
        mail_preferences::digest.eq(false),
        mail_preferences::immediate.eq(false),
        mail_preferences::updated_at.eq(time::to_db(now)),
    ))
    .execute(conn)?;
    Ok(changed > 0)
}

/// The account's row, created with the defaults and a fresh token when
/// missing; answers its unsubscribe token.
fn ensure_row(conn: &mut DbConnection, user: &str, now: DateTime<Utc>) -> QueryResult<String> {
    let token: Option<String> = mail_preferences::table
        .find(user)
        .select(mail_preferences::unsubscribe_token)
        .first(conn)
        .optional()?;
    if let Some(token) = token {
        return Ok(token);
    }
    let defaults = Preferences::default();
    let token = Uuid::new_v4().simple().to_string();
    diesel::insert_into(mail_preferences::table)
        .values(PreferenceRow {
            user_id: user.to_owned(),
            digest: defaults.digest,
            immediate: defaults.immediate,
            unsubscribe_token: token.clone(),
            digest_sent_at: None,
            updated_at: time::to_db(now),
        })
        .execute(conn)?;
    Ok(token)
}

/// Who a mail goes to.
#[derive(Debug, Clone)]
pub struct Recipient {
    /// Their address.
    pub email: String,
    /// Their name.
    pub name: String,
    /// The secret of their unsubscribe link.
    pub unsubscribe_token: String,
}

/// One notification as a mail tells it.
#[derive(Debug, Clone)]
pub struct Item {
    /// What happened, in words.
    pub summary: String,
    /// The resource's path in the API.
    pub link: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// An immediate mail claimed for one attempt.
#[derive(Debug, Clone)]
pub struct Immediate {
    /// The notification's id, to record the outcome against.
    pub notification_id: String,
    /// Who it goes to.
    pub to: Recipient,
    /// What it says.
    pub item: Item,
    /// For an enquiry: the letter itself, to quote and to reply to.
    pub enquiry: Option<Enquiry>,
}

type DueRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    i32,
    NaiveDateTime,
    (String, String),
);

/// Claims up to `limit` due immediate mails, holding each for `lease`.
pub fn claim_immediate(
    conn: &mut DbConnection,
    now: DateTime<Utc>,
    lease: Duration,
    limit: i64,
) -> Result<Vec<Immediate>, StoreError> {
    let held_until = now + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::MAX);
    let due = notifications::table
        .filter(notifications::mail_next_at.le(time::to_db(now)))
        .filter(notifications::mailed_at.is_null());
    // Most rounds find nothing due: a plain read first spares them the write lock.
    if due
        .select(notifications::id)
        .first::<String>(conn)
        .optional()?
        .is_none()
    {
        return Ok(Vec::new());
    }
    crate::write(conn, |conn| {
        let query = notifications::table
            .inner_join(users::table)
            .inner_join(events::table.on(events::id.eq(notifications::event_id)))
            .filter(notifications::mail_next_at.le(time::to_db(now)))
            .filter(notifications::mailed_at.is_null())
            .order(notifications::mail_next_at)
            .limit(limit)
            .select((
                notifications::id,
                users::id,
                users::email,
                users::name,
                events::summary,
                events::link,
                notifications::mail_attempts,
                notifications::created_at,
                (events::subject_type, events::subject_id),
            ));
        let rows: Vec<DueRow> = match conn {
            DbConnection::Postgresql(pg) => query.for_update().skip_locked().load(pg)?,
            // The transaction holds SQLite's write lock: nobody else claims meanwhile.
            DbConnection::Sqlite(sqlite) => query.load(sqlite)?,
        };
        let mut claimed = Vec::new();
        for (id, user, email, name, summary, link, attempts, created, subject) in rows {
            let created = time::from_db(created);
            let wanted = preferences_row(conn, &user)?.is_none_or(|p| p.immediate);
            if !wanted || now - created > FRESH_FOR {
                // Not wanted, or too late: nothing owed any more.
                diesel::update(notifications::table.find(&id))
                    .set(notifications::mail_next_at.eq(None::<NaiveDateTime>))
                    .execute(conn)?;
                continue;
            }
            diesel::update(notifications::table.find(&id))
                .set((
                    notifications::mail_next_at.eq(time::to_db(held_until)),
                    notifications::mail_attempts.eq(attempts + 1),
                ))
                .execute(conn)?;
            let unsubscribe_token = ensure_row(conn, &user, now)?;
            claimed.push(Immediate {
                notification_id: id,
                to: Recipient {
                    email,
                    name,
                    unsubscribe_token,
                },
                item: Item {
                    summary,
                    link,
                    at: created,
                },
                enquiry: enquiry_of(conn, &subject)?,
            });
        }
        Ok::<_, StoreError>(claimed)
    })
}

/// The enquiry an event of `(subject_type, subject_id)` is about, if it is
/// about one that is still there.
fn enquiry_of(
    conn: &mut DbConnection,
    (kind, id): &(String, String),
) -> Result<Option<Enquiry>, StoreError> {
    match (kind.as_str(), Uuid::parse_str(id)) {
        ("enquiry", Ok(id)) => crate::coops::enquiries::find(conn, id),
        _ => Ok(None),
    }
}

fn preferences_row(conn: &mut DbConnection, user: &str) -> QueryResult<Option<PreferenceRow>> {
    mail_preferences::table
        .find(user)
        .select(PreferenceRow::as_select())
        .first(conn)
        .optional()
}

/// Records how sending a claimed immediate mail went: sent, or tried again
/// in `retry_in` until the last attempt.
pub fn finish_immediate(
    conn: &mut DbConnection,
    notification_id: &str,
    sent: bool,
    retry_in: Duration,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let attempts: i32 = notifications::table
        .find(notification_id)
        .select(notifications::mail_attempts)
        .first(conn)?;
    let next = (!sent && attempts < ATTEMPTS).then(|| {
        time::to_db(now + chrono::Duration::from_std(retry_in).unwrap_or(chrono::Duration::MAX))
    });
    diesel::update(notifications::table.find(notification_id))
        .set((
            notifications::mail_next_at.eq(next),
            notifications::mailed_at.eq(sent.then(|| time::to_db(now))),
        ))
        .execute(conn)?;
    Ok(())
}

/// A digest claimed for one account.
#[derive(Debug, Clone)]
pub struct Digest {
    /// Who it goes to.
    pub to: Recipient,
    /// The newest unread notifications since the last digest.
    pub items: Vec<Item>,
    /// How many are unread since then (more than `items` when cut off).
    pub unread: i64,
}

/// Most notifications one digest lists.
const DIGEST_ITEMS: i64 = 50;

/// Claims today's digest of every opted-in account that has not had it
/// since `moment` (today's digest time, which has passed): stamps each as
/// sent and answers those with something unread.
pub fn claim_digests(
    conn: &mut DbConnection,
    now: DateTime<Utc>,
    moment: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<Digest>, StoreError> {
    let owed = mail_preferences::table
        .filter(mail_preferences::digest.eq(true))
        .filter(
            mail_preferences::digest_sent_at
                .is_null()
                .or(mail_preferences::digest_sent_at.lt(time::to_db(moment))),
        );
    if owed
        .select(mail_preferences::user_id)
        .first::<String>(conn)
        .optional()?
        .is_none()
    {
        return Ok(Vec::new());
    }
    crate::write(conn, |conn| {
        let query = owed
            .inner_join(users::table)
            .order(mail_preferences::user_id)
            .limit(limit)
            .select((
                mail_preferences::user_id,
                mail_preferences::unsubscribe_token,
                mail_preferences::digest_sent_at,
                users::email,
                users::name,
            ));
        let rows: Vec<(String, String, Option<NaiveDateTime>, String, String)> = match conn {
            DbConnection::Postgresql(pg) => query.for_update().skip_locked().load(pg)?,
            DbConnection::Sqlite(sqlite) => query.load(sqlite)?,
        };
        let mut digests = Vec::new();
        for (user, unsubscribe_token, sent_at, email, name) in rows {
            let since = sent_at.map_or(now - FRESH_FOR, time::from_db);
            let unread = notifications::table
                .filter(notifications::user_id.eq(&user))
                .filter(notifications::read_at.is_null())
                .filter(notifications::created_at.gt(time::to_db(since)));
            let count: i64 = unread.count().get_result(conn)?;
            let items: Vec<(String, String, NaiveDateTime)> = unread
                .inner_join(events::table.on(events::id.eq(notifications::event_id)))
                .order(notifications::created_at.desc())
                .limit(DIGEST_ITEMS)
                .select((events::summary, events::link, notifications::created_at))
                .load(conn)?;
            diesel::update(mail_preferences::table.find(&user))
                .set(mail_preferences::digest_sent_at.eq(time::to_db(now)))
                .execute(conn)?;
            if count == 0 {
                continue;
            }
            digests.push(Digest {
                to: Recipient {
                    email,
                    name,
                    unsubscribe_token,
                },
                items: items
                    .into_iter()
                    .map(|(summary, link, at)| Item {
                        summary,
                        link,
                        at: time::from_db(at),
                    })
                    .collect(),
                unread: count,
            });
        }
        Ok::<_, StoreError>(digests)
    })
}

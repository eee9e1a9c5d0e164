//! Events and notifications. [`record`] writes an event with its
//! notifications in the caller's transaction, so that an event exists if
//! and only if the change that caused it does; webhooks deliver from the
//! same table. Events are kept in commit order (`seq`); a backup restores
//! them in that order, so `seq` is renumbered but the order holds.

use chrono::{DateTime, NaiveDateTime, Utc};
use coophub_domain::coop::CoopRole;
use coophub_domain::notify::{Audience, EventKind, NewEvent, recipients};
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{coop_roles, event_coops, events, notifications, users};
use crate::{Page, time};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = events)]
pub(crate) struct EventRow {
    pub(crate) id: String,
    pub(crate) kind: String,
    pub(crate) subject_type: String,
    pub(crate) subject_id: String,
    pub(crate) link: String,
    pub(crate) summary: String,
    pub(crate) actor_id: Option<String>,
    pub(crate) created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = event_coops)]
pub(crate) struct EventCoopRow {
    event_id: String,
    coop_id: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = notifications)]
pub(crate) struct NotificationRow {
    id: String,
    user_id: String,
    event_id: String,
    read_at: Option<NaiveDateTime>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    // Backups written before email existed lack these.
    #[serde(default)]
    mail_next_at: Option<NaiveDateTime>,
    #[serde(default)]
    mail_attempts: i32,
    #[serde(default)]
    mailed_at: Option<NaiveDateTime>,
}

fn accounts_of(
    conn: &mut DbConnection,
    coop: Uuid,
    admins_only: bool,
) -> Result<Vec<Uuid>, StoreError> {
    let mut query = coop_roles::table
        .filter(coop_roles::coop_id.eq(coop.to_string()))
        .select(coop_roles::user_id)
        .into_boxed();
    if admins_only {
        query = query.filter(coop_roles::role.eq(CoopRole::Admin.as_str()));
    }
    let ids: Vec<String> = query.load(conn)?;
    Ok(ids
        .iter()
        .filter_map(|id| Uuid::parse_str(id).ok())
        .collect())
}

/// Records `event` and notifies `audience` (the actor excepted); answers
/// the event's id.
pub fn record(
    conn: &mut DbConnection,
    event: &NewEvent,
    audience: &Audience,
    now: DateTime<Utc>,
) -> Result<Uuid, StoreError> {
    crate::write(conn, |conn| {
        let id = Uuid::new_v4();
        diesel::insert_into(events::table)
            .values(EventRow {
                id: id.to_string(),
                kind: event.kind.as_str().to_owned(),
                subject_type: event.subject_type.to_owned(),
                subject_id: event.subject_id.clone(),
                link: event.link.clone(),
                summary: event.summary.clone(),
                actor_id: event.actor.map(|a| a.to_string()),
                created_at: time::to_db(now),
            })
            .execute(conn)?;
        let mut coops = event.coops.clone();
        coops.sort();
        coops.dedup();
        crate::webhooks::outbox::enqueue(conn, id, event.kind, &coops, now)?;
        for coop in coops {
            diesel::insert_into(event_coops::table)
                .values(EventCoopRow {
                    event_id: id.to_string(),
                    coop_id: coop.to_string(),
                })
                .execute(conn)?;
        }
        // Roles are read before deciding, in this transaction.
        let mut admins = std::collections::HashMap::new();
        let mut people = std::collections::HashMap::new();
        for coop in &audience.admins_of {
            admins.insert(*coop, accounts_of(conn, *coop, true)?);
        }
        for coop in &audience.people_of {
            people.insert(*coop, accounts_of(conn, *coop, false)?);
        }
        let told = recipients(
            audience,
            event.actor,
            |coop| admins.get(&coop).cloned().unwrap_or_default(),
            |coop| people.get(&coop).cloned().unwrap_or_default(),
        );
        for user in told {
            diesel::insert_into(notifications::table)
                .values(NotificationRow {
                    id: Uuid::new_v4().to_string(),
                    user_id: user.to_string(),
                    event_id: id.to_string(),
                    read_at: None,
                    created_at: time::to_db(now),
                    updated_at: time::to_db(now),
                    mail_next_at: event.kind.mails_at_once().then(|| time::to_db(now)),
                    mail_attempts: 0,
                    mailed_at: None,
                })
                .execute(conn)?;
        }
        Ok::<_, StoreError>(id)
    })
}

/// A notification as its account reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    /// Its id.
    pub id: Uuid,
    /// What happened.
    pub kind: EventKind,
    /// The resource's type.
    pub subject_type: String,
    /// The resource's id.
    pub subject_id: String,
    /// The resource's path.
    pub link: String,
    /// What happened, in words.
    pub summary: String,
    /// Who did it.
    pub actor_name: Option<String>,
    /// When it happened.
    pub created_at: DateTime<Utc>,
    /// When it was read.
    pub read_at: Option<DateTime<Utc>>,
}

/// Which notifications a list shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct NotificationFilter {
    /// Only those created or read after this.
    pub updated_since: Option<DateTime<Utc>>,
    /// Only unread ones.
    pub unread_only: bool,
}

type Joined = (NotificationRow, EventRow, Option<String>);

/// `user`'s notifications, unread first, newest first within each; with the
/// total and how many are unread.
pub fn list(
    conn: &mut DbConnection,
    user: Uuid,
    filter: NotificationFilter,
    page: Page,
) -> Result<(Vec<Notification>, i64, i64), StoreError> {
    let mine = || {
        let mut query = notifications::table
            .inner_join(events::table.on(events::id.eq(notifications::event_id)))
            .filter(notifications::user_id.eq(user.to_string()))
            .into_boxed();
        if let Some(since) = filter.updated_since {
            query = query.filter(notifications::updated_at.gt(time::to_db(since)));
        }
        if filter.unread_only {
            query = query.filter(notifications::read_at.is_null());
        }
        query
    };
    let total: i64 = mine().count().get_result(conn)?;
    let unread: i64 = notifications::table
        .filter(notifications::user_id.eq(user.to_string()))
        .filter(notifications::read_at.is_null())
        .count()
        .get_result(conn)?;
    let ids: Vec<String> = mine()
        .order((
            notifications::read_at.is_not_null(),
            events::seq.desc(),
            notifications::id,
        ))
        .limit(i64::from(page.size))
        .offset(page.offset())
        .select(notifications::id)
        .load(conn)?;
    let rows: Vec<Joined> = notifications::table
        .inner_join(events::table.on(events::id.eq(notifications::event_id)))
        .left_join(users::table.on(events::actor_id.eq(users::id.nullable())))
        .filter(notifications::id.eq_any(&ids))
        .select((
            NotificationRow::as_select(),
            EventRow::as_select(),
            users::name.nullable(),
        ))
        .load(conn)?;
    let mut found: Vec<Notification> = rows
        .into_iter()
        .filter_map(|(note, event, actor_name)| {
            Some(Notification {
                id: Uuid::parse_str(&note.id).ok()?,
                kind: EventKind::parse(&event.kind)?,
                subject_type: event.subject_type,
                subject_id: event.subject_id,
                link: event.link,
                summary: event.summary,
                actor_name,
                created_at: time::from_db(note.created_at),
                read_at: note.read_at.map(time::from_db),
            })
        })
        .collect();
    found.sort_by_key(|n| ids.iter().position(|id| *id == n.id.to_string()));
    Ok((found, total, unread))
}

/// Marks `user`'s notification `id` read; `false` if it is not theirs.
pub fn mark_read(
    conn: &mut DbConnection,
    user: Uuid,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let mine = notifications::table
        .filter(notifications::id.eq(id.to_string()))
        .filter(notifications::user_id.eq(user.to_string()));
    let exists: i64 = mine.clone().count().get_result(conn)?;
    diesel::update(mine.filter(notifications::read_at.is_null()))
        .set((
            notifications::read_at.eq(Some(time::to_db(now))),
            notifications::updated_at.eq(time::to_db(now)),
        ))
        .execute(conn)?;
    Ok(exists > 0)
}

/// Marks every unread notification of `user` read; answers how many.
pub fn mark_all_read(
    conn: &mut DbConnection,
    user: Uuid,
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    Ok(diesel::update(
        notifications::table
            .filter(notifications::user_id.eq(user.to_string()))
            .filter(notifications::read_at.is_null()),
    )
    .set((
        notifications::read_at.eq(Some(time::to_db(now))),
        notifications::updated_at.eq(time::to_db(now)),
    ))
    .execute(conn)?)
}

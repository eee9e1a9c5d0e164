//! What reminders are about: the items whose lapse or deadline falls within
//! the reminders' horizon, read network-wide, and [`record_once`], which
//! records a reminder's event only if that item's moment was not reminded
//! of before (in one transaction, so two instances never both remind).

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use coophub_domain::notify::{Audience, NewEvent};
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{
    bid_members, bid_sections, bids, coops, offers, opportunities, people, reminders_sent,
};
use crate::time;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = reminders_sent)]
pub(crate) struct ReminderRow {
    subject_type: String,
    subject_id: String,
    moment: String,
    sent_at: NaiveDateTime,
}

/// A co-op's open invitation.
#[derive(Debug, Clone)]
pub struct Invitation {
    /// The co-op.
    pub coop: Uuid,
    /// Its slug.
    pub slug: String,
    /// Its name.
    pub name: String,
    /// When it was invited.
    pub invited_at: DateTime<Utc>,
}

/// Open invitations made between `from` and `to`.
pub fn invitations(
    conn: &mut DbConnection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Invitation>, StoreError> {
    let rows: Vec<(String, String, String, Option<NaiveDateTime>)> = coops::table
        .filter(coops::membership_status.eq("invited"))
        .filter(coops::invited_at.between(time::to_db(from), time::to_db(to)))
        .select((coops::id, coops::slug, coops::name, coops::invited_at))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, slug, name, at)| {
            Some(Invitation {
                coop: Uuid::parse_str(&id).ok()?,
                slug,
                name,
                invited_at: time::from_db(at?),
            })
        })
        .collect())
}

/// Something reconfirmed, and so lapsing: an offer, or a person's availability.
#[derive(Debug, Clone)]
pub struct Reconfirmed {
    /// The offer or the person.
    pub id: Uuid,
    /// The co-op it belongs to.
    pub coop: Uuid,
    /// The offer's title, or the person's name.
    pub title: String,
    /// The account linked to the person (none for offers).
    pub account: Option<Uuid>,
    /// When it was last reconfirmed.
    pub reconfirmed_at: DateTime<Utc>,
}

fn uuid(text: &str) -> Option<Uuid> {
    Uuid::parse_str(text).ok()
}

/// Open offers reconfirmed between `from` and `to`.
pub fn offers(
    conn: &mut DbConnection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Reconfirmed>, StoreError> {
    let rows: Vec<(String, String, String, NaiveDateTime)> = offers::table
        .filter(offers::status.eq("open"))
        .filter(offers::reconfirmed_at.between(time::to_db(from), time::to_db(to)))
        .select((
            offers::id,
            offers::coop_id,
            offers::title,
            offers::reconfirmed_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, coop, title, at)| {
            Some(Reconfirmed {
                id: uuid(&id)?,
                coop: uuid(&coop)?,
                title,
                account: None,
                reconfirmed_at: time::from_db(at),
            })
        })
        .collect())
}

/// A person's id, co-op, name, linked account and last reconfirmation.
type PersonRow = (
    String,
    String,
    String,
    Option<String>,
    Option<NaiveDateTime>,
);

/// People whose availability was reconfirmed between `from` and `to`.
pub fn availabilities(
    conn: &mut DbConnection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Reconfirmed>, StoreError> {
    let rows: Vec<PersonRow> = people::table
        .filter(people::availability_reconfirmed_at.between(time::to_db(from), time::to_db(to)))
        .select((
            people::id,
            people::coop_id,
            people::name,
            people::user_id,
            people::availability_reconfirmed_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, coop, name, account, at)| {
            Some(Reconfirmed {
                id: uuid(&id)?,
                coop: uuid(&coop)?,
                title: name,
                account: account.as_deref().and_then(uuid),
                reconfirmed_at: time::from_db(at?),
            })
        })
        .collect())
}

/// A bid still being prepared, with its consortium (the lead and those
/// who accepted).
#[derive(Debug, Clone)]
pub struct OpenBid {
    /// The bid.
    pub id: Uuid,
    /// Its title.
    pub title: String,
    /// The lead co-op.
    pub lead: Uuid,
    /// The lead and the members who accepted.
    pub consortium: Vec<Uuid>,
    /// The tender's deadline.
    pub deadline: Option<DateTime<Utc>>,
}

/// Bids forming or decided on (not yet submitted or closed).
pub fn open_bids(conn: &mut DbConnection) -> Result<Vec<OpenBid>, StoreError> {
    let rows: Vec<(String, String, String, Option<NaiveDateTime>)> = bids::table
        .inner_join(opportunities::table.on(opportunities::id.eq(bids::opportunity_id)))
        .filter(bids::state.eq_any(["forming", "go"]))
        .select((
            bids::id,
            bids::title,
            bids::lead_coop_id,
            opportunities::deadline,
        ))
        .load(conn)?;
    let mut found = Vec::new();
    for (id, title, lead, deadline) in rows {
        let members: Vec<String> = bid_members::table
            .filter(bid_members::bid_id.eq(&id))
            .filter(bid_members::status.eq_any(["lead", "accepted"]))
            .select(bid_members::coop_id)
            .load(conn)?;
        let (Some(bid), Some(lead)) = (uuid(&id), uuid(&lead)) else {
            continue;
        };
        let mut consortium: Vec<Uuid> = members.iter().filter_map(|m| uuid(m)).collect();
        if !consortium.contains(&lead) {
            consortium.push(lead);
        }
        found.push(OpenBid {
            id: bid,
            title,
            lead,
            consortium,
            deadline: deadline.map(time::from_db),
        });
    }
    Ok(found)
}

/// A section of an open bid that is not done and has a due day.
#[derive(Debug, Clone)]
pub struct DueSection {
    /// The section.
    pub id: Uuid,
    /// Its title.
    pub title: String,
    /// The co-op writing it, if one was named.
    pub owner: Option<Uuid>,
    /// Its due day.
    pub due: NaiveDate,
}

/// The sections of `bid` not done, with a due day up to `until`.
pub fn sections(
    conn: &mut DbConnection,
    bid: Uuid,
    until: NaiveDate,
) -> Result<Vec<DueSection>, StoreError> {
    let rows: Vec<(String, String, Option<String>, Option<NaiveDate>)> = bid_sections::table
        .filter(bid_sections::bid_id.eq(bid.to_string()))
        .filter(bid_sections::status.ne("done"))
        .filter(bid_sections::due.le(until))
        .select((
            bid_sections::id,
            bid_sections::title,
            bid_sections::owner_coop_id,
            bid_sections::due,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, title, owner, due)| {
            Some(DueSection {
                id: uuid(&id)?,
                title,
                owner: owner.as_deref().and_then(uuid),
                due: due?,
            })
        })
        .collect())
}

/// Records `event` for `audience` unless `subject`'s `moment` was reminded
/// of before; answers whether it was recorded now.
pub fn record_once(
    conn: &mut DbConnection,
    moment: &str,
    event: &NewEvent,
    audience: &Audience,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let key = (event.subject_type, event.subject_id.as_str(), moment);
    let given = |conn: &mut DbConnection| -> QueryResult<bool> {
        let count: i64 = reminders_sent::table.find(key).count().get_result(conn)?;
        Ok(count > 0)
    };
    // Most runs find their reminders given already: a read spares them the write lock.
    if given(conn)? {
        return Ok(false);
    }
    crate::write(conn, |conn| {
        if given(conn)? {
            return Ok(false);
        }
        // Another instance writing the same key meanwhile fails on the
        // primary key (PostgreSQL) or waits for the write lock (SQLite).
        diesel::insert_into(reminders_sent::table)
            .values(ReminderRow {
                subject_type: key.0.to_owned(),
                subject_id: key.1.to_owned(),
                moment: key.2.to_owned(),
                sent_at: time::to_db(now),
            })
            .execute(conn)?;
        crate::notifications::record(conn, event, audience, now)?;
        Ok::<_, StoreError>(true)
    })
}

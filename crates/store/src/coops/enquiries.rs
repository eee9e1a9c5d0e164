//! Enquiries to co-ops: who wrote, to whom, what. The per-sender limit is
//! counted under the sender's account row lock ([`sent_since`]), so two
//! enquiries at once cannot both slip under it.

use chrono::{DateTime, NaiveDateTime, Utc};
use coophub_domain::coop::EnquiryInput;
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::page::Page;
use crate::schema::{enquiries, users};
use crate::time;
use crate::transaction::{self, Row};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = enquiries)]
pub(crate) struct EnquiryRow {
    id: String,
    coop_id: String,
    sender_id: String,
    subject: String,
    message: String,
    created_at: NaiveDateTime,
}

/// An enquiry as stored, with who sent it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enquiry {
    /// Stable identifier.
    pub id: Uuid,
    /// The co-op written to.
    pub coop_id: Uuid,
    /// The sender's account.
    pub sender_id: Uuid,
    /// The sender's name, as their account gives it now.
    pub sender_name: String,
    /// The address to reply to: the sender's account email now.
    pub sender_email: String,
    /// What it is about.
    pub subject: String,
    /// What the sender asks.
    pub message: String,
    /// When it was sent.
    pub created_at: DateTime<Utc>,
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Database(diesel::result::Error::DeserializationError(
        format!("invalid {what} in an enquiry").into(),
    ))
}

fn enquiry_of((row, (name, email)): (EnquiryRow, (String, String))) -> Result<Enquiry, StoreError> {
    let uuid = |text: &str, what| Uuid::parse_str(text).map_err(|_| corrupt(what));
    Ok(Enquiry {
        id: uuid(&row.id, "id")?,
        coop_id: uuid(&row.coop_id, "coop_id")?,
        sender_id: uuid(&row.sender_id, "sender_id")?,
        sender_name: name,
        sender_email: email,
        subject: row.subject,
        message: row.message,
        created_at: time::from_db(row.created_at),
    })
}

/// How many enquiries `sender` sent since `since`, with the sender's account
/// locked until the enclosing write transaction ends.
pub fn sent_since(
    conn: &mut DbConnection,
    sender: Uuid,
    since: DateTime<Utc>,
) -> Result<(i64, Option<DateTime<Utc>>), StoreError> {
    let sender = sender.to_string();
    transaction::lock(conn, Row::User(&sender))?;
    let times: Vec<NaiveDateTime> = enquiries::table
        .filter(enquiries::sender_id.eq(&sender))
        .filter(enquiries::created_at.gt(time::to_db(since)))
        .select(enquiries::created_at)
        .order(enquiries::created_at)
        .load(conn)?;
    let count = i64::try_from(times.len()).unwrap_or(i64::MAX);
    Ok((count, times.first().copied().map(time::from_db)))
}

/// Records `sender`'s enquiry to `coop`.
pub fn insert(
    conn: &mut DbConnection,
    coop: Uuid,
    sender: Uuid,
    input: &EnquiryInput,
    now: DateTime<Utc>,
) -> Result<Enquiry, StoreError> {
    let id = Uuid::new_v4();
    diesel::insert_into(enquiries::table)
        .values(EnquiryRow {
            id: id.to_string(),
            coop_id: coop.to_string(),
            sender_id: sender.to_string(),
            subject: input.subject.clone(),
            message: input.message.clone(),
            created_at: time::to_db(now),
        })
        .execute(conn)?;
    find(conn, id)?.ok_or_else(|| corrupt("insert"))
}

/// The enquiry `id`.
pub fn find(conn: &mut DbConnection, id: Uuid) -> Result<Option<Enquiry>, StoreError> {
    enquiries::table
        .inner_join(users::table.on(users::id.eq(enquiries::sender_id)))
        .filter(enquiries::id.eq(id.to_string()))
        .select((EnquiryRow::as_select(), (users::name, users::email)))
        .first(conn)
        .optional()?
        .map(enquiry_of)
        .transpose()
}

/// A page of `coop`'s enquiries, newest first, and how many in all.
pub fn list(
    conn: &mut DbConnection,
    coop: Uuid,
    page: Page,
) -> Result<(Vec<Enquiry>, i64), StoreError> {
    let coop = coop.to_string();
    let total = enquiries::table
        .filter(enquiries::coop_id.eq(&coop))
        .count()
        .get_result(conn)?;
    let rows = enquiries::table
        .inner_join(users::table.on(users::id.eq(enquiries::sender_id)))
        .filter(enquiries::coop_id.eq(&coop))
        .order((enquiries::created_at.desc(), enquiries::id))
        .limit(i64::from(page.size))
        .offset(page.offset())
        .select((EnquiryRow::as_select(), (users::name, users::email)))
        .load(conn)?;
    let items = rows.into_iter().map(enquiry_of).collect::<Result<_, _>>()?;
    Ok((items, total))
}

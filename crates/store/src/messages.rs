//! Messages of the conversations in bids and placements, oldest first.

use chrono::{DateTime, NaiveDateTime, Utc};
use coophub_domain::conversation::{Message, Thread};
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::page::Page;
use crate::schema::{messages, users};
use crate::time;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = messages)]
pub(crate) struct MessageRow {
    id: String,
    thread: String,
    thread_id: String,
    to_coop_id: Option<String>,
    author_id: Option<String>,
    author_coop_id: Option<String>,
    text: String,
    created_at: NaiveDateTime,
}

/// A message to write.
#[derive(Debug, Clone)]
pub struct NewMessage {
    /// Where.
    pub thread: Thread,
    /// In a bid: the invited co-op it is between.
    pub to_coop: Option<Uuid>,
    /// The author's account.
    pub author: Uuid,
    /// The co-op they write for.
    pub author_coop: Option<Uuid>,
    /// What they wrote.
    pub text: String,
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Database(diesel::result::Error::DeserializationError(
        format!("invalid {what} in a message").into(),
    ))
}

fn message_of((row, name): (MessageRow, Option<String>)) -> Result<Message, StoreError> {
    let uuid = |text: &str, what| Uuid::parse_str(text).map_err(|_| corrupt(what));
    let maybe = |text: &Option<String>, what| text.as_deref().map(|t| uuid(t, what)).transpose();
    let id = uuid(&row.thread_id, "thread_id")?;
    let thread = match row.thread.as_str() {
        "bid" => Thread::Bid(id),
        "placement" => Thread::Placement(id),
        _ => return Err(corrupt("thread")),
    };
    Ok(Message {
        id: uuid(&row.id, "id")?,
        thread,
        to_coop: maybe(&row.to_coop_id, "to_coop_id")?,
        author_id: maybe(&row.author_id, "author_id")?,
        author_name: name,
        author_coop: maybe(&row.author_coop_id, "author_coop_id")?,
        text: row.text,
        created_at: time::from_db(row.created_at),
    })
}

/// Writes `message` at `now`; answers it as stored.
pub fn insert(
    conn: &mut DbConnection,
    message: &NewMessage,
    now: DateTime<Utc>,
) -> Result<Message, StoreError> {
    // Time-ordered, so that messages written within one tick of the clock
    // keep the order they were written in.
    let id = Uuid::now_v7();
    diesel::insert_into(messages::table)
        .values(MessageRow {
            id: id.to_string(),
            thread: message.thread.kind().to_owned(),
            thread_id: message.thread.id().to_string(),
            to_coop_id: message.to_coop.map(|c| c.to_string()),
            author_id: Some(message.author.to_string()),
            author_coop_id: message.author_coop.map(|c| c.to_string()),
            text: message.text.clone(),
            created_at: time::to_db(now),
        })
        .execute(conn)?;
    let row = messages::table
        .left_join(users::table.on(users::id.nullable().eq(messages::author_id)))
        .filter(messages::id.eq(id.to_string()))
        .select((MessageRow::as_select(), users::name.nullable()))
        .first(conn)?;
    message_of(row)
}

/// Every message of `thread` whose addressee `to` lets through (`None`
/// stands for the thread's common messages), oldest first: the page asked
/// for, and how many in all.
pub fn list(
    conn: &mut DbConnection,
    thread: Thread,
    to: &[Option<Uuid>],
    page: Page,
) -> Result<(Vec<Message>, i64), StoreError> {
    let common = to.contains(&None);
    let coops: Vec<String> = to.iter().flatten().map(Uuid::to_string).collect();
    let query = || {
        let mut query = messages::table
            .filter(messages::thread.eq(thread.kind()))
            .filter(messages::thread_id.eq(thread.id().to_string()))
            .into_boxed();
        query = match common {
            true => query.filter(
                messages::to_coop_id
                    .is_null()
                    .or(messages::to_coop_id.eq_any(coops.clone())),
            ),
            false => query.filter(messages::to_coop_id.eq_any(coops.clone())),
        };
        query
    };
    let total = query().count().get_result(conn)?;
    let rows = query()
        .left_join(users::table.on(users::id.nullable().eq(messages::author_id)))
        .order((messages::created_at, messages::id))
        .limit(i64::from(page.size))
        .offset(page.offset())
        .select((MessageRow::as_select(), users::name.nullable()))
        .load(conn)?;
    let items = rows.into_iter().map(message_of).collect::<Result<_, _>>()?;
    Ok((items, total))
}

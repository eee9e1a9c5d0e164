//! A bid's history: each happening with who did it and when, oldest first.

use chrono::{DateTime, NaiveDateTime, Utc};
use coophub_domain::bidding::{BidHappening, BidHistoryEntry};
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{bid_history, users};
use crate::time;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = bid_history)]
pub(crate) struct HistoryRow {
    id: String,
    bid_id: String,
    at: NaiveDateTime,
    actor_id: Option<String>,
    what: String,
    coop_id: Option<String>,
    detail: Option<String>,
}

/// Something that happened to a bid, to record.
#[derive(Debug, Clone)]
pub struct Happened<'a> {
    /// What.
    pub what: BidHappening,
    /// Who did it.
    pub actor: Option<Uuid>,
    /// The co-op it concerns.
    pub coop: Option<Uuid>,
    /// A title or the decision.
    pub detail: Option<&'a str>,
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Database(diesel::result::Error::DeserializationError(
        format!("invalid {what} in a bid's history").into(),
    ))
}

/// Records that `happened` to `bid` at `now`.
pub fn record(
    conn: &mut DbConnection,
    bid: Uuid,
    happened: &Happened<'_>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::insert_into(bid_history::table)
        .values(HistoryRow {
            // Time-ordered: entries of one tick keep the order they happened in.
            id: Uuid::now_v7().to_string(),
            bid_id: bid.to_string(),
            at: time::to_db(now),
            actor_id: happened.actor.map(|a| a.to_string()),
            what: happened.what.as_str().to_owned(),
            coop_id: happened.coop.map(|c| c.to_string()),
            detail: happened.detail.map(str::to_owned),
        })
        .execute(conn)?;
    Ok(())
}

/// Everything that happened to `bid`, oldest first.
pub fn of_bid(conn: &mut DbConnection, bid: Uuid) -> Result<Vec<BidHistoryEntry>, StoreError> {
    let rows: Vec<(HistoryRow, Option<String>)> = bid_history::table
        .left_join(users::table.on(users::id.nullable().eq(bid_history::actor_id)))
        .filter(bid_history::bid_id.eq(bid.to_string()))
        .order((bid_history::at, bid_history::id))
        .select((HistoryRow::as_select(), users::name.nullable()))
        .load(conn)?;
    rows.into_iter()
        .map(|(row, by)| {
            Ok(BidHistoryEntry {
                at: time::from_db(row.at),
                what: BidHappening::parse(&row.what).ok_or_else(|| corrupt("what"))?,
                by,
                coop: row
                    .coop_id
                    .as_deref()
                    .map(|c| Uuid::parse_str(c).map_err(|_| corrupt("coop_id")))
                    .transpose()?,
                detail: row.detail,
            })
        })
        .collect()
}

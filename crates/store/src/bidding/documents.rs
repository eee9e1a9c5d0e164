//! Links to a bid's documents, oldest first.

use chrono::{DateTime, NaiveDateTime, Utc};
use coophub_domain::bidding::{BidDocument, DocumentInput};
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{bid_documents, users};
use crate::time;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = bid_documents)]
pub(crate) struct DocumentRow {
    id: String,
    bid_id: String,
    title: String,
    url: String,
    kind: Option<String>,
    added_by: Option<String>,
    added_for_coop_id: Option<String>,
    created_at: NaiveDateTime,
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Database(diesel::result::Error::DeserializationError(
        format!("invalid {what} in a bid's document link").into(),
    ))
}

/// Adds `input` to `bid`, by `user` for `coop`, at `now`.
pub fn insert(
    conn: &mut DbConnection,
    bid: Uuid,
    input: &DocumentInput,
    (user, coop): (Uuid, Option<Uuid>),
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::insert_into(bid_documents::table)
        .values(DocumentRow {
            id: Uuid::now_v7().to_string(),
            bid_id: bid.to_string(),
            title: input.title.clone(),
            url: input.url.clone(),
            kind: input.kind.clone(),
            added_by: Some(user.to_string()),
            added_for_coop_id: coop.map(|c| c.to_string()),
            created_at: time::to_db(now),
        })
        .execute(conn)?;
    Ok(())
}

/// The links of `bid`, oldest first.
pub fn of_bid(conn: &mut DbConnection, bid: Uuid) -> Result<Vec<BidDocument>, StoreError> {
    let rows: Vec<(DocumentRow, Option<String>)> = bid_documents::table
        .left_join(users::table.on(users::id.nullable().eq(bid_documents::added_by)))
        .filter(bid_documents::bid_id.eq(bid.to_string()))
        .order((bid_documents::created_at, bid_documents::id))
        .select((DocumentRow::as_select(), users::name.nullable()))
        .load(conn)?;
    let uuid = |text: &str, what| Uuid::parse_str(text).map_err(|_| corrupt(what));
    rows.into_iter()
        .map(|(row, by)| {
            Ok(BidDocument {
                id: uuid(&row.id, "id")?,
                title: row.title,
                url: row.url,
                kind: row.kind,
                added_by: by,
                added_for: row
                    .added_for_coop_id
                    .as_deref()
                    .map(|c| uuid(c, "added_for_coop_id"))
                    .transpose()?,
                created_at: time::from_db(row.created_at),
            })
        })
        .collect()
}

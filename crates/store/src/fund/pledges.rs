//! Each invited co-op's answer to a year: an amount, or a decline. An
//! answer may be changed (last write wins) until the pledge is invoiced.

use chrono::{DateTime, NaiveDateTime, Utc};
use coophub_domain::fund::Answer;
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::fund_pledges;
use crate::sharing::uuid;
use crate::time;
use crate::transaction::{self, Row};

#[derive(
    Debug,
    Clone,
    Queryable,
    Selectable,
    Insertable,
    AsChangeset,
    serde::Serialize,
    serde::Deserialize,
)]
#[diesel(table_name = fund_pledges, treat_none_as_null = true)]
pub(crate) struct PledgeRow {
    year: i32,
    coop_id: String,
    amount: Option<i64>,
    answered_by: Option<String>,
    answered_at: NaiveDateTime,
}

/// A co-op's answer to a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pledge {
    /// The year.
    pub year: i32,
    /// The co-op.
    pub coop_id: Uuid,
    /// Its answer.
    pub answer: Answer,
    /// The account that answered, while it exists.
    pub answered_by: Option<Uuid>,
    /// When.
    pub answered_at: DateTime<Utc>,
}

impl PledgeRow {
    fn into_pledge(self) -> Result<Pledge, StoreError> {
        Ok(Pledge {
            year: self.year,
            coop_id: uuid(&self.coop_id, "coop_id")?,
            answer: match self.amount {
                Some(amount) => Answer::Pledged { amount },
                None => Answer::Declined,
            },
            answered_by: self
                .answered_by
                .as_deref()
                .map(|u| uuid(u, "answered_by"))
                .transpose()?,
            answered_at: time::from_db(self.answered_at),
        })
    }
}

/// Locks `coop`'s part in the fund for this transaction: answers and
/// invoices of one co-op are decided one at a time, so the check that a
/// pledge is not invoiced yet and an update-or-insert of an answer hold.
pub fn hold(conn: &mut DbConnection, coop: Uuid) -> Result<(), StoreError> {
    transaction::lock(conn, Row::CoopById(&coop.to_string()))?;
    Ok(())
}

/// Records `coop`'s answer to `year` by `user`, replacing an earlier one
/// (call [`hold`] first).
pub fn answer(
    conn: &mut DbConnection,
    year: i32,
    coop: Uuid,
    answer: Answer,
    user: Uuid,
    now: DateTime<Utc>,
) -> Result<Pledge, StoreError> {
    let row = PledgeRow {
        year,
        coop_id: coop.to_string(),
        amount: match answer {
            Answer::Pledged { amount } => Some(amount),
            Answer::Declined => None,
        },
        answered_by: Some(user.to_string()),
        answered_at: time::to_db(now),
    };
    let changed = diesel::update(fund_pledges::table.find((year, row.coop_id.clone())))
        .set(&row)
        .execute(conn)?;
    if changed == 0 {
        diesel::insert_into(fund_pledges::table)
            .values(&row)
            .execute(conn)?;
    }
    row.into_pledge()
}

/// `coop`'s answer to `year`, if it gave one.
pub fn find(conn: &mut DbConnection, year: i32, coop: Uuid) -> Result<Option<Pledge>, StoreError> {
    fund_pledges::table
        .find((year, coop.to_string()))
        .select(PledgeRow::as_select())
        .first(conn)
        .optional()?
        .map(PledgeRow::into_pledge)
        .transpose()
}

/// Every answer to `year`.
pub fn of_year(conn: &mut DbConnection, year: i32) -> Result<Vec<Pledge>, StoreError> {
    fund_pledges::table
        .filter(fund_pledges::year.eq(year))
        .order(fund_pledges::coop_id)
        .select(PledgeRow::as_select())
        .load(conn)?
        .into_iter()
        .map(PledgeRow::into_pledge)
        .collect()
}

/// Every answer of `coop`, newest year first.
pub fn of_coop(conn: &mut DbConnection, coop: Uuid) -> Result<Vec<Pledge>, StoreError> {
    fund_pledges::table
        .filter(fund_pledges::coop_id.eq(coop.to_string()))
        .order(fund_pledges::year.desc())
        .select(PledgeRow::as_select())
        .load(conn)?
        .into_iter()
        .map(PledgeRow::into_pledge)
        .collect()
}

//! The optional network fund's records: years, federation members, each
//! co-op's answer, invoices and payments, spending and bids' shares, and
//! the sums a year shows. Handlers call these inside one write or read
//! transaction and decide who may see what with `coophub_domain::access`.

pub mod invoices;
pub mod pledges;
pub mod spending;

use std::collections::HashSet;

use chrono::{DateTime, NaiveDateTime, Utc};
use coophub_domain::fund::{FundSuggestion, FundYear, Invitees, YearInput};
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{fund_federation, fund_years};
use crate::sharing::{corrupt, name_of, named};
use crate::time;

pub(crate) use invoices::{InvoiceRow, PaymentRow};
pub(crate) use pledges::PledgeRow;
pub(crate) use spending::{BidIncomeRow, SpendingRow};

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
#[diesel(table_name = fund_years)]
pub(crate) struct YearRow {
    year: i32,
    purpose: String,
    currency: String,
    suggestion: String,
    invitees: String,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = fund_federation)]
pub(crate) struct FederationRow {
    coop_id: String,
    marked_at: NaiveDateTime,
}

impl YearRow {
    fn new(input: &YearInput, version: i32, created: NaiveDateTime, now: DateTime<Utc>) -> Self {
        Self {
            year: input.year,
            purpose: input.purpose.clone(),
            currency: input.currency.clone(),
            // Serialising an enum of integers cannot fail.
            suggestion: serde_json::to_string(&input.suggestion).unwrap_or_default(),
            invitees: name_of(input.invitees),
            version,
            created_at: created,
            updated_at: time::to_db(now),
        }
    }

    fn into_year(self) -> Result<FundYear, StoreError> {
        Ok(FundYear {
            year: self.year,
            purpose: self.purpose,
            currency: self.currency,
            suggestion: serde_json::from_str::<FundSuggestion>(&self.suggestion)
                .map_err(|_| corrupt("suggestion"))?,
            invitees: named::<Invitees>(&self.invitees, "invitees")?,
            version: self.version,
            created_at: time::from_db(self.created_at),
            updated_at: time::from_db(self.updated_at),
        })
    }
}

/// Opens a year; `Conflict` on `year` when it is open already.
pub fn insert_year(
    conn: &mut DbConnection,
    input: &YearInput,
    now: DateTime<Utc>,
) -> Result<FundYear, StoreError> {
    let row = YearRow::new(input, 1, time::to_db(now), now);
    diesel::insert_into(fund_years::table)
        .values(&row)
        .execute(conn)
        .map_err(StoreError::unique_as("year"))?;
    row.into_year()
}

/// Replaces what a year says (its purpose, suggestion, invitees, currency).
pub fn replace_year(
    conn: &mut DbConnection,
    current: &FundYear,
    input: &YearInput,
    now: DateTime<Utc>,
) -> Result<FundYear, StoreError> {
    let row = YearRow::new(
        input,
        current.version + 1,
        time::to_db(current.created_at),
        now,
    );
    diesel::update(fund_years::table.find(current.year))
        .set(&row)
        .execute(conn)?;
    row.into_year()
}

/// The year `year`, if open.
pub fn find_year(conn: &mut DbConnection, year: i32) -> Result<Option<FundYear>, StoreError> {
    fund_years::table
        .find(year)
        .select(YearRow::as_select())
        .first(conn)
        .optional()?
        .map(YearRow::into_year)
        .transpose()
}

/// Every year, newest first.
pub fn years(conn: &mut DbConnection) -> Result<Vec<FundYear>, StoreError> {
    fund_years::table
        .order(fund_years::year.desc())
        .select(YearRow::as_select())
        .load(conn)?
        .into_iter()
        .map(YearRow::into_year)
        .collect()
}

/// Marks `coop` as a federation member, or not.
pub fn set_federation_member(
    conn: &mut DbConnection,
    coop: Uuid,
    member: bool,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let id = coop.to_string();
    diesel::delete(fund_federation::table.find(&id)).execute(conn)?;
    if member {
        diesel::insert_into(fund_federation::table)
            .values(FederationRow {
                coop_id: id,
                marked_at: time::to_db(now),
            })
            .execute(conn)?;
    }
    Ok(())
}

/// The co-ops marked as federation members.
pub fn federation_members(conn: &mut DbConnection) -> Result<HashSet<Uuid>, StoreError> {
    let ids: Vec<String> = fund_federation::table
        .select(fund_federation::coop_id)
        .load(conn)?;
    Ok(ids
        .iter()
        .filter_map(|id| Uuid::parse_str(id).ok())
        .collect())
}

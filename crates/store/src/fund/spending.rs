//! Spending, won bids' shares, and the sums a year shows.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use coophub_domain::fund::{Answer, FundYear, SpendingCategory, SpendingInput};
use coophub_domain::money::{SumTooLarge, total};
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{fund_bid_income, fund_invoices, fund_payments, fund_spending, fund_years};
use crate::sharing::{name_of, named, uuid};
use crate::time;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = fund_spending)]
pub(crate) struct SpendingRow {
    id: String,
    year: i32,
    spent_on: NaiveDate,
    amount: i64,
    purpose: String,
    category: String,
    bid_id: Option<String>,
    case_study_slug: Option<String>,
    created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = fund_bid_income)]
pub(crate) struct BidIncomeRow {
    bid_id: String,
    year: i32,
    amount: i64,
    currency: String,
    recorded_at: NaiveDateTime,
}

/// Money the fund spent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spending {
    /// Its id.
    pub id: Uuid,
    /// When.
    pub spent_on: NaiveDate,
    /// Minor units.
    pub amount: i64,
    /// What for.
    pub purpose: String,
    /// Of what kind.
    pub category: SpendingCategory,
    /// A bid it served.
    pub bid_id: Option<Uuid>,
    /// A case study it served.
    pub case_study: Option<String>,
}

impl SpendingRow {
    fn into_spending(self) -> Result<Spending, StoreError> {
        Ok(Spending {
            id: uuid(&self.id, "id")?,
            spent_on: self.spent_on,
            amount: self.amount,
            purpose: self.purpose,
            category: named(&self.category, "category")?,
            bid_id: self
                .bid_id
                .as_deref()
                .map(|b| uuid(b, "bid_id"))
                .transpose()?,
            case_study: self.case_study_slug,
        })
    }
}

/// Records spending of `year`.
pub fn insert(
    conn: &mut DbConnection,
    year: i32,
    input: &SpendingInput,
    now: DateTime<Utc>,
) -> Result<Spending, StoreError> {
    let row = SpendingRow {
        id: Uuid::new_v4().to_string(),
        year,
        spent_on: input.spent_on,
        amount: input.amount,
        purpose: input.purpose.clone(),
        category: name_of(input.category),
        bid_id: input.bid.map(|b| b.to_string()),
        case_study_slug: input.case_study.clone(),
        created_at: time::to_db(now),
    };
    diesel::insert_into(fund_spending::table)
        .values(&row)
        .execute(conn)?;
    row.into_spending()
}

/// The spending of `year`, by date.
pub fn of_year(conn: &mut DbConnection, year: i32) -> Result<Vec<Spending>, StoreError> {
    fund_spending::table
        .filter(fund_spending::year.eq(year))
        .order((fund_spending::spent_on, fund_spending::created_at))
        .select(SpendingRow::as_select())
        .load(conn)?
        .into_iter()
        .map(SpendingRow::into_spending)
        .collect()
}

/// When and how much was spent in years of `currency`, for the runway.
pub fn dated_in(
    conn: &mut DbConnection,
    currency: &str,
) -> Result<Vec<(NaiveDate, i64)>, StoreError> {
    Ok(fund_spending::table
        .inner_join(fund_years::table.on(fund_years::year.eq(fund_spending::year)))
        .filter(fund_years::currency.eq(currency))
        .select((fund_spending::spent_on, fund_spending::amount))
        .load(conn)?)
}

/// Records a won bid's fund share as pledged income of `year`, once.
pub fn record_bid_income(
    conn: &mut DbConnection,
    bid: Uuid,
    year: i32,
    amount: i64,
    currency: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let known: i64 = fund_bid_income::table
        .find(bid.to_string())
        .count()
        .get_result(conn)?;
    if known == 0 {
        diesel::insert_into(fund_bid_income::table)
            .values(BidIncomeRow {
                bid_id: bid.to_string(),
                year,
                amount,
                currency: currency.to_owned(),
                recorded_at: time::to_db(now),
            })
            .execute(conn)?;
    }
    Ok(())
}

/// Whether `bid` is a won bid whose share the fund recorded (the stewards
/// see those, though bids are otherwise closed to them).
pub fn has_bid_income(conn: &mut DbConnection, bid: Uuid) -> Result<bool, StoreError> {
    let found: i64 = fund_bid_income::table
        .find(bid.to_string())
        .count()
        .get_result(conn)?;
    Ok(found > 0)
}

/// The won bids' shares of `year` in its currency: (bid, amount).
pub fn bid_income(
    conn: &mut DbConnection,
    year: &FundYear,
) -> Result<Vec<(Uuid, i64)>, StoreError> {
    let rows: Vec<(String, i64)> = fund_bid_income::table
        .filter(fund_bid_income::year.eq(year.year))
        .filter(fund_bid_income::currency.eq(&year.currency))
        .order(fund_bid_income::recorded_at)
        .select((fund_bid_income::bid_id, fund_bid_income::amount))
        .load(conn)?;
    rows.into_iter()
        .map(|(bid, amount)| Ok((uuid(&bid, "bid_id")?, amount)))
        .collect()
}

/// A year's sums, minor units of its currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sums {
    /// What co-ops pledged.
    pub pledged: i64,
    /// What won bids pledged.
    pub pledged_by_bids: i64,
    /// How many co-ops pledged (never who did not).
    pub contributing_coops: i64,
    /// What was paid against the year's invoices.
    pub raised: i64,
    /// What the year spent.
    pub spent: i64,
    /// Raised less spent in earlier years of the same currency.
    pub carried_in: i64,
}

impl Sums {
    /// What is left: carried in, plus raised, less spent.
    pub fn balance(&self) -> Result<i64, SumTooLarge> {
        self.carried_in
            .checked_add(self.raised)
            .and_then(|sum| sum.checked_sub(self.spent))
            .ok_or(SumTooLarge)
    }
}

fn raised_in(conn: &mut DbConnection, years: &[i32]) -> Result<i64, StoreError> {
    let amounts: Vec<i64> = fund_payments::table
        .inner_join(fund_invoices::table)
        .filter(fund_invoices::year.eq_any(years))
        .select(fund_payments::amount)
        .load(conn)?;
    Ok(total(amounts)?)
}

fn spent_in(conn: &mut DbConnection, years: &[i32]) -> Result<i64, StoreError> {
    let amounts: Vec<i64> = fund_spending::table
        .filter(fund_spending::year.eq_any(years))
        .select(fund_spending::amount)
        .load(conn)?;
    Ok(total(amounts)?)
}

/// The sums of `year`, given its co-ops' answers.
pub fn sums(
    conn: &mut DbConnection,
    year: &FundYear,
    answers: &[Answer],
) -> Result<Sums, StoreError> {
    let earlier: Vec<i32> = fund_years::table
        .filter(fund_years::year.lt(year.year))
        .filter(fund_years::currency.eq(&year.currency))
        .select(fund_years::year)
        .load(conn)?;
    let pledged: Vec<i64> = answers
        .iter()
        .filter_map(|answer| match answer {
            Answer::Pledged { amount } => Some(*amount),
            Answer::Declined => None,
        })
        .collect();
    Ok(Sums {
        pledged: total(pledged.iter().copied())?,
        pledged_by_bids: total(bid_income(conn, year)?.iter().map(|(_, a)| *a))?,
        contributing_coops: i64::try_from(pledged.len()).unwrap_or(i64::MAX),
        raised: raised_in(conn, &[year.year])?,
        spent: spent_in(conn, &[year.year])?,
        carried_in: raised_in(conn, &earlier)?
            .checked_sub(spent_in(conn, &earlier)?)
            .ok_or(SumTooLarge)?,
    })
}

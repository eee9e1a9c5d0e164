//! What the fund paid for, recorded by stewards and seen by the network,
//! and which bids a steward may name.

use super::{steward, year_for};
use crate::AppError;
use crate::bidding::bids::BidCase;
use crate::guard::{Lock, load};
use chrono::{DateTime, NaiveDate, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::bidding::read_bid;
use coophub_domain::access::fund::see_totals;
use coophub_domain::fund::{SpendingCategory, SpendingInput};
use coophub_store::DbConnection;
use coophub_store::fund::spending::{self, Spending};
use serde::Serialize;
use uuid::Uuid;

/// Money the fund spent.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SpendingView {
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
    pub bid: Option<Uuid>,
    /// A case study it served.
    pub case_study: Option<String>,
}

impl From<Spending> for SpendingView {
    fn from(spent: Spending) -> Self {
        Self {
            id: spent.id,
            spent_on: spent.spent_on,
            amount: spent.amount,
            purpose: spent.purpose,
            category: spent.category,
            bid: spent.bid_id,
            case_study: spent.case_study,
        }
    }
}

/// Whether the steward may name `bid`: one whose share the fund recorded,
/// or one they may read. Any other bid answers as an unknown one, so
/// naming ids tells nobody which bids exist.
pub fn known_to_the_fund(
    conn: &mut DbConnection,
    viewer: &Viewer,
    bid: Uuid,
) -> Result<bool, AppError> {
    if spending::has_bid_income(conn, bid)? {
        return Ok(true);
    }
    match load::<BidCase>(conn, viewer, &bid, read_bid, Lock::Read) {
        Ok(_) => Ok(true),
        Err(AppError::NotFound(_)) => Ok(false),
        Err(other) => Err(other),
    }
}

/// A year's spending.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SpendingList {
    /// By date.
    pub items: Vec<SpendingView>,
}

/// Stewards record what the fund spent in the year `year`, and on which
/// bid or case study.
pub fn record(
    conn: &mut DbConnection,
    viewer: &Viewer,
    year: i32,
    input: &SpendingInput,
    now: DateTime<Utc>,
) -> Result<SpendingView, AppError> {
    steward(viewer)?;
    let year = year_for(conn, year)?;
    if let Some(bid) = input.bid
        && !known_to_the_fund(conn, viewer, bid)?
    {
        return Err(AppError::NotFound(format!("no bid {bid}")));
    }
    if let Some(slug) = &input.case_study
        && coophub_store::case_studies::find_by_slug(conn, slug)?.is_none()
    {
        return Err(AppError::NotFound(format!("no case study {slug}")));
    }
    Ok(SpendingView::from(spending::insert(
        conn, year.year, input, now,
    )?))
}

/// What the fund spent in the year `year`, for the network only.
pub fn list(conn: &mut DbConnection, viewer: &Viewer, year: i32) -> Result<SpendingList, AppError> {
    if !see_totals(viewer) {
        return Err(AppError::NotFound(format!(
            "no spending of {year} for the caller"
        )));
    }
    let year = year_for(conn, year)?;
    let items = spending::of_year(conn, year.year)?
        .into_iter()
        .map(SpendingView::from)
        .collect();
    Ok(SpendingList { items })
}

//! What the fund paid for, as the network sees it, and which bids a
//! steward may name.

use crate::AppError;
use crate::bidding::bids::BidCase;
use crate::guard::{Lock, load};
use chrono::NaiveDate;
use coophub_domain::access::Viewer;
use coophub_domain::access::bidding::read_bid;
use coophub_domain::fund::SpendingCategory;
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

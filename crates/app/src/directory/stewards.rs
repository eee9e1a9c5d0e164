//! The stewards' queue: what waits for the network's stewards — claims to
//! decide, co-ops that applied, memberships that lapsed — and the fund's
//! year as they see it.

use chrono::{DateTime, Datelike, Utc};
use coophub_domain::access::{self, Viewer};
use coophub_domain::coop::{ClaimStatus, MembershipStatus};
use coophub_store::{DbConnection, Page};

use crate::AppError;
use crate::directory::claims::{self, ClaimList};
use crate::directory::coops::{self, CoopList, CoopQuery};
use crate::fund::years::{self, YearDetail};

/// Items of each list shown at once.
const SHOWN: Page = Page {
    number: 1,
    size: 50,
};

/// Months the fund's runway averages spending over.
const RUNWAY_MONTHS: u32 = 6;

/// What waits for the stewards.
#[derive(Debug)]
pub struct Queue {
    /// Claims not decided yet, oldest first.
    pub claims: ClaimList,
    /// Co-ops that applied to join.
    pub applications: CoopList,
    /// Co-ops whose membership lapsed (or whose invitation ran out).
    pub lapses: CoopList,
    /// This year's fund (the newest year opened), if any.
    pub fund: Option<YearDetail>,
}

/// The queue, to the network's stewards only.
pub fn queue(
    conn: &mut DbConnection,
    viewer: &Viewer,
    now: DateTime<Utc>,
) -> Result<Queue, AppError> {
    access::administer_network(viewer).map_err(|denied| AppError::refused(denied, String::new))?;
    let with_status = |status| CoopQuery {
        status: Some(status),
        ..CoopQuery::default()
    };
    let applications = coops::list(
        conn,
        viewer,
        with_status(MembershipStatus::Applied),
        SHOWN,
        now,
    )?;
    let lapses = coops::list(
        conn,
        viewer,
        with_status(MembershipStatus::Lapsed),
        SHOWN,
        now,
    )?;
    let newest = years::list(conn)?
        .items
        .into_iter()
        .map(|year| year.year)
        .filter(|year| *year <= now.year())
        .max();
    let today = now.date_naive();
    let fund = newest
        .map(|year| years::detail(conn, viewer, year, RUNWAY_MONTHS, today))
        .transpose()?;
    Ok(Queue {
        claims: claims::list(conn, viewer, Some(ClaimStatus::Pending), SHOWN)?,
        applications,
        lapses,
        fund,
    })
}

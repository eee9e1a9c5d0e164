//! Network totals, as the viewer may count them: now, or over one year.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
#[cfg(doc)]
use coophub_domain::case_study::YEARS;
use coophub_domain::sharing::Money;
use coophub_store::case_studies::{self, CaseStudyFilter};
use coophub_store::{DbConnection, bidding, sharing, stats};
use serde::Serialize;

use crate::AppError;
use crate::shapes::TenderValueBody;

/// What the network has, in numbers. With a `year`, the case studies,
/// placements and bids are that year's; co-ops, people, skills, offers and
/// requests are counted as they stand now either way.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatsView {
    /// The year counted, if one was asked for.
    pub year: Option<i32>,
    /// Approved member co-ops.
    pub coops: i64,
    /// People in approved co-ops (outside the network: public profiles only).
    pub people: i64,
    /// Distinct skills approved co-ops and their people list.
    pub skills: i64,
    /// Case studies (outside the network: those approved co-ops published);
    /// in a year, those of that year.
    pub case_studies: i64,
    /// The contract values those case studies state, one entry per currency,
    /// in minor units; case studies that state no value are left out.
    pub case_study_value: Vec<TenderValueBody>,
    /// Offers of time open now (not lapsed).
    pub open_offers: i64,
    /// Requests for time open now (not past their last day).
    pub open_requests: i64,
    /// Placements accepted or under way (in a year: with days in it).
    pub accepted_placements: i64,
    /// Placements completed (in a year: with days in it).
    pub completed_placements: i64,
    /// Person-days worked so far, up to and including today, in accepted,
    /// active and completed placements (in a year: that year's).
    pub days_placed: f64,
    /// Person-days booked from tomorrow on in accepted and active
    /// placements: promised, not yet worked (in a year: that year's).
    pub days_booked: f64,
    /// Bids opened, submitted and won, and the value won; to network members
    /// only (`null` outside the network: bids are their consortium's business,
    /// and early on a count would tell of one).
    pub bids: Option<BidStats>,
}

/// What the network's consortia have done.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BidStats {
    /// Bids opened (in a year: opened that year).
    pub formed: i64,
    /// Bids submitted, won and lost ones included (in a year: submitted that year).
    pub submitted: i64,
    /// Bids won (in a year: recorded won that year).
    pub won: i64,
    /// The value of won bids, one entry per currency, in minor units.
    pub value_won: Vec<TenderValueBody>,
}

/// The totals `viewer` may count on `now`, over `year` if one is given
/// (see [`YEARS`]; the faces check it).
pub fn network(
    conn: &mut DbConnection,
    viewer: &Viewer,
    year: Option<i32>,
    now: DateTime<Utc>,
) -> Result<StatsView, AppError> {
    let outsider = !viewer.sees_network_only();
    let totals = stats::network(conn, outsider)?;
    let studies = CaseStudyFilter {
        approved_owner_only: outsider,
        year,
        ..Default::default()
    };
    let placed = sharing::placements::totals(conn, now.date_naive(), year)?;
    let bids = if outsider {
        None
    } else {
        let tally = bidding::bids::tally(conn, year)?;
        Some(BidStats {
            formed: tally.formed,
            submitted: tally.submitted,
            won: tally.won,
            value_won: amounts(tally.value_won),
        })
    };
    Ok(StatsView {
        year,
        coops: totals.coops,
        people: totals.people,
        skills: totals.skills,
        case_studies: case_studies::count(conn, studies)?,
        case_study_value: amounts(case_studies::value_totals(conn, studies)?),
        open_offers: sharing::offers::count_live(conn, now)?,
        open_requests: sharing::requests::count_open(conn, now.date_naive())?,
        accepted_placements: placed.accepted,
        completed_placements: placed.completed,
        days_placed: placed.days_placed,
        days_booked: placed.days_booked,
        bids,
    })
}

fn amounts(sums: Vec<(String, i64)>) -> Vec<TenderValueBody> {
    sums.into_iter()
        .map(|(currency, amount)| Money { amount, currency }.into())
        .collect()
}

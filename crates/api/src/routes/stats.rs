//! `GET /api/v1/stats`: network totals.

use actix_web::{get, web};
use coophub_store::{bidding, sharing, stats};
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::problem::ApiError;
use coophub_domain::sharing::Money;

use crate::routes::bidding::opportunities::TenderValueBody;
use crate::state::AppState;

/// What the network has, in numbers.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatsView {
    /// Approved member co-ops.
    pub coops: i64,
    /// People in approved co-ops (outside the network: public profiles only).
    pub people: i64,
    /// Distinct skills approved co-ops and their people list.
    pub skills: i64,
    /// Case studies (outside the network: those approved co-ops published).
    pub case_studies: i64,
    /// Offers of time open now (not lapsed).
    pub open_offers: i64,
    /// Requests for time open now (not past their last day).
    pub open_requests: i64,
    /// Placements accepted or under way.
    pub accepted_placements: i64,
    /// Placements completed.
    pub completed_placements: i64,
    /// Person-days of accepted, active and completed placements.
    pub days_placed: f64,
    /// Bids opened, submitted and won, and the value won; to network members
    /// only (`null` outside the network: bids are their consortium's business,
    /// and early on a count would tell of one).
    pub bids: Option<BidStats>,
}

/// What the network's consortia have done.
#[derive(Debug, Serialize, ToSchema)]
pub struct BidStats {
    /// Bids opened.
    pub formed: i64,
    /// Bids submitted (won and lost ones included).
    pub submitted: i64,
    /// Bids won.
    pub won: i64,
    /// The value of won bids, one entry per currency, in minor units.
    pub value_won: Vec<TenderValueBody>,
}

/// Network totals, the network's proof of what it has achieved. Outside the
/// network they count only what outsiders may see (public people, case
/// studies published by approved co-ops).
#[utoipa::path(
    tag = "stats",
    security((), ("bearer" = [])),
    responses((status = 200, description = "Totals", body = StatsView))
)]
#[get("/stats")]
pub async fn show_stats(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<web::Json<StatsView>, ApiError> {
    let now = state.clock.now();
    let (_, (totals, offers, requests, placed, bids)) = state
        .read(caller, move |conn, viewer| {
            let bids = if viewer.sees_network_only() {
                Some(bidding::bids::tally(conn)?)
            } else {
                None
            };
            Ok((
                stats::network(conn, !viewer.sees_network_only())?,
                sharing::offers::count_live(conn, now)?,
                sharing::requests::count_open(conn, now.date_naive())?,
                sharing::placements::totals(conn)?,
                bids,
            ))
        })
        .await?;
    Ok(web::Json(StatsView {
        coops: totals.coops,
        people: totals.people,
        skills: totals.skills,
        case_studies: totals.case_studies,
        open_offers: offers,
        open_requests: requests,
        accepted_placements: placed.accepted,
        completed_placements: placed.completed,
        days_placed: placed.days_placed,
        bids: bids.map(|tally| BidStats {
            formed: tally.formed,
            submitted: tally.submitted,
            won: tally.won,
            value_won: tally
                .value_won
                .into_iter()
                .map(|(currency, amount)| Money { amount, currency }.into())
                .collect(),
        }),
    }))
}

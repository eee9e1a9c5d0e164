//! `GET /api/v1/stats`: network totals.

use actix_web::{get, web};
use coophub_app::directory::stats::{BidStats, StatsView};
use coophub_store::{bidding, sharing, stats};

use crate::auth::Caller;
use crate::problem::ApiError;
use coophub_domain::sharing::Money;

use crate::state::AppState;

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

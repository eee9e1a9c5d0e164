//! `GET /api/v1/stats`: network totals.

use actix_web::{get, web};
use coophub_store::stats;
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::problem::ApiError;
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
}

/// Network totals, the network's proof of what it has achieved. Outside the
/// network they count only what outsiders may see (public people, case
/// studies published by approved co-ops).
#[utoipa::path(
    tag = "stats",
    responses((status = 200, description = "Totals", body = StatsView))
)]
#[get("/stats")]
pub async fn show_stats(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<web::Json<StatsView>, ApiError> {
    let (_, totals) = state
        .read(caller, |conn, viewer| {
            Ok(stats::network(conn, !viewer.sees_network_only())?)
        })
        .await?;
    Ok(web::Json(StatsView {
        coops: totals.coops,
        people: totals.people,
        skills: totals.skills,
        case_studies: totals.case_studies,
    }))
}

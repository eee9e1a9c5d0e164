//! `GET /api/v1/stats`: network totals.

use actix_web::{get, web};
use coophub_store::stats;
use serde::Serialize;
use utoipa::ToSchema;

use crate::problem::ApiError;
use crate::state::AppState;

/// What the network has, in numbers.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatsView {
    /// Approved member co-ops.
    pub coops: i64,
    /// People in approved co-ops.
    pub people: i64,
    /// Distinct skills approved co-ops and their people list.
    pub skills: i64,
    /// Case studies.
    pub case_studies: i64,
}

/// Network totals, the network's proof of what it has achieved.
#[utoipa::path(
    tag = "stats",
    responses((status = 200, description = "Totals", body = StatsView))
)]
#[get("/stats")]
pub async fn show_stats(state: web::Data<AppState>) -> Result<web::Json<StatsView>, ApiError> {
    let totals = state.db(stats::network).await?;
    Ok(web::Json(StatsView {
        coops: totals.coops,
        people: totals.people,
        skills: totals.skills,
        case_studies: totals.case_studies,
    }))
}

//! `GET /api/v1/stats`: network totals.

use actix_web::{get, web};
use coophub_app::directory::stats::{self, StatsView};
use serde::Deserialize;

use crate::auth::Caller;
use crate::extract::{Query, Year};
use crate::problem::{ApiError, QueryString};
use crate::state::AppState;

/// Which totals to count.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct StatsQuery {
    /// A year from 1900 to 2100: that year's case studies, placements and
    /// bids (default: every year).
    #[param(value_type = Option<i32>, minimum = 1900, maximum = 2100)]
    pub year: Option<Year>,
}

/// Network totals, the network's proof of what it has achieved. Outside the
/// network they count only what outsiders may see (public people, case
/// studies published by approved co-ops).
#[utoipa::path(
    tag = "stats",
    security((), ("bearer" = [])),
    params(StatsQuery),
    responses(
        QueryString,
        (status = 200, description = "Totals", body = StatsView),
    )
)]
#[get("/stats")]
pub async fn show_stats(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<StatsQuery>,
) -> Result<web::Json<StatsView>, ApiError> {
    let now = state.clock.now();
    let year = query.0.year.map(|Year(year)| year);
    let (_, view) = state
        .read(caller, move |conn, viewer| {
            Ok(stats::network(conn, viewer, year, now)?)
        })
        .await?;
    Ok(web::Json(view))
}

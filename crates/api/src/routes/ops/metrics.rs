//! `GET /metrics`: Prometheus text exposition.

use actix_web::{HttpResponse, get, web};

use crate::middleware::{Gauges, Metrics};
use crate::problem::ApiError;
use crate::state::AppState;

/// Request counts and latencies per route, the process (CPU, memory, file
/// descriptors), the database pool and the webhook outbox's depth, in the
/// Prometheus text format.
#[utoipa::path(
    tag = "operations",
    security(()),
    responses((status = 200, description = "Prometheus metrics", body = String, content_type = "text/plain; version=0.0.4"))
)]
#[get("/metrics")]
pub async fn metrics(
    metrics: web::Data<Metrics>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let store = state.store.clone();
    let outbox = web::block(move || -> Result<i64, ApiError> {
        Ok(coophub_store::webhooks::outbox::pending(
            &mut *store.conn()?,
        )?)
    })
    .await
    .map_err(ApiError::internal)??;
    let (connections, idle, max) = state.store.pool_state();
    let gauges = Gauges {
        connections,
        idle,
        max,
        outbox,
    };
    let text = metrics.render(gauges).map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(text))
}

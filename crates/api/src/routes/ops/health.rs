//! `GET /healthz` (the process answers) and `GET /readyz` (it can serve:
//! the database answers and every migration is applied).

use actix_web::{get, web};
use serde::Serialize;
use utoipa::ToSchema;

use crate::problem::{ApiError, Problem};
use crate::state::AppState;

/// A health answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct HealthStatus {
    /// `ok` or `ready`.
    pub status: &'static str,
    /// The database backend, on readiness answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database: Option<&'static str>,
}

/// Liveness: answers as long as the process serves HTTP.
#[utoipa::path(
    tag = "operations",
    security(()),
    responses((status = 200, description = "Alive", body = HealthStatus))
)]
#[get("/healthz")]
pub async fn healthz() -> web::Json<HealthStatus> {
    web::Json(HealthStatus {
        status: "ok",
        database: None,
    })
}

/// Readiness: the database answers and has every migration applied.
#[utoipa::path(
    tag = "operations",
    security(()),
    responses(
        (status = 200, description = "Ready to serve", body = HealthStatus),
        (status = 503, description = "Database unreachable or migrations pending", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> Result<web::Json<HealthStatus>, ApiError> {
    let store = state.store.clone();
    crate::state::blocking(move || {
        store
            .check_ready()
            .map_err(|error| ApiError::Unavailable(error.to_string()))
    })
    .await?;
    Ok(web::Json(HealthStatus {
        status: "ready",
        database: Some(state.store.backend().name()),
    }))
}

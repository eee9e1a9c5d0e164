//! `GET /api/v1/coops/{slug}/murmurations`: the co-op as a Murmurations
//! `organizations_schema-v1.0.0` profile, so that anyone can aggregate it.

use actix_web::{get, web};
use coophub_app::directory::murmurations::{self, MurmurationsProfile};

use crate::auth::Caller;
use crate::problem::{ApiError, Problem};
use crate::state::AppState;

/// The co-op as a Murmurations organisation profile (`organizations_schema-v1.0.0`).
#[utoipa::path(
    tag = "coops",
    security((), ("bearer" = [])),
    params(("slug" = String, Path, description = "The co-op's slug")),
    responses(
        (status = 200, description = "The profile", body = MurmurationsProfile),
        (status = 404, description = "No such co-op (or not visible to you)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/coops/{slug}/murmurations")]
pub async fn murmurations_profile(
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
) -> Result<web::Json<MurmurationsProfile>, ApiError> {
    let base = format!("{}/api/v1", state.public_url);
    let (_, profile) = state
        .read(caller, move |conn, viewer| {
            Ok(murmurations::coop_profile(conn, viewer, &slug, &base)?)
        })
        .await?;
    Ok(web::Json(profile))
}

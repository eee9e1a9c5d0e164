//! `POST /api/v1/coops`: add a co-op; its creator becomes its admin.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_domain::coop::{CoopInput, Membership};
use coophub_store::coops;

use super::{CoopRequest, CoopView, coop_response};
use crate::auth::{CurrentUser, Viewer};
use crate::extract::Json;
use crate::problem::{ApiError, Problem};
use crate::state::AppState;

/// Adds a co-op. Its membership starts as `applied`; the creator becomes its admin.
#[utoipa::path(
    tag = "coops",
    security(("bearer" = [])),
    request_body = CoopRequest,
    responses(
        (status = 201, description = "Created", body = CoopView,
            headers(("ETag" = String, description = "Version"), ("Location" = String, description = "The new co-op"))),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The slug is taken", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/coops")]
pub async fn create_coop(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Json<CoopRequest>,
) -> Result<HttpResponse, ApiError> {
    let input = CoopInput::parse(body.0.into())?;
    let now = state.clock.now();
    let creator = user.0.id;
    let coop = state
        .db(move |conn| coops::insert(conn, &input, &Membership::applied(now), Some(creator), now))
        .await
        .map_err(slug_taken)?;
    let viewer = Viewer {
        user: Some(user.0),
        network_member: false,
    };
    Ok(coop_response(StatusCode::CREATED, coop, &viewer, now))
}

/// A taken slug, said plainly.
pub(crate) fn slug_taken(error: ApiError) -> ApiError {
    match error {
        ApiError::Conflict { .. } => ApiError::Conflict {
            code: "slug_taken",
            detail: "another co-op already has this slug".into(),
        },
        other => other,
    }
}

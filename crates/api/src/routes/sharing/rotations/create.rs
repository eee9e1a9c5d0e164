//! `POST /api/v1/rotations`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::sharing::rotations;
use coophub_domain::sharing::RotationInput;

use super::{RotationBody, RotationView};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, Problem, TokenRequired};
use crate::state::AppState;

/// A person asks, privately, to rotate off their current work. Only they
/// and their co-op's admins will ever see it.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    request_body = RotationBody,
    responses(
        TokenRequired, JsonBody,
        (status = 201, description = "Asked", body = RotationView),
        (status = 403, description = "Only the person themselves may ask", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person (or not one the caller may act for)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/rotations")]
pub async fn create_rotation(
    state: web::Data<AppState>,
    caller: SignedIn,
    body: Checked<RotationBody>,
) -> Result<HttpResponse, ApiError> {
    let (person_id, input) = body.check(|body| {
        let input = RotationInput::parse(body.draft())?;
        Ok((body.person_id, input))
    })?;
    let now = state.clock.now();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(rotations::create(conn, viewer, person_id, &input, now)?)
        })
        .await?;
    let mut response = HttpResponse::build(StatusCode::CREATED);
    response.insert_header(("Location", format!("/api/v1/rotations/{}", view.id)));
    Ok(response.json(view))
}

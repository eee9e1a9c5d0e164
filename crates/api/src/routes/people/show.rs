//! `GET /api/v1/people/{id}`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use super::{PersonView, person_response, visible_person};
use crate::auth::Viewer;
use crate::problem::{ApiError, Problem};
use crate::state::AppState;

/// One person, with its `ETag`.
#[utoipa::path(
    tag = "people",
    params(("id" = Uuid, Path, description = "The person's id")),
    responses(
        (status = 200, description = "The person", body = PersonView),
        (status = 404, description = "No such person (or not visible to you)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/people/{id}")]
pub async fn show_person(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let (person, coop, access) = visible_person(&state, &viewer, id.into_inner()).await?;
    let view = PersonView::new(person, &coop, access.detail(), state.clock.now());
    Ok(person_response(StatusCode::OK, view))
}

//! `GET /api/v1/people/{id}`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use super::{PersonView, person_response};
use crate::auth::Caller;
use crate::problem::{ApiError, Problem};
use crate::state::AppState;
use coophub_app::directory::people;

/// One person, with its `ETag`.
#[utoipa::path(
    tag = "people",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The person's id")),
    responses(
        (status = 200, description = "The person", body = PersonView),
        (status = 404, description = "No such person (or not visible to you)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/people/{id}")]
pub async fn show_person(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let now = state.clock.now();
    let (_, view) = state
        .read(caller, move |conn, viewer| {
            Ok(people::show(conn, viewer, id, now)?)
        })
        .await?;
    Ok(person_response(StatusCode::OK, view))
}
